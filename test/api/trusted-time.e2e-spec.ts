import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createRootCa,
  createTimeStampResponse,
  issueTsaCertificate,
  parseCrl,
  readTimeStampResponse,
  signPdf,
  STATEMENT_TYPE,
  verifyPdf,
} from '@gongyi/pdf';
import { sampleStatement } from '@gongyi/pdf/samples';
import { pdfsig, pdfsigDump } from '@gongyi/pdf/testing/poppler';
import { DocumentsService } from '../../apps/api/src/documents/documents.service';
import { TimestampAuthorityService } from '../../apps/api/src/documents/timestamp-authority.service';
import { SealKeysService } from '../../apps/api/src/seals/seal-keys.service';
import { main as verifyCli } from '../../scripts/verify-pdf';
import { Cast, chainCast } from '../support/chain-fixtures';
import { issueSealsWithPins, TEST_SEAL_PIN } from '../support/seal-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';
import { rawBody } from '../support/raw-body';

const collect = rawBody;
const binary = (req: ReturnType<TestApp['http']['get']>) => req.buffer(true).parse(collect);

/** A scratch folder for openssl, removed afterwards. */
async function scratch<T>(
  files: Record<string, Buffer | string>,
  work: (sh: (args: string[]) => { out: string; status: number | null }, dir: string) => T,
): Promise<Awaited<T>> {
  const dir = mkdtempSync(join(tmpdir(), 'gongyi-tsa-'));
  try {
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    return await work((args) => {
      const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
      if (r.error) throw new Error(`openssl could not run (${r.error.message})`);
      return { out: `${r.stdout}\n${r.stderr}`, status: r.status };
    }, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('trusted time (RFC 3161) and revocation of retired seals', () => {
  let t: TestApp;
  let cast: Cast;
  let rootPem: string;
  let committee: { id: string; commonName: string };
  let sealed: Buffer;
  let number: string;
  const url = (path: string) => `/api/communities/${cast.community}${path}`;
  const upload = (pdf: Buffer) => t.http.post('/api/verify').attach('file', pdf, 'document.pdf').expect(200);

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_URL: 'https://gongyi.example.cn' });
    cast = await chainCast(t, []);
    const seals = await issueSealsWithPins(t, cast.community, cast.director, [cast.director, cast.residents], { term: 1 });
    committee = seals.find((s) => s.kind === 'committee') as unknown as { id: string; commonName: string };
    rootPem = (await t.http.get('/api/ca.pem').expect(200)).text;
    const doc = await t.app.get(DocumentsService).renderAndRegister(null, cast.community, {
      type: STATEMENT_TYPE,
      title: '公共收益收支明细表',
      sourceType: 'test',
      input: sampleStatement(),
      actorId: cast.clerk.userId,
    });
    const req = await t.http
      .post(url('/seal-requests'))
      .set(bearer(cast.clerk.token))
      .send({ documentId: doc.id, decision: '业委会第3次会议决议' })
      .expect(201);
    await t.http
      .post(url(`/seal-requests/${req.body.id}/applications`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(201);
    sealed = (await binary(t.http.get(url(`/documents/${doc.id}/file`)).set(bearer(cast.clerk.token))).expect(200)).body;
    number = (
      await t.http
        .get(url(`/documents/${doc.id}`))
        .set(bearer(cast.clerk.token))
        .expect(200)
    ).body.number;
  });
  afterAll(() => t.close());

  it('a sealed document: pdfsig finds every signature valid, and each carries a timestamp token (B-T) and the CRL (B-LT)', async () => {
    const report = pdfsig(sealed).stdout;
    expect(report.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(1);
    expect(report).not.toMatch(/Signature is Invalid|Digest Mismatch/);
    const dumps = pdfsigDump(sealed);
    expect(dumps).toHaveLength(1);
    for (const cms of dumps) {
      await scratch({ 's.der': cms }, (sh) => {
        const printed = sh(['cms', '-inform', 'DER', '-in', 's.der', '-cmsout', '-print']).out;
        expect(printed).toContain('id-smime-aa-timeStampToken');
        expect(printed).toContain('1.2.840.113583.1.1.8');
      });
    }
    const [{ display_name: directorName }] = await t.dataSource.query('SELECT display_name FROM users WHERE id = $1', [
      cast.director.userId,
    ]);
    const [signature] = verifyPdf(sealed, rootPem).signatures;
    expect(signature.timestamp).toMatchObject({ valid: true, authority: 'Gongyi 时间戳服务' });
    expect(signature.embeddedCrls).toBe(1);
    // The custodian who applied the seal is named in the signature (Chinese, UTF-16BE in the dictionary).
    expect(signature.reason).toBe(`依据业委会第3次会议决议用章（${number}），印章保管人${directorName}`);
    const body = (await upload(sealed)).body;
    expect(body).toMatchObject({ verdict: 'genuine', ok: true });
    expect(body.signatures[0]).toMatchObject({ timestamped: true, timestampAuthority: 'Gongyi 时间戳服务', revokedAt: null });
    expect(new Date(body.signatures[0].trustedTime).getTime()).toBe(signature.trustedTime!.getTime());
    const byNumber = (await t.http.get(`/api/verify/${number}`).expect(200)).body;
    expect(byNumber.signatures[0].trustedTime).toBe(body.signatures[0].trustedTime);
  });

  it('new seal certificates point to the CRL at PUBLIC_URL; the TSA certificate is issued by the root CA for time stamping only', async () => {
    const pem = (
      await t.http
        .get(url(`/seals/${committee.id}/certificate`))
        .set(bearer(cast.director.token))
        .expect(200)
    ).text;
    await scratch({ 'seal.pem': pem, 'tsa.pem': await t.app.get(TimestampAuthorityService).certPem() }, (sh) => {
      expect(sh(['x509', '-in', 'seal.pem', '-noout', '-ext', 'crlDistributionPoints']).out).toContain(
        'URI:https://gongyi.example.cn/api/crl',
      );
      expect(sh(['x509', '-in', 'tsa.pem', '-noout', '-ext', 'extendedKeyUsage']).out).toMatch(
        /Extended Key Usage: critical\s+Time Stamping/,
      );
    });
    const tsa = new X509Certificate(await t.app.get(TimestampAuthorityService).certPem());
    expect(tsa.verify(new X509Certificate(rootPem).publicKey)).toBe(true);
  });

  it('POST /api/tsa answers a real TimeStampReq (openssl ts -query); openssl verifies the reply against /api/ca.pem', async () => {
    await scratch({ 'data.txt': '业主大会会议公告', 'root.pem': rootPem }, async (sh, dir) => {
      expect(sh(['ts', '-query', '-data', 'data.txt', '-sha256', '-cert', '-out', 'q.tsq']).status).toBe(0);
      const res = await t.http
        .post('/api/tsa')
        .set('Content-Type', 'application/timestamp-query')
        .send(readFileSync(join(dir, 'q.tsq')))
        .buffer(true)
        .parse(collect)
        .expect(200);
      expect(res.headers['content-type']).toContain('application/timestamp-reply');
      writeFileSync(join(dir, 'r.tsr'), res.body as Buffer);
      const text = sh(['ts', '-reply', '-in', 'r.tsr', '-text']).out;
      expect(text).toContain('Status: Granted.');
      expect(text).toContain('Policy OID: 2.25.');
      expect(sh(['ts', '-verify', '-in', 'r.tsr', '-queryfile', 'q.tsq', '-CAfile', 'root.pem']).out).toContain('Verification: OK');
      expect(sh(['ts', '-verify', '-in', 'r.tsr', '-data', 'data.txt', '-CAfile', 'root.pem']).out).toContain('Verification: OK');
    });
    const wrongType = await t.http.post('/api/tsa').set('Content-Type', 'application/json').send({}).expect(400);
    expect(wrongType.body.message).toContain('时间戳请求');
    const huge = await t.http
      .post('/api/tsa')
      .set('Content-Type', 'application/timestamp-query')
      .send(Buffer.alloc(64 * 1024))
      .expect(400);
    expect(huge.body).toMatchObject({ code: 'timestamp_query_too_large', message: expect.stringContaining('时间戳请求过大') });
    // A malformed query gets an RFC 3161 rejection (status 2), not a server error.
    const junk = await t.http
      .post('/api/tsa')
      .set('Content-Type', 'application/timestamp-query')
      .send(Buffer.from('not a query'))
      .buffer(true)
      .parse(collect)
      .expect(200);
    expect(junk.headers['content-type']).toContain('application/timestamp-reply');
    expect(readTimeStampResponse(Buffer.from(junk.body as Buffer))).toMatchObject({ status: 2, token: undefined });
  });

  it('a retired seal is listed in GET /api/crl (signed by the root CA); a document sealed after retirement is refused', async () => {
    const before = (await binary(t.http.get('/api/crl')).expect(200)).body as Buffer;
    expect(parseCrl(before, new X509Certificate(rootPem)).revoked).toEqual([]);
    await t.http
      .post(url(`/seals/${committee.id}/retirement`))
      .set(bearer(cast.director.token))
      .send({ reason: '印章损坏' })
      .expect(201);
    const [{ serial_number: serial, retired_at: retiredAt }] = await t.dataSource.query(
      'SELECT serial_number, retired_at FROM seals WHERE id = $1',
      [committee.id],
    );
    const res = await binary(t.http.get('/api/crl')).expect(200);
    expect(res.headers['content-type']).toContain('application/pkix-crl');
    const crl = res.body as Buffer;
    const parsed = parseCrl(crl, new X509Certificate(rootPem));
    expect(parsed.trusted).toBe(true);
    expect(parsed.revoked).toEqual([
      { serial: serial.toLowerCase(), revokedAt: new Date(Math.floor(new Date(retiredAt).getTime() / 1000) * 1000) },
    ]);
    await scratch({ 'c.der': crl, 'root.pem': rootPem }, (sh) => {
      const text = sh(['crl', '-inform', 'DER', '-in', 'c.der', '-CAfile', 'root.pem', '-noout', '-text']).out;
      expect(text).toContain('verify OK');
      expect(text).toContain(`Serial Number: ${serial.toUpperCase()}`);
    });

    // Sealed before the retirement (trusted time earlier): still genuine.
    expect((await upload(sealed)).body).toMatchObject({ verdict: 'genuine', ok: true });

    // The custodian still holds the key and seals a copy outside the platform a minute after the retirement, with a
    // real timestamp from the deployment's TSA: the trusted time gives it away.
    t.clock.travelTo(new Date(Date.now() + 60_000));
    let late: Buffer;
    try {
      const keyPem = await t.dataSource.transaction((m) =>
        t.app.get(SealKeysService).signingKey(m, cast.community, committee.id, cast.director.userId, TEST_SEAL_PIN),
      );
      const [{ cert_pem: certPem }] = await t.dataSource.query('SELECT cert_pem FROM seals WHERE id = $1', [committee.id]);
      late = await signPdf(sealed, {
        keyPem,
        certPem,
        chainPems: [rootPem],
        reason: '停用后私自用章',
        name: committee.commonName,
        location: '某小区',
        signingTime: new Date(new Date(retiredAt).getTime() - 3600_000), // a back-dated claim
        timestamp: (imprint) => t.app.get(TimestampAuthorityService).token(imprint),
      });
    } finally {
      t.clock.reset();
    }
    const body = (await upload(late)).body;
    expect(body).toMatchObject({ verdict: 'sealed_after_retirement', ok: false, revision: { n: 2, of: 2 } });
    expect(body.headline).toBe('盖章时印章已停用：这枚印章签名无效');
    expect(body.detail).toContain('晚于该印章的停用时间');
    expect(body.signatures[1]).toMatchObject({ revocation: 'sealed_after_retirement', valid: false, timestamped: true });
    expect(body.signatures[1].revokedAt).not.toBeNull();
    // Without the database, the CRL downloaded from /api/crl tells the command-line verifier the same.
    const dir = mkdtempSync(join(tmpdir(), 'gongyi-cli-'));
    try {
      writeFileSync(join(dir, 'late.pdf'), late);
      writeFileSync(join(dir, 'good.pdf'), sealed);
      writeFileSync(join(dir, 'root.pem'), rootPem);
      writeFileSync(join(dir, 'root.crl'), crl);
      const lines: string[] = [];
      const code = await verifyCli([join(dir, 'late.pdf'), '--ca', join(dir, 'root.pem'), '--crl', join(dir, 'root.crl')], undefined, (l) =>
        lines.push(l),
      );
      expect(code).toBe(1);
      expect(lines.join('\n')).toContain('盖章时印章已停用');
      expect(lines.join('\n')).toContain('可信时间');
      const good: string[] = [];
      expect(await verifyCli([join(dir, 'good.pdf')], t.config.databaseUrl, (l) => good.push(l))).toBe(0);
      expect(good.join('\n')).toMatch(/可信时间：\d{4}年/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('an external time-stamp authority (TSA_URL)', () => {
  const externalRoot = createRootCa({ commonName: 'External TSA Root', now: new Date('2026-01-01T00:00:00Z') });
  const externalTsa = issueTsaCertificate(externalRoot, { commonName: 'External TSA', now: new Date('2026-01-01T00:00:00Z') });
  const dir = mkdtempSync(join(tmpdir(), 'gongyi-ext-tsa-'));
  const requests: string[] = [];
  let failing = false;
  let server: Server;
  let t: TestApp;
  let cast: Cast;
  const url = (path: string) => `/api/communities/${cast.community}${path}`;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        requests.push(String(req.headers['content-type']));
        if (failing) {
          res.writeHead(503).end();
          return;
        }
        void createTimeStampResponse(Buffer.concat(chunks), externalTsa, new Date()).then((reply) =>
          res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end(reply),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    writeFileSync(join(dir, 'tsa-root.pem'), externalRoot.certPem);
    t = await createTestApp({
      TSA_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsr`,
      TSA_CA_FILE: join(dir, 'tsa-root.pem'),
    });
    cast = await chainCast(t, []);
    await issueSealsWithPins(t, cast.community, cast.director, [cast.director, cast.residents], { term: 1 });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const requestSeal = async (title: string) => {
    const doc = await t.app.get(DocumentsService).renderAndRegister(null, cast.community, {
      type: STATEMENT_TYPE,
      title,
      sourceType: 'test',
      input: sampleStatement(),
      actorId: cast.clerk.userId,
    });
    const req = await t.http
      .post(url('/seal-requests'))
      .set(bearer(cast.clerk.token))
      .send({ documentId: doc.id, decision: '业委会第4次会议决议' })
      .expect(201);
    const apply = () =>
      t.http
        .post(url(`/seal-requests/${req.body.id}/applications`))
        .set(bearer(cast.director.token))
        .send({ kind: 'committee', pin: TEST_SEAL_PIN });
    return { doc, apply };
  };

  it('stamps seal signatures through TSA_URL; the verifier trusts that TSA through TSA_CA_FILE', async () => {
    const { doc, apply } = await requestSeal('外部时间戳的报表');
    await apply().expect(201);
    expect(requests).toEqual(['application/timestamp-query']);
    const sealed = (await binary(t.http.get(url(`/documents/${doc.id}/file`)).set(bearer(cast.clerk.token))).expect(200)).body as Buffer;
    const body = (await t.http.post('/api/verify').attach('file', sealed, 'd.pdf').expect(200)).body;
    expect(body).toMatchObject({ verdict: 'genuine', ok: true });
    expect(body.signatures[0]).toMatchObject({ timestampAuthority: 'External TSA', timestamped: true });
    expect(body.signatures[0].trustedTime).not.toBeNull();
    expect(pdfsig(sealed).stdout).toContain('Signature is Valid.');
  });

  it('an unreachable external TSA: a clear Chinese refusal and nothing sealed', async () => {
    failing = true;
    try {
      const { doc, apply } = await requestSeal('外部时间戳不可用');
      const res = await apply().expect(409);
      expect(res.body).toMatchObject({ code: 'tsa_unavailable' });
      expect(res.body.message).toContain('未能取得可信时间');
      await t.http
        .get(url(`/documents/${doc.id}/file`))
        .set(bearer(cast.clerk.token))
        .expect(409);
    } finally {
      failing = false;
    }
  });
});
