import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where global setup tells the browser tests how to reach the server. */
export const BROWSER_ENV = {
  baseUrl: 'GONGYI_BROWSER_BASE_URL',
  adminPassword: 'GONGYI_BROWSER_ADMIN_PASSWORD',
  /** The server's database, for tests that must move time (see test/browser/browser-api.ts). */
  databaseUrl: 'GONGYI_BROWSER_DATABASE_URL',
} as const;

/** Where the built server's embedded PostgreSQL listens (libs/database/src/embedded-postgres.ts: user, password, database). */
export function embeddedDatabaseUrl(port: string): string {
  return `postgres://postgres:gongyi-embedded@127.0.0.1:${port}/gongyi`;
}

export interface BuiltServer {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const ADMIN_PASSWORD_LINE = /login "admin", one-time password "([^"]+)"/;

/** Runs the built server the way `npm start` does: `node dist/apps/api/src/main.js`. */
export function startBuiltServer(env: Record<string, string | undefined>, cwd = process.cwd()): BuiltServer {
  const entry = join(cwd, 'dist/apps/api/src/main.js');
  if (!existsSync(entry)) throw new Error(`${entry} missing: run \`npm run build\` first`);
  if (!existsSync(join(cwd, 'dist/web/index.html'))) throw new Error('dist/web/index.html missing: run `npm run build:web` first');
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  const child = spawn(process.execPath, [entry], { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits for /api/health and for the first-start log line that carries the admin's one-time password. */
export async function waitForServer(baseUrl: string, server: BuiltServer, timeoutMs = 120_000): Promise<{ adminPassword: string }> {
  const deadline = Date.now() + timeoutMs;
  let healthy = false;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited early (code ${server.child.exitCode}):\n${server.output()}`);
    if (!healthy) {
      try {
        healthy = (await fetch(`${baseUrl}/api/health`)).ok;
      } catch {
        // not listening yet
      }
    }
    const match = ADMIN_PASSWORD_LINE.exec(server.output());
    if (healthy && match) return { adminPassword: match[1] };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not ready in ${timeoutMs} ms (healthy: ${healthy}); output:\n${server.output()}`);
}

/** SIGTERM (the server closes Nest and its embedded PostgreSQL), then SIGKILL if it hangs. */
export async function stopBuiltServer(server: BuiltServer, graceMs = 20_000): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
  if ((await Promise.race([server.exited, timer])) === 'timeout') {
    server.child.kill('SIGKILL');
    await server.exited;
  }
}

/** After a hard kill the embedded cluster may outlive the server: stop it by the pid it wrote. */
export function stopOrphanPostgres(pgDataDir: string): void {
  const pidFile = join(pgDataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGINT'); // PostgreSQL "fast shutdown"
  } catch {
    // already gone
  }
}
