import { hash as argon2hash, argon2id } from 'argon2';
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
} from 'node:crypto';

/**
 * Seal keys only their custodian can use (电子签名法 Art. 13). Each custodian has a personal X25519 key pair whose
 * private half is encrypted under a key derived from the custodian's seal PIN (argon2id); a seal's private key is
 * stored only encrypted to custodians' public keys (one copy each). So the server can give a copy to a custodian
 * who already set a PIN without knowing it, but reading a copy needs that PIN — MASTER_KEY and the database are
 * not enough.
 */
const VERSION = 'p1';
const ARGON = { type: argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1, hashLength: 32, raw: true } as const;

export class WrongPin extends Error {}

const gcm = (key: Buffer, plain: Buffer, aad: string) => {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([c.update(plain), c.final()]);
  return { iv, tag: c.getAuthTag(), ct };
};
const ungcm = (key: Buffer, iv: Buffer, tag: Buffer, ct: Buffer, aad: string) => {
  const d = createDecipheriv('aes-256-gcm', key, iv);
  d.setAAD(Buffer.from(aad, 'utf8'));
  d.setAuthTag(tag);
  return Buffer.concat([d.update(ct), d.final()]);
};
const b64 = (b: Buffer) => b.toString('base64');
const unb64 = (s: string) => Buffer.from(s, 'base64');

const pinKey = (pin: string, salt: Buffer): Promise<Buffer> => argon2hash(pin, { ...ARGON, salt });

/** A new personal key pair; `context` binds the blob to (community, user). */
export async function createCustodianKey(pin: string, context: string): Promise<{ publicKeyPem: string; privateWrapped: string }> {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateWrapped: await wrapPrivate(privateKey.export({ type: 'pkcs8', format: 'der' }), pin, context),
  };
}

async function wrapPrivate(der: Buffer, pin: string, context: string): Promise<string> {
  const salt = randomBytes(16);
  const { iv, tag, ct } = gcm(await pinKey(pin, salt), der, `${VERSION}|pin|${context}`);
  return [VERSION, b64(salt), b64(iv), b64(tag), b64(ct)].join(':');
}

/** The custodian's private key (DER, PKCS#8); throws WrongPin when the PIN does not open it. */
export async function openCustodianKey(privateWrapped: string, pin: string, context: string): Promise<Buffer> {
  const [v, salt, iv, tag, ct] = privateWrapped.split(':');
  if (v !== VERSION || !ct) throw new Error('unsupported custodian key format');
  try {
    return ungcm(await pinKey(pin, unb64(salt)), unb64(iv), unb64(tag), unb64(ct), `${VERSION}|pin|${context}`);
  } catch {
    throw new WrongPin();
  }
}

/** Same key pair under a new PIN (changing the PIN keeps every seal copy valid). */
export async function rewrapCustodianKey(privateWrapped: string, oldPin: string, newPin: string, context: string): Promise<string> {
  return wrapPrivate(await openCustodianKey(privateWrapped, oldPin, context), newPin, context);
}

const sharedKey = (secret: Buffer, context: string) =>
  Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `${VERSION}|seal|${context}`, 32));

/** Encrypts a seal's private key (PEM) to one custodian's public key; `context` binds it to (seal, user). */
export function wrapSealKey(sealKeyPem: string, custodianPublicPem: string, context: string): string {
  const eph = generateKeyPairSync('x25519');
  const secret = diffieHellman({ privateKey: eph.privateKey, publicKey: createPublicKey(custodianPublicPem) });
  const { iv, tag, ct } = gcm(sharedKey(secret, context), Buffer.from(sealKeyPem, 'utf8'), `${VERSION}|seal|${context}`);
  const ephDer = eph.publicKey.export({ type: 'spki', format: 'der' });
  return [VERSION, b64(ephDer), b64(iv), b64(tag), b64(ct)].join(':');
}

export function unwrapSealKey(blob: string, custodianPrivateDer: Buffer, context: string): string {
  const [v, eph, iv, tag, ct] = blob.split(':');
  if (v !== VERSION || !ct) throw new Error('unsupported seal key copy format');
  const secret = diffieHellman({
    privateKey: createPrivateKey({ key: custodianPrivateDer, format: 'der', type: 'pkcs8' }),
    publicKey: createPublicKey({ key: unb64(eph), format: 'der', type: 'spki' }),
  });
  return ungcm(sharedKey(secret, context), unb64(iv), unb64(tag), unb64(ct), `${VERSION}|seal|${context}`).toString('utf8');
}
