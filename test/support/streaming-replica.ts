import { execFile } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './server-process';

const run = promisify(execFile);

/**
 * A real primary and a streaming hot standby made with `pg_basebackup -R`, on loopback, for the replica test.
 * The embedded PostgreSQL package ships only initdb, pg_ctl and postgres (no pg_basebackup), so this uses the
 * machine's PostgreSQL server binaries (Debian's postgresql package: /usr/lib/postgresql/<major>/bin, which CI
 * installs for the service cluster), or PG_BINDIR. As root, the clusters run as the `postgres` user.
 */
export interface StreamingPair {
  primaryUrl: string;
  standbyUrl: string;
  /** Waits until the standby has replayed everything the primary has written so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export const REPLICATION_ROLE = 'gongyi_replication';
const REPLICATION_PASSWORD = 'gongyi-replication-test';

export function serverBinDir(): string {
  const candidates = [
    process.env.PG_BINDIR,
    ...(existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ].filter((d): d is string => !!d);
  const found = candidates.find((d) => ['initdb', 'pg_ctl', 'pg_basebackup'].every((b) => existsSync(join(d, b))));
  if (!found) {
    throw new Error(
      'no PostgreSQL server binaries with pg_basebackup (the embedded package has none): install postgresql or set PG_BINDIR',
    );
  }
  return found;
}

async function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export async function startStreamingPair(database = 'gongyi'): Promise<StreamingPair> {
  const bin = serverBinDir();
  const asRoot = process.getuid?.() === 0;
  const root = mkdtempSync(join(tmpdir(), 'gongyi-replica-'));
  // The clusters' owner must be able to reach (and, as root, own) the folder.
  chmodSync(root, 0o777);
  const primary = join(root, 'primary');
  const standby = join(root, 'standby');
  const as = async (cmd: string, args: string[], env: Record<string, string> = {}) => {
    const envArgs = Object.entries(env).map(([k, v]) => `${k}=${v}`);
    if (asRoot) return run('runuser', ['-u', 'postgres', '--', 'env', ...envArgs, join(bin, cmd), ...args], { cwd: root });
    return run(join(bin, cmd), args, { cwd: root, env: { ...process.env, ...env } });
  };
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const started: string[] = [];
  const stop = async () => {
    for (const dir of started.reverse()) await as('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await as('initdb', ['-D', primary, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    appendFileSync(
      join(primary, 'postgresql.conf'),
      [
        `port = ${primaryPort}`,
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = '${root}'`,
        'wal_level = replica',
        'max_wal_senders = 4',
        'fsync = off',
        '',
      ].join('\n'),
    );
    // The standby streams as a replication role with a password; nothing else may replicate.
    appendFileSync(join(primary, 'pg_hba.conf'), `host replication ${REPLICATION_ROLE} 127.0.0.1/32 scram-sha-256\n`);
    await as('pg_ctl', ['-D', primary, '-l', join(root, 'primary.log'), '-w', 'start']);
    started.push(primary);
    const primaryAdmin = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
    await query(primaryAdmin, `CREATE ROLE ${REPLICATION_ROLE} LOGIN REPLICATION PASSWORD '${REPLICATION_PASSWORD}'`);
    await query(primaryAdmin, `CREATE DATABASE ${database}`);
    // initdb's own pg_hba lines come first and trust every local replication connection: drop them, so the
    // password line above is the one that lets the standby in.
    await run('sed', ['-i', '/^host\\s\\+replication\\s\\+all/d;/^local\\s\\+replication\\s\\+all/d', join(primary, 'pg_hba.conf')]);
    await query(primaryAdmin, 'SELECT pg_reload_conf()');

    await as(
      'pg_basebackup',
      ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', REPLICATION_ROLE, '-D', standby, '-R', '-X', 'stream', '-c', 'fast'],
      {
        PGPASSWORD: REPLICATION_PASSWORD,
      },
    );
    appendFileSync(join(standby, 'postgresql.conf'), `port = ${standbyPort}\nhot_standby = on\n`);
    await as('pg_ctl', ['-D', standby, '-l', join(root, 'standby.log'), '-w', 'start']);
    started.push(standby);
  } catch (error) {
    await stop();
    throw error;
  }
  const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/${database}`;
  const standbyUrl = `postgres://postgres@127.0.0.1:${standbyPort}/${database}`;
  return {
    primaryUrl,
    standbyUrl,
    caughtUp: async (timeoutMs = 15_000) => {
      const [{ lsn }] = await query<{ lsn: string }>(primaryUrl, 'SELECT pg_current_wal_lsn()::text AS lsn');
      const until = Date.now() + timeoutMs;
      for (;;) {
        const [{ behind }] = await query<{ behind: boolean }>(standbyUrl, `SELECT pg_last_wal_replay_lsn() < $1::pg_lsn AS behind`, [lsn]);
        if (!behind) return;
        if (Date.now() > until) throw new Error(`standby did not replay up to ${lsn} in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop,
  };
}
