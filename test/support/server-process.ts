import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs the server from source (ts-node, transpile only) the way `npm start` runs the build. */
export function spawnServer(env: Record<string, string | undefined>, entry = 'apps/api/src/main.ts'): ServerProcess {
  const childEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  const child = spawn(process.execPath, ['-r', './scripts/register.js', entry], { env: childEnv, cwd: process.cwd() });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

export async function waitForHealth(baseUrl: string, server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not healthy in time:\n${server.output()}`);
}

/**
 * The admin's one-time password from the first start: on a terminal it is printed; with stdout piped (as
 * here) the server writes it to DATA_DIR/secrets and prints only the file's path.
 */
export function adminPasswordFrom(output: string): string | undefined {
  const printed = /one-time password "([^"]+)"/.exec(output)?.[1];
  if (printed) return printed;
  const file = /one-time password in file "([^"]+)"/.exec(output)?.[1];
  return file ? readFileSync(file, 'utf8').trim() : undefined;
}
