import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export type PostmasterState = 'none' | 'cleared' | 'stopped' | 'owned';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

function parentOf(pid: number): number {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces, so read after the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !alive(pid);
}

/**
 * Before starting the embedded cluster: a postmaster.pid left by a server that was killed (kill -9 leaves its
 * postmaster running, orphaned, and every restart then failed on "postmaster.pid already exists").
 * - no such process (or not a postgres): the file is stale, remove it;
 * - a postgres whose parent is another live Gongyi (node) process: it is in use, report 'owned';
 * - an orphan (its parent died): fast shutdown (SIGINT), then immediate (SIGQUIT), then SIGKILL.
 */
export async function clearStalePostmaster(dataDir: string, log: (line: string) => void): Promise<PostmasterState> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return 'none';
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid) || !/postgres/.test(cmdline(pid))) {
    rmSync(pidFile, { force: true });
    log(`removed a stale postmaster.pid (process ${pid} is gone)`);
    return 'cleared';
  }
  const parent = parentOf(pid);
  if (parent > 1 && parent !== process.pid && alive(parent) && /node/.test(cmdline(parent))) return 'owned';
  log(`stopping the orphaned embedded PostgreSQL left by a killed server (pid ${pid})`);
  for (const [signal, ms] of [
    ['SIGINT', 15_000],
    ['SIGQUIT', 5_000],
    ['SIGKILL', 5_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
    if (await waitForExit(pid, ms)) break;
  }
  // After SIGKILL PostgreSQL had no chance to remove its lock file.
  if (existsSync(pidFile) && !alive(pid)) rmSync(pidFile, { force: true });
  return 'stopped';
}
