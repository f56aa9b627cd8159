import { DomainError } from '../errors';

/**
 * Written proxies under four eyes (DOMAIN.md §11): one committee member enters the proxy from the signed form, a
 * second confirms it against the paper; the holder is neither. Until confirmed it does not count; the principal
 * may revoke it until it is used; a principal who votes in person first makes an unused proxy void.
 */
export type ProxyStatus = 'pending' | 'confirmed' | 'revoked' | 'void';

/** Which statuses let the holder vote: only a confirmed proxy counts. As data, one row per status. */
export const PROXY_COUNTS: Record<ProxyStatus, boolean> = { pending: false, confirmed: true, revoked: false, void: false };
/** Which statuses still occupy the principal's one proxy and the holder's cap. */
export const PROXY_OPEN: Record<ProxyStatus, boolean> = { pending: true, confirmed: true, revoked: false, void: false };

export function checkProxyEntry(input: { recordedBy: string; holderUserId: string }): void {
  if (input.recordedBy === input.holderUserId) {
    throw new DomainError('forbidden', 'proxy_holder_records', '受托人不能自己录入委托书：须由另一名委员录入、再由第三人核对');
  }
}

export function checkProxyConfirmation(input: { status: ProxyStatus; recordedBy: string; holderUserId: string; confirmer: string }): void {
  if (input.status !== 'pending') {
    throw new DomainError('conflict', 'proxy_not_pending', '该委托书不在待核对状态');
  }
  if (input.confirmer === input.recordedBy) {
    throw new DomainError('forbidden', 'proxy_same_clerk', '录入人不能核对自己录入的委托书，请由另一位委员核对');
  }
  if (input.confirmer === input.holderUserId) {
    throw new DomainError('forbidden', 'proxy_holder_confirms', '受托人不能核对给自己的委托书');
  }
}

export function checkProxyRevocation(input: { status: ProxyStatus; used: boolean }): void {
  if (input.used) throw new DomainError('conflict', 'proxy_used', '受托人已代为投票，委托不能再撤销');
  if (!PROXY_OPEN[input.status]) throw new DomainError('conflict', 'proxy_closed', '该委托已撤销或作废');
}
