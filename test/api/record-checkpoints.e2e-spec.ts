import { execFile } from 'node:child_process';
import { createSign, createVerify, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRootCa, STATEMENT_TYPE } from '@gongyi/pdf';
import { sampleStatement } from '@gongyi/pdf/samples';
import { pdftotext } from '@gongyi/pdf/testing/poppler';
import { checkpointText } from '@gongyi/domain/record/checkpoint';
import { payloadDigest } from '@gongyi/domain/record/hash-chain';
import { Client } from 'pg';
import { DocumentsService } from '../../apps/api/src/documents/documents.service';
import { Cast, chainCast, createItem } from '../support/chain-fixtures';
import { issueSealsWithPins, TEST_SEAL_PIN } from '../support/seal-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const run = promisify(execFile);
const binary = (req: ReturnType<TestApp['http']['get']>) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

/** Signed record heads in sealed PDFs and a public checkpoint file; a rewrite of history before them is caught. */
describe('record checkpoints', () => {
  let t: TestApp;
  let cast: Cast;
  let pdf: Buffer;
  let checkpointFile: Buffer;
  const dir = mkdtempSync(join(tmpdir(), 'gongyi-checkpoints-'));
  const url = (path: string) => `/api/communities/${cast.community}${path}`;
  const cli = (...args: string[]): Promise<{ code?: number; stdout: string }> =>
    run('node', ['-r', './scripts/register.js', 'scripts/record-verify.ts', cast.community, ...args], {
      env: { ...process.env, DATABASE_URL: t.config.databaseUrl },
      cwd: process.cwd(),
    }).catch((e: { code: number; stdout: string }) => e);

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, []);
    await issueSealsWithPins(t, cast.community, cast.director, [cast.residents, cast.director], { term: 3 });
    const item = await createItem(t, cast, 'committee_only', '更换单元门禁卡');
    const doc = await t.app.get(DocumentsService).renderAndRegister(null, cast.community, {
      type: STATEMENT_TYPE,
      title: '门禁改造费用明细',
      sourceType: 'test',
      input: sampleStatement(),
      actorId: cast.clerk.userId,
    });
    const req = await t.http
      .post(url('/seal-requests'))
      .set(bearer(cast.clerk.token))
      .send({ documentId: doc.id, agendaItemId: item, decision: '业委会第5次会议决议' })
      .expect(201);
    await t.http
      .post(url(`/seal-requests/${req.body.id}/applications`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(201);
    pdf = (await binary(t.http.get(url(`/documents/${doc.id}/file`)).set(bearer(cast.clerk.token))).expect(200)).body as Buffer;
  });
  afterAll(() => t.close());

  it('prints the signed head of the record into the sealed PDF (footer line and metadata)', async () => {
    const list = await t.http.get(`/api/public/communities/${cast.community}/record-checkpoints`).expect(200);
    expect(list.body.checkpoints).toHaveLength(1);
    const [cp] = list.body.checkpoints;
    const text = await pdftotext(pdf);
    expect(text.replace(/\s+/g, ' ')).toContain(`决策记录第 ${cp.seq} 条，哈希 ${cp.hash}`);
    expect(pdf.toString('latin1')).toContain(`gongyi-record-head:${cast.community}:${cp.seq}:${cp.hash}`);
    const [entry] = await t.dataSource.query('SELECT hash FROM record_entries WHERE community_id = $1 AND seq = $2', [
      cast.community,
      cp.seq,
    ]);
    expect(entry.hash).toBe(cp.hash);
    // Signed by the deployment root key: anyone with the root certificate can check it.
    const key = new X509Certificate(list.body.rootCertificatePem).publicKey;
    expect(createVerify('sha256').update(checkpointText(cp)).verify(key, cp.signature, 'base64')).toBe(true);
    expect(
      createVerify('sha256')
        .update(checkpointText({ ...cp, seq: '1' }))
        .verify(key, cp.signature, 'base64'),
    ).toBe(false);
  });

  it('staff publish a checkpoint; the residents committee downloads the list; outsiders check a head', async () => {
    await t.http.post(url('/record/checkpoints')).set(bearer(cast.residents.token)).expect(201);
    const file = await t.http.get(`/api/public/communities/${cast.community}/record-checkpoints/download`).expect(200);
    expect(file.headers['content-disposition']).toContain('gongyi-record-checkpoints.json');
    checkpointFile = Buffer.from(file.text);
    const parsed = JSON.parse(file.text);
    expect(parsed).toMatchObject({ format: 'gongyi-record-checkpoints/1', communityId: cast.community });
    expect(parsed.checkpoints).toHaveLength(2);
    const last = parsed.checkpoints[1];
    const ok = await t.http
      .post(`/api/public/communities/${cast.community}/record-checkpoints/check`)
      .send({ seq: last.seq, hash: last.hash })
      .expect(200);
    expect(ok.body).toMatchObject({ contained: true, signature: 'absent', verdict: 'intact_unsigned', ok: true });
    const signed = await t.http
      .post(`/api/public/communities/${cast.community}/record-checkpoints/check`)
      .send({ seq: last.seq, hash: last.hash, signedAt: last.signedAt, signature: last.signature })
      .expect(200);
    expect(signed.body).toMatchObject({ contained: true, signature: 'valid', verdict: 'intact', ok: true });
    expect(signed.body.message).toContain('签名有效');
    await t.http.post(`/api/public/communities/${cast.community}/record-checkpoints/check`).send({ seq: 'x', hash: last.hash }).expect(400);
    const intact = await cli('--checkpoint', write('kept.json', checkpointFile), '--checkpoint', write('kept.pdf', pdf));
    expect(intact.code ?? 0).toBe(0);
    expect(intact.stdout).toContain('仍在今天的决策记录中');
    const verified = await t.http.post('/api/verify').attach('file', pdf, 'sealed.pdf').expect(200);
    expect(verified.body.recordCheckpoints).toEqual([expect.objectContaining({ contained: true, signature: 'valid', verdict: 'intact' })]);
  });

  it('a forged or altered checkpoint (head changed in the file, another key, a PDF edited after sealing) is reported as forged', async () => {
    const kept = JSON.parse(checkpointFile.toString());
    const genuine = kept.checkpoints[1];
    // What a kept file holds for one checkpoint, as the public page sends it.
    const check = ({ seq, hash, signedAt, signature }: { seq: string; hash: string; signedAt?: string; signature?: string }) =>
      t.http
        .post(`/api/public/communities/${cast.community}/record-checkpoints/check`)
        .send({ seq, hash, signedAt, signature })
        .expect(200);

    // The head hash changed in the file: the signature no longer matches, whether or not that hash is in the chain.
    const firstEntryHash = (
      await t.dataSource.query('SELECT hash FROM record_entries WHERE community_id = $1 AND seq = 1', [cast.community])
    )[0].hash as string;
    const altered = { ...genuine, seq: '1', hash: firstEntryHash };
    const alteredRes = await check(altered);
    expect(alteredRes.body).toMatchObject({ contained: true, signature: 'invalid', verdict: 'forged', ok: false });
    expect(alteredRes.body.message).toContain('签名无效');
    expect(alteredRes.body.message).toContain('伪造或篡改');

    // Signed by a key that is not the deployment's root key.
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const { signature: _genuineSignature, ...unsigned } = genuine;
    const foreign = { ...unsigned, signature: createSign('sha256').update(checkpointText(unsigned)).sign(privateKey, 'base64') };
    expect((await check(foreign)).body).toMatchObject({ contained: true, signature: 'invalid', verdict: 'forged' });
    // signedAt moved: also an alteration.
    expect((await check({ ...genuine, signedAt: '2020-01-01T00:00:00.000Z' })).body.verdict).toBe('forged');
    await t.http
      .post(`/api/public/communities/${cast.community}/record-checkpoints/check`)
      .send({ seq: genuine.seq, hash: genuine.hash, signedAt: genuine.signedAt, signature: 'no spaces allowed here' })
      .expect(400);

    // The CLI checks the same signatures with the deployment root (from the database, or --root-cert).
    const forgedFile = write('forged.json', Buffer.from(JSON.stringify({ ...kept, checkpoints: [altered, foreign] })));
    const cliForged = await cli('--checkpoint', forgedFile);
    expect(cliForged.code).toBe(1);
    expect(cliForged.stdout.match(/签名无效/g)).toHaveLength(2);
    expect(cliForged.stdout).toContain('forged or altered checkpoint');
    const rootPem = write('root.pem', Buffer.from(kept.rootCertificatePem));
    const cliGenuine = await cli('--checkpoint', write('kept.json', checkpointFile), '--root-cert', rootPem);
    expect(cliGenuine.code ?? 0).toBe(0);
    expect(cliGenuine.stdout.match(/签名有效，仍在今天的决策记录中/g)).toHaveLength(2);
    // The file's own certificate is not trusted: a forger would ship his own. Another root fails every signature.
    const otherRoot = write('other.pem', Buffer.from(createRootCa({ commonName: 'Forger Root' }).certPem));
    const cliOtherRoot = await cli('--checkpoint', write('kept.json', checkpointFile), '--root-cert', otherRoot);
    expect(cliOtherRoot.code).toBe(1);
    expect(cliOtherRoot.stdout).toContain('签名无效');

    // A sealed PDF whose head was edited in its metadata: its seals fail, so its head proves nothing.
    const [cp] = (await t.http.get(`/api/public/communities/${cast.community}/record-checkpoints`).expect(200)).body.checkpoints;
    const edited = Buffer.from(
      pdf
        .toString('latin1')
        .replace(
          `gongyi-record-head:${cast.community}:${cp.seq}:${cp.hash}`,
          `gongyi-record-head:${cast.community}:${cp.seq}:${'0'.repeat(64)}`,
        ),
      'latin1',
    );
    expect(edited.equals(pdf)).toBe(false);
    const uploaded = await t.http.post('/api/verify').attach('file', edited, 'edited.pdf').expect(200);
    expect(uploaded.body.ok).toBe(false);
    expect(uploaded.body.recordCheckpoints).toEqual([expect.objectContaining({ signature: 'invalid', verdict: 'forged', ok: false })]);
    expect(uploaded.body.recordCheckpoints[0].message).toContain('不是完好的盖章文件');
    const cliPdf = await cli('--checkpoint', write('edited.pdf', edited));
    expect(cliPdf.code).toBe(1);
    expect(cliPdf.stdout).toContain('不是完好的盖章文件');
  });

  it('a database superuser rewriting history (payload changed, every later hash recomputed) is caught by an older checkpoint or PDF', async () => {
    const client = new Client({ connectionString: t.ownerUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE record_entries DISABLE TRIGGER record_entries_no_update_delete');
      const { rows } = await client.query('SELECT seq, payload FROM record_entries WHERE community_id = $1 AND seq = 2', [cast.community]);
      const forged = { ...rows[0].payload, forged: true };
      await client.query('UPDATE record_entries SET payload = $2, payload_digest = $3 WHERE community_id = $1 AND seq = 2', [
        cast.community,
        JSON.stringify(forged),
        payloadDigest(forged),
      ]);
      const { rows: later } = await client.query('SELECT seq FROM record_entries WHERE community_id = $1 AND seq >= 2 ORDER BY seq', [
        cast.community,
      ]);
      let prev = (await client.query('SELECT hash FROM record_entries WHERE community_id = $1 AND seq = 1', [cast.community])).rows[0].hash;
      for (const { seq } of later) {
        const { rows: updated } = await client.query(
          `UPDATE record_entries SET prev_hash = $3,
             hash = record_entry_hash(community_id, seq, occurred_at, actor_id, action, subject_type, subject_id, payload_digest, $3)
           WHERE community_id = $1 AND seq = $2 RETURNING hash`,
          [cast.community, seq, prev],
        );
        prev = updated[0].hash;
      }
      await client.query('UPDATE record_heads SET hash = $2 WHERE community_id = $1', [cast.community, prev]);
      await client.query('ALTER TABLE record_entries ENABLE TRIGGER record_entries_no_update_delete');
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    // The chain alone is consistent again: that is exactly what a checkpoint held outside is for.
    const verify = await t.http.get(url('/record/verify')).set(bearer(cast.clerk.token)).expect(200);
    expect(verify.body.ok).toBe(true);

    const withFile = await cli('--checkpoint', write('kept.json', checkpointFile));
    expect(withFile.code).toBe(1);
    expect(withFile.stdout).toContain('不在今天的决策记录中');
    const withPdf = await cli('--checkpoint', write('kept.pdf', pdf));
    expect(withPdf.code).toBe(1);
    expect(withPdf.stdout).toContain('历史已被改写');
    const verified = await t.http.post('/api/verify').attach('file', pdf, 'sealed.pdf').expect(200);
    expect(verified.body.recordCheckpoints).toEqual([
      expect.objectContaining({ contained: false, reason: 'hash_differs', signature: 'valid', verdict: 'rewritten' }),
    ]);
    const head = JSON.parse(checkpointFile.toString()).checkpoints[0];
    const check = await t.http
      .post(`/api/public/communities/${cast.community}/record-checkpoints/check`)
      .send({ seq: head.seq, hash: head.hash, signedAt: head.signedAt, signature: head.signature })
      .expect(200);
    // A genuine checkpoint (valid signature) that today's chain no longer holds: history was rewritten.
    expect(check.body).toMatchObject({ contained: false, reason: 'hash_differs', signature: 'valid', verdict: 'rewritten' });
    expect(check.body.message).toContain('历史已被改写');
  });

  function write(name: string, bytes: Buffer): string {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return file;
  }
});
