import { spawnSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { children, readTlv, raw } from './der';
import { createCrl, parseCrl } from './crl';
import { issueTsaCertificate, KeyAndCertificate } from './pki';
import { sampleMinutes } from './samples';
import { renderMeetingMinutes } from './templates/minutes';
import { signPdf, SignPdfOptions } from './sign';
import { pdfsig, pdfsigDump } from './testing/poppler';
import { sealFixture } from './testing/pki-fixture';
import { buildTimeStampRequest, createTimeStampResponse, readTimeStampResponse } from './tsp';
import { applyRevocations, verifyPdf } from './verify';
import { verdictFor } from './verdict';

const fx = sealFixture();
const tsa = issueTsaCertificate(fx.root, { now: new Date('2026-01-01T00:00:00Z') });
const SIGNED_AT = new Date('2026-03-13T02:00:00Z');
const STAMPED_AT = new Date('2026-03-13T02:00:01Z');

/** Runs openssl in a scratch folder holding `files`; returns its combined output and status. */
function openssl(args: string[], files: Record<string, Buffer | string>) {
  const dir = mkdtempSync(join(tmpdir(), 'gongyi-ts-'));
  try {
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (r.error) throw new Error(`openssl could not run (${r.error.message})`);
    return { out: `${r.stdout}\n${r.stderr}`, status: r.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const stampAt =
  (when: Date, authority: KeyAndCertificate = tsa) =>
  async (imprint: Buffer) => {
    const reply = readTimeStampResponse(await createTimeStampResponse(buildTimeStampRequest({ imprint }), authority, when));
    if (reply.status !== 0 || !reply.token) throw new Error('not granted');
    return reply.token;
  };

const options = (extra: Partial<SignPdfOptions> = {}): SignPdfOptions => ({
  keyPem: fx.committee.keyPem,
  certPem: fx.committee.certPem,
  chainPems: [fx.root.certPem],
  reason: '依据业主大会决议（GY-2026-000130）用章，印章保管人张三',
  name: '幸福里小区业主委员会章（第三届）',
  location: '幸福里小区',
  signingTime: SIGNED_AT,
  timestamp: stampAt(STAMPED_AT),
  ...extra,
});

const committeeSerial = new X509Certificate(fx.committee.certPem).serialNumber.toLowerCase();

/** The unsigned signatureTimeStampToken of a CMS blob (as pdfsig dumps it). */
function tokenOf(cms: Buffer): Buffer {
  const sd = children(cms, children(cms, readTlv(cms, 0))[1])[0];
  const signerInfos = children(cms, sd).pop()!;
  const si = children(cms, children(cms, signerInfos)[0]);
  const unsigned = si.find((t) => t.tag === 0xa1)!;
  const [, values] = children(cms, children(cms, unsigned)[0]);
  return Buffer.from(raw(cms, children(cms, values)[0]));
}

describe('RFC 3161 time-stamp authority', () => {
  it('answers a TimeStampReq written by openssl; openssl reads and verifies the reply', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongyi-ts-'));
    const sh = (args: string[]) => spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    try {
      writeFileSync(join(dir, 'data.txt'), '公告正文');
      writeFileSync(join(dir, 'root.pem'), fx.root.certPem);
      expect(sh(['ts', '-query', '-data', 'data.txt', '-sha256', '-cert', '-out', 'req.tsq']).status).toBe(0);
      const reply = await createTimeStampResponse(readFileSync(join(dir, 'req.tsq')), tsa, STAMPED_AT);
      writeFileSync(join(dir, 'reply.tsr'), reply);
      const text = sh(['ts', '-reply', '-in', 'reply.tsr', '-text']).stdout;
      expect(text).toContain('Status: Granted.');
      expect(text).toContain('Time stamp: Mar 13 02:00:01 2026 GMT');
      expect(text).toContain('Nonce: 0x');
      expect(sh(['ts', '-verify', '-in', 'reply.tsr', '-queryfile', 'req.tsq', '-CAfile', 'root.pem']).stdout).toContain(
        'Verification: OK',
      );
      expect(sh(['ts', '-verify', '-in', 'reply.tsr', '-data', 'data.txt', '-CAfile', 'root.pem']).stdout).toContain('Verification: OK');
      // Our own request builder asks for the same thing.
      const ours = await createTimeStampResponse(buildTimeStampRequest({ message: readFileSync(join(dir, 'data.txt')) }), tsa, STAMPED_AT);
      writeFileSync(join(dir, 'ours.tsr'), ours);
      expect(sh(['ts', '-verify', '-in', 'ours.tsr', '-data', 'data.txt', '-CAfile', 'root.pem']).stdout).toContain('Verification: OK');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects malformed requests and SHA-1 imprints with a TimeStampResp (status rejection), not an exception', async () => {
    expect(readTimeStampResponse(await createTimeStampResponse(Buffer.from('junk'), tsa, STAMPED_AT)).status).toBe(2);
    const sha1 = Buffer.from('302902010130213009' + '06052b0e03021a0500' + '0414' + '00'.repeat(20), 'hex');
    expect(readTimeStampResponse(await createTimeStampResponse(sha1, tsa, STAMPED_AT))).toMatchObject({ status: 2, token: undefined });
  });
});

describe('sealing with a timestamp and revocation data (PAdES B-T / B-LT)', () => {
  let rendered: Buffer;
  let sealed: Buffer;
  const crl = createCrl(fx.root, { revoked: [], thisUpdate: SIGNED_AT, nextUpdate: new Date('2026-03-20T00:00:00Z'), number: 1 });

  beforeAll(async () => {
    rendered = await renderMeetingMinutes(sampleMinutes(5), {
      documentNumber: 'GY-2026-000101',
      verifyBaseUrl: 'https://gongyi.example.cn',
      generatedAt: new Date('2026-03-13T01:00:00Z'),
    });
    sealed = await signPdf(rendered, options({ crls: [crl] }));
  });

  it('pdfsig: signature valid; its CMS carries a timestamp token that openssl reads', () => {
    expect(pdfsig(sealed).stdout).toContain('Signature Validation: Signature is Valid.');
    const [cms] = pdfsigDump(sealed);
    const printed = openssl(['cms', '-inform', 'DER', '-in', 's.der', '-cmsout', '-print'], { 's.der': cms });
    expect(printed.out).toContain('id-smime-aa-timeStampToken');
    expect(printed.out).toContain('id-smime-aa-signingCertificateV2');
    expect(printed.out).toContain('1.2.840.113583.1.1.8');
    const token = openssl(['ts', '-reply', '-token_in', '-in', 't.der', '-text'], { 't.der': tokenOf(cms) });
    expect(token.out).toContain('Time stamp: Mar 13 02:00:01 2026 GMT');
  });

  it('our verifier reports the trusted time, the authority and the embedded CRL', () => {
    const [s] = verifyPdf(sealed, fx.root.certPem).signatures;
    expect(s.timestamp).toEqual({ authority: 'Gongyi Time Stamping Authority', valid: true, time: STAMPED_AT });
    expect(s.trustedTime).toEqual(STAMPED_AT);
    expect(s.embeddedCrls).toBe(1);
    expect(s.reason).toContain('印章保管人张三');
    expect(verifyPdf(sealed, fx.root.certPem).valid).toBe(true);
  });

  it('a seal retired after the timestamp still verifies; retired before it, it fails', () => {
    const later = verifyPdf(sealed, fx.root.certPem, {
      revocations: [{ serial: committeeSerial, revokedAt: new Date('2026-04-01T00:00:00Z') }],
    });
    expect(later.valid).toBe(true);
    expect(later.signatures[0].revokedAt).toEqual(new Date('2026-04-01T00:00:00Z'));
    const earlier = verifyPdf(sealed, fx.root.certPem, {
      revocations: [{ serial: committeeSerial, revokedAt: new Date('2026-03-01T00:00:00Z') }],
    });
    expect(earlier.valid).toBe(false);
    expect(earlier.signatures[0].revocation).toBe('sealed_after_retirement');
    expect(earlier.signatures[0].problems.join()).toContain('晚于印章停用时间');
  });

  it('a CRL signed by the root counts; openssl verifies it; one by another CA is ignored', () => {
    const revokedCrl = createCrl(fx.root, {
      revoked: [{ serial: committeeSerial, revokedAt: new Date('2026-03-01T00:00:00Z') }],
      thisUpdate: new Date('2026-03-02T00:00:00Z'),
      nextUpdate: new Date('2026-03-09T00:00:00Z'),
      number: 2,
    });
    const text = openssl(['crl', '-inform', 'DER', '-in', 'c.der', '-CAfile', 'root.pem', '-noout', '-text'], {
      'c.der': revokedCrl,
      'root.pem': fx.root.certPem,
    });
    expect(text.out).toContain('verify OK');
    expect(text.out.toLowerCase()).toContain(committeeSerial.replace(/^0+/, ''));
    expect(parseCrl(revokedCrl, new X509Certificate(fx.root.certPem))).toMatchObject({
      trusted: true,
      revoked: [{ serial: committeeSerial }],
    });
    expect(verifyPdf(sealed, fx.root.certPem, { crls: [revokedCrl] }).signatures[0].revocation).toBe('sealed_after_retirement');
    const foreignCrl = createCrl(fx.foreignRoot, {
      revoked: [{ serial: committeeSerial, revokedAt: SIGNED_AT }],
      thisUpdate: SIGNED_AT,
      nextUpdate: SIGNED_AT,
      number: 1,
    });
    expect(verifyPdf(sealed, fx.root.certPem, { crls: [foreignCrl] }).valid).toBe(true);
  });

  it('without a timestamp, a revoked seal cannot prove it signed before retirement', async () => {
    const plain = await signPdf(rendered, options({ timestamp: undefined }));
    const result = verifyPdf(plain, fx.root.certPem, {
      revocations: [{ serial: committeeSerial, revokedAt: new Date('2026-04-01T00:00:00Z') }],
    });
    expect(result.signatures[0].timestamp).toBeUndefined();
    expect(result.signatures[0].revocation).toBe('revoked_without_timestamp');
    expect(result.valid).toBe(false);
  });

  it('a timestamp from an authority outside our root, or over other bytes, is not trusted time', async () => {
    const foreignTsa = issueTsaCertificate(fx.foreignRoot, { now: new Date('2026-01-01T00:00:00Z') });
    const foreign = verifyPdf(await signPdf(rendered, options({ timestamp: stampAt(STAMPED_AT, foreignTsa) })), fx.root.certPem);
    expect(foreign.signatures[0].timestamp?.valid).toBe(false);
    expect(foreign.signatures[0].trustedTime).toBeUndefined();
    expect(foreign.valid).toBe(false);
    const wrong = await signPdf(
      rendered,
      options({ timestamp: (imprint) => stampAt(STAMPED_AT)(createHash('sha256').update(imprint).digest()) }),
    );
    expect(verifyPdf(wrong, fx.root.certPem).signatures[0].problems).toContain('时间戳不是针对这个印章签名的');
    // A seal certificate (no timeStamping usage) cannot act as a time-stamp authority.
    const bySeal = verifyPdf(await signPdf(rendered, options({ timestamp: stampAt(STAMPED_AT, fx.assembly) })), fx.root.certPem);
    expect(bySeal.signatures[0].problems.join()).toContain('timeStamping');
  });

  it('a damaged timestamp token makes the signature invalid', () => {
    const [cms] = pdfsigDump(sealed);
    const token = tokenOf(cms);
    const tokenHex = token.toString('hex');
    const at = sealed.indexOf(Buffer.from(tokenHex.slice(-80), 'latin1'));
    expect(at).toBeGreaterThan(0);
    const damaged = Buffer.from(sealed);
    damaged[at + 10] = damaged[at + 10] === 0x30 ? 0x31 : 0x30;
    const [s] = verifyPdf(damaged, fx.root.certPem).signatures;
    expect(s.signatureVerifies).toBe(true);
    expect(s.timestamp?.valid).toBe(false);
    expect(verifyPdf(damaged, fx.root.certPem).valid).toBe(false);
  });

  it('TSA certificate: issued by the root, extended key usage timeStamping and critical', () => {
    const text = openssl(['x509', '-in', 't.pem', '-noout', '-ext', 'extendedKeyUsage'], { 't.pem': tsa.certPem });
    expect(text.out).toMatch(/Extended Key Usage: critical\s+Time Stamping/);
    expect(new X509Certificate(tsa.certPem).verify(new X509Certificate(fx.root.certPem).publicKey)).toBe(true);
  });

  it('verdicts: signed after retirement, retired without trusted time, damaged timestamp — one Chinese verdict each', async () => {
    const facts = (result: ReturnType<typeof verifyPdf>) => verdictFor({ result, registeredFinal: false });
    const after = facts(verifyPdf(sealed, fx.root.certPem, { revocations: [{ serial: committeeSerial, revokedAt: SIGNED_AT }] }));
    expect(after).toMatchObject({ code: 'sealed_after_retirement', ok: false, headline: '盖章时印章已停用：这枚印章签名无效' });
    expect(after.detail).toContain('2026年3月13日 10:00:01（北京时间）');
    const plain = await signPdf(rendered, options({ timestamp: undefined }));
    const none = facts(verifyPdf(plain, fx.root.certPem, { revocations: [{ serial: committeeSerial, revokedAt: SIGNED_AT }] }));
    expect(none).toMatchObject({ code: 'revoked_without_timestamp', headline: '印章已停用，且没有可信时间证明盖章在停用之前' });
    // The registry's own record of these exact bytes, from before the retirement, stands in for a missing timestamp.
    const registered = applyRevocations(
      verifyPdf(plain, fx.root.certPem),
      [{ serial: committeeSerial, revokedAt: SIGNED_AT }],
      new Date('2026-03-13T01:59:00Z'),
    );
    expect(registered.valid).toBe(true);
    const foreignTsa = issueTsaCertificate(fx.foreignRoot, { now: new Date('2026-01-01T00:00:00Z') });
    const untrusted = facts(verifyPdf(await signPdf(rendered, options({ timestamp: stampAt(STAMPED_AT, foreignTsa) })), fx.root.certPem));
    expect(untrusted).toMatchObject({ code: 'signature_corrupted', headline: '印章签名的可信时间戳已损坏或不可信，无法验证' });
    for (const v of [after, none, untrusted]) expect(`${v.headline}${v.detail}`).not.toMatch(/[A-Za-z]{4,}/);
  });
});
