import { createHash, randomBytes } from 'node:crypto';
import { buildSignedData, OIDS } from './cms';
import { children, decodeOid, decodeTime, expectTag, raw, readTlv, value } from './der';
import { algorithm, bool, ctx, generalizedTimeMs, int, octets, oid, seq, tlv, utf8 } from './der-write';

/**
 * RFC 3161 time-stamp protocol: requests, the deployment's own responder, and reading tokens.
 *
 * The policy OID lives under the UUID arc 2.25 (ITU-T X.667), which needs no registration.
 */
export const TSA_POLICY_OID = '2.25.186554917392155734419573213413960427213';

const HASH_OIDS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const HASH_LENGTH: Record<string, number> = { sha256: 32, sha384: 48, sha512: 64 };
const OID_OF_HASH: Record<string, string> = Object.fromEntries(Object.entries(HASH_OIDS).map(([o, h]) => [h, o]));

export interface TimeStampRequest {
  hash: string;
  hashedMessage: Buffer;
  policy?: string;
  nonce?: Buffer;
  certReq: boolean;
  hasExtensions: boolean;
}

/** TimeStampReq for SHA-256 of `message` (or of an already-hashed imprint), with a random nonce and certReq. */
export function buildTimeStampRequest(options: { message?: Buffer; imprint?: Buffer; nonce?: Buffer; certReq?: boolean }): Buffer {
  const imprint =
    options.imprint ??
    createHash('sha256')
      .update(options.message ?? Buffer.alloc(0))
      .digest();
  const nonce = options.nonce ?? randomBytes(8);
  return seq(int(1), seq(algorithm(OIDS.sha256), octets(imprint)), int(nonce), ...(options.certReq === false ? [] : [bool(true)]));
}

/** Parses a TimeStampReq; throws on anything malformed. */
export function parseTimeStampRequest(der: Buffer): TimeStampRequest {
  const top = readTlv(der, 0);
  if (top.end !== der.length) throw new Error('trailing bytes');
  const parts = children(der, expectTag(top, 0x30, 'TimeStampReq'));
  const version = value(der, expectTag(parts[0], 0x02, 'version'));
  if (version.length !== 1 || version[0] !== 1) throw new Error('version must be 1');
  const [alg, hashed] = children(der, expectTag(parts[1], 0x30, 'MessageImprint'));
  const hashOid = decodeOid(value(der, expectTag(children(der, expectTag(alg, 0x30, 'AlgorithmIdentifier'))[0], 0x06, 'OID')));
  const out: TimeStampRequest = {
    hash: HASH_OIDS[hashOid] ?? `unsupported:${hashOid}`,
    hashedMessage: Buffer.from(value(der, expectTag(hashed, 0x04, 'hashedMessage'))),
    certReq: false,
    hasExtensions: false,
  };
  for (const p of parts.slice(2)) {
    if (p.tag === 0x06) out.policy = decodeOid(value(der, p));
    else if (p.tag === 0x02) out.nonce = Buffer.from(value(der, p));
    else if (p.tag === 0x01) out.certReq = value(der, p)[0] !== 0;
    else if (p.tag === 0xa0) out.hasExtensions = true;
    else throw new Error('unexpected field');
  }
  return out;
}

/** PKIFailureInfo bits (RFC 3161 §2.4.2). */
const FAILURE_BIT = { badAlg: 0, badRequest: 2, badDataFormat: 5, unacceptedPolicy: 15, unacceptedExtension: 16, systemFailure: 25 };
export type TimeStampFailure = keyof typeof FAILURE_BIT;

function failureInfo(bit: number): Buffer {
  const bytes = Buffer.alloc(Math.floor(bit / 8) + 1);
  bytes[Math.floor(bit / 8)] = 0x80 >> (bit % 8);
  const unused = 7 - (bit % 8);
  return tlv(0x03, Buffer.concat([Buffer.from([unused]), bytes]));
}

/** TimeStampResp with status rejection (2). */
export function rejectionResponse(failure: TimeStampFailure, text: string): Buffer {
  return seq(seq(int(2), seq(utf8(text)), failureInfo(FAILURE_BIT[failure])));
}

export interface TimeStampAuthority {
  keyPem: string;
  certPem: string;
}

/**
 * The responder: answers a DER TimeStampReq with a DER TimeStampResp (granted, or rejected with the reason).
 * `serial` must be unique per token (random 128 bits by default).
 */
export async function createTimeStampResponse(
  requestDer: Buffer,
  tsa: TimeStampAuthority,
  now: Date,
  serial: Buffer = randomBytes(16),
): Promise<Buffer> {
  let req: TimeStampRequest;
  try {
    req = parseTimeStampRequest(requestDer);
  } catch {
    return rejectionResponse('badDataFormat', 'malformed TimeStampReq');
  }
  if (!HASH_LENGTH[req.hash]) return rejectionResponse('badAlg', 'hash algorithm not accepted (use SHA-256, SHA-384 or SHA-512)');
  if (req.hashedMessage.length !== HASH_LENGTH[req.hash])
    return rejectionResponse('badDataFormat', 'imprint length does not match its algorithm');
  if (req.policy && req.policy !== TSA_POLICY_OID) return rejectionResponse('unacceptedPolicy', 'policy not supported');
  if (req.hasExtensions) return rejectionResponse('unacceptedExtension', 'extensions not supported');
  const tstInfo = seq(
    int(1),
    oid(TSA_POLICY_OID),
    seq(algorithm(OID_OF_HASH[req.hash]), octets(req.hashedMessage)),
    int(serial),
    generalizedTimeMs(now),
    // accuracy: 1 second (the server's clock, not the resolution)
    seq(int(1)),
    ...(req.nonce ? [int(req.nonce)] : []),
  );
  const token = await buildSignedData({
    contentType: OIDS.tstInfo,
    content: tstInfo,
    contentDigest: createHash('sha256').update(tstInfo).digest(),
    key: tsa.keyPem,
    signerCert: tsa.certPem,
    // The TSA certificate is always embedded when asked for; without certReq it is still named by signing-certificate-v2.
    chain: [],
    signingTime: now,
  });
  const withoutCerts = req.certReq ? token : stripCertificates(token);
  return seq(seq(int(0)), withoutCerts);
}

/** Removes the certificates [0] of a ContentInfo(SignedData) we built (certReq false). */
function stripCertificates(contentInfo: Buffer): Buffer {
  const ci = children(contentInfo, readTlv(contentInfo, 0));
  const sd = children(contentInfo, ci[1])[0];
  const parts = children(contentInfo, sd).filter((p) => p.tag !== 0xa0);
  return seq(raw(contentInfo, ci[0]), ctx(0, seq(...parts.map((p) => raw(contentInfo, p)))));
}

export interface ReplyStatus {
  status: number;
  text?: string;
  token?: Buffer;
}

/** Reads a TimeStampResp: its status and, when granted, the token (ContentInfo bytes). */
export function readTimeStampResponse(der: Buffer): ReplyStatus {
  const parts = children(der, expectTag(readTlv(der, 0), 0x30, 'TimeStampResp'));
  const statusParts = children(der, expectTag(parts[0], 0x30, 'PKIStatusInfo'));
  const status = value(der, expectTag(statusParts[0], 0x02, 'status')).readUIntBE(0, 1);
  const textSeq = statusParts.find((p) => p.tag === 0x30);
  const text = textSeq
    ? children(der, textSeq)
        .map((t) => value(der, t).toString('utf8'))
        .join(' ')
    : undefined;
  return { status, text, token: parts[1] ? Buffer.from(raw(der, parts[1])) : undefined };
}

export interface TstInfo {
  policy: string;
  hash: string;
  hashedMessage: Buffer;
  serial: Buffer;
  genTime: Date;
  nonce?: Buffer;
}

export function parseTstInfo(der: Buffer): TstInfo {
  const parts = children(der, expectTag(readTlv(der, 0), 0x30, 'TSTInfo'));
  const policy = decodeOid(value(der, expectTag(parts[1], 0x06, 'policy')));
  const [alg, hashed] = children(der, expectTag(parts[2], 0x30, 'MessageImprint'));
  const hashOid = decodeOid(value(der, children(der, alg)[0]));
  const serial = Buffer.from(value(der, expectTag(parts[3], 0x02, 'serialNumber')));
  const genTime = decodeTime(expectTag(parts[4], 0x18, 'genTime').tag, value(der, parts[4]));
  const nonce = parts.slice(5).find((p) => p.tag === 0x02);
  return {
    policy,
    hash: HASH_OIDS[hashOid] ?? hashOid,
    hashedMessage: Buffer.from(value(der, hashed)),
    serial,
    genTime,
    nonce: nonce ? Buffer.from(value(der, nonce)) : undefined,
  };
}
