import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { superuserPasswordFile } from '@gongyi/database/embedded-secrets';
import { adminPasswordFrom } from './server-process';

/** Where global setup tells the browser tests how to reach the server. */
export const BROWSER_ENV = {
  baseUrl: 'GONGYI_BROWSER_BASE_URL',
  adminPassword: 'GONGYI_BROWSER_ADMIN_PASSWORD',
  /** The server's database, for tests that must move time (see test/browser/browser-api.ts). */
  databaseUrl: 'GONGYI_BROWSER_DATABASE_URL',
} as const;

/**
 * The built server's embedded PostgreSQL as its superuser (libs/database/src/embedded-postgres.ts: user,
 * database; the per-install password the server wrote under DATA_DIR/secrets).
 */
export function embeddedDatabaseUrl(port: string, dataDir: string): string {
  const password = readFileSync(superuserPasswordFile(join(dataDir, 'pg')), 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/gongyi`;
}

export interface BuiltServer {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs the built server the way `npm start` does: `node dist/apps/api/src/main.js`. */
export function startBuiltServer(env: Record<string, string | undefined>, cwd = process.cwd()): BuiltServer {
  const entry = join(cwd, 'dist/apps/api/src/main.js');
  if (!existsSync(entry)) throw new Error(`${entry} missing: run \`npm run build\` first`);
  if (!existsSync(join(cwd, 'dist/web/index.html'))) throw new Error('dist/web/index.html missing: run `npm run build:web` first');
  // Browser suites sign many people in from one address: generous budgets unless a spec sets its own.
  const limits = { LOGIN_RATE_PER_MINUTE: '100000', VERIFY_RATE_PER_MINUTE: '100000', PUBLIC_RATE_PER_MINUTE: '100000' };
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...limits, ...env };
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
    const adminPassword = healthy ? adminPasswordFrom(server.output()) : undefined;
    if (adminPassword) return { adminPassword };
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
