import { MIGRATIONS } from '@gongyi/database/migrations';
import { quoteIdent } from '@gongyi/database/sql';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from 'pg';
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { type FileStore, sha256Of } from '../documents/file-store';

/**
 * A backup is a gzip file of lines, written from one REPEATABLE READ snapshot:
 *   H\t{header: format, migrations applied, sequences, pending jobs}
 *   T\t{table, columns}            then one R\t<row_to_json> line per row
 *   E\t{tables, rows}              end marker: a file cut short is refused at restore
 * Rows travel as PostgreSQL's own JSON of the row and go back through json_populate_recordset, so every
 * type (bytea PDFs, numeric area, bigint fen, jsonb payloads, timestamptz) returns byte-identical without
 * passing through JavaScript numbers. The schema is not in the file: restore runs the same migrations the
 * backup's database had, which also recreates roles' grants and the append-only triggers.
 *
 * Why not pg_dump: the embedded cluster is PostgreSQL 18 and its package ships no pg_dump; the machine's
 * pg_dump is older and refuses a newer server. This format needs only a connection, on any version.
 */
export const BACKUP_FORMAT = 'gongyi-backup';
const FORMAT_VERSION = 1;
const FETCH = 500;
const BATCH_BYTES = 4 * 1024 * 1024;

export interface BackupHeader {
  format: string;
  version: number;
  createdAt: string;
  serverVersion: string;
  migrations: string[];
  sequences: { name: string; lastValue: string; isCalled: boolean }[];
  jobs: {
    name: string;
    data: unknown;
    startAfter: string;
    singletonKey: string | null;
    retryLimit: number;
    retryDelay: number;
    retryBackoff: boolean;
  }[];
}

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
}

/** Refusals the command line prints as they are (Chinese first), with exit code 2. */
export class BackupRefused extends Error {}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

async function publicTables(client: Client): Promise<{ name: string; columns: string[] }[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name,
            array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'migrations'
      GROUP BY c.relname
      ORDER BY c.relname`,
  );
  return rows;
}

/** Writes the whole database behind `url` (its owner or a superuser) to `file`. */
export async function writeBackup(url: string, file: string): Promise<BackupSummary> {
  const client = await connect(url);
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(line + '\n')) await once(gzip, 'drain');
  };
  let tables = 0;
  let total = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = (await client.query<{ name: string }>('SELECT name FROM migrations ORDER BY id')).rows.map((r) => r.name);
    const sequences: BackupHeader['sequences'] = [];
    const seqNames = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY 1`,
    );
    for (const { name } of seqNames.rows) {
      const [row] = (
        await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value, is_called FROM ${quoteIdent(name)}`)
      ).rows;
      sequences.push({ name, lastValue: String(row.last_value), isCalled: row.is_called });
    }
    const hasBoss = (await client.query<{ t: string | null }>(`SELECT to_regclass('pgboss.job')::text AS t`)).rows[0].t;
    const jobs = hasBoss
      ? (
          await client.query<BackupHeader['jobs'][number]>(
            `SELECT name, data, start_after AS "startAfter", singleton_key AS "singletonKey", retry_limit AS "retryLimit",
                    retry_delay AS "retryDelay", retry_backoff AS "retryBackoff"
               FROM pgboss.job WHERE state IN ('created', 'retry') ORDER BY created_on`,
          )
        ).rows
      : [];
    const serverVersion = (await client.query<{ v: string }>('SHOW server_version')).rows[0].v;
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      serverVersion,
      migrations,
      sequences,
      jobs,
    };
    await write(`H\t${JSON.stringify(header)}`);
    for (const table of await publicTables(client)) {
      tables++;
      await write(`T\t${JSON.stringify(table)}`);
      const cols = table.columns.map(quoteIdent).join(', ');
      await client.query(
        `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(r)::text AS j FROM (SELECT ${cols} FROM ${quoteIdent(table.name)}) r`,
      );
      for (;;) {
        const { rows } = await client.query<{ j: string }>(`FETCH ${FETCH} FROM backup_rows`);
        for (const row of rows) await write(`R\t${row.j}`);
        total += rows.length;
        if (rows.length < FETCH) break;
      }
      await client.query('CLOSE backup_rows');
    }
    await write(`E\t${JSON.stringify({ tables, rows: total })}`);
    await client.query('COMMIT');
  } finally {
    gzip.end();
    await once(out, 'close');
    await client.end();
  }
  return { file, tables, rows: total };
}

async function* readLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) yield line;
  } catch (error) {
    throw new BackupRefused(`备份文件已损坏，无法解压 backup file is damaged: ${(error as Error).message}`);
  }
}

/** Reads only the header (which migrations, how many jobs) without loading the data. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  for await (const line of readLines(file)) return parseHeader(line);
  throw new BackupRefused('备份文件是空的 the backup file is empty');
}

function parseHeader(line: string): BackupHeader {
  const header = line.startsWith('H\t') ? (JSON.parse(line.slice(2)) as BackupHeader) : undefined;
  if (header?.format !== BACKUP_FORMAT) throw new BackupRefused('这不是共议的备份文件 not a Gongyi backup file');
  if (header.version > FORMAT_VERSION)
    throw new BackupRefused(`备份文件格式版本 ${header.version} 比本程序新，请用新版本恢复 backup format is newer`);
  return header;
}

/** Tables (any schema) already in the database: restore writes only into an empty one. */
export async function userTableCount(url: string): Promise<number> {
  const client = await connect(url);
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`,
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

const migrationName = (m: (typeof MIGRATIONS)[number]) => (new (m as new () => { name?: string })().name ?? m.name) as string;

async function runMigrations(url: string, migrations: typeof MIGRATIONS): Promise<void> {
  const dataSource = await new DataSource({ ...dataSourceOptions(url), migrations }).initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Restores `file` into the empty database behind `url` (owner/superuser): the backup's migrations, the rows
 * (with triggers and foreign keys held off while loading, as pg_restore does), sequences, this version's
 * later migrations, then the pending jobs (vote closings) through pg-boss.
 */
export async function restoreBackup(url: string, file: string): Promise<BackupSummary> {
  const existing = await userTableCount(url);
  if (existing > 0) {
    throw new BackupRefused(
      `目标数据库不是空的（已有 ${existing} 张表），恢复只写入空数据库，以免覆盖现有数据。请新建一个空数据库并让 DATABASE_URL 指向它。` +
        ` target database is not empty (${existing} tables)`,
    );
  }
  const header = await readBackupHeader(file);
  const known = new Map(MIGRATIONS.map((m) => [migrationName(m), m]));
  const unknown = header.migrations.filter((name) => !known.has(name));
  if (unknown.length) {
    throw new BackupRefused(
      `备份来自更新的版本（含本程序没有的数据库迁移 ${unknown.join('、')}），请用相同或更新的版本恢复 backup is from a newer version`,
    );
  }
  await runMigrations(
    url,
    MIGRATIONS.filter((m) => header.migrations.includes(migrationName(m))),
  );
  const client = await connect(url);
  let tables = 0;
  let rows = 0;
  try {
    await client.query('BEGIN');
    // Superuser only: restoring history rows must not fire the append-only and foreign-key triggers.
    await client.query(`SET LOCAL session_replication_role = replica`).catch(() => {
      throw new BackupRefused(
        '恢复需要数据库超级用户（或数据库所有者且可设置 session_replication_role） restore needs a superuser connection',
      );
    });
    const present = new Set((await publicTables(client)).map((t) => t.name));
    if (present.size) await client.query(`TRUNCATE ${[...present].map(quoteIdent).join(', ')}`);
    let table: { name: string; columns: string[] } | undefined;
    let batch: string[] = [];
    let bytes = 0;
    let ended = false;
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const cols = table.columns.map(quoteIdent).join(', ');
      const name = quoteIdent(table.name);
      await client.query(
        `INSERT INTO ${name} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${cols} FROM json_populate_recordset(NULL::${name}, $1::json)`,
        [`[${batch.join(',')}]`],
      );
      rows += batch.length;
      batch = [];
      bytes = 0;
    };
    let first = true;
    for await (const line of readLines(file)) {
      if (first) {
        first = false;
        continue;
      }
      const kind = line.slice(0, 2);
      if (kind === 'R\t') {
        batch.push(line.slice(2));
        bytes += line.length;
        if (batch.length >= FETCH || bytes >= BATCH_BYTES) await flush();
      } else if (kind === 'T\t') {
        await flush();
        table = JSON.parse(line.slice(2));
        if (!present.has(table!.name)) throw new BackupRefused(`备份中的表 ${table!.name} 在数据库结构中不存在 unknown table`);
        tables++;
      } else if (kind === 'E\t') {
        await flush();
        const end = JSON.parse(line.slice(2)) as { tables: number; rows: number };
        if (end.tables !== tables || end.rows !== rows) throw new BackupRefused('备份文件内容与结尾统计不符 backup file is inconsistent');
        ended = true;
      }
    }
    if (!ended) throw new BackupRefused('备份文件不完整（缺少结尾标记），可能在写入时中断 backup file is truncated');
    for (const seq of header.sequences) {
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [quoteIdent(seq.name), seq.lastValue, seq.isCalled]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
  await runMigrations(url, MIGRATIONS);
  if (header.jobs.length) await restoreJobs(url, header.jobs);
  return { file, tables, rows };
}

async function restoreJobs(url: string, jobs: BackupHeader['jobs']): Promise<void> {
  const boss = new PgBoss({ connectionString: url, schema: 'pgboss', max: 2, supervise: false, schedule: false });
  await boss.start();
  try {
    const queues = new Set<string>();
    for (const job of jobs) {
      if (job.name.startsWith('__')) continue; // pg-boss's own cron bookkeeping is recreated by the server
      if (!queues.has(job.name)) {
        await boss.createQueue(job.name);
        queues.add(job.name);
      }
      await boss.send(job.name, (job.data ?? {}) as object, {
        startAfter: new Date(job.startAfter),
        singletonKey: job.singletonKey ?? undefined,
        retryLimit: job.retryLimit,
        retryDelay: job.retryDelay,
        retryBackoff: job.retryBackoff,
      });
    }
  } finally {
    await boss.stop({ graceful: false, wait: true, timeout: 2000 });
  }
}

export interface DocumentCheck {
  /** Files whose bytes are in the database (and so in the backup file). */
  files: number;
  mismatched: { id: string; documentId: string; revision: number }[];
  /** FILE_STORE=s3: files whose bytes are in the bucket, not in the backup file. */
  inStore: number;
  /** …of which were read from the bucket and hashed (0 without a store to read from). */
  storeChecked: number;
  /** …of which are missing from the bucket or no longer hash to their SHA-256. */
  storeBad: { id: string; documentId: string; revision: number; problem: string }[];
}

// stored_in came with migration 1795730000000; read through to_jsonb so an older database still answers.
const IN_STORE = `to_jsonb(f) ->> 'stored_in' = 's3'`;

/** How many document files keep their bytes in the S3 store (FILE_STORE=s3): those are not in a backup file. */
export async function documentFilesInStore(url: string): Promise<number> {
  const client = await connect(url);
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM document_files f WHERE ${IN_STORE}`);
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/**
 * Every stored document file's bytes still hash to the SHA-256 recorded when it was made: those in the
 * database here, those in the S3 store when `store` can read them (FILE_STORE=s3 with the same bucket).
 */
export async function checkDocumentFiles(url: string, store?: Pick<FileStore, 'kind' | 'get'>): Promise<DocumentCheck> {
  const client = await connect(url);
  try {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM document_files f WHERE NOT (${IN_STORE})`);
    const bad = await client.query<{ id: string; documentId: string; revision: number }>(
      `SELECT id, document_id AS "documentId", revision FROM document_files f
        WHERE NOT (${IN_STORE}) AND (bytes IS NULL OR encode(sha256(bytes), 'hex') <> sha256 OR length(bytes) <> size) ORDER BY created_at`,
    );
    const external = await client.query<{ id: string; documentId: string; revision: number; sha256: string; size: number }>(
      `SELECT id, document_id AS "documentId", revision, sha256, size FROM document_files f WHERE ${IN_STORE} ORDER BY created_at`,
    );
    const storeBad: DocumentCheck['storeBad'] = [];
    let storeChecked = 0;
    if (store?.kind === 's3') {
      for (const f of external.rows) {
        const bytes = await store.get(f.sha256).catch((error: Error) => error);
        storeChecked++;
        if (bytes instanceof Error)
          storeBad.push({ id: f.id, documentId: f.documentId, revision: f.revision, problem: `missing: ${bytes.name}` });
        else if (sha256Of(bytes) !== f.sha256 || bytes.length !== f.size)
          storeBad.push({ id: f.id, documentId: f.documentId, revision: f.revision, problem: 'hash mismatch' });
      }
    }
    return { files: rows[0].n, mismatched: bad.rows, inStore: external.rows.length, storeChecked, storeBad };
  } finally {
    await client.end();
  }
}
