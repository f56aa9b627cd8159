import { sign as cryptoSign, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { certDer } from './cms';
import { children, decodeOid, decodeTime, expectTag, raw, readTlv, value } from './der';
import { algorithm, ctx, ctxPrimitive, int, octets, oid, seq, time, tlv } from './der-write';
import type { KeyAndCertificate } from './pki';

/**
 * Certificate revocation lists (RFC 5280 §5) of the deployment root CA: a retired seal's certificate is listed
 * from its retirement on, so a signature made later (by trusted time) does not verify.
 */

export interface Revocation {
  /** Certificate serial, lower-case hex without leading zeros (as Node's X509Certificate prints it, lower-cased). */
  serial: string;
  revokedAt: Date;
}

export interface CrlInput {
  revoked: Revocation[];
  thisUpdate: Date;
  nextUpdate: Date;
  /** Monotonic CRL number. */
  number: number | bigint;
}

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';
// CRLReason cessationOfOperation (5): the seal is no longer used.
const CESSATION_OF_OPERATION = 5;

export const normaliseSerial = (hex: string) => hex.toLowerCase().replace(/^0+(?=.)/, '');

function subjectOf(cert: Buffer): Buffer {
  const tbs = children(cert, readTlv(cert, 0))[0];
  const fields = children(cert, tbs);
  const offset = fields[0].tag === 0xa0 ? 1 : 0;
  return Buffer.from(raw(cert, fields[offset + 4]));
}

function serialBytes(hex: string): Buffer {
  const h = normaliseSerial(hex);
  return Buffer.from(h.length % 2 ? '0' + h : h, 'hex');
}

function bigintBytes(n: bigint): Buffer {
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  return Buffer.from(hex, 'hex');
}

/** A v2 CRL signed by the CA (SHA-256 with RSA), with CRL number and authority key identifier. */
export function createCrl(ca: KeyAndCertificate, input: CrlInput): Buffer {
  const caDer = certDer(ca.certPem);
  const keyId = Buffer.from(forge.pki.certificateFromPem(ca.certPem).generateSubjectKeyIdentifier().getBytes(), 'binary');
  const entries = [...input.revoked]
    .sort((a, b) => a.revokedAt.getTime() - b.revokedAt.getTime())
    .map((r) =>
      seq(
        int(serialBytes(r.serial)),
        time(r.revokedAt),
        seq(seq(oid('2.5.29.21'), octets(tlv(0x0a, Buffer.from([CESSATION_OF_OPERATION]))))),
      ),
    );
  const tbs = seq(
    int(1),
    algorithm(SHA256_WITH_RSA),
    subjectOf(caDer),
    time(input.thisUpdate),
    time(input.nextUpdate),
    ...(entries.length ? [seq(...entries)] : []),
    ctx(
      0,
      seq(
        seq(oid('2.5.29.20'), octets(int(bigintBytes(BigInt(input.number))))),
        seq(oid('2.5.29.35'), octets(seq(ctxPrimitive(0, keyId)))),
      ),
    ),
  );
  const signature = cryptoSign('sha256', tbs, ca.keyPem);
  return seq(tbs, algorithm(SHA256_WITH_RSA), tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
}

export interface ParsedCrl {
  revoked: Revocation[];
  thisUpdate: Date;
  nextUpdate?: Date;
  /** Issued by `root` and its signature verifies. */
  trusted: boolean;
}

/** Reads a DER CRL and checks it was signed by `root`. Throws on malformed input. */
export function parseCrl(der: Buffer, root: X509Certificate): ParsedCrl {
  const top = children(der, expectTag(readTlv(der, 0), 0x30, 'CertificateList'));
  const tbs = expectTag(top[0], 0x30, 'TBSCertList');
  const fields = children(der, tbs);
  let i = fields[0].tag === 0x02 ? 1 : 0;
  const sigAlg = decodeOid(value(der, children(der, fields[i])[0]));
  i++;
  const issuer = raw(der, fields[i++]);
  const thisUpdate = decodeTime(fields[i].tag, value(der, fields[i]));
  i++;
  let nextUpdate: Date | undefined;
  if (fields[i] && (fields[i].tag === 0x17 || fields[i].tag === 0x18)) {
    nextUpdate = decodeTime(fields[i].tag, value(der, fields[i]));
    i++;
  }
  const revoked: Revocation[] = [];
  if (fields[i] && fields[i].tag === 0x30) {
    for (const entry of children(der, fields[i])) {
      const [serial, when] = children(der, entry);
      revoked.push({ serial: normaliseSerial(value(der, serial).toString('hex')), revokedAt: decodeTime(when.tag, value(der, when)) });
    }
  }
  const sigBits = value(der, expectTag(top[2], 0x03, 'signature'));
  let trusted = false;
  try {
    trusted =
      sigAlg === SHA256_WITH_RSA &&
      Buffer.from(issuer).equals(subjectOf(Buffer.from(root.raw))) &&
      cryptoVerify('sha256', raw(der, tbs), root.publicKey, sigBits.subarray(1));
  } catch {
    trusted = false;
  }
  return { revoked, thisUpdate, nextUpdate, trusted };
}
