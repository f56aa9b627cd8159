import { useState } from 'react';
import { votingApi, type MyBallot } from '../../api';
import { formatDateTime } from '../../format';
import { Alert, Button, Card, ConfirmDialog, Tag } from '../../lite/ui';
import { PROXY_STATUS_LABELS } from './proxyStatus';

/**
 * The written proxy the owner gave for this vote, as the committee entered it: the owner can check it and revoke
 * it until the holder has used it; voting in person first also makes it void. Light markup (owner's ballot page).
 */
export function MyProxyCard({
  communityId,
  voteId,
  proxy,
  open,
  onChanged,
}: {
  communityId: string;
  voteId: string;
  proxy: NonNullable<MyBallot['proxyGiven']>;
  open: boolean;
  onChanged: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  const revocable = open && (proxy.status === 'pending' || proxy.status === 'confirmed') && !proxy.usedAt;
  const revoke = async () => {
    try {
      await votingApi.revokeMyProxy(communityId, voteId);
      setDone(true);
      setAsking(false);
      onChanged();
    } catch {
      // shown by the fetch wrapper
    }
  };
  return (
    <Card title="我给出的书面委托" data-testid="my-proxy">
      {done && <Alert type="success" title="委托已撤销，您可以亲自投票" />}
      <p>
        受托人：<strong>{proxy.holderName}</strong>（{proxy.authorisation}）{' '}
        <span data-testid="my-proxy-status">
          <Tag color={proxy.usedAt ? 'blue' : proxy.status === 'confirmed' ? 'green' : 'default'}>
            {proxy.usedAt ? '受托人已代为投票' : PROXY_STATUS_LABELS[proxy.status]}
          </Tag>
        </span>
      </p>
      <p className="gy-l-muted">
        录入于 {formatDateTime(proxy.recordedAt)}
        {proxy.confirmedAt && `，核对生效于 ${formatDateTime(proxy.confirmedAt)}`}
      </p>
      {revocable && (
        <>
          <p>如果这不是您的意思，或您想亲自投票，可以撤销委托；您亲自投票后，委托也会自动作废。</p>
          <Button onClick={() => setAsking(true)} data-testid="revoke-proxy" style={{ color: '#a8071a', borderColor: '#a8071a' }}>
            撤销委托
          </Button>
        </>
      )}
      <ConfirmDialog open={asking} title="撤销书面委托" okText="确认撤销" danger onConfirm={revoke} onCancel={() => setAsking(false)}>
        <p>撤销后，{proxy.holderName} 不能再代您投票。确定撤销吗？</p>
      </ConfirmDialog>
    </Card>
  );
}
