import { Alert, Button, Card, Descriptions, Flex, Input, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { hearingsApi, type HearingDetail } from '../../api';
import { formatDateTime } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { HEARING_STATUS_COLORS, HEARING_STATUS_LABELS, PANEL_KIND_LABELS } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { COMMITTEE, hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';
import { BidForm } from './BidForm';
import { BidsList } from './BidsTable';
import { InviteVendor, PanelEditor } from './HearingCommitteeTools';
import { HearingObjections } from './HearingObjections';
import { ResultPanel } from './ResultPanel';
import { VendorTrackRecord } from '../services/VendorTrackRecord';
import { ScoreSheet } from './ScoreSheet';

function Panel({
  communityId,
  hearing,
  userId,
  onChanged,
}: {
  communityId: string;
  hearing: HearingDetail;
  userId: string;
  onChanged: () => void;
}) {
  const [conflict, setConflict] = useState('');
  const me = hearing.panel?.find((m) => m.userId === userId);
  const declare = async (withConflict: boolean) => {
    await hearingsApi.declare(communityId, hearing.id, withConflict ? conflict.trim() : undefined);
    onChanged();
  };
  return (
    <Card title="评审组" style={{ marginBottom: 16 }} data-testid="panel">
      {(hearing.panel ?? []).map((m) => (
        <Flex key={m.id} wrap gap={8} justify="space-between" style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
          <span>
            {m.name}（{PANEL_KIND_LABELS[m.kind]}）
          </span>
          <Space wrap>
            {m.recused ? (
              <Tag color="red">回避：{m.conflict}</Tag>
            ) : m.declared ? (
              <Tag color="green">已申报无利益冲突</Tag>
            ) : (
              <Tag>未申报</Tag>
            )}
            {m.scored && <Tag color="blue">已评分</Tag>}
          </Space>
        </Flex>
      ))}
      {me && !me.declared && (
        <div style={{ marginTop: 12 }}>
          <Typography.Paragraph>请申报您与投标方有无利益冲突。如有，请写明，申报后即回避，不参加评分。</Typography.Paragraph>
          <Flex wrap gap={12}>
            <Button type="primary" onClick={() => void declare(false)} data-testid="declare-none">
              无利益冲突
            </Button>
            <Input style={{ maxWidth: 360 }} placeholder="利益冲突说明" value={conflict} onChange={(e) => setConflict(e.target.value)} />
            <Button danger disabled={conflict.trim().length < 2} onClick={() => void declare(true)}>
              申报冲突并回避
            </Button>
          </Flex>
        </div>
      )}
    </Card>
  );
}

/** 听证会: schedule, panel and declarations, invited vendors, criteria, the sealed bids, opening, scoring and result. */
export default function HearingPage() {
  const { hearingId = '' } = useParams();
  const { communityId, roles, userId } = useCommunity();
  const detail = useLoad(() => hearingsApi.get(communityId, hearingId), [communityId, hearingId]);
  const [opening, setOpening] = useState(false);
  const h = detail.data;
  if (!h) return <Skeleton active paragraph={{ rows: 8 }} />;
  const vendorOnly = roles.length > 0 && roles.every((r) => r === 'vendor');
  const committee = hasAny(roles, COMMITTEE);
  const me = h.panel?.find((m) => m.userId === userId);
  const openNow = Date.now() >= new Date(h.openingAt).getTime();

  const open = async () => {
    setOpening(true);
    try {
      await hearingsApi.open(communityId, h.id);
      detail.reload();
    } catch {
      // shown by the wrapper (e.g. before the opening time)
    } finally {
      setOpening(false);
    }
  };

  return (
    <>
      <PageHeader
        title={h.title}
        extra={
          <Tag color={HEARING_STATUS_COLORS[h.status]} data-testid="hearing-status">
            {HEARING_STATUS_LABELS[h.status]}
          </Tag>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label="地点">{h.place}</Descriptions.Item>
          <Descriptions.Item label="投标截止">{formatDateTime(h.bidDeadline)}</Descriptions.Item>
          <Descriptions.Item label="开标时间">{formatDateTime(h.openingAt)}</Descriptions.Item>
          {h.openedAt && <Descriptions.Item label="已开标于">{formatDateTime(h.openedAt)}</Descriptions.Item>}
          <Descriptions.Item label="评分标准">{h.criteria.map((c) => `${c.label}（权重 ${c.weight}）`).join('、')}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{h.description}</Typography.Paragraph>
      </Card>
      {/* A vendor of this hearing bids here, whatever other roles it holds; the server shows it only its own bid. */}
      {(vendorOnly || h.vendors === undefined) && roles.includes('vendor') && <BidForm communityId={communityId} hearing={h} />}
      {vendorOnly ? null : (
        <>
          <Panel communityId={communityId} hearing={h} userId={userId} onChanged={detail.reload} />
          {committee && (
            <PanelEditor key={h.panel?.map((m) => m.userId).join()} communityId={communityId} hearing={h} onChanged={detail.reload} />
          )}
          {h.vendors && (
            <Card title="受邀供应商" style={{ marginBottom: 16 }} data-testid="hearing-vendors">
              {h.vendors.map((v) => (
                <Flex key={v.userId} justify="space-between" style={{ padding: '6px 0' }}>
                  <span>{v.vendorName}</span>
                  {v.submitted !== undefined && <Tag color={v.submitted ? 'green' : 'default'}>{v.submitted ? '已投标' : '未投标'}</Tag>}
                </Flex>
              ))}
            </Card>
          )}
          {committee && <InviteVendor communityId={communityId} hearing={h} onChanged={detail.reload} />}
          {/* Read-only: how each invited company served other communities (issue 17). */}
          <VendorTrackRecord communityId={communityId} hearingId={h.id} />
          {h.status === 'bidding' && committee && (
            <Card style={{ marginBottom: 16 }}>
              {!openNow && (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  title={`开标时间 ${formatDateTime(h.openingAt)} 起方可开标，全部投标一次性开启。`}
                />
              )}
              <Button type="primary" size="large" loading={opening} onClick={() => void open()} data-testid="open-bids">
                开标
              </Button>
            </Card>
          )}
          <BidsList communityId={communityId} hearing={h} />
          {h.status === 'opened' && me && !me.recused && me.declared && !me.scored && (
            <ScoreSheet communityId={communityId} hearing={h} onSaved={detail.reload} />
          )}
          <ResultPanel communityId={communityId} hearing={h} committee={committee} onChanged={detail.reload} />
        </>
      )}
      {/* Anyone of the community, an invited vendor too, may object while the objection period runs. */}
      <HearingObjections communityId={communityId} hearing={h} onFiled={detail.reload} />
    </>
  );
}
