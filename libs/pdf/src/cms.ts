import { createHash, createPrivateKey, KeyObject, sign as cryptoSign, X509Certificate } from 'node:crypto';
import { children, raw, readTlv, value } from './der';
import { algorithm, ctx, int, octets, oid, seq, set, sortedSet, time } from './der-write';

/**
 * CMS SignedData (RFC 5652) built byte by byte: used for the seal signatures in PDFs (detached, PAdES) and
 * for RFC 3161 time-stamp tokens (encapsulated TSTInfo). node-forge's PKCS#7 cannot carry the attributes
 * PAdES needs (signing-certificate-v2, revocation values, a time-stamp token as unsigned attribute), so the
 * structure is written here and the RSA operation goes through Node's crypto (OpenSSL).
 */

export const OIDS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  tstInfo: '1.2.840.113549.1.9.16.1.4',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  /** id-aa-signatureTimeStampToken: an RFC 3161 token over the SignerInfo's signature value (PAdES B-T). */
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  /** adbe-revocationInfoArchival: CRLs/OCSP responses as a signed attribute (what Acrobat reads for LTV). */
  revocationInfoArchival: '1.2.840.113583.1.1.8',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  timeStamping: '1.3.6.1.5.5.7.3.8',
} as const;

export interface CertParts {
  der: Buffer;
  /** Issuer Name, exact bytes. */
  issuer: Buffer;
  /** serialNumber INTEGER contents. */
  serial: Buffer;
}

export function certDer(pemOrDer: string | Buffer): Buffer {
  return Buffer.from(new X509Certificate(pemOrDer).raw);
}

export function certParts(pemOrDer: string | Buffer): CertParts {
  const der = certDer(pemOrDer);
  const tbs = children(der, readTlv(der, 0))[0];
  const fields = children(der, tbs);
  const offset = fields[0].tag === 0xa0 ? 1 : 0;
  return { der, serial: Buffer.from(value(der, fields[offset])), issuer: Buffer.from(raw(der, fields[offset + 2])) };
}

/** Attribute ::= SEQUENCE { attrType OID, attrValues SET OF value }. */
export const cmsAttribute = (type: string, ...values: Buffer[]) => seq(oid(type), sortedSet(...values));

/** ESS signing-certificate-v2 (RFC 5035) naming `cert` by its SHA-256 (the default hash, so omitted). */
export function signingCertificateV2(cert: CertParts): Buffer {
  const essCertIdV2 = seq(octets(createHash('sha256').update(cert.der).digest()), seq(seq(ctx(4, cert.issuer)), int(cert.serial)));
  return cmsAttribute(OIDS.signingCertificateV2, seq(seq(essCertIdV2)));
}

export interface SignedDataInput {
  /** eContentType: id-data for a detached PDF signature, id-ct-TSTInfo for a time-stamp token. */
  contentType: string;
  /** Encapsulated content (time-stamp tokens); absent: detached. */
  content?: Buffer;
  /** SHA-256 of the content (signed as messageDigest). */
  contentDigest: Buffer;
  key: string | KeyObject;
  signerCert: string | Buffer;
  /** Further certificates to embed (issuer chain). */
  chain?: (string | Buffer)[];
  signingTime?: Date;
  /** More signed attributes (already encoded Attribute SEQUENCEs). */
  signedAttributes?: Buffer[];
  /** Unsigned attributes computed from the signature value (e.g. a time-stamp token over it). */
  unsignedAttributes?: (signature: Buffer) => Promise<Buffer[]> | Buffer[];
}

/** ContentInfo { signedData, SignedData } with one SignerInfo (issuerAndSerialNumber, SHA-256, RSA). */
export async function buildSignedData(input: SignedDataInput): Promise<Buffer> {
  const signer = certParts(input.signerCert);
  const certs = [signer.der, ...(input.chain ?? []).map(certDer)].filter((c, i, all) => all.findIndex((o) => o.equals(c)) === i);
  const attrs = [
    cmsAttribute(OIDS.contentType, oid(input.contentType)),
    ...(input.signingTime ? [cmsAttribute(OIDS.signingTime, time(input.signingTime))] : []),
    cmsAttribute(OIDS.messageDigest, octets(input.contentDigest)),
    signingCertificateV2(signer),
    ...(input.signedAttributes ?? []),
  ];
  const signedAttrsSet = sortedSet(...attrs);
  const key = typeof input.key === 'string' ? createPrivateKey(input.key) : input.key;
  const signature = cryptoSign('sha256', signedAttrsSet, key);
  const unsigned = input.unsignedAttributes ? await input.unsignedAttributes(signature) : [];
  const signedAttrsImplicit = Buffer.concat([Buffer.from([0xa0]), signedAttrsSet.subarray(1)]);
  const signerInfo = seq(
    int(1),
    seq(signer.issuer, int(signer.serial)),
    algorithm(OIDS.sha256),
    signedAttrsImplicit,
    algorithm(OIDS.rsaEncryption),
    octets(signature),
    ...(unsigned.length ? [ctx(1, ...unsigned)] : []),
  );
  const encap = seq(oid(input.contentType), ...(input.content ? [ctx(0, octets(input.content))] : []));
  const signedData = seq(
    int(input.contentType === OIDS.data ? 1 : 3),
    set(algorithm(OIDS.sha256)),
    encap,
    ctx(0, ...certs),
    set(signerInfo),
  );
  return seq(oid(OIDS.signedData), ctx(0, signedData));
}
