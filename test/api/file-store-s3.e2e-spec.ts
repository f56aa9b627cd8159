import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { STATEMENT_TYPE } from '@gongyi/pdf';
import { sampleStatement } from '@gongyi/pdf/samples';
import S3rver from 's3rver';
import { checkDocumentFiles, documentFilesInStore } from '../../apps/api/src/backup/backup-file';
import { DocumentsService } from '../../apps/api/src/documents/documents.service';
import { FILE_STORE, type FileStore, objectKey } from '../../apps/api/src/documents/file-store';
import { Cast, chainCast } from '../support/chain-fixtures';
import { issueSealsWithPins, TEST_SEAL_PIN } from '../support/seal-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const BUCKET = 'gongyi-documents';
const KEY = 'S3RVER';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * FILE_STORE=s3 against a real S3-compatible server on loopback (s3rver: the S3 REST API over HTTP, files on
 * disk), reached through @aws-sdk/client-s3 exactly as a MinIO or cloud bucket would be.
 */
describe('FILE_STORE=s3: document files in an S3-compatible bucket', () => {
  let t: TestApp;
  let cast: Cast;
  let server: S3rver;
  let endpoint: string;
  let s3: S3Client;
  let doc: { id: string; number: string };
  const dir = mkdtempSync(join(tmpdir(), 'gongyi-s3-'));
  const download = (path: string, token?: string) => {
    const req = t.http.get(path).buffer(true).responseType('blob');
    return token ? req.set(bearer(token)) : req;
  };

  beforeAll(async () => {
    server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: BUCKET, configs: [] }] });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
    s3 = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: KEY, secretAccessKey: KEY } });
    t = await createTestApp({ FILE_STORE: 's3', S3_ENDPOINT: endpoint, S3_BUCKET: BUCKET, S3_ACCESS_KEY: KEY, S3_SECRET_KEY: KEY });
    cast = await chainCast(t, []);
    await issueSealsWithPins(t, cast.community, cast.director, [cast.residents, cast.director]);
    doc = await t.app.get(DocumentsService).renderAndRegister(null, cast.community, {
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
  });
  afterAll(async () => {
    await t?.close();
    s3?.destroy();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the sealed file in the bucket under its SHA-256, not in the database row', async () => {
    const rows = await t.ownerQuery<{ sha256: string; size: number; storedIn: string; inRow: boolean; isFinal: boolean }>(
      `SELECT sha256, size, stored_in AS "storedIn", bytes IS NOT NULL AS "inRow", is_final AS "isFinal" FROM document_files WHERE document_id = $1`,
      [doc.id],
    );
    expect(rows).toEqual([
      { sha256: expect.stringMatching(/^[0-9a-f]{64}$/), size: expect.any(Number), storedIn: 's3', inRow: false, isFinal: true },
    ]);
    const object = await t.app.get<FileStore>(FILE_STORE).get(rows[0].sha256);
    expect(object.length).toBe(rows[0].size);
    expect(sha256(object)).toBe(rows[0].sha256);
    expect(object.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('serves it with its SHA-256 as ETag (304 when unchanged) and verifies it by number', async () => {
    const [{ sha }] = await t.ownerQuery<{ sha: string }>('SELECT file_sha256 AS sha FROM documents WHERE id = $1', [doc.id]);
    const file = await download(`/api/communities/${cast.community}/documents/${doc.id}/file`, cast.clerk.token).expect(200);
    expect(sha256(file.body as Buffer)).toBe(sha);
    expect(file.headers.etag).toBe(`"${sha}"`);
    await t.http
      .get(`/api/communities/${cast.community}/documents/${doc.id}/file`)
      .set(bearer(cast.clerk.token))
      .set('If-None-Match', `"${sha}"`)
      .expect(304);
    const verified = await t.http.get(`/api/verify/${doc.number}`).expect(200);
    expect(verified.body).toMatchObject({ number: doc.number, verdict: 'genuine', ok: true });
    const registered = await download(`/api/verify/${doc.number}/file`).expect(200);
    expect(sha256(registered.body as Buffer)).toBe(sha);
  });

  it('backups say the files are in the bucket, and the check reads them back from it', async () => {
    expect(await documentFilesInStore(t.ownerUrl)).toBe(1);
    const check = await checkDocumentFiles(t.ownerUrl, t.app.get<FileStore>(FILE_STORE));
    expect(check).toMatchObject({ inStore: 1, storeChecked: 1, storeBad: [], mismatched: [] });
  });

  it('an object changed in the bucket is never served as the registered file, and verification says so', async () => {
    const [{ sha }] = await t.ownerQuery<{ sha: string }>('SELECT file_sha256 AS sha FROM documents WHERE id = $1', [doc.id]);
    const original = await t.app.get<FileStore>(FILE_STORE).get(sha);
    const forged = Buffer.from(original);
    forged[forged.length - 10] ^= 0x01;
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: objectKey(sha), Body: forged }));
    try {
      const refused = await t.http.get(`/api/communities/${cast.community}/documents/${doc.id}/file`).set(bearer(cast.clerk.token));
      expect(refused.status).toBe(502);
      expect(refused.body.code).toBe('file_store_mismatch');
      const verified = await t.http.get(`/api/verify/${doc.number}`).expect(200);
      expect(verified.body).toMatchObject({ verdict: 'changed_after_sealing', ok: false });
      const check = await checkDocumentFiles(t.ownerUrl, t.app.get<FileStore>(FILE_STORE));
      expect(check.storeBad).toEqual([expect.objectContaining({ documentId: doc.id, problem: 'hash mismatch' })]);
    } finally {
      await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: objectKey(sha), Body: original }));
    }
  });
});
