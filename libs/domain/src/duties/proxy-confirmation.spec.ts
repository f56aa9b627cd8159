import { DomainError } from '../errors';
import { PROXY_COUNTS, PROXY_OPEN, checkProxyConfirmation, checkProxyEntry, checkProxyRevocation } from './proxy-confirmation';

const codeOf = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('proxy status tables', () => {
  it.each([
    ['pending', false, true],
    ['confirmed', true, true],
    ['revoked', false, false],
    ['void', false, false],
  ] as const)('%s: counts %s, open %s', (status, counts, open) => {
    expect(PROXY_COUNTS[status]).toBe(counts);
    expect(PROXY_OPEN[status]).toBe(open);
  });
});

describe('checkProxyEntry', () => {
  it('refuses a member recording a proxy to himself', () => {
    expect(codeOf(() => checkProxyEntry({ recordedBy: 'm', holderUserId: 'm' }))).toBe('proxy_holder_records');
  });
  it('accepts a member recording a proxy to someone else', () => {
    expect(codeOf(() => checkProxyEntry({ recordedBy: 'm', holderUserId: 'h' }))).toBeNull();
  });
});

describe('checkProxyConfirmation', () => {
  const base = { status: 'pending' as const, recordedBy: 'a', holderUserId: 'h' };
  it('refuses the clerk confirming his own entry', () => {
    expect(codeOf(() => checkProxyConfirmation({ ...base, confirmer: 'a' }))).toBe('proxy_same_clerk');
  });
  it('refuses the holder confirming', () => {
    expect(codeOf(() => checkProxyConfirmation({ ...base, confirmer: 'h' }))).toBe('proxy_holder_confirms');
  });
  it('refuses confirming twice', () => {
    expect(codeOf(() => checkProxyConfirmation({ ...base, status: 'confirmed', confirmer: 'b' }))).toBe('proxy_not_pending');
  });
  it('accepts a second member', () => {
    expect(codeOf(() => checkProxyConfirmation({ ...base, confirmer: 'b' }))).toBeNull();
  });
});

describe('checkProxyRevocation', () => {
  it('refuses revoking a used proxy', () => {
    expect(codeOf(() => checkProxyRevocation({ status: 'confirmed', used: true }))).toBe('proxy_used');
  });
  it('refuses revoking a void proxy', () => {
    expect(codeOf(() => checkProxyRevocation({ status: 'void', used: false }))).toBe('proxy_closed');
  });
  it('accepts revoking a pending or confirmed unused proxy', () => {
    expect(codeOf(() => checkProxyRevocation({ status: 'pending', used: false }))).toBeNull();
    expect(codeOf(() => checkProxyRevocation({ status: 'confirmed', used: false }))).toBeNull();
  });
});
