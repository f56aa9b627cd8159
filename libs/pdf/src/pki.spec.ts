import { createPrivateKey, createPublicKey, randomBytes, X509Certificate } from 'node:crypto';
import { children, readTlv, raw } from './der';
import { decryptPrivateKey, encryptPrivateKey } from './key-encryption';
import { describeCertificate, issueSealCertificate } from './pki';
import { sealFixture } from './testing/pki-fixture';

/** DER pieces of a certificate's TBSCertificate: issuer and subject names as raw bytes, and the subject's values by OID. */
function names(certPem: string) {
  const der = new X509Certificate(certPem).raw;
  const tbs = children(der, children(der, readTlv(der, 0))[0]);
  const issuer = tbs[3];
  const subject = tbs[5];
  const values = new Map<string, { tag: number; text: string }>();
  for (const rdn of children(der, subject)) {
    const [oid, value] = children(der, children(der, rdn)[0]);
    const oidHex = raw(der, oid).toString('hex');
    values.set(oidHex, { tag: value.tag, text: der.subarray(value.start + value.headerLength, value.end).toString('utf8') });
  }
  return { issuer: raw(der, issuer), subject: raw(der, subject), values };
}

const OID_CN = '0603550403';
const OID_O = '060355040a';
const OID_SERIAL = '0603550405';

describe('seal PKI', () => {
  const fx = sealFixture();

  it('creates a self-signed 10-year root CA', () => {
    const root = new X509Certificate(fx.root.certPem);
    expect(root.ca).toBe(true);
    expect(root.verify(root.publicKey)).toBe(true);
    expect(root.subject).toContain('O=某某街道办事处');
    const years = (new Date(root.validTo).getTime() - new Date(root.validFrom).getTime()) / (365.25 * 86400000);
    expect(Math.round(years)).toBe(10);
  });

  it('issues RSA-2048 seal certificates signed by the root, with the Chinese subject as UTF8String', () => {
    const root = new X509Certificate(fx.root.certPem);
    const cert = new X509Certificate(fx.committee.certPem);
    expect(cert.ca).toBe(false);
    expect(cert.verify(root.publicKey)).toBe(true);
    expect(cert.checkIssued(root)).toBe(true);
    expect(cert.verify(new X509Certificate(fx.foreignRoot.certPem).publicKey)).toBe(false);
    expect(createPrivateKey(fx.committee.keyPem).asymmetricKeyDetails?.modulusLength).toBe(2048);
    // The key belongs to the certificate.
    expect(
      createPublicKey(fx.committee.keyPem)
        .export({ format: 'der', type: 'spki' })
        .equals(cert.publicKey.export({ format: 'der', type: 'spki' })),
    ).toBe(true);

    const n = names(fx.committee.certPem);
    expect(n.values.get(OID_CN)).toEqual({ tag: 0x0c, text: '幸福里小区业主委员会章（第三届）' });
    expect(n.values.get(OID_O)).toEqual({ tag: 0x0c, text: '幸福里小区' });
    expect(n.values.get(OID_SERIAL)).toEqual({ tag: 0x13, text: 'gongyi.seal.committee.xfl-001.t3' });
    // The issuer name is byte-for-byte the root's subject (no double UTF-8 encoding of 某某街道办事处).
    expect(n.issuer.equals(names(fx.root.certPem).subject)).toBe(true);
  });

  it('describes seal certificates', () => {
    const info = describeCertificate(fx.assembly.certPem);
    expect(info).toMatchObject({
      commonName: '幸福里小区业主大会章（第三届）',
      organisation: '幸福里小区',
      sealKind: 'assembly',
      communityCode: 'xfl-001',
      term: 3,
    });
    expect(info.notBefore.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(info.notAfter.toISOString()).toBe('2031-01-01T00:00:00.000Z');
    expect(describeCertificate(fx.root.certPem).sealKind).toBeUndefined();
  });

  it('never issues beyond the CA validity and rejects non-ASCII community codes', () => {
    const cert = issueSealCertificate(fx.root, { kind: 'committee', communityName: '幸福里小区', communityCode: 'x', term: 1, years: 50 });
    expect(new Date(new X509Certificate(cert.certPem).validTo).getTime()).toBe(
      new Date(new X509Certificate(fx.root.certPem).validTo).getTime(),
    );
    expect(() =>
      issueSealCertificate(fx.root, { kind: 'committee', communityName: '幸福里小区', communityCode: '幸福里', term: 1 }),
    ).toThrow(/ASCII/);
  });
});

describe('private key encryption (AES-256-GCM)', () => {
  const fx = sealFixture();
  const master = randomBytes(32);
  const pem = fx.committee.keyPem;

  it('round-trips and produces a self-describing v1 string', () => {
    const blob = encryptPrivateKey(pem, master, 'seal:42');
    expect(blob).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$/);
    expect(decryptPrivateKey(blob, master, 'seal:42')).toBe(pem);
    expect(encryptPrivateKey(pem, master, 'seal:42')).not.toBe(blob); // fresh IV each time
  });

  it('does not contain the key in any readable form', () => {
    const blob = encryptPrivateKey(pem, master);
    const body = pem.split('\n').filter((l) => l && !l.startsWith('-----'));
    expect(blob).not.toContain('PRIVATE KEY');
    for (const line of body) expect(blob).not.toContain(line.slice(0, 16));
    const decoded = Buffer.from(blob.split(':')[3], 'base64').toString('latin1');
    expect(decoded).not.toContain('BEGIN');
    expect(decoded).not.toContain(body[1].slice(0, 16));
  });

  it('fails with a wrong key, a different context or any tampering', () => {
    const blob = encryptPrivateKey(pem, master, 'seal:42');
    expect(() => decryptPrivateKey(blob, randomBytes(32), 'seal:42')).toThrow(/decryption failed/);
    expect(() => decryptPrivateKey(blob, master, 'seal:43')).toThrow(/decryption failed/);
    const [v, iv, tag, ct] = blob.split(':');
    const flip = (b64: string, at: number) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[at] ^= 0x01;
      return bytes.toString('base64');
    };
    expect(() => decryptPrivateKey([v, iv, tag, flip(ct, 100)].join(':'), master, 'seal:42')).toThrow(/decryption failed/);
    expect(() => decryptPrivateKey([v, iv, flip(tag, 0), ct].join(':'), master, 'seal:42')).toThrow(/decryption failed/);
    expect(() => decryptPrivateKey([v, flip(iv, 0), tag, ct].join(':'), master, 'seal:42')).toThrow(/decryption failed/);
    expect(() => decryptPrivateKey(['v2', iv, tag, ct].join(':'), master, 'seal:42')).toThrow(/format/);
    expect(() => encryptPrivateKey(pem, randomBytes(16))).toThrow(/32 bytes/);
  });
});
