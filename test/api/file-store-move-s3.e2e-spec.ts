import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { STATEMENT_TYPE } from '@gongyi/pdf';
import { sampleStatement } from '@gongyi/pdf/samples';
import S3rver from 's3rver';
import { moveFilesToS3 } from '../../apps/api/src/backup/move-files-to-s3';
import { DocumentsService } from '../../apps/api/src/documents/documents.service';
import { objectKey, S3FileStore } from '../../apps/api/src/documents/file-store';
import { Cast, chainCast } from '../support/chain-fixtures';
import { issueSealsWithPins, TEST_SEAL_PIN } from '../support/seal-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const BUCKET = 'gongyi-documents';
const KEY = 'S3RVER';
const ROOT = resolve(__dirname, '../..');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface FileRow {
  id: string;
  sha256: string;
  size: number;
  storedIn: string;
  inRow: boolean;
}

/**
 * npm run files:move-to-s3 against a real S3-compatible server (s3rver): files sealed while FILE_STORE=database
 * move into the bucket, are served byte for byte by a server with FILE_STORE=s3, and a second run moves nothing.
 */
describe('files:move-to-s3: document files kept in the database move to the bucket', () => {
  let before: TestApp;
  let after: TestApp | undefined;
  let cast: Cast;
  let server: S3rver;
  let endpoint: string;
  let s3: S3Client;
  let store: S3FileStore;
  const docs: { id: string; number: string }[] = [];
  const original = new Map<string, Buffer>();
  const dir = mkdtempSync(join(tmpdir(), 'gongyi-move-s3-'));
  const s3Env = () => ({ FILE_STORE: 's3', S3_ENDPOINT: endpoint, S3_BUCKET: BUCKET, S3_ACCESS_KEY: KEY, S3_SECRET_KEY: KEY });
  const files = () =>
    before.ownerQuery<FileRow>(
      `SELECT id, sha256, size, stored_in AS "storedIn", bytes IS NOT NULL AS "inRow" FROM document_files ORDER BY id`,
    );
  const download = (t: TestApp, path: string, token?: string) => {
    const req = t.http.get(path).buffer(true).responseType('blob');
    return token ? req.set(bearer(token)) : req;
  };

  const sealStatement = async (title: string) => {
    const doc = await before.app.get(DocumentsService).renderAndRegister(null, cast.community, {
      type: STATEMENT_TYPE,
      title,
      sourceType: 'test',
      input: sampleStatement(),
      actorId: cast.clerk.userId,
    });
    const req = await before.http
      .post(`/api/communities/${cast.community}/seal-requests`)
      .set(bearer(cast.clerk.token))
      .send({ documentId: doc.id, decision: '业委会第1次会议决议' })
      .expect(201);
    await before.http
      .post(`/api/communities/${cast.community}/seal-requests/${req.body.id}/applications`)
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(201);
    return doc;
  };

  beforeAll(async () => {
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: KEY, secretAccessKey: KEY } });
    store = new S3FileStore({
      kind: 's3',
      bucket: BUCKET,
      endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      accessKey: KEY,
      secretKey: KEY,
    });
    before = await createTestApp({ FILE_STORE: 'database' });
    cast = await chainCast(before, []);
    await issueSealsWithPins(before, cast.community, cast.director, [cast.residents, cast.director]);
    for (const title of ['公共收益收支明细表（一月）', '公共收益收支明细表（二月）']) {
      const doc = await sealStatement(title);
      docs.push(doc);
      const file = await download(before, `/api/communities/${cast.community}/documents/${doc.id}/file`, cast.clerk.token).expect(200);
      original.set(doc.id, file.body as Buffer);
    }
  });
  afterAll(async () => {
    await after?.close();
    await before?.close();
    store?.destroy();
    s3?.destroy();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves every file kept in the database, checks each object in the bucket and clears the bytes of its row', async () => {
    const rows = await files();
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.storedIn === 'database' && r.inRow)).toBe(true);

    const lines: string[] = [];
    const summary = await moveFilesToS3(before.ownerUrl, store, { batchSize: 1, log: (l) => lines.push(l) });
    expect(summary).toEqual({ moved: rows.length, alreadyInStore: 0, failed: [] });
    // batches of one: one line per file
    expect(lines).toHaveLength(rows.length);

    const moved = await files();
    expect(moved).toEqual(rows.map((r) => ({ ...r, storedIn: 's3', inRow: false })));
    const [{ empty }] = await before.ownerQuery<{ empty: number }>(
      `SELECT count(*)::int AS empty FROM document_files WHERE bytes IS NULL AND stored_in = 's3'`,
    );
    expect(empty).toBe(rows.length);
    for (const r of rows) {
      const head = await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: objectKey(r.sha256) }));
      expect(head.ContentLength).toBe(r.size);
      expect(sha256(await store.get(r.sha256))).toBe(r.sha256);
    }
  });

  it('a server with FILE_STORE=s3 serves the moved files byte for byte, and verifies them by number', async () => {
    after = await createTestApp(s3Env(), before.database);
    for (const doc of docs) {
      const file = await download(after, `/api/communities/${cast.community}/documents/${doc.id}/file`, cast.clerk.token).expect(200);
      expect(Buffer.compare(file.body as Buffer, original.get(doc.id)!)).toBe(0);
      const registered = await download(after, `/api/verify/${doc.number}/file`).expect(200);
      expect(Buffer.compare(registered.body as Buffer, original.get(doc.id)!)).toBe(0);
      const verified = await after.http.get(`/api/verify/${doc.number}`).expect(200);
      expect(verified.body).toMatchObject({ number: doc.number, verdict: 'genuine', ok: true });
    }
  });

  it('a second run (the npm command) moves nothing', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['-r', './scripts/register.js', 'scripts/files-move-to-s3.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: before.database.appUrl, MIGRATION_DATABASE_URL: before.ownerUrl, ...s3Env() },
    });
    const rows = await files();
    expect(stdout).toContain(`moved 0, already in S3 ${rows.length}, left in the database 0`);
  });

  it('the rows stay immutable otherwise: no move back, no other column changed on the way, no delete', async () => {
    const [row] = await files();
    await expect(
      before.ownerQuery(`UPDATE document_files SET stored_in = 'database', bytes = '\\x00' WHERE id = $1`, [row.id]),
    ).rejects.toThrow(/immutable/);
    await expect(before.ownerQuery(`DELETE FROM document_files WHERE id = $1`, [row.id])).rejects.toThrow(/immutable/);
    // A row still in the database (sealed after the move, FILE_STORE=database) may only move as a whole.
    const doc = await sealStatement('公共收益收支明细表（三月）');
    const [{ n }] = await before.ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM document_files WHERE document_id = $1 AND stored_in = 'database'`,
      [doc.id],
    );
    expect(n).toBe(1);
    await expect(
      before.ownerQuery(`UPDATE document_files SET stored_in = 's3', bytes = NULL, size = size + 1 WHERE document_id = $1`, [doc.id]),
    ).rejects.toThrow(/immutable/);
    await expect(before.ownerQuery(`UPDATE document_files SET bytes = '\\x00' WHERE document_id = $1`, [doc.id])).rejects.toThrow(
      /immutable/,
    );
  });
});
