import { DomainError } from '../errors';

/**
 * Activation letters (激活通知书): the committee prints a single-use code per
 * owner; the owner alone turns it into an account by adding a fact the register
 * holds (last 4 digits of the registered mobile, or last 6 of the identity
 * number). These are the rules that need no database.
 */
export type ActivationStatus = 'not_issued' | 'issued' | 'activated' | 'expired';

export const ACTIVATION_STATUS_LABELS: Record<ActivationStatus, string> = {
  not_issued: '未发放',
  issued: '已发放',
  activated: '已激活',
  expired: '已过期',
};

export interface LetterState {
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

/** Wrong facts allowed on one code before it dies (the code then has to be reissued). */
export const MAX_ACTIVATION_ATTEMPTS = 5;

/**
 * Wrong facts allowed across all of one owner's letters. Without it whoever issues letters could reissue and
 * guess again until the 10,000 mobile tails are exhausted; past it no new letter is issued for that owner.
 */
export const MAX_OWNER_ACTIVATION_FAILURES = 10;

export function ownerActivationLocked(failuresAcrossLetters: number): boolean {
  return failuresAcrossLetters >= MAX_OWNER_ACTIVATION_FAILURES;
}

/** Default of the rulebook setting `activationExpiryDays`. */
export const DEFAULT_ACTIVATION_EXPIRY_DAYS = 30;

/**
 * An owner's status as the committee sees it: linked → 已激活 whatever letters
 * exist; otherwise from the newest letter. A revoked letter leaves the owner
 * 未发放 (the old code is dead, a new one must be issued).
 */
export function activationStatus(owner: { linked: boolean; latest: LetterState | null }, now: Date): ActivationStatus {
  if (owner.linked) return 'activated';
  const letter = owner.latest;
  if (!letter || letter.revokedAt) return 'not_issued';
  if (letter.usedAt) return 'activated';
  return letter.expiresAt.getTime() <= now.getTime() ? 'expired' : 'issued';
}

/** Why a code cannot be used now, or null when it can. */
export function letterRefusal(letter: LetterState, now: Date): DomainError | null {
  if (letter.usedAt) return new DomainError('conflict', 'activation_used', '该激活码已使用过，不能再次使用 (code already used)');
  if (letter.revokedAt)
    return new DomainError('conflict', 'activation_revoked', '该激活码已作废，请向业委会申请补发 (code revoked; ask for a new letter)');
  if (letter.expiresAt.getTime() <= now.getTime())
    return new DomainError('conflict', 'activation_expired', '该激活码已过期，请向业委会申请补发 (code expired; ask for a new letter)');
  return null;
}

/** Expiry of a letter issued at `issuedAt` under a rulebook allowing `days` days. */
export function activationExpiry(issuedAt: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 1 || days > 365)
    throw new DomainError('invalid', 'invalid_expiry', `激活码有效期应为 1–365 天 (expiry days ${days})`);
  return new Date(issuedAt.getTime() + days * 86_400_000);
}

/** Letters of the code alphabet: no 0/O, 1/I/L, 2/Z, 5/S, 8/B look-alikes. */
export const ACTIVATION_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const ACTIVATION_CODE_LENGTH = 12;

/** Turns 12 random bytes into a code "XXXX-XXXX-XXXX" (≈ 55 bits). */
export function formatActivationCode(random: Uint8Array): string {
  if (random.length < ACTIVATION_CODE_LENGTH) throw new DomainError('invalid', 'invalid_random', 'not enough random bytes');
  const chars = Array.from(random.slice(0, ACTIVATION_CODE_LENGTH), (b) => ACTIVATION_ALPHABET[b % ACTIVATION_ALPHABET.length]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** What the owner typed → the canonical code, or null when it cannot be one (spaces, dashes and case do not matter). */
export function normalizeActivationCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== ACTIVATION_CODE_LENGTH) return null;
  for (const c of compact) if (!ACTIVATION_ALPHABET.includes(c)) return null;
  return [0, 4, 8].map((i) => compact.slice(i, i + 4)).join('-');
}

export type RegisterFact = { kind: 'mobile_tail'; value: string } | { kind: 'id_tail'; value: string };

/** 4 digits → last 4 of the mobile; 6 characters (digits, last may be X) → last 6 of the identity number. */
export function parseRegisterFact(input: string): RegisterFact | null {
  const value = input.trim().toUpperCase();
  if (/^\d{4}$/.test(value)) return { kind: 'mobile_tail', value };
  if (/^\d{5}[\dX]$/.test(value)) return { kind: 'id_tail', value };
  return null;
}

/** The tails the register keeps (as keyed hashes) for a mobile / identity number. */
export function mobileTail(mobile: string | null): string | null {
  const digits = mobile?.replace(/\D/g, '') ?? '';
  return digits.length >= 4 ? digits.slice(-4) : null;
}

export function idNumberTail(idNumber: string | null): string | null {
  const id = idNumber?.trim().toUpperCase() ?? '';
  return id.length >= 6 ? id.slice(-6) : null;
}
