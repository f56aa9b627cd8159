import { createHash, timingSafeEqual, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import { children, decodeOid, decodeTime, expectTag, readTlv, raw, Tlv, value } from './der';
import { parsePdfDate, readPdfStringValue } from './pdf-strings';
import { normaliseSerial, parseCrl, type Revocation } from './crl';
import { formatDateTimeSeconds } from './dates';
import { describeCertificate } from './pki';
import { parseTstInfo } from './tsp';
import type { SealKind } from './types';

export type { Revocation } from './crl';

/** The RFC 3161 token carried by a signature (unsigned attribute signatureTimeStampToken, PAdES B-T). */
export interface TimestampReport {
  /** genTime of the token, when it could be read. */
  time?: Date;
  /** CN of the time-stamp authority's certificate. */
  authority: string;
  /** The token is intact, stamps this signature's value, and its TSA certificate (EKU timeStamping) chains to the root. */
  valid: boolean;
}

/** Why a revoked (retired) seal's signature fails. */
export type RevocationFailure = 'sealed_after_retirement' | 'revoked_without_timestamp';

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
  /** The signature bytes parse as CMS with an embedded signer certificate. */
  readable: boolean;
  /** The bytes covered hash to the signed messageDigest (false: the signed content was changed). */
  digestMatches: boolean;
  /** The RSA signature over the signed attributes verifies (false with a readable CMS: the signature is corrupted). */
  signatureVerifies: boolean;
  /** The signer certificate chains to the trusted root (signatures and names) and was valid at signingTime. */
  chainTrusted: boolean;
  coversWholeFile: boolean;
  /** Serial of the signer certificate (lower-case hex), as listed in CRLs. */
  certificateSerial?: string;
  timestamp?: TimestampReport;
  /** The timestamp's time when the token is valid: the time the signature provably existed. */
  trustedTime?: Date;
  /** The seal's certificate is revoked (seal retired) from this time on, per the CRL. */
  revokedAt?: Date;
  /** Set when the revocation makes the signature fail (signed after retirement, or no trusted time proves earlier). */
  revocation?: RevocationFailure;
  /** CRLs embedded in the signature (adbe-revocationInfoArchival) that the root CA signed. */
  embeddedCrls: number;
  /** Why integrity or trust failed, when it did (Chinese, for readers of the verification page). */
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
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  revocationInfoArchival: '1.2.840.113583.1.1.8',
  timeStamping: '1.3.6.1.5.5.7.3.8',
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
  /** Encapsulated content (time-stamp tokens carry TSTInfo here). */
  content?: Buffer;
  /** First value (exact bytes) of each signed attribute, by OID. */
  signed: Map<string, Buffer>;
  unsigned: Map<string, Buffer>;
}

function attributes(der: Buffer, t: Tlv): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const attr of children(der, t)) {
    const [oid, values] = children(der, attr);
    const first = children(der, values)[0];
    if (first) out.set(decodeOid(value(der, oid)), Buffer.from(raw(der, first)));
  }
  return out;
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
  let signed = new Map<string, Buffer>();
  if (si[i].tag === 0xa0) {
    // Signed attributes are signed as a SET (0x31), not with their [0] IMPLICIT tag.
    signedAttrs = Buffer.from(raw(der, si[i]));
    signedAttrs[0] = 0x31;
    signed = attributes(der, si[i]);
    const md = signed.get(OID.messageDigest);
    if (md) messageDigest = Buffer.from(value(md, readTlv(md, 0)));
    const st = signed.get(OID.signingTime);
    if (st) {
      const t = readTlv(st, 0);
      signingTime = decodeTime(t.tag, value(st, t));
    }
    i++;
  }
  const signature = Buffer.from(value(der, expectTag(si[i + 1], 0x04, 'signature OCTET STRING')));
  const unsigned = si[i + 2]?.tag === 0xa1 ? attributes(der, si[i + 2]) : new Map<string, Buffer>();
  const encap = parts.find((p, k) => k > 0 && p.tag === 0x30 && p !== signerInfos);
  const eContent = encap ? children(der, encap)[1] : undefined;
  const content = eContent?.tag === 0xa0 ? Buffer.from(value(der, expectTag(children(der, eContent)[0], 0x04, 'eContent'))) : undefined;
  return {
    content,
    signed,
    unsigned,
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
      problems.push(`证书「${current.subject.replace(/\n/g, ', ')}」在签章时不在有效期内`);
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
  problems.push('签名证书不是本平台根证书签发的');
  return false;
}

/** Checks a time-stamp token over `signatureValue` (the seal signature's bytes). */
function checkTimestamp(
  token: Buffer,
  signatureValue: Buffer,
  root: X509Certificate,
  tsaRoots: X509Certificate[],
  problems: string[],
): TimestampReport {
  const report: TimestampReport = { authority: '', valid: false };
  try {
    const cms = parseCms(token.subarray(0, readTlv(token, 0).end));
    const tsa = findSigner(cms);
    if (!cms.content) throw new Error('时间戳中没有 TSTInfo');
    const tst = parseTstInfo(cms.content);
    report.time = tst.genTime;
    if (!tsa) {
      problems.push('时间戳中没有时间戳服务的证书');
      return report;
    }
    report.authority = describeCertificate(tsa.raw).commonName;
    const digest = createHash(cms.hash).update(cms.content).digest();
    const intact =
      !!cms.messageDigest &&
      !!cms.signedAttrs &&
      cms.messageDigest.equals(digest) &&
      cryptoVerify(cms.hash, cms.signedAttrs, tsa.publicKey, cms.signature);
    if (!intact) {
      problems.push('时间戳已损坏：时间戳的签名校验不通过');
      return report;
    }
    if (
      !['sha256', 'sha384', 'sha512'].includes(tst.hash) ||
      !createHash(tst.hash).update(signatureValue).digest().equals(tst.hashedMessage)
    ) {
      problems.push('时间戳不是针对这个印章签名的');
      return report;
    }
    if (!(tsa.keyUsage ?? []).includes(OID.timeStamping)) {
      problems.push('时间戳证书不是时间戳服务证书（缺少 timeStamping 用途）');
      return report;
    }
    const chainProblems: string[] = [];
    if (![root, ...tsaRoots].some((anchor) => chainTrusted(tsa, cms.certificates, anchor, tst.genTime, chainProblems))) {
      problems.push('时间戳服务的证书不是本平台根证书签发的');
      return report;
    }
    report.valid = true;
  } catch (error) {
    problems.push(`时间戳已损坏，无法读取（${(error as Error).message}）`);
  }
  return report;
}

/** Revocations listed in the CRLs embedded in a signature (adbe-revocationInfoArchival), if the root signed them. */
function embeddedRevocations(attr: Buffer | undefined, root: X509Certificate): { crls: number; revoked: Revocation[] } {
  if (!attr) return { crls: 0, revoked: [] };
  const out = { crls: 0, revoked: [] as Revocation[] };
  try {
    const archival = readTlv(attr, 0);
    const crlField = children(attr, archival).find((c) => c.tag === 0xa0);
    if (!crlField) return out;
    for (const crl of children(attr, children(attr, crlField)[0])) {
      const parsed = parseCrl(Buffer.from(raw(attr, crl)), root);
      if (!parsed.trusted) continue;
      out.crls++;
      out.revoked.push(...parsed.revoked);
    }
  } catch {
    // An unreadable archive proves nothing either way; the current CRL still applies.
  }
  return out;
}

const fmt = formatDateTimeSeconds;

/**
 * Applies revocations (retired seals, from the current CRL or the database) to a result: a signature by a revoked
 * certificate stays valid only when a valid timestamp proves it was made before the revocation. Idempotent.
 * `registeredAt`: when the platform's registry holds these exact bytes since then (documents sealed before
 * signatures carried timestamps); it stands in for a missing timestamp, never overrides a later one.
 */
export function applyRevocations(result: VerifyResult, revocations: Revocation[], registeredAt?: Date): VerifyResult {
  const bySerial = new Map<string, Date>();
  for (const r of revocations) {
    const serial = normaliseSerial(r.serial);
    const seen = bySerial.get(serial);
    if (!seen || r.revokedAt < seen) bySerial.set(serial, r.revokedAt);
  }
  const signatures = result.signatures.map((s) => {
    // Dates may arrive as strings when the result crossed a process boundary (JSON).
    const trustedTime = s.trustedTime ? new Date(s.trustedTime) : undefined;
    const listed = s.certificateSerial ? bySerial.get(s.certificateSerial) : undefined;
    const known = s.revokedAt ? new Date(s.revokedAt) : undefined;
    const earliest = listed && known ? (listed < known ? listed : known) : (listed ?? known);
    if (!earliest) return s;
    const problems = s.problems.filter((p) => !p.startsWith('印章已停用'));
    let revocation: RevocationFailure | undefined;
    if (!trustedTime && registeredAt && registeredAt < earliest) {
      revocation = undefined;
    } else if (!trustedTime) {
      revocation = 'revoked_without_timestamp';
      problems.push(`印章已停用（证书于 ${fmt(earliest)} 吊销），且没有可信时间戳证明盖章在停用之前`);
    } else if (trustedTime >= earliest) {
      revocation = 'sealed_after_retirement';
      problems.push(`印章已停用：可信时间戳 ${fmt(trustedTime)} 晚于印章停用时间 ${fmt(earliest)}`);
    }
    return { ...s, trustedTime, revokedAt: earliest, revocation, problems };
  });
  return { signatures, valid: overallValid(signatures) };
}

function overallValid(signatures: SignatureReport[]): boolean {
  return (
    signatures.length > 0 &&
    signatures.every((s) => s.integrity && s.chainTrusted && !s.revocation && s.timestamp?.valid !== false) &&
    signatures[signatures.length - 1].coversWholeFile
  );
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

function checkOne(
  pdf: Buffer,
  at: number,
  range: [number, number, number, number],
  root: X509Certificate,
  tsaRoots: X509Certificate[],
  revoked: Revocation[],
): SignatureReport {
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
    readable: false,
    digestMatches: false,
    signatureVerifies: false,
    chainTrusted: false,
    coversWholeFile: c + d === pdf.length,
    embeddedCrls: 0,
    problems,
  };
  if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length || pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) {
    problems.push('签名的字节范围（ByteRange）不完整或已被改动');
    return report;
  }
  let cms: Cms;
  try {
    const hex = pdf.subarray(b + 1, c - 1).toString('latin1');
    if (!/^[0-9a-fA-F]*$/.test(hex)) throw new Error('签名数据不是十六进制串');
    const der = Buffer.from(hex, 'hex');
    cms = parseCms(der.subarray(0, readTlv(der, 0).end));
  } catch (error) {
    problems.push(`签名数据已损坏，无法读取（${(error as Error).message}）`);
    return report;
  }
  const signer = findSigner(cms);
  if (cms.signingTime) report.signingTime = cms.signingTime;
  if (!signer) {
    problems.push('签名中没有签章证书');
    return report;
  }
  const info = describeCertificate(signer.raw);
  report.signerName = info.commonName || report.signerName;
  report.sealKind = info.sealKind;
  report.subject = signer.subject;
  report.certificateSerial = normaliseSerial(signer.serialNumber);
  const token = cms.unsigned.get(OID.signatureTimeStampToken);
  if (token) {
    report.timestamp = checkTimestamp(token, cms.signature, root, tsaRoots, problems);
    if (report.timestamp.valid) report.trustedTime = report.timestamp.time;
  }
  const archived = embeddedRevocations(cms.signed.get(OID.revocationInfoArchival), root);
  report.embeddedCrls = archived.crls;
  revoked.push(...archived.revoked);

  const digest = createHash(cms.hash)
    .update(pdf.subarray(a, a + b))
    .update(pdf.subarray(c, c + d))
    .digest();
  const digestOk = !!cms.messageDigest && cms.messageDigest.length === digest.length && timingSafeEqual(cms.messageDigest, digest);
  report.readable = true;
  report.digestMatches = digestOk;
  if (!digestOk) problems.push('盖章后文件内容被改动（摘要与签名时不符）');
  let signatureOk = false;
  try {
    const signed = cms.signedAttrs ?? Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
    signatureOk = cryptoVerify(cms.hash, signed, signer.publicKey, cms.signature);
  } catch (error) {
    problems.push(`签名校验出错（${(error as Error).message}）`);
  }
  report.signatureVerifies = signatureOk;
  if (!signatureOk) problems.push('签名值校验不通过：签名数据已损坏');
  report.integrity = digestOk && signatureOk;
  if (signer.ca) problems.push('签名证书是 CA 证书，不是印章证书');
  // Validity is judged at the trusted time when there is one, else at the signer's claimed time.
  const when = report.trustedTime ?? report.signingTime ?? new Date();
  report.chainTrusted = !signer.ca && chainTrusted(signer, cms.certificates, root, when, problems);
  return report;
}

export interface VerifyOptions {
  /** Known revocations (e.g. the deployment's retired seals). */
  revocations?: Revocation[];
  /** DER CRLs to apply (e.g. downloaded from /api/crl); only those the root CA signed count. */
  crls?: Buffer[];
  /** Roots trusted for time-stamp tokens only (an external TSA_URL's CA), besides the seal root. */
  timestampRoots?: string[];
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Verifies every signature in the file (each incremental revision has its own ByteRange/Contents), its
 * timestamp, and revocation: the CRLs embedded in any of the file's signatures plus `options`.
 * `trustedRootPem` is the deployment root CA; further certificates in the same PEM text are trusted as roots of
 * time-stamp authorities only (so one string carries the whole trust configuration, e.g. to the verify worker).
 */
export function verifyPdf(pdf: Buffer, trustedRootPem: string, options: VerifyOptions = {}): VerifyResult {
  const [rootPem, ...bundled] = trustedRootPem.match(PEM_BLOCK) ?? [trustedRootPem];
  const root = new X509Certificate(rootPem);
  const tsaRoots = [...bundled, ...(options.timestampRoots ?? [])].map((pem) => new X509Certificate(pem));
  const revoked: Revocation[] = [...(options.revocations ?? [])];
  for (const crl of options.crls ?? []) {
    try {
      const parsed = parseCrl(crl, root);
      if (parsed.trusted) revoked.push(...parsed.revoked);
    } catch {
      // not a CRL: ignored
    }
  }
  const signatures = findByteRanges(pdf).map(({ at, range }) => checkOne(pdf, at, range, root, tsaRoots, revoked));
  return applyRevocations({ signatures, valid: overallValid(signatures) }, revoked);
}
