import { constants, createPrivateKey, KeyObject, privateEncrypt } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import forge from 'node-forge';
import { pdfHexString } from './pdf-strings';
import { decodedAttributes } from './pki';

export interface SignPdfOptions {
  /** PEM private key of the seal (decrypted just for this call). */
  keyPem: string;
  /** PEM certificate of the seal. */
  certPem: string;
  /** Issuer chain (intermediates and/or root) to embed so verifiers can build the path. */
  chainPems?: string[];
  /** Shown by readers as the reason, e.g. 依据2026年第一次业主大会决议（GY-2026-000130）用章. */
  reason: string;
  /** Signer name shown by readers, e.g. 幸福里小区业主委员会章（第三届）. */
  name: string;
  location: string;
  contactInfo?: string;
  /** Claimed signing time (PDF /M and the CMS signingTime attribute); not a trusted timestamp. */
  signingTime: Date;
  /** Bytes reserved for the CMS signature (default 8192; the hex placeholder is twice that). */
  signatureLength?: number;
}

// DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1).
const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex');

/**
 * A @signpdf Signer that builds a detached PKCS#7/CMS SignedData with node-forge straight from a PEM key and
 * certificate (no PKCS#12: a P12 with a Chinese subject failed its MAC check in P12Signer). The RSA operation
 * itself goes through Node's crypto (OpenSSL), which is ~50× faster than forge's JavaScript RSA.
 */
export class ForgeCmsSigner extends Signer {
  private readonly key: KeyObject;
  private readonly cert: forge.pki.Certificate;
  private readonly chain: forge.pki.Certificate[];

  constructor(keyPem: string, certPem: string, chainPems: string[] = []) {
    super();
    this.key = createPrivateKey(keyPem);
    this.cert = forge.pki.certificateFromPem(certPem);
    this.chain = chainPems.map((pem) => forge.pki.certificateFromPem(pem));
  }

  async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'));
    p7.addCertificate(this.cert);
    for (const c of this.chain) p7.addCertificate(c);
    const key = this.key;
    p7.addSigner({
      // forge calls key.sign(md) with the digest of the signed attributes; sign it with OpenSSL.
      key: {
        sign: (md: forge.md.MessageDigest) => {
          const digestInfo = Buffer.concat([SHA256_DIGEST_INFO, Buffer.from(md.digest().getBytes(), 'binary')]);
          return privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, digestInfo).toString('binary');
        },
      } as unknown as forge.pki.rsa.PrivateKey,
      // The issuer name is re-encoded by forge: give it decoded UTF8String values (see pki.ts).
      issuer: decodedAttributes(this.cert.issuer.attributes),
      serialNumber: this.cert.serialNumber,
      digestAlgorithm: forge.pki.oids.sha256,
      authenticatedAttributes: [
        { type: forge.pki.oids.contentType, value: forge.pki.oids.data },
        { type: forge.pki.oids.messageDigest },
        { type: forge.pki.oids.signingTime, value: (signingTime ?? new Date()) as unknown as string },
      ],
    } as unknown as Parameters<typeof p7.addSigner>[0]);
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary');
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
    signatureLength: options.signatureLength ?? 8192,
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
  const signer = new ForgeCmsSigner(options.keyPem, options.certPem, options.chainPems);
  return new SignPdf().sign(withPlaceholder, signer, options.signingTime);
}
