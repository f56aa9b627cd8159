import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Skeleton, Tabs, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { requestsApi, type RequestSummary } from '../../api/requests';
import { useLoad } from '../../hooks/useLoad';
import { PageHeader } from '../../layout/PageHeader';
import { hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';
import { RequestStatsCard } from './RequestStatsCard';

const DISPATCHERS = ['party_secretary', 'committee_director', 'committee_member', 'residents_committee'] as const;
type Scope = 'mine' | 'assigned' | 'all';

export function statusColor(r: Pick<RequestSummary, 'status' | 'overdue'>): string {
  if (r.overdue && !['closed', 'rated', 'cancelled'].includes(r.status)) return 'red';
  return (
    {
      filed: 'orange',
      dispatched: 'gold',
      accepted: 'blue',
      in_progress: 'blue',
      closed: 'cyan',
      rated: 'green',
      reopened: 'volcano',
      cancelled: 'default',
    }[r.status] ?? 'default'
  );
}

function RequestCard({ r, communityId }: { r: RequestSummary; communityId: string }) {
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="request-card">
      <Link to={`/c/${communityId}/requests/${r.id}`} style={{ display: 'block', color: 'inherit' }}>
        <Flex justify="space-between" gap={8} wrap>
          <Typography.Text strong style={{ fontSize: 16, wordBreak: 'break-all' }}>
            #{r.seq} {r.title}
          </Typography.Text>
          <Flex gap={4} wrap>
            {r.overdue && !['closed', 'rated', 'cancelled'].includes(r.status) && <Tag color="red">超时</Tag>}
            <Tag color={statusColor(r)}>{r.statusLabel}</Tag>
          </Flex>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {r.categoryLabel} · {r.placeLabel} · {r.filerName}
          {r.channel === 'reception' ? '（接待日登记）' : ''}
          <br />
          {r.filedAtText}
          {r.assigneeLabel ? ` · ${r.assigneeLabel}` : ''}
          {r.dueText ? ` · ${r.dueText}` : ''}
          {r.rating ? ` · ${'★'.repeat(r.rating)}` : ''}
        </Typography.Paragraph>
      </Link>
    </Card>
  );
}

/** 居民诉求: mine (residents), assigned to me (楼栋长, 物业), the dispatcher's board (all). */
export default function RequestsPage() {
  const { communityId, roles } = useCommunity();
  const [params, setParams] = useSearchParams();
  const dispatcher = hasAny(roles, [...DISPATCHERS]);
  const assignee = hasAny(roles, ['building_leader', 'property_company']);
  const resident = hasAny(roles, ['owner', 'tenant']);
  const tabs: { key: Scope; label: string }[] = [
    ...(resident ? [{ key: 'mine' as const, label: '我的诉求' }] : []),
    ...(assignee ? [{ key: 'assigned' as const, label: '交我办理' }] : []),
    ...(dispatcher || roles.includes('property_company') ? [{ key: 'all' as const, label: '派单看板' }] : []),
  ];
  const scope = (tabs.find((t) => t.key === params.get('scope'))?.key ?? tabs[0]?.key ?? 'mine') as Scope;
  const list = useLoad(() => requestsApi.list(communityId, scope), [communityId, scope]);
  const columns: { title: string; statuses: string[] }[] = [
    { title: '待派单', statuses: ['filed', 'reopened'] },
    { title: '待接单', statuses: ['dispatched'] },
    { title: '办理中', statuses: ['accepted', 'in_progress'] },
    { title: '已办结', statuses: ['closed', 'rated', 'cancelled'] },
  ];
  const items = list.data?.items ?? [];
  // The board's people (dispatchers and the property company) are exactly those the stats route admits.
  const staff = tabs.some((t) => t.key === 'all');
  return (
    <>
      <PageHeader
        title="居民诉求"
        extra={
          (resident || dispatcher) && (
            <Link to={`/c/${communityId}/requests/new`}>
              <Button type="primary" icon={<PlusOutlined />} size="large">
                {resident ? '我要反映问题' : '代居民登记'}
              </Button>
            </Link>
          )
        }
      />
      <Typography.Paragraph type="secondary">
        居民点单、支部派单、楼栋长（物业、部门）接单、居民评单。响应时限按议事规则（默认“52022”）。
      </Typography.Paragraph>
      {tabs.length > 1 && (
        <Tabs activeKey={scope} onChange={(k) => setParams({ scope: k })} items={tabs.map((t) => ({ key: t.key, label: t.label }))} />
      )}
      {staff && scope === 'all' && <RequestStatsCard communityId={communityId} />}
      {!list.data ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Card>
          <Empty description="暂无诉求" />
        </Card>
      ) : scope === 'all' ? (
        <Flex gap={12} wrap align="flex-start">
          {columns.map((col) => (
            <div key={col.title} style={{ flex: '1 1 260px', minWidth: 0 }} data-testid={`board-${col.title}`}>
              <Typography.Title level={4}>
                {col.title}（{items.filter((i) => col.statuses.includes(i.status)).length}）
              </Typography.Title>
              {items
                .filter((i) => col.statuses.includes(i.status))
                .map((r) => (
                  <RequestCard key={r.id} r={r} communityId={communityId} />
                ))}
            </div>
          ))}
        </Flex>
      ) : (
        items.map((r) => <RequestCard key={r.id} r={r} communityId={communityId} />)
      )}
    </>
  );
}
