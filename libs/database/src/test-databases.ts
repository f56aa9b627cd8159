import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { APP_ROLE, roleUrl } from './db-roles';
import { quoteIdent } from './sql';

/**
 * The app role's password in test clusters. Roles are cluster-wide and several runs share the service
 * PostgreSQL, so every run sets the same value (a throwaway embedded cluster or trust auth anyway).
 */
export const TEST_APP_PASSWORD = 'gongyi-app-test';

/**
 * Per-run test databases: one migrated template, then a cheap copy per test file
 * (CREATE DATABASE … TEMPLATE), so files run in parallel and in any order.
 */
export const TEST_ENV = {
  adminUrl: 'GONGYI_TEST_ADMIN_URL',
  template: 'GONGYI_TEST_TEMPLATE',
  prefix: 'GONGYI_TEST_PREFIX',
} as const;

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery(adminUrl: string, sql: string, params: unknown[] = []): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql, params);
  } finally {
    await client.end();
  }
}

export async function createDatabaseFromTemplate(adminUrl: string, template: string, name: string): Promise<string> {
  // Several workers copy the same template at once; PostgreSQL refuses a copy while another
  // session is briefly connected to the template, so retry that one case.
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(adminUrl, `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
      return withDatabase(adminUrl, name);
    } catch (error) {
      const busy = /being accessed by other users/.test((error as Error).message);
      if (!busy || attempt >= 50) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}

export async function dropDatabasesWithPrefix(adminUrl: string, prefix: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const rows = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${prefix}%`]);
    for (const { datname } of rows.rows) {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    }
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database for the calling test file: `url` as its owner (superuser), `appUrl` as the app role. */
export async function createTestDatabase(): Promise<{ url: string; appUrl: string; drop: () => Promise<void> }> {
  const adminUrl = process.env[TEST_ENV.adminUrl];
  const template = process.env[TEST_ENV.template];
  const prefix = process.env[TEST_ENV.prefix];
  if (!adminUrl || !template || !prefix) {
    throw new Error('test database environment missing: run through jest (global-setup)');
  }
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const url = await createDatabaseFromTemplate(adminUrl, template, name);
  return { url, appUrl: roleUrl(url, APP_ROLE, TEST_APP_PASSWORD), drop: () => dropDatabase(adminUrl, name) };
}
