import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminPasswordFrom, freePort, spawnServer, waitForHealth } from '../support/server-process';

/** The server as users start it: embedded PostgreSQL, data kept in DATA_DIR between starts. */
describe('server start on embedded PostgreSQL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongyi-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps data across a restart and creates the admin only on first start', async () => {
    const env = { DATABASE_URL: undefined, DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), PORT: String(await freePort()) };
    const baseUrl = `http://127.0.0.1:${env.PORT}`;

    const first = spawnServer(env);
    await waitForHealth(baseUrl, first);
    const password = adminPasswordFrom(first.output());
    expect(password).toBeDefined();
    // A random superuser password per install, readable by the server's user only.
    const secret = join(dataDir, 'secrets', 'pg-superuser-password');
    expect(statSync(secret).mode & 0o777).toBe(0o600);
    expect(readFileSync(secret, 'utf8').trim()).toMatch(/^[0-9a-f]{48}$/);
    const login = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password }),
    });
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    // Nothing else answers until the one-time password is replaced.
    const early = await fetch(`${baseUrl}/api/communities`, { method: 'POST', headers: auth, body: JSON.stringify({ name: '太早' }) });
    expect(early.status).toBe(403);
    const changed = await fetch(`${baseUrl}/api/auth/password`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ currentPassword: password, newPassword: 'Restart-admin-123' }),
    });
    expect(changed.status).toBe(204);
    const created = await fetch(`${baseUrl}/api/communities`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: '重启测试小区' }),
    });
    expect(created.status).toBe(201);
    first.child.kill('SIGTERM');
    await first.exited;

    const second = spawnServer(env);
    await waitForHealth(baseUrl, second);
    try {
      expect(second.output()).not.toContain('one-time password');
      const relogin = await fetch(`${baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'admin', password: 'Restart-admin-123' }),
      });
      expect(relogin.status).toBe(200);
      const { token: token2 } = (await relogin.json()) as { token: string };
      const list = await fetch(`${baseUrl}/api/communities`, { headers: { authorization: `Bearer ${token2}` } });
      expect(((await list.json()) as { name: string }[]).map((c) => c.name)).toEqual(['重启测试小区']);
      const page = await fetch(`${baseUrl}/api/health`);
      expect(((await page.json()) as { database: { version: string } }).database.version).toMatch(/^18/);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 120_000);

  it('stops with a one-line message naming a bad setting', async () => {
    const server = spawnServer({ PORT: 'eighty', DATA_DIR: dataDir });
    expect(await server.exited).toBe(1);
    const lines = server.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('PORT');
  });
});
