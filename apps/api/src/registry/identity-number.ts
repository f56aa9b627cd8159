import { createHmac } from 'node:crypto';

/** Keyed hash for matching an identity number without storing it. */
export function hashIdNumber(idNumber: string, pepper: string): string {
  return createHmac('sha256', pepper).update(idNumber.trim().toUpperCase()).digest('hex');
}

/**
 * "330106199001011234" → "330***************". The tail is an activation fact (last 6 digits), so no part of it
 * is shown; masks stored before this rule are cut the same way when read (`hideIdTail`).
 */
export function maskIdNumber(idNumber: string): string {
  const id = idNumber.trim().toUpperCase();
  if (id.length <= 7) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 3)}`;
}

export function hideIdTail(masked: string | null): string | null {
  return masked === null ? null : `${masked.slice(0, 3)}${'*'.repeat(Math.max(masked.length - 3, 0))}`;
}

/**
 * "13812345678" → "1381234****". The last 4 digits are a fact owners prove at
 * activation, so no page shows them.
 */
export function maskMobile(mobile: string | null): string | null {
  if (!mobile) return null;
  return mobile.length === 11 ? `${mobile.slice(0, 7)}****` : '****';
}

/**
 * Keyed hash of a register fact an owner adds to an activation code: the mobile's
 * last 4 digits or the identity number's last 6. Keyed with the identity pepper
 * (derived from MASTER_KEY), so the database alone cannot be searched for them.
 */
export function hashRegisterFact(kind: 'mobile_tail' | 'id_tail', value: string, pepper: string): string {
  return createHmac('sha256', pepper).update(`${kind}:${value.trim().toUpperCase()}`).digest('hex');
}
