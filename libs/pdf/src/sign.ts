import { createHash, createPrivateKey, KeyObject } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import { buildSignedData, cmsAttribute, OIDS } from './cms';
import { ctx, seq } from './der-write';
import { pdfHexString } from './pdf-strings';

/** Gets an RFC 3161 time-stamp token (DER ContentInfo) over the SHA-256 `imprint` of a signature value. */
export type TimestampSource = (imprint: Buffer) => Promise<Buffer>;

export interface SignPdfOptions {
  /** PEM private key of the seal (decrypted just for this call). */
  keyPem: string;
  /** PEM certificate of the seal. */
  certPem: string;
  /** Issuer chain (intermediates and/or root) to embed so verifiers can build the path. */
  chainPems?: string[];
  /** Shown by readers as the reason, e.g. 依据2026年第一次业主大会决议（GY-2026-000130）用章，保管人张三. */
  reason: string;
  /** Signer name shown by readers, e.g. 幸福里小区业主委员会章（第三届）. */
  name: string;
  location: string;
  contactInfo?: string;
  /** Claimed signing time (PDF /M and the CMS signingTime attribute); the trusted time is the timestamp's. */
  signingTime: Date;
  /** Time-stamp authority: the token is added as unsigned attribute signatureTimeStampToken (PAdES B-T). */
  timestamp?: TimestampSource;
  /** DER CRLs of the issuer, embedded as the signed attribute adbe-revocationInfoArchival (revocation values). */
  crls?: Buffer[];
  /** Bytes reserved for the CMS signature (default 16384; the hex placeholder is twice that). */
  signatureLength?: number;
}

/** RevocationInfoArchival ::= SEQUENCE { crl [0] EXPLICIT SEQUENCE OF CRLs, ... } (Adobe, PDF 1.6+). */
export function revocationInfoArchival(crls: Buffer[]): Buffer {
  return cmsAttribute(OIDS.revocationInfoArchival, seq(ctx(0, seq(...crls))));
}

/**
 * A @signpdf Signer writing a detached CMS SignedData (cms.ts) straight from a PEM key and certificate (no
 * PKCS#12: a P12 with a Chinese subject failed its MAC check in P12Signer). The RSA operation goes through
 * Node's crypto (OpenSSL). With a time-stamp source, the token over the signature value is added unsigned.
 */
export class CmsSigner extends Signer {
  private readonly key: KeyObject;

  constructor(
    keyPem: string,
    private readonly certPem: string,
    private readonly chainPems: string[] = [],
    private readonly extras: { timestamp?: TimestampSource; crls?: Buffer[] } = {},
  ) {
    super();
    this.key = createPrivateKey(keyPem);
  }

  async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const { timestamp, crls } = this.extras;
    return buildSignedData({
      contentType: OIDS.data,
      contentDigest: createHash('sha256').update(pdfBuffer).digest(),
      key: this.key,
      signerCert: this.certPem,
      chain: this.chainPems,
      signingTime: signingTime ?? new Date(),
      signedAttributes: crls?.length ? [revocationInfoArchival(crls)] : [],
      unsignedAttributes: timestamp
        ? async (signature) => [
            cmsAttribute(OIDS.signatureTimeStampToken, await timestamp(createHash('sha256').update(signature).digest())),
          ]
        : undefined,
    });
  }
}

/**
 * @signpdf's placeholder writes non-ASCII text strings through Buffer.from(string) (UTF-8), which garbles
 * Chinese. We pass same-length ASCII markers and then swap each for a UTF-16BE hex string of exactly the
 * same byte length, so no offset (xref) moves.
 */
function marker(prefix: string, text: string): { marker: string; hex: string } | undefined {
  if (/^[\x20-\x7e]*$/.test(text)) return undefined;
  const hex = pdfHexString(text);
  return { marker: prefix + 'x'.repeat(hex.length - 2 - prefix.length), hex };
}

/**
 * Adds a signature (invisible signature field; the red impression is already part of the page content) as an
 * incremental update. Signing an already-signed PDF appends a new revision, so earlier signatures stay valid.
 */
export async function signPdf(pdf: Buffer, options: SignPdfOptions): Promise<Buffer> {
  const texts = {
    reason: marker('GYRSN', options.reason),
    name: marker('GYNAM', options.name),
    location: marker('GYLOC', options.location),
    contactInfo: marker('GYCON', options.contactInfo ?? ''),
  };
  let withPlaceholder: Buffer = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: texts.reason?.marker ?? options.reason,
    name: texts.name?.marker ?? options.name,
    location: texts.location?.marker ?? options.location,
    contactInfo: texts.contactInfo?.marker ?? options.contactInfo ?? '',
    signingTime: options.signingTime,
    signatureLength: options.signatureLength ?? 16384,
    appName: 'Gongyi',
  });
  for (const t of Object.values(texts)) {
    if (!t) continue;
    const literal = Buffer.from(`(${t.marker})`, 'latin1');
    const at = withPlaceholder.indexOf(literal, pdf.length - 1);
    if (at < 0) throw new Error('signPdf: placeholder text not found');
    withPlaceholder = Buffer.concat([
      withPlaceholder.subarray(0, at),
      Buffer.from(t.hex, 'latin1'),
      withPlaceholder.subarray(at + literal.length),
    ]);
  }
  const signer = new CmsSigner(options.keyPem, options.certPem, options.chainPems, {
    timestamp: options.timestamp,
    crls: options.crls,
  });
  return new SignPdf().sign(withPlaceholder, signer, options.signingTime);
}
