import { DomainError } from '../errors';
import {
  ACTIVATION_ALPHABET,
  activationExpiry,
  activationStatus,
  formatActivationCode,
  idNumberTail,
  letterRefusal,
  mobileTail,
  normalizeActivationCode,
  ownerActivationLocked,
  parseRegisterFact,
} from './activation';

const now = new Date('2026-12-01T02:00:00Z');
const later = new Date('2026-12-20T00:00:00Z');
const earlier = new Date('2026-11-20T00:00:00Z');
const letter = (over: Partial<{ expiresAt: Date; usedAt: Date | null; revokedAt: Date | null }> = {}) => ({
  expiresAt: later,
  usedAt: null,
  revokedAt: null,
  ...over,
});

describe('activationStatus', () => {
  it('未发放 when no letter was ever issued', () => {
    expect(activationStatus({ linked: false, latest: null }, now)).toBe('not_issued');
  });
  it('已发放 while the newest letter is unused and unexpired', () => {
    expect(activationStatus({ linked: false, latest: letter() }, now)).toBe('issued');
  });
  it('已过期 once the expiry moment has passed (the moment itself counts as expired)', () => {
    expect(activationStatus({ linked: false, latest: letter({ expiresAt: earlier }) }, now)).toBe('expired');
    expect(activationStatus({ linked: false, latest: letter({ expiresAt: now }) }, now)).toBe('expired');
  });
  it('未发放 again after the newest letter was revoked', () => {
    expect(activationStatus({ linked: false, latest: letter({ revokedAt: earlier }) }, now)).toBe('not_issued');
  });
  it('已激活 when the owner is linked to an account, whatever the letters say', () => {
    expect(activationStatus({ linked: true, latest: null }, now)).toBe('activated');
    expect(activationStatus({ linked: true, latest: letter({ expiresAt: earlier }) }, now)).toBe('activated');
    expect(activationStatus({ linked: false, latest: letter({ usedAt: earlier }) }, now)).toBe('activated');
  });
});

describe('letterRefusal', () => {
  it('accepts an unused, unrevoked, unexpired letter', () => {
    expect(letterRefusal(letter(), now)).toBeNull();
  });
  it.each([
    ['activation_used', letter({ usedAt: earlier })],
    ['activation_revoked', letter({ revokedAt: earlier })],
    ['activation_expired', letter({ expiresAt: earlier })],
  ])('refuses with %s', (code, state) => {
    const refusal = letterRefusal(state, now);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal!.code).toBe(code);
    expect(refusal!.kind).toBe('conflict');
    expect(refusal!.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('activationExpiry', () => {
  it('adds whole days', () => {
    expect(activationExpiry(now, 30).toISOString()).toBe('2026-12-31T02:00:00.000Z');
  });
  it.each([0, 366, 1.5])('refuses %p days', (days) => {
    expect(() => activationExpiry(now, days)).toThrow(DomainError);
  });
});

describe('activation codes', () => {
  it('formats 12 random bytes as three groups of the unambiguous alphabet', () => {
    const code = formatActivationCode(Uint8Array.from({ length: 12 }, (_, i) => i * 7));
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    for (const c of code.replace(/-/g, '')) expect(ACTIVATION_ALPHABET).toContain(c);
  });
  it('normalizes what the owner types (case, spaces, dashes) and refuses what cannot be a code', () => {
    expect(normalizeActivationCode(' acde fghj-kmnp ')).toBe('ACDE-FGHJ-KMNP');
    expect(normalizeActivationCode('ACDE-FGHJ-KMN')).toBeNull();
    expect(normalizeActivationCode('ACDE-FGHJ-KMN0')).toBeNull();
  });
});

describe('register facts', () => {
  it('reads 4 digits as the mobile tail and 6 as the identity-number tail', () => {
    expect(parseRegisterFact('5678')).toEqual({ kind: 'mobile_tail', value: '5678' });
    expect(parseRegisterFact('01123x')).toEqual({ kind: 'id_tail', value: '01123X' });
    expect(parseRegisterFact('123')).toBeNull();
    expect(parseRegisterFact('12345')).toBeNull();
    expect(parseRegisterFact('abcd')).toBeNull();
  });
  it('takes the tails the register hashes', () => {
    expect(mobileTail('13812345678')).toBe('5678');
    expect(mobileTail(null)).toBeNull();
    expect(idNumberTail('33010619900101123x')).toBe('01123X');
    expect(idNumberTail('123')).toBeNull();
  });
});

describe('ownerActivationLocked', () => {
  it('locks an owner after 10 wrong facts across all letters, not before', () => {
    expect(ownerActivationLocked(9)).toBe(false);
    expect(ownerActivationLocked(10)).toBe(true);
  });
});
