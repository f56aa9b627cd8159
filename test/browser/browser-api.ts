import { hash } from 'argon2';
import { Client } from 'pg';
import { BROWSER_ENV } from '../support/browser-server';
import { serverUnderTest } from '../support/browser-chromium';

/**
 * Preparing state through the HTTP API of the server under test, so a browser test only drives the pages it is
 * about. Nothing here reaches into the server except `withDatabase`, which tests use only to move time.
 */

/** The password web-shell.browser-spec.ts sets on the admin's first login (specs run in any order). */
export const ADMIN_NEW_PASSWORD = 'Gongyi2026admin';
export const TEST_PASSWORD = 'Ceshi2026pass';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: { code?: string; message?: string } & Record<string, unknown>,
    what: string,
  ) {
    super(`${what}: ${status} ${JSON.stringify(body)}`);
  }
}

export async function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  { token, body, file }: { token?: string; body?: unknown; file?: { field?: string; name: string; content: Buffer; type?: string } } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload: BodyInit | undefined;
  if (file) {
    const form = new FormData();
    form.append(file.field ?? 'file', new Blob([new Uint8Array(file.content)], { type: file.type ?? 'text/csv' }), file.name);
    payload = form;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${serverUnderTest().baseUrl}/api${path}`, { method, headers, body: payload });
  const text = await res.text();
  const json = text ? (JSON.parse(text) as T & Record<string, unknown>) : (undefined as T);
  if (!res.ok) throw new HttpError(res.status, (json ?? {}) as HttpError['body'], `${method} ${path}`);
  return json;
}

export async function login(loginName: string, password: string): Promise<string> {
  return (await api<{ token: string }>('POST', '/auth/login', { body: { login: loginName, password } })).token;
}

export const FIXTURE_ADMIN = 'fixture.admin';
export const FIXTURE_ADMIN_PASSWORD = 'Fixture2026admin';

/**
 * A token of a second platform admin for preparing state. The first admin's one-time password must be replaced
 * before the server answers anything (web-shell.browser-spec.ts does that in the browser, in whatever order the
 * specs run), so fixtures do not use it. Test support only: the row is written through the database, because a
 * deployment has exactly one way to get a platform admin (first start).
 */
export async function adminToken(): Promise<string> {
  try {
    return await login(FIXTURE_ADMIN, FIXTURE_ADMIN_PASSWORD);
  } catch {
    const passwordHash = await hash(FIXTURE_ADMIN_PASSWORD, { type: 2, memoryCost: 19456, timeCost: 2 });
    await withDatabase((db) =>
      db.query(
        `INSERT INTO users (login_name, display_name, password_hash, is_platform_admin) VALUES ($1, '测试平台管理员', $2, true)
         ON CONFLICT (login_name) DO NOTHING`,
        [FIXTURE_ADMIN, passwordHash],
      ),
    );
    return login(FIXTURE_ADMIN, FIXTURE_ADMIN_PASSWORD);
  }
}

let counter = 0;
/** A name no other spec uses: login names and community names are unique per server. */
export function unique(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${(++counter).toString(36)}`;
}

export interface Person {
  userId: string;
  login: string;
  password: string;
  token: string;
  name: string;
}

/** An account with a known password (no one-time password to change), holding `roles` in the community. */
export async function createPerson(admin: string, communityId: string, name: string, roles: string[]): Promise<Person> {
  const loginName = unique('t').toLowerCase();
  // The person registers themselves (no one sets a password for another), then the admin grants the roles.
  const created = await api<{ user: { id: string } }>('POST', '/users', {
    body: { loginName, displayName: name, password: TEST_PASSWORD },
  });
  for (const role of roles) await grantRole(admin, communityId, created.user.id, role);
  const person = { userId: created.user.id, login: loginName, password: TEST_PASSWORD, token: await login(loginName, TEST_PASSWORD), name };
  if (roles.includes('residents_committee') && !residentsCommitteeOf.has(communityId)) residentsCommitteeOf.set(communityId, person);
  return person;
}

/** The residents'-committee holder createPerson seated in each community: it confirms the admin's later grants. */
const residentsCommitteeOf = new Map<string, Person>();

/**
 * The admin grants a role: directly while no residents'-committee holder is in office (the first appointments),
 * otherwise as a request the residents'-committee holder createPerson seated confirms (as the API requires).
 */
export async function grantRole(admin: string, communityId: string, userId: string, role: string): Promise<void> {
  try {
    await api('POST', `/communities/${communityId}/roles`, { token: admin, body: { userId, role } });
    return;
  } catch (e) {
    if (!(e instanceof HttpError) || e.body.code !== 'role_grant_needs_confirmation') throw e;
  }
  const confirmer = residentsCommitteeOf.get(communityId);
  if (!confirmer) throw new Error('grantRole: the residents\u2019 committee holder was not seated by createPerson');
  const asked = await api<{ id: string }>('POST', `/communities/${communityId}/roles/requests`, { token: admin, body: { userId, role } });
  await api('POST', `/communities/${communityId}/roles/requests/${asked.id}/confirm`, { token: confirmer.token });
}

export async function createCommunity(admin: string, name: string): Promise<string> {
  return (await api<{ id: string }>('POST', '/communities', { token: admin, body: { name, district: '杭州市西湖区' } })).id;
}

export function csvWithBom(lines: string[]): Buffer {
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/**
 * Runs SQL against the server's database. Browser tests use it ONLY to move time that cannot pass during a test
 * (the 15-day notice period) or to stand in for a step that has no route yet; each use says which.
 */
export async function withDatabase<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const url = process.env[BROWSER_ENV.databaseUrl];
  if (!url) throw new Error('browser test environment missing the database URL: run through `jest --config jest.browser.config.js`');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
