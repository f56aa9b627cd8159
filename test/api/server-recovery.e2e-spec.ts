import { adminQuery, TEST_APP_PASSWORD, TEST_ENV, withDatabase } from '@gongyi/database/test-databases';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { adminPasswordFrom, freePort, ServerProcess, spawnServer, waitForHealth } from '../support/server-process';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const postmasterPid = (dataDir: string) => Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

async function stop(server: ServerProcess): Promise<number | null> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  return server.exited;
}

async function login(baseUrl: string, password: string | undefined): Promise<number> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password }),
  });
  return res.status;
}

/** The server recovers by itself (issue 11 item 6). */
describe('server recovery on embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongyi-recover-'));
  let env: Record<string, string | undefined>;
  let baseUrl: string;
  let password: string | undefined;
  const running: ServerProcess[] = [];

  beforeAll(async () => {
    env = { DATABASE_URL: undefined, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), PORT: String(await freePort()) };
    baseUrl = `http://127.0.0.1:${env.PORT}`;
  });
  afterAll(async () => {
    for (const server of running) await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes the one-time password to a 0600 file when stdout is not a terminal, never into the output', async () => {
    const first = spawnServer(env);
    running.push(first);
    await waitForHealth(baseUrl, first);
    const file = join(dataDir, 'secrets', 'admin-one-time-password');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    password = adminPasswordFrom(first.output());
    expect(password).toBe(readFileSync(file, 'utf8').trim());
    expect(first.output()).not.toContain(password!);
    expect(await login(baseUrl, password)).toBe(200);
  }, 120_000);

  it('comes up healthy after kill -9, stopping the orphaned postmaster first', async () => {
    const first = running.pop()!;
    const orphan = postmasterPid(dataDir);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(alive(orphan)).toBe(true); // what used to block every restart

    const second = spawnServer(env);
    running.push(second);
    await waitForHealth(baseUrl, second, 90_000);
    expect(second.output()).not.toContain('启动失败');
    expect(second.output()).not.toMatch(/one-time password/);
    expect(alive(orphan)).toBe(false);
    expect(await login(baseUrl, password)).toBe(200);
  }, 120_000);

  it('answers 503 while its PostgreSQL is down, restarts it and carries on', async () => {
    const server = running[running.length - 1];
    const pid = postmasterPid(dataDir);
    process.kill(pid, 'SIGKILL');
    const statuses = new Set<number>();
    const deadline = Date.now() + 60_000;
    let recovered = false;
    while (Date.now() < deadline) {
      const health = await fetch(`${baseUrl}/api/health`).catch(() => undefined);
      if (health) statuses.add(health.status);
      if (health?.status === 503) {
        const body = (await health.json()) as { code: string; message: string };
        expect(body.message).toContain('数据库');
        statuses.add(await login(baseUrl, password));
      }
      if (health?.ok && statuses.has(503)) {
        recovered = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(statuses.has(503)).toBe(true);
    expect([...statuses].some((s) => s >= 500 && s !== 503)).toBe(false);
    expect(recovered).toBe(true);
    expect(postmasterPid(dataDir)).not.toBe(pid);
    expect(server.output()).toContain('embedded PostgreSQL restarted');
    expect(await login(baseUrl, password)).toBe(200);
  }, 90_000);

  it('stops pg-boss before the database on SIGTERM, logging no error', async () => {
    const server = running.pop()!;
    const before = server.output().length;
    const pid = postmasterPid(dataDir);
    expect(await stop(server)).toBe(0);
    const tail = server.output().slice(before);
    expect(tail).not.toMatch(/ERROR|pg-boss:|Error:/);
    expect(alive(pid)).toBe(false);
  }, 60_000);
});

describe('two processes starting together on an empty database', () => {
  const adminUrl = process.env[TEST_ENV.adminUrl]!;
  const name = `gongyi_twostart_${process.pid}`;
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const server of servers) await stop(server);
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('both come up, and only one admin is created', async () => {
    await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
    const url = withDatabase(adminUrl, name);
    const ports = [await freePort(), await freePort()];
    const dataDir = mkdtempSync(join(tmpdir(), 'gongyi-twostart-'));
    // The app role is cluster-wide: keep the password the other test files use (see db-roles.e2e-spec.ts).
    mkdirSync(join(dataDir, 'secrets'));
    writeFileSync(join(dataDir, 'secrets', 'db-app-password'), TEST_APP_PASSWORD);
    for (const port of ports) servers.push(spawnServer({ DATABASE_URL: url, DATA_DIR: dataDir, PORT: String(port) }));
    await Promise.all(servers.map((s, i) => waitForHealth(`http://127.0.0.1:${ports[i]}`, s, 120_000)));
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: number }>('SELECT count(*)::int AS count FROM users WHERE is_platform_admin');
      expect(rows[0].count).toBe(1);
    } finally {
      await client.end();
    }
    const announced = servers.filter((s) => /one-time password/.test(s.output()));
    expect(announced).toHaveLength(1);
    rmSync(dataDir, { recursive: true, force: true });
  }, 150_000);
});
