// globalSetup runs outside Jest's module mapper, so the @gongyi/* aliases come from tsconfig paths.
import 'tsconfig-paths/register';
import { startEmbeddedPostgres } from '@gongyi/database/embedded-postgres';
import { adminQuery, dropDatabasesWithPrefix, TEST_APP_PASSWORD, TEST_ENV, withDatabase } from '@gongyi/database/test-databases';
import { ensureAppRole } from '@gongyi/database/db-roles';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../apps/api/src/bootstrap';
import { freePort } from './server-process';

declare global {
  var __GONGYI_TEST_TEARDOWN__: (() => Promise<void>) | undefined;
}

/**
 * Starts PostgreSQL for the whole run (embedded in a temporary folder, or the
 * server named by DATABASE_URL), migrates one template database, and tells the
 * test files how to copy it.
 */
export default async function globalSetup(): Promise<void> {
  const prefix = `gongyi_t${process.pid}`;
  let adminUrl: string;
  let stop: (() => Promise<void>) | undefined;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    const port = await freePort();
    const embedded = await startEmbeddedPostgres({
      dataDir: mkdtempSync(join(tmpdir(), 'gongyi-test-pg-')),
      port,
      database: 'postgres',
      persistent: false,
      password: randomBytes(16).toString('hex'),
    });
    adminUrl = embedded.adminUrl;
    stop = embedded.stop;
  }
  const template = `${prefix}_template`;
  await dropDatabasesWithPrefix(adminUrl, prefix);
  await adminQuery(adminUrl, `CREATE DATABASE "${template}"`);
  // The suites run as the app role, as the server does (tables owned by the migrating superuser).
  await ensureAppRole(adminUrl, TEST_APP_PASSWORD);
  await migrate(withDatabase(adminUrl, template));
  process.env[TEST_ENV.adminUrl] = adminUrl;
  process.env[TEST_ENV.template] = template;
  process.env[TEST_ENV.prefix] = prefix;
  globalThis.__GONGYI_TEST_TEARDOWN__ = async () => {
    await dropDatabasesWithPrefix(adminUrl, prefix);
    await stop?.();
  };
}
