import { DomainError } from '../errors';
import { checkProxyGrant, maxProxiesPerHolder, ProxyGrant, proxiesHeldBy, validateProxyGrants } from './proxy';

const grant = (grantorOwnerId: string, holderPersonId: string, holderIsPropertyCompanyStaff = false): ProxyGrant => ({
  grantorOwnerId,
  holderPersonId,
  holderIsPropertyCompanyStaff,
});

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('proxy rules', () => {
  it('lets a holder take up to 3 proxies by default, not a 4th', () => {
    const three = [grant('a', 'h'), grant('b', 'h'), grant('c', 'h')];
    expect(validateProxyGrants(three).get('h')).toBe(3);
    const err = errorOf(() => checkProxyGrant(grant('d', 'h'), three));
    expect(err).toMatchObject({ kind: 'conflict', code: 'proxy_cap_exceeded', details: { holder: 'h', held: 3, max: 3 } });
    expect(err.message).toContain('最多接受3份委托');
    expect(() => checkProxyGrant(grant('d', 'other'), three)).not.toThrow();
  });

  it('follows the rulebook cap', () => {
    expect(maxProxiesPerHolder({ proxyCap: 1 })).toBe(1);
    expect(() => checkProxyGrant(grant('b', 'h'), [grant('a', 'h')], { proxyCap: 1 })).toThrow(/at most 1/);
    expect(() =>
      validateProxyGrants([grant('a', 'h'), grant('b', 'h'), grant('c', 'h'), grant('d', 'h'), grant('e', 'h')], { proxyCap: 5 }),
    ).not.toThrow();
    expect(() => maxProxiesPerHolder({ proxyCap: 0 })).toThrow(DomainError);
    expect(() => maxProxiesPerHolder({ proxyCap: 2.5 })).toThrow(DomainError);
  });

  it('refuses property-company staff as proxies', () => {
    expect(errorOf(() => checkProxyGrant(grant('a', 'pm-staff', true)))).toMatchObject({ kind: 'forbidden', code: 'proxy_property_staff' });
  });

  it('refuses an owner as their own proxy', () => {
    expect(errorOf(() => checkProxyGrant(grant('a', 'a')))).toMatchObject({ kind: 'invalid', code: 'self_proxy' });
  });

  it('refuses a second grant by the same owner and empty ids', () => {
    expect(errorOf(() => validateProxyGrants([grant('a', 'h1'), grant('a', 'h2')])).code).toBe('duplicate_proxy_grant');
    expect(errorOf(() => checkProxyGrant(grant('', 'h'))).code).toBe('invalid_proxy');
    expect(errorOf(() => checkProxyGrant(grant('a', ''))).code).toBe('invalid_proxy');
  });

  it('counts proxies held', () => {
    expect(proxiesHeldBy('h', [grant('a', 'h'), grant('b', 'x'), grant('c', 'h')])).toBe(2);
    expect(validateProxyGrants([])).toEqual(new Map());
  });
});
