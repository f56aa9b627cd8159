import { DomainError } from '../errors';

/**
 * Written proxies (委托书, DOMAIN.md §6): one proxy holder may hold at most N proxies (rulebook, default 3; the
 * holder's own vote is not counted in N); property-company staff may not be proxies; an owner cannot be their own
 * proxy; an owner grants at most one proxy per assembly. Grants are compared within one assembly (the caller's scope).
 */
export interface ProxyRulebook {
  readonly proxyCap?: number;
}

export const DEFAULT_MAX_PROXIES_PER_HOLDER = 3;

export interface ProxyGrant {
  /** The owner granting the proxy (their voter key). */
  readonly grantorOwnerId: string;
  /** The person who will vote on the grantor's behalf (same id space as owners). */
  readonly holderPersonId: string;
  /** Whether the holder works for the community's property company. */
  readonly holderIsPropertyCompanyStaff: boolean;
}

export function maxProxiesPerHolder(rulebook: ProxyRulebook = {}): number {
  const max = rulebook.proxyCap ?? DEFAULT_MAX_PROXIES_PER_HOLDER;
  if (!Number.isSafeInteger(max) || max < 1) {
    throw new DomainError('invalid', 'invalid_proxy_rulebook', `每人受托上限须为正整数 proxyCap must be a positive integer`, {
      max,
    });
  }
  return max;
}

export function proxiesHeldBy(holderPersonId: string, grants: readonly ProxyGrant[]): number {
  return grants.filter((g) => g.holderPersonId === holderPersonId).length;
}

/** Throws unless `grant` may be added to the `existing` grants of the same assembly. */
export function checkProxyGrant(grant: ProxyGrant, existing: readonly ProxyGrant[] = [], rulebook: ProxyRulebook = {}): void {
  const max = maxProxiesPerHolder(rulebook);
  const { grantorOwnerId: grantor, holderPersonId: holder } = grant;
  if (typeof grantor !== 'string' || grantor.length === 0 || typeof holder !== 'string' || holder.length === 0) {
    throw new DomainError('invalid', 'invalid_proxy', '委托人和受托人均须填写 a proxy needs both a grantor and a holder');
  }
  if (grantor === holder) {
    throw new DomainError('invalid', 'self_proxy', `业主不能委托本人 owner "${grantor}" cannot be their own proxy`, { grantor });
  }
  if (grant.holderIsPropertyCompanyStaff) {
    throw new DomainError(
      'forbidden',
      'proxy_property_staff',
      `物业服务企业工作人员不得接受业主委托投票 property company staff ("${holder}") may not act as proxies`,
      { holder },
    );
  }
  if (existing.some((g) => g.grantorOwnerId === grantor)) {
    throw new DomainError('conflict', 'duplicate_proxy_grant', `该业主已委托他人 owner "${grantor}" has already granted a proxy`, {
      grantor,
    });
  }
  const held = proxiesHeldBy(holder, existing);
  if (held >= max) {
    throw new DomainError(
      'conflict',
      'proxy_cap_exceeded',
      `受托人最多接受${max}份委托 proxy holder "${holder}" already holds ${held} of at most ${max} proxies`,
      { holder, held, max },
    );
  }
}

/** Checks a whole set of grants in order, as if added one by one; returns per-holder counts. */
export function validateProxyGrants(grants: readonly ProxyGrant[], rulebook: ProxyRulebook = {}): Map<string, number> {
  const accepted: ProxyGrant[] = [];
  for (const grant of grants) {
    checkProxyGrant(grant, accepted, rulebook);
    accepted.push(grant);
  }
  const counts = new Map<string, number>();
  for (const g of accepted) counts.set(g.holderPersonId, (counts.get(g.holderPersonId) ?? 0) + 1);
  return counts;
}
