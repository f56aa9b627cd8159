import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Private keys at rest: AES-256-GCM under a 32-byte master key (from the deployment's secret store).
 * Format: `v1:<iv>:<tag>:<ciphertext>` (base64 each) — self-describing so the algorithm can change later.
 * `context` is bound as additional authenticated data (e.g. the seal id), so a blob copied to another seal
 * does not decrypt.
 */
const VERSION = 'v1';

function checkKey(masterKey: Buffer): void {
  if (!Buffer.isBuffer(masterKey) || masterKey.length !== 32) throw new Error('master key must be 32 bytes');
}

export function encryptPrivateKey(keyPem: string, masterKey: Buffer, context = ''): string {
  checkKey(masterKey);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  cipher.setAAD(Buffer.from(`${VERSION}|${context}`, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(keyPem, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
}

/** Throws when the key is wrong, the context differs or the blob was altered (GCM authentication). */
export function decryptPrivateKey(blob: string, masterKey: Buffer, context = ''): string {
  checkKey(masterKey);
  const parts = blob.split(':');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new Error('unsupported encrypted key format');
  const [, iv, tag, ciphertext] = parts.map((p, i) => (i === 0 ? Buffer.alloc(0) : Buffer.from(p, 'base64')));
  if (iv.length !== 12 || tag.length !== 16) throw new Error('malformed encrypted key');
  const decipher = createDecipheriv('aes-256-gcm', masterKey, iv);
  decipher.setAAD(Buffer.from(`${VERSION}|${context}`, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('private key decryption failed (wrong master key, wrong context or tampered data)');
  }
}
