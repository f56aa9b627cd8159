import { sampleMinutes } from './samples';
import { signPdf, SignPdfOptions } from './sign';
import { renderMeetingMinutes } from './templates/minutes';
import { KeyAndCertificate } from './pki';
import { pdfsig, pdftotext } from './testing/poppler';
import { sealFixture } from './testing/pki-fixture';
import { verifyPdf } from './verify';

const fx = sealFixture();
const COMMITTEE_TIME = new Date('2026-03-13T02:00:00Z');
const ASSEMBLY_TIME = new Date('2026-03-13T03:30:00Z');

const sealWith = (seal: KeyAndCertificate, ca: KeyAndCertificate, name: string, signingTime: Date): SignPdfOptions => ({
  keyPem: seal.keyPem,
  certPem: seal.certPem,
  chainPems: [ca.certPem],
  reason: `依据业主大会决议（GY-2026-000130）用章：${name}`,
  name,
  location: '杭州市幸福里小区',
  signingTime,
});

/** pdfsig's blocks, one per signature. */
const blocks = (out: string) => out.split(/^Signature #\d+:$/m).slice(1);

describe('signing and verification', () => {
  let rendered: Buffer;
  let once: Buffer;
  let twice: Buffer;

  beforeAll(async () => {
    rendered = await renderMeetingMinutes(sampleMinutes(20), {
      documentNumber: 'GY-2026-000101',
      verifyBaseUrl: 'https://gongyi.example.cn',
      generatedAt: new Date('2026-03-13T01:00:00Z'),
      seals: [
        { kind: 'committee', communityName: '幸福里小区', term: 3 },
        { kind: 'assembly', communityName: '幸福里小区', term: 3 },
      ],
    });
    once = await signPdf(rendered, sealWith(fx.committee, fx.root, '幸福里小区业主委员会章（第三届）', COMMITTEE_TIME));
    twice = await signPdf(once, sealWith(fx.assembly, fx.root, '幸福里小区业主大会章（第三届）', ASSEMBLY_TIME));
  });

  it('appends each seal as an incremental update', () => {
    expect(once.subarray(0, rendered.length - 1).equals(rendered.subarray(0, rendered.length - 1))).toBe(true);
    expect(twice.subarray(0, once.length).equals(once)).toBe(true);
    // The document still reads the same.
    expect(pdftotext(twice)).toBe(pdftotext(rendered));
  });

  it('pdfsig reports both signatures valid; only the last covers the whole file', () => {
    const { stdout } = pdfsig(twice);
    const [first, second] = blocks(stdout);
    expect(blocks(stdout)).toHaveLength(2);
    expect(first).toContain('Signer Certificate Common Name: 幸福里小区业主委员会章（第三届）');
    expect(first).toContain('Signing Hash Algorithm: SHA-256');
    expect(first).toContain('Not total document signed');
    expect(first).toContain('Signature Validation: Signature is Valid.');
    expect(second).toContain('Signer Certificate Common Name: 幸福里小区业主大会章（第三届）');
    expect(second).toContain('Total document signed');
    expect(second).toContain('Signature Validation: Signature is Valid.');
    // Trust in our private root is reported separately (pdfsig has no trust store for it).
    expect(second).toMatch(/Certificate Validation: .*(Trusted|issuer)/);
  });

  it('our verifier: both seals intact, trusted, with kind, subject and signing time', () => {
    const result = verifyPdf(twice, fx.root.certPem);
    expect(result.valid).toBe(true);
    expect(result.signatures.map((s) => [s.sealKind, s.integrity, s.chainTrusted, s.coversWholeFile])).toEqual([
      ['committee', true, true, false],
      ['assembly', true, true, true],
    ]);
    const [committee, assembly] = result.signatures;
    expect(committee.signerName).toBe('幸福里小区业主委员会章（第三届）');
    expect(committee.subject).toContain('O=幸福里小区');
    expect(committee.signingTime?.toISOString()).toBe(COMMITTEE_TIME.toISOString());
    expect(assembly.signingTime?.toISOString()).toBe(ASSEMBLY_TIME.toISOString());
    // Chinese text in the signature dictionary survives (written as UTF-16BE hex strings).
    expect(committee.reason).toBe('依据业主大会决议（GY-2026-000130）用章：幸福里小区业主委员会章（第三届）');
    expect(assembly.location).toBe('杭州市幸福里小区');
    expect(committee.signedLength).toBe(once.length);
    expect(assembly.signedLength).toBe(twice.length);
    expect(committee.problems).toEqual([]);
  });

  it('a single seal verifies and covers the whole file', () => {
    const result = verifyPdf(once, fx.root.certPem);
    expect(result.valid).toBe(true);
    expect(result.signatures).toHaveLength(1);
    expect(result.signatures[0].coversWholeFile).toBe(true);
  });

  it('a flipped byte in the first revision breaks both signatures, for pdfsig and for us', () => {
    const tampered = Buffer.from(twice);
    const at = Math.floor(rendered.length / 2);
    tampered[at] ^= 0x20;
    const sig = pdfsig(tampered).stdout;
    expect(sig).not.toContain('Signature is Valid.');
    expect(blocks(sig)).toHaveLength(2);
    expect(blocks(sig).every((b) => /Signature Validation: (Signature is Invalid|Digest Mismatch)/.test(b))).toBe(true);
    const result = verifyPdf(tampered, fx.root.certPem);
    expect(result.valid).toBe(false);
    expect(result.signatures.map((s) => s.integrity)).toEqual([false, false]);
    expect(result.signatures[0].problems).toContain('盖章后文件内容被改动（摘要与签名时不符）');
  });

  it('a flipped byte in the second revision breaks only the second signature', () => {
    const tampered = Buffer.from(twice);
    // A digit of the second signature's /M date: after the first revision, signed by the assembly seal only.
    const at = twice.indexOf('/M (D:', once.length) + 10;
    expect(at).toBeGreaterThan(once.length);
    tampered[at] = tampered[at] === 0x30 ? 0x31 : 0x30;
    const [first, second] = blocks(pdfsig(tampered).stdout);
    expect(first).toContain('Signature is Valid.');
    expect(second).not.toContain('Signature is Valid.');
    expect(verifyPdf(tampered, fx.root.certPem).signatures.map((s) => s.integrity)).toEqual([true, false]);
  });

  it('content appended after the last seal is reported as not covered', () => {
    const appended = Buffer.concat([twice, Buffer.from('\n% appended\n')]);
    const result = verifyPdf(appended, fx.root.certPem);
    expect(result.signatures.map((s) => s.integrity)).toEqual([true, true]);
    expect(result.signatures.map((s) => s.coversWholeFile)).toEqual([false, false]);
    expect(result.valid).toBe(false);
  });

  it('a seal from another root is intact but not trusted', async () => {
    const foreign = await signPdf(rendered, sealWith(fx.foreign, fx.foreignRoot, '幸福里小区业主委员会章（第三届）', COMMITTEE_TIME));
    const [report] = verifyPdf(foreign, fx.root.certPem).signatures;
    expect(report.integrity).toBe(true);
    expect(report.chainTrusted).toBe(false);
    expect(report.problems).toContain('签名证书不是本平台根证书签发的');
    expect(verifyPdf(foreign, fx.root.certPem).valid).toBe(false);
    expect(verifyPdf(foreign, fx.foreignRoot.certPem).valid).toBe(true);
    expect(pdfsig(foreign).stdout).toContain('Signature is Valid.');
  });

  it('a signing time outside the certificate validity is not trusted', async () => {
    const early = await signPdf(
      rendered,
      sealWith(fx.committee, fx.root, '幸福里小区业主委员会章（第三届）', new Date('2025-06-01T00:00:00Z')),
    );
    const [report] = verifyPdf(early, fx.root.certPem).signatures;
    expect(report.integrity).toBe(true);
    expect(report.chainTrusted).toBe(false);
  });

  it('a signature made with the root CA key itself is not a trusted seal', async () => {
    const byRoot = await signPdf(rendered, sealWith(fx.root, fx.root, 'Root', COMMITTEE_TIME));
    const [report] = verifyPdf(byRoot, fx.root.certPem).signatures;
    expect(report.integrity).toBe(true);
    expect(report.chainTrusted).toBe(false);
    expect(report.sealKind).toBeUndefined();
  });

  it('an unsigned file has no signatures and is not valid', () => {
    expect(verifyPdf(rendered, fx.root.certPem)).toEqual({ signatures: [], valid: false });
  });
});
