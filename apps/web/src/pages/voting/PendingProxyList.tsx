import { App, Button, Card, Empty, Flex, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { fetchFile, saveFile, votingApi, type ProxyEntry } from '../../api';
import { formatDateTime } from '../../format';
import { PROXY_STATUS_LABELS } from './proxyStatus';

export { PROXY_STATUS_LABELS };

const STATUS_COLORS: Record<ProxyEntry['status'], string> = { pending: 'orange', confirmed: 'green', revoked: 'default', void: 'default' };

/**
 * Written proxies waiting for a second member: the clerk who entered one, and its holder, cannot confirm it
 * (the server refuses them too); everyone sees who entered and who confirmed each proxy.
 */
export function PendingProxyList({
  communityId,
  voteId,
  proxies,
  userId,
  onChanged,
}: {
  communityId: string;
  voteId: string;
  proxies: ProxyEntry[];
  userId: string;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const confirm = async (p: ProxyEntry) => {
    setBusy(p.id);
    try {
      await votingApi.confirmProxy(communityId, voteId, p.id);
      message.success(`${p.grantorName} 的书面委托已核对生效`);
      onChanged();
    } catch {
      // shown by the fetch wrapper
    } finally {
      setBusy(null);
    }
  };
  if (proxies.length === 0) return <Empty description="还没有登记书面委托" />;
  return (
    <div data-testid="proxy-list">
      {proxies.map((p) => {
        const reason =
          p.recordedBy === userId ? '本人录入，须由另一位委员核对' : p.holderUserId === userId ? '您是受托人，须由他人核对' : null;
        return (
          <Card key={p.id} size="small" style={{ marginBottom: 12 }} data-testid="proxy-row">
            <Flex wrap justify="space-between" gap={8}>
              <div>
                <strong style={{ fontSize: 18 }}>{p.unitNumbers.join('、')}</strong> {p.grantorName} → 受托人 {p.holderName}
                <div style={{ margin: '6px 0' }}>
                  <Tag color={STATUS_COLORS[p.status]} data-testid="proxy-status">
                    {PROXY_STATUS_LABELS[p.status]}
                  </Tag>
                  <Typography.Text type="secondary">{p.authorisation}</Typography.Text>
                  {p.scanName && (
                    <Button
                      type="link"
                      onClick={() => void fetchFile(votingApi.proxyScanPath(communityId, voteId, p.id)).then(saveFile, () => undefined)}
                    >
                      查看扫描件
                    </Button>
                  )}
                </div>
                <Typography.Text type="secondary">
                  录入：{p.recordedByName}，{formatDateTime(p.recordedAt)}
                  {p.confirmedByName && p.confirmedAt && `；核对：${p.confirmedByName}，${formatDateTime(p.confirmedAt)}`}
                </Typography.Text>
              </div>
              {p.status === 'pending' && (
                <Space wrap>
                  {reason ? (
                    <Typography.Text type="warning">{reason}</Typography.Text>
                  ) : (
                    <Button type="primary" loading={busy === p.id} onClick={() => void confirm(p)} data-testid="confirm-proxy">
                      与委托书一致，确认生效
                    </Button>
                  )}
                </Space>
              )}
            </Flex>
          </Card>
        );
      })}
    </div>
  );
}
