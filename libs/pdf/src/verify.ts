import { createHash, timingSafeEqual, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import { children, decodeOid, decodeTime, expectTag, readTlv, raw, Tlv, value } from './der';
import { parsePdfDate, readPdfStringValue } from './pdf-strings';
import { describeCertificate } from './pki';
import type { SealKind } from './types';

export interface SignatureReport {
  /** Signer certificate CN (e.g. 幸福里小区业主委员会章（第三届）), or the dictionary's /Name if no certificate. */
  signerName: string;
  sealKind?: SealKind;
  /** Signer certificate subject (Node's one-field-per-line form). */
  subject: string;
  /** CMS signingTime attribute, else the dictionary's /M (both are claims of the signer, not timestamps). */
  signingTime?: Date;
  reason?: string;
  location?: string;
  byteRange: [number, number, number, number];
  /** Bytes of the file the signature covers (its revision ends there). */
  signedLength: number;
  /** Digest over the ByteRange equals the signed messageDigest AND the RSA signature over the attributes verifies. */
  integrity: boolean;
  /** The signer certificate chains to the trusted root (signatures and names) and was valid at signingTime. */
  chainTrusted: boolean;
  coversWholeFile: boolean;
  /** Why integrity or trust failed, when it did. */
  problems: string[];
}

export interface VerifyResult {
  signatures: SignatureReport[];
  /** At least one signature, all intact and trusted, and the last one covers the whole file. */
  valid: boolean;
}

const OID = {
  signedData: '1.2.840.113549.1.7.2',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
};
const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

interface Cms {
  certificates: X509Certificate[];
  certDers: Buffer[];
  issuerDer: Buffer;
  serial: Buffer;
  hash: string;
  signedAttrs?: Buffer;
  messageDigest?: Buffer;
  signingTime?: Date;
  signature: Buffer;
}

/** Parses a CMS SignedData with one SignerInfo (issuerAndSerialNumber), keeping the raw bytes needed to verify. */
function parseCms(der: Buffer): Cms {
  const contentInfo = readTlv(der, 0);
  const [typeOid, explicit] = children(der, expectTag(contentInfo, 0x30, 'ContentInfo'));
  if (decodeOid(value(der, expectTag(typeOid, 0x06, 'OID'))) !== OID.signedData) throw new Error('not a SignedData');
  const signedData = children(der, expectTag(explicit, 0xa0, '[0]'))[0];
  const parts = children(der, expectTag(signedData, 0x30, 'SignedData'));
  const certSet = parts.find((p) => p.tag === 0xa0);
  const certDers = certSet ? children(der, certSet).map((c) => Buffer.from(raw(der, c))) : [];
  const signerInfos = parts[parts.length - 1];
  const signerInfo = children(der, expectTag(signerInfos, 0x31, 'SignerInfos'))[0];
  const si = children(der, expectTag(signerInfo, 0x30, 'SignerInfo'));
  const [issuer, serial] = children(der, expectTag(si[1], 0x30, 'IssuerAndSerialNumber'));
  const digestOid = decodeOid(value(der, children(der, si[2])[0]));
  const hash = HASHES[digestOid];
  if (!hash) throw new Error(`unsupported digest ${digestOid}`);
  let i = 3;
  let signedAttrs: Buffer | undefined;
  let messageDigest: Buffer | undefined;
  let signingTime: Date | undefined;
  if (si[i].tag === 0xa0) {
    // Signed attributes are signed as a SET (0x31), not with their [0] IMPLICIT tag.
    signedAttrs = Buffer.from(raw(der, si[i]));
    signedAttrs[0] = 0x31;
    for (const attr of children(der, si[i])) {
      const [oid, values] = children(der, attr);
      const first: Tlv = children(der, values)[0];
      const type = decodeOid(value(der, oid));
      if (type === OID.messageDigest) messageDigest = Buffer.from(value(der, first));
      if (type === OID.signingTime) signingTime = decodeTime(first.tag, value(der, first));
    }
    i++;
  }
  const signature = Buffer.from(value(der, expectTag(si[i + 1], 0x04, 'signature OCTET STRING')));
  return {
    certificates: certDers.map((d) => new X509Certificate(d)),
    certDers,
    issuerDer: Buffer.from(raw(der, issuer)),
    serial: Buffer.from(value(der, serial)),
    hash,
    signedAttrs,
    messageDigest,
    signingTime,
    signature,
  };
}

const stripZeros = (b: Buffer) => {
  let i = 0;
  while (i < b.length - 1 && b[i] === 0) i++;
  return b.subarray(i);
};

/** The signer certificate: the one whose issuer name bytes and serial match the SignerInfo. */
function findSigner(cms: Cms): X509Certificate | undefined {
  return cms.certificates.find((cert, k) => {
    const tbs = children(cms.certDers[k], readTlv(cms.certDers[k], 0))[0];
    const fields = children(cms.certDers[k], tbs);
    const offset = fields[0].tag === 0xa0 ? 1 : 0; // [0] version
    const serial = value(cms.certDers[k], fields[offset]);
    const issuer = raw(cms.certDers[k], fields[offset + 2]);
    return stripZeros(serial).equals(stripZeros(cms.serial)) && issuer.equals(cms.issuerDer);
  });
}

const validAt = (cert: X509Certificate, when: Date) => new Date(cert.validFrom) <= when && when <= new Date(cert.validTo);

function chainTrusted(signer: X509Certificate, pool: X509Certificate[], root: X509Certificate, when: Date, problems: string[]): boolean {
  let current = signer;
  for (let depth = 0; depth < 6; depth++) {
    if (!validAt(current, when)) {
      problems.push(`certificate "${current.subject.replace(/\n/g, ', ')}" not valid at signing time`);
      return false;
    }
    if (current.fingerprint256 === root.fingerprint256) return true;
    if (current.checkIssued(root) && current.verify(root.publicKey)) {
      current = root;
      continue;
    }
    const issuer = pool.find((c) => c !== current && c.ca && current.checkIssued(c) && current.verify(c.publicKey));
    if (!issuer || issuer.fingerprint256 === current.fingerprint256) break;
    current = issuer;
  }
  problems.push('certificate does not chain to the trusted root');
  return false;
}

/** Every `/ByteRange [a b c d]` with numbers (placeholders are skipped), in file order. */
function findByteRanges(pdf: Buffer): { at: number; range: [number, number, number, number] }[] {
  const out: { at: number; range: [number, number, number, number] }[] = [];
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  const text = pdf.toString('latin1');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push({ at: m.index, range: [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] });
  }
  return out;
}

function checkOne(pdf: Buffer, at: number, range: [number, number, number, number], root: X509Certificate): SignatureReport {
  const [a, b, c, d] = range;
  const problems: string[] = [];
  const dictStart = Math.max(0, pdf.lastIndexOf('obj', at));
  const dictEnd = pdf.indexOf('endobj', at);
  const dict = pdf.subarray(dictStart, dictEnd < 0 ? pdf.length : dictEnd);
  const report: SignatureReport = {
    signerName: readPdfStringValue(dict, 'Name') ?? '',
    subject: '',
    signingTime: parsePdfDate(readPdfStringValue(dict, 'M')),
    reason: readPdfStringValue(dict, 'Reason'),
    location: readPdfStringValue(dict, 'Location'),
    byteRange: range,
    signedLength: c + d,
    integrity: false,
    chainTrusted: false,
    coversWholeFile: c + d === pdf.length,
    problems,
  };
  if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length || pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) {
    problems.push('malformed ByteRange');
    return report;
  }
  let cms: Cms;
  try {
    const hex = pdf.subarray(b + 1, c - 1).toString('latin1');
    if (!/^[0-9a-fA-F]*$/.test(hex)) throw new Error('Contents is not a hex string');
    const der = Buffer.from(hex, 'hex');
    cms = parseCms(der.subarray(0, readTlv(der, 0).end));
  } catch (error) {
    problems.push(`unreadable signature: ${(error as Error).message}`);
    return report;
  }
  const signer = findSigner(cms);
  if (cms.signingTime) report.signingTime = cms.signingTime;
  if (!signer) {
    problems.push('signer certificate not embedded');
    return report;
  }
  const info = describeCertificate(signer.raw);
  report.signerName = info.commonName || report.signerName;
  report.sealKind = info.sealKind;
  report.subject = signer.subject;

  const digest = createHash(cms.hash)
    .update(pdf.subarray(a, a + b))
    .update(pdf.subarray(c, c + d))
    .digest();
  const digestOk = !!cms.messageDigest && cms.messageDigest.length === digest.length && timingSafeEqual(cms.messageDigest, digest);
  if (!digestOk) problems.push('document digest does not match the signed messageDigest');
  let signatureOk = false;
  try {
    const signed = cms.signedAttrs ?? Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
    signatureOk = cryptoVerify(cms.hash, signed, signer.publicKey, cms.signature);
  } catch (error) {
    problems.push(`signature check failed: ${(error as Error).message}`);
  }
  if (!signatureOk) problems.push('RSA signature does not verify');
  report.integrity = digestOk && signatureOk;
  if (signer.ca) problems.push('signer certificate is a CA certificate, not a seal');
  report.chainTrusted = !signer.ca && chainTrusted(signer, cms.certificates, root, report.signingTime ?? new Date(), problems);
  return report;
}

/**
 * Verifies every signature in the file (each incremental revision has its own ByteRange/Contents).
 * `trustedRootPem` is the deployment root CA.
 */
export function verifyPdf(pdf: Buffer, trustedRootPem: string): VerifyResult {
  const root = new X509Certificate(trustedRootPem);
  const signatures = findByteRanges(pdf).map(({ at, range }) => checkOne(pdf, at, range, root));
  const valid =
    signatures.length > 0 && signatures.every((s) => s.integrity && s.chainTrusted) && signatures[signatures.length - 1].coversWholeFile;
  return { signatures, valid };
}
