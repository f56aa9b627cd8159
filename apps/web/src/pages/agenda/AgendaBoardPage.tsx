import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Empty, Flex, Row, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { agendaApi, type AgendaItemSummary, type ItemStatus, type StageName } from '../../api';
import { formatDate, formatYuan } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { ITEM_STATUS_LABELS, MATTER_SHORT, STAGE_LABELS, STAGE_ORDER } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { COMMITTEE, hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';
import { CreateItemModal } from './CreateItemModal';

type Column = { key: string; title: string; color: string; match: (item: AgendaItemSummary) => boolean };

const CLOSED: { status: ItemStatus; color: string }[] = [
  { status: 'returned', color: '#d46b08' },
  { status: 'rejected', color: '#cf1322' },
  { status: 'done', color: '#389e0d' },
];

const COLUMNS: Column[] = [
  ...STAGE_ORDER.map((stage: StageName) => ({
    key: stage,
    title: STAGE_LABELS[stage],
    color: '#1f5fa8',
    match: (i: AgendaItemSummary) => i.status === 'in_stage' && i.currentStage === stage,
  })),
  ...CLOSED.map(({ status, color }) => ({
    key: status,
    title: ITEM_STATUS_LABELS[status],
    color,
    match: (i: AgendaItemSummary) => i.status === status,
  })),
];

/** A short name of the matter with its statute item, e.g. "改建重建（第278条第七项）" (never "（七）" alone). */
export function matterShort(category: string): string {
  return MATTER_SHORT[category as keyof typeof MATTER_SHORT] ?? category;
}

function ItemCard({ item, communityId }: { item: AgendaItemSummary; communityId: string }) {
  return (
    <Link to={`/c/${communityId}/agenda/${item.id}`} data-testid="agenda-card">
      <Card size="small" hoverable style={{ marginBottom: 10 }}>
        <Typography.Text type="secondary" style={{ fontSize: 16 }}>
          第 {item.seq} 号 · {formatDate(item.createdAt)}
        </Typography.Text>
        <div style={{ fontSize: 19, fontWeight: 600, margin: '2px 0 6px' }}>{item.title}</div>
        <Flex wrap gap={6}>
          <Tag color={item.category === 'committee_only' ? 'default' : 'purple'}>{matterShort(item.category)}</Tag>
          {item.budgetFen && <Tag>预算 {formatYuan(item.budgetFen)}</Tag>}
        </Flex>
      </Card>
    </Link>
  );
}

export default function AgendaBoardPage() {
  const { communityId, roles } = useCommunity();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const items = useLoad(() => agendaApi.list(communityId), [communityId]);
  const canPropose = hasAny(roles, COMMITTEE);

  return (
    <>
      <PageHeader
        title="议题看板"
        extra={
          canPropose && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="propose-item">
              提出议题
            </Button>
          )
        }
      />
      {items.loading && !items.data ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : items.data?.length === 0 ? (
        <Card>
          <Empty description="还没有议题。业委会委员可以提出议题，按议事规则依次经过支部先议、联席会议等环节。" />
        </Card>
      ) : (
        <Row gutter={[12, 12]}>
          {COLUMNS.map((column) => {
            const list = (items.data ?? []).filter(column.match);
            return (
              <Col key={column.key} xs={24} sm={12} xl={8} data-testid={`agenda-column-${column.key}`}>
                <Card
                  size="small"
                  styles={{ header: { borderTop: `4px solid ${column.color}` }, body: { minHeight: 80 } }}
                  title={
                    <Flex align="center" gap={8}>
                      {column.title}
                      <Badge count={list.length} showZero color={list.length ? column.color : '#bfbfbf'} />
                    </Flex>
                  }
                >
                  {list.map((item) => (
                    <ItemCard key={item.id} item={item} communityId={communityId} />
                  ))}
                  {list.length === 0 && <Typography.Text type="secondary">暂无</Typography.Text>}
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
      <CreateItemModal
        communityId={communityId}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(item) => {
          setCreating(false);
          navigate(`/c/${communityId}/agenda/${item.id}`);
        }}
      />
    </>
  );
}
