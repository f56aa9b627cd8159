import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { formatActivationCode } from '@gongyi/domain/identity/activation';

/** A fresh code "XXXX-XXXX-XXXX" from the operating system's random source. */
export function newActivationCode(): string {
  return formatActivationCode(randomBytes(12));
}

/** Codes are stored only as this keyed hash (lookup by equality; the pepper comes from MASTER_KEY). */
export function hashActivationCode(code: string, pepper: string): string {
  return createHmac('sha256', pepper).update(`activation-code:${code}`).digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
