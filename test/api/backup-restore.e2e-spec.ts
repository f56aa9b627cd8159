import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STATEMENT_TYPE } from '@gongyi/pdf';
import { sampleStatement } from '@gongyi/pdf/samples';
import { dropDatabase, withDatabase } from '@gongyi/database/test-databases';
import { Client } from 'pg';
import { writeBackup } from '../../apps/api/src/backup/backup-file';
import { BackupService } from '../../apps/api/src/backup/backup.service';
import { JobsService } from '../../apps/api/src/jobs/jobs.service';
import { DocumentsService } from '../../apps/api/src/documents/documents.service';
import { Cast, chainCast, createItem } from '../support/chain-fixtures';
import { issueSealsWithPins, TEST_SEAL_PIN } from '../support/seal-fixtures';
import { freePort } from '../support/server-process';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');

/** Runs `npm run backup|restore -- file` the way an operator does (same node invocation as package.json). */
function run(script: 'backup' | 'restore', file: string, env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', './scripts/register.js', `scripts/${script}.ts`, file], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
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

const SNAPSHOT = {
  record: 'SELECT community_id, seq, hash, prev_hash, payload_digest FROM record_entries ORDER BY community_id, seq',
  heads: 'SELECT community_id, seq, hash FROM record_heads ORDER BY community_id',
  files: `SELECT id, document_id, revision, sha256, encode(sha256(bytes), 'hex') AS actual, size, is_final FROM document_files ORDER BY id`,
  seals: 'SELECT id, kind, term, status FROM seals ORDER BY id',
};

describe('backup and restore prove themselves', () => {
  let t: TestApp;
  let cast: Cast;
  let work: string;
  let restored: string;
  const adminUrl = () => withDatabase(t.ownerUrl, 'postgres');

  beforeAll(async () => {
    t = await createTestApp();
    work = mkdtempSync(join(tmpdir(), 'gongyi-backup-'));
    cast = await chainCast(t, []);
    // A chain with entries and a document sealed by both custodians (an act of the assembly).
    await issueSealsWithPins(t, cast.community, cast.director, [cast.residents, cast.director]);
    await createItem(t, cast, 'art278_5', '动用维修资金更换水泵');
    const doc = await t.app.get(DocumentsService).renderAndRegister(null, cast.community, {
      type: STATEMENT_TYPE,
      title: '公共收益收支明细表',
      sourceType: 'test',
      input: sampleStatement(),
      actorId: cast.clerk.userId,
    });
    const req = await t.http
      .post(`/api/communities/${cast.community}/seal-requests`)
      .set(bearer(cast.clerk.token))
      .send({ documentId: doc.id, decision: '业委会第1次会议决议' })
      .expect(201);
    await t.http
      .post(`/api/communities/${cast.community}/seal-requests/${req.body.id}/applications`)
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(201);
    // A vote closing waiting in pg-boss: a restored server must still close that vote on time.
    await t.app.get(JobsService).schedule('vote-close', 'backup-pending-close', new Date(Date.now() + 30 * 24 * 3600 * 1000), {
      communityId: cast.community,
      voteId: '00000000-0000-4000-8000-000000000001',
    });
    restored = `${new URL(t.ownerUrl).pathname.slice(1)}_restored`;
  });
  afterAll(async () => {
    await dropDatabase(adminUrl(), restored);
    await t.close();
  });

  it('backs up a database with a chain and sealed documents, restores it into a new database and verifies both', async () => {
    const sealedFiles = await t.ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM document_files WHERE seals::text NOT IN ('[]', '{}', 'null')`,
    );
    expect(sealedFiles[0].n).toBeGreaterThan(0);
    const file = join(work, 'gongyi.backup');
    const backup = await run('backup', file, { DATABASE_URL: t.ownerUrl, DATA_DIR: work });
    expect(backup.out).toContain('已备份');
    expect(backup.code).toBe(0);

    const target = withDatabase(t.ownerUrl, restored);
    const restore = await run('restore', file, { DATABASE_URL: target, DATA_DIR: work });
    expect(restore.out).toMatch(/✔ .*条记录完整/);
    expect(restore.out).toMatch(/✔ \d+ 个文书文件的 SHA-256 与记录一致/);
    expect(restore.out).toContain('恢复完成，校验通过');
    expect(restore.code).toBe(0);

    for (const sql of Object.values(SNAPSHOT)) {
      expect(await query(target, sql)).toEqual(await t.ownerQuery(sql));
    }
    const files = await query<{ sha256: string; actual: string }>(target, SNAPSHOT.files);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(f.actual).toBe(f.sha256);
    // The restored copy keeps history append-only for the app role and its record keeps growing from the head.
    const grants = await query<{ ok: boolean }>(target, `SELECT has_table_privilege('gongyi_app', 'record_entries', 'UPDATE') AS ok`);
    expect(grants[0].ok).toBe(false);
    await expect(query(target, `UPDATE document_files SET sha256 = 'x'`)).rejects.toThrow();
    const jobs = await query<{ name: string; data: Record<string, string> }>(
      target,
      `SELECT name, data FROM pgboss.job WHERE singleton_key = 'backup-pending-close' AND state = 'created'`,
    );
    expect(jobs).toEqual([{ name: 'vote-close', data: { communityId: cast.community, voteId: '00000000-0000-4000-8000-000000000001' } }]);
  });

  it('refuses to restore over a database that holds data, with a clear message, and changes nothing', async () => {
    const file = join(work, 'again.backup');
    expect((await run('backup', file, { DATABASE_URL: t.ownerUrl, DATA_DIR: work })).code).toBe(0);
    const before = await t.ownerQuery(SNAPSHOT.record);
    const refused = await run('restore', file, { DATABASE_URL: t.ownerUrl, DATA_DIR: work });
    expect(refused.code).toBe(2);
    expect(refused.out).toContain('目标数据库不是空的');
    expect(await t.ownerQuery(SNAPSHOT.record)).toEqual(before);
  });

  it('refuses a backup file cut short (no end marker) instead of restoring part of the history', async () => {
    const file = join(work, 'whole.backup');
    await writeBackup(t.ownerUrl, file);
    const cut = join(work, 'cut.backup');
    const lines = gunzipSync(readFileSync(file)).toString().split('\n');
    writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    const name = `${restored}_cut`;
    try {
      const res = await run('restore', cut, { DATABASE_URL: withDatabase(t.ownerUrl, name), DATA_DIR: work });
      expect(res.code).toBe(2);
      expect(res.out).toContain('备份文件不完整');
    } finally {
      await dropDatabase(adminUrl(), name);
    }
  });

  it('restores into an empty data folder (embedded PostgreSQL) and refuses one that already has a database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gongyi-restore-data-'));
    const port = String(await freePort());
    const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: port };
    const first = await run('restore', join(work, 'gongyi.backup'), env);
    expect(first.out).toContain('恢复完成，校验通过');
    expect(first.code).toBe(0);
    const second = await run('restore', join(work, 'gongyi.backup'), env);
    expect(second.code).toBe(2);
    expect(second.out).toContain('已有数据库');
  }, 120_000);

  // The embedded package rejects with nothing when postgres exits early; the restore once printed only
  // "Cannot read properties of undefined" (a port taken by another process in CI).
  it('says why when the embedded PostgreSQL cannot start (its port is taken), and leaves no database behind', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gongyi-restore-taken-'));
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const res = await run('restore', join(work, 'gongyi.backup'), { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(port) });
      expect(res.code).toBe(2);
      expect(res.out).toContain(`内置数据库未能启动（端口 ${port}）`);
      expect(res.out).not.toContain('undefined');
      expect(existsSync(join(dataDir, 'pg', 'PG_VERSION'))).toBe(false);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 120_000);

  it('the daily backup writes into BACKUP_DIR and removes backups older than BACKUP_KEEP_DAYS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongyi-daily-'));
    const old = join(dir, 'gongyi-20200101-030000.backup');
    const recent = join(dir, 'gongyi-20991231-030000.backup');
    const foreign = join(dir, 'notes.txt');
    for (const f of [old, recent, foreign]) writeFileSync(f, 'x');
    const longAgo = new Date(Date.now() - 20 * 24 * 3600 * 1000);
    utimesSync(old, longAgo, longAgo);
    utimesSync(foreign, longAgo, longAgo);
    const service = t.app.get(BackupService);
    const written = await service.runDaily({ dir, keepDays: 14 });
    const left = readdirSync(dir).sort();
    expect(left).toContain('notes.txt');
    expect(left).toContain('gongyi-20991231-030000.backup');
    expect(left).not.toContain('gongyi-20200101-030000.backup');
    expect(left).toContain(written.file.split('/').pop());
    // With BACKUP_DIR set the server puts the daily run on pg-boss's cron (in the default time zone).
    const scheduled = await createTestApp({ BACKUP_DIR: dir, BACKUP_KEEP_DAYS: '7' });
    try {
      const rows = await scheduled.ownerQuery('SELECT name, cron, timezone FROM pgboss.schedule');
      expect(rows).toEqual([{ name: 'backup-daily', cron: '0 3 * * *', timezone: 'Asia/Shanghai' }]);
    } finally {
      await scheduled.close();
    }
    // The written file is a real backup: it restores and verifies.
    const name = `${restored}_daily`;
    try {
      const res = await run('restore', written.file, { DATABASE_URL: withDatabase(t.ownerUrl, name), DATA_DIR: work });
      expect(res.out).toContain('恢复完成，校验通过');
    } finally {
      await dropDatabase(adminUrl(), name);
    }
  });
});
