import { createHmac } from 'node:crypto';

/** Keyed hash for matching an identity number without storing it. */
export function hashIdNumber(idNumber: string, pepper: string): string {
  return createHmac('sha256', pepper).update(idNumber.trim().toUpperCase()).digest('hex');
}

/** "330106199001011234" → "330***********1234". */
export function maskIdNumber(idNumber: string): string {
  const id = idNumber.trim().toUpperCase();
  if (id.length <= 7) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

/** "13812345678" → "138****5678". */
export function maskMobile(mobile: string | null): string | null {
  if (!mobile) return null;
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '****';
}
