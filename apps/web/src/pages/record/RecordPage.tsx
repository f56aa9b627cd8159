import { DownloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Empty, Flex, Input, List, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  agendaApi,
  recordApi,
  saveFile,
  type AgendaItemSummary,
  type ChainVerdict,
  type RecordSearch,
  type RecordSentence,
} from '../../api';
import { useSubmit } from '../../hooks/useSubmit';
import { RECORD_KIND_LABELS_ZH } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { PublishCheckpointButton } from '../public/PublishCheckpointButton';
import { RecordCheckpointsCard } from '../public/RecordCheckpointsCard';
import { can } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';

const PAGE = 50;

function short(hash: string): string {
  return hash.length > 16 ? `${hash.slice(0, 8)}…${hash.slice(-8)}` : hash;
}

/** 决策记录 as sentences ("2026年12月1日 16:22 业委会主任陈主任申请用章：文书 GY-…"), with filters and search. */
/** The record holds nothing before 1990 and nothing far ahead: such dates are not offered in the range picker. */
const outsideRecordYears = (d: Dayjs) => d.isBefore(dayjs('1990-01-01'), 'day') || d.isAfter(dayjs().add(5, 'year'), 'day');

export default function RecordPage() {
  const { communityId = '' } = useParams();
  const { roles, isAdmin } = useCommunity();
  // Staff may sign a checkpoint (the API allows COMMUNITY_STAFF); owners only read and download.
  const canPublishCheckpoint = can('publish-checkpoint', roles, isAdmin);
  const [entries, setEntries] = useState<RecordSentence[]>([]);
  const [loading, setLoading] = useState(true);
  const [hasMore, setHasMore] = useState(false);
  const [verdict, setVerdict] = useState<ChainVerdict | null>(null);
  const [items, setItems] = useState<AgendaItemSummary[]>([]);
  const [filters, setFilters] = useState<RecordSearch>({});
  const [words, setWords] = useState('');

  useEffect(() => {
    agendaApi.list(communityId).then(setItems, () => setItems([]));
  }, [communityId]);

  const load = useCallback(
    async (before: number | undefined) => {
      setLoading(true);
      try {
        const page = await recordApi.sentences(communityId, { ...filters, before, limit: PAGE });
        setEntries((current) => (before ? [...current, ...page.entries] : page.entries));
        setHasMore(page.hasMore);
      } catch {
        // shown by the fetch wrapper
      } finally {
        setLoading(false);
      }
    },
    [communityId, filters],
  );

  useEffect(() => {
    setVerdict(null);
    void load(undefined);
  }, [load]);

  const verify = useSubmit(async () => {
    setVerdict(await recordApi.verify(communityId));
  });

  // 导出原始记录: every entry with its payload and hashes (GET …/record, by sequence number), so that anyone can
  // check the chain with their own tools instead of trusting the 校验 button.
  const exportRaw = useSubmit(async () => {
    const entries: Awaited<ReturnType<typeof recordApi.entries>> = [];
    for (let after = 0; ;) {
      const page = await recordApi.entries(communityId, after, 500);
      entries.push(...page);
      if (page.length < 500) break;
      after = Number(page[page.length - 1].seq);
    }
    const blob = new Blob([JSON.stringify(entries, null, 2)], { type: 'application/json' });
    saveFile({ blob, filename: `decision-record-${communityId}.json` });
  });

  const setRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    setFilters((f) => ({ ...f, from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') }));

  return (
    <>
      <PageHeader
        title="决策记录"
        extra={
          <Flex gap={8} wrap>
            <Button icon={<DownloadOutlined />} loading={exportRaw.busy} onClick={() => void exportRaw.run()} data-testid="export-record">
              导出原始记录
            </Button>
            <Button
              type="primary"
              icon={<SafetyCertificateOutlined />}
              loading={verify.busy}
              disabled={verify.busy}
              onClick={() => void verify.run()}
              data-testid="verify-record"
            >
              校验
            </Button>
          </Flex>
        }
      />
      <Typography.Paragraph type="secondary">
        每一条记录都包含上一条记录的哈希值，形成一条链；任何一条被改动，校验都会指出第一条出错的记录。导出的原始记录含每条的内容与哈希值，可用自己的工具独立校验。
      </Typography.Paragraph>
      {verdict && (
        <Alert
          data-testid="verify-result"
          style={{ marginBottom: 16 }}
          showIcon
          type={verdict.ok ? 'success' : 'error'}
          title={
            verdict.ok
              ? `校验通过：共 ${verdict.checked} 条记录，哈希链完整，未发现篡改。`
              : verdict.firstBroken
                ? `校验未通过：第 ${verdict.firstBroken.seq} 条记录异常`
                : `校验未通过：${verdict.ballotIssues?.length ?? 0} 张选票与决策记录中的承诺不符`
          }
          description={
            verdict.ok
              ? undefined
              : verdict.firstBroken
                ? `已检查 ${verdict.checked} 条。原因：${verdict.firstBroken.reason}`
                : `房屋：${(verdict.ballotIssues ?? []).map((i) => `${i.unitNumbers.join('、') || '未知'}（议案 ${i.motionSeq ?? '?'}）`).join('；')}`
          }
        />
      )}
      {communityId && (
        <RecordCheckpointsCard
          communityId={communityId}
          publish={
            canPublishCheckpoint ? (reload) => <PublishCheckpointButton communityId={communityId} onPublished={reload} /> : undefined
          }
        />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} role="search" aria-label="筛选决策记录">
          <Input.Search
            aria-label="搜索记录"
            placeholder="搜索：人名、文书编号、议题…"
            allowClear
            enterButton={<SearchOutlined aria-label="搜索" />}
            value={words}
            onChange={(e) => setWords(e.target.value)}
            onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
            style={{ flex: '1 1 260px', minWidth: 0 }}
            data-testid="record-search"
          />
          <Select
            aria-label="记录类别"
            placeholder="全部类别"
            allowClear
            style={{ flex: '1 1 160px', minWidth: 0 }}
            options={Object.entries(RECORD_KIND_LABELS_ZH).map(([value, label]) => ({ value, label }))}
            value={filters.kind}
            onChange={(kind?: RecordSearch['kind']) => setFilters((f) => ({ ...f, kind }))}
            data-testid="record-kind"
          />
          <Select
            aria-label="议题"
            placeholder="全部议题"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ flex: '1 1 200px', minWidth: 0 }}
            options={items.map((i) => ({ value: i.id, label: `第 ${i.seq} 号 ${i.title}` }))}
            value={filters.itemId}
            onChange={(itemId?: string) => setFilters((f) => ({ ...f, itemId }))}
          />
          <DatePicker.RangePicker
            aria-label="日期范围"
            style={{ flex: '1 1 260px', minWidth: 0 }}
            disabledDate={outsideRecordYears}
            onChange={(range) => setRange(range as [Dayjs | null, Dayjs | null] | null)}
          />
        </Flex>
      </Card>
      <Card>
        <List<RecordSentence>
          data-testid="record-table"
          loading={loading && entries.length === 0}
          dataSource={entries}
          locale={{ emptyText: <Empty description="没有符合条件的记录" /> }}
          renderItem={(e) => (
            <List.Item key={e.seq} data-testid="record-entry" style={{ display: 'block' }}>
              <Typography.Text type="secondary">
                第 {e.seq} 条 · {e.occurredText}
              </Typography.Text>
              <Typography.Paragraph style={{ margin: '4px 0', fontSize: 18, overflowWrap: 'anywhere' }}>{e.sentence}</Typography.Paragraph>
              <Flex wrap gap={12} align="center">
                {e.itemId && e.itemTitle && <Link to={`/c/${communityId}/agenda/${e.itemId}`}>议题：{e.itemTitle}</Link>}
                <Typography.Text type="secondary" className="gy-mono" copyable={{ text: e.hash, tooltips: ['复制完整哈希', '已复制'] }}>
                  哈希 {short(e.hash)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
        {hasMore && (
          <Button block style={{ marginTop: 16 }} loading={loading} onClick={() => load(Number(entries[entries.length - 1]?.seq ?? 0))}>
            加载更多
          </Button>
        )}
      </Card>
    </>
  );
}
