import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Card, DatePicker, Empty, Flex, InputNumber, List, Select, Skeleton, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { sealsApi } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatDateTime } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { SEAL_KIND_LABELS } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';

/** 用章登记: every use (and refusal) of a seal, and the half-year report the committee seals and publishes. */
export default function SealLogPage() {
  const { communityId, roles } = useCommunity();
  const committee = hasAny(roles, ['committee_director', 'committee_member']);
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const log = useLoad(() => sealsApi.log(communityId, range), [communityId, range.from, range.to]);
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState<number>(new Date().getMonth() < 6 ? thisYear - 1 : thisYear);
  const [half, setHalf] = useState<1 | 2>(new Date().getMonth() < 6 ? 2 : 1);
  const [report, setReport] = useState<{ id: string; number: string; title: string } | null>(null);

  const pick = (dates: [Dayjs | null, Dayjs | null] | null) =>
    setRange({
      from: dates?.[0] ? dates[0].startOf('day').toISOString() : undefined,
      to: dates?.[1] ? dates[1].add(1, 'day').startOf('day').toISOString() : undefined,
    });

  return (
    <>
      <PageHeader title="用章登记" />
      <Typography.Paragraph type="secondary">
        每次用章或拒绝用章都登记在此，含文书编号、依据的决定、申请人与保管人。每半年生成一次用章登记公示，经业委会章用章后公示。
      </Typography.Paragraph>
      {committee && (
        <Card title="半年度用章登记公示" style={{ marginBottom: 16 }}>
          <Flex wrap gap={12} align="center">
            <InputNumber aria-label="年份" min={2000} max={2999} value={year} onChange={(v) => v && setYear(v)} />
            <span>年</span>
            <Select
              aria-label="上半年或下半年"
              value={half}
              onChange={setHalf}
              style={{ width: 140 }}
              options={[
                { value: 1, label: '上半年' },
                { value: 2, label: '下半年' },
              ]}
            />
            <ConfirmButton
              type="primary"
              icon={<FilePdfOutlined />}
              data-testid="seal-log-report"
              confirmTitle={`生成${year}年${half === 1 ? '上' : '下'}半年用章登记公示？`}
              consequence={
                <p>将登记一份新的文书（草稿），列出该半年内全部用章；之后须申请加盖业委会章才能公示。文书编号一经登记不会收回。</p>
              }
              onConfirm={async () => setReport(await sealsApi.logReport(communityId, year, half))}
            >
              生成公示
            </ConfirmButton>
          </Flex>
          {report && (
            <Alert
              style={{ marginTop: 12 }}
              type="success"
              showIcon
              title={`已登记文书 ${report.number}：${report.title}`}
              description={<Link to={`/c/${communityId}/documents`}>到文书库申请用章</Link>}
            />
          )}
        </Card>
      )}
      <Card>
        <Flex wrap gap={12} style={{ marginBottom: 12 }}>
          <DatePicker.RangePicker
            aria-label="用章日期范围"
            onChange={(d) => pick(d as [Dayjs | null, Dayjs | null] | null)}
            style={{ maxWidth: '100%' }}
          />
        </Flex>
        {!log.data ? (
          <Skeleton active />
        ) : (
          <List
            data-testid="seal-log"
            dataSource={log.data}
            locale={{ emptyText: <Empty description="暂无用章登记" /> }}
            renderItem={(e) => (
              <List.Item key={e.id} style={{ display: 'block' }} data-testid="seal-log-entry">
                <Flex wrap gap={8} align="center">
                  <Tag color={e.outcome === 'applied' ? 'green' : 'red'}>{e.outcome === 'applied' ? '已用章' : '拒绝用章'}</Tag>
                  <Typography.Text strong>{SEAL_KIND_LABELS[e.sealKind]}</Typography.Text>
                  <Typography.Text type="secondary">{formatDateTime(e.usedAt)}</Typography.Text>
                </Flex>
                <Typography.Paragraph style={{ margin: '6px 0', overflowWrap: 'anywhere' }}>
                  文书 {e.documentNumber}「{e.documentTitle}」；申请人 {e.requestedByName}，保管人 {e.custodianName}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                  依据：{e.decision}
                  {e.outcome === 'refused' && e.reason ? `；拒绝理由：${e.reason}` : ''}
                </Typography.Text>
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
