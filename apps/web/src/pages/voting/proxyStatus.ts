import type { ProxyEntry } from '../../api';

/** A written proxy's state as owners and clerks read it (kept apart so the light ballot page needs no antd). */
export const PROXY_STATUS_LABELS: Record<ProxyEntry['status'], string> = {
  pending: '待核对',
  confirmed: '已生效',
  revoked: '委托人已撤销',
  void: '委托人已亲自投票，作废',
};
