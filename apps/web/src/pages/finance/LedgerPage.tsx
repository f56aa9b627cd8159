import { ExportButtons } from '../../components/ExportButtons';
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { financeApi, type EntryKind, type LedgerEntry } from '../../api';
import { formatYuan } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { ENTRY_KIND_COLORS, ENTRY_KIND_LABELS } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { COMMITTEE, hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';
import { TextModal } from '../agenda/ItemActionModals';
import { LedgerEntryModal } from './LedgerEntryModal';

/** Net effect per kind, in integer fen (BigInt): reversals count against what they correct. */
function totals(entries: LedgerEntry[]): Record<EntryKind, string> {
  const sum: Record<EntryKind, bigint> = { income: 0n, cost: 0n, transfer: 0n };
  for (const e of entries) sum[e.kind] += e.reversesId ? -BigInt(e.amountFen) : BigInt(e.amountFen);
  return { income: sum.income.toString(), cost: sum.cost.toString(), transfer: sum.transfer.toString() };
}

export default function LedgerPage() {
  const { communityId, roles } = useCommunity();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const query = {
    kind: (params.get('kind') as EntryKind | null) ?? undefined,
    category: params.get('category') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const entries = useLoad(() => financeApi.entries(communityId, query), [communityId, params.toString()]);
  const [adding, setAdding] = useState(false);
  const [reversing, setReversing] = useState<LedgerEntry | null>(null);
  const [category, setCategory] = useState(query.category ?? '');
  const canWrite = hasAny(roles, [...COMMITTEE, 'property_company']);
  const list = entries.data ?? [];
  const reversed = new Set(list.map((e) => e.reversesId).filter(Boolean));
  const sums = totals(list);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next);
  };

  const columns: TableColumnsType<LedgerEntry> = [
    { title: '序号', dataIndex: 'seq', width: 72, responsive: ['md'] },
    { title: '日期', dataIndex: 'entryDate', render: (d: string) => <span className="gy-amount">{d}</span> },
    {
      title: '类型',
      dataIndex: 'kind',
      render: (k: EntryKind, e) => (
        <Space size={4} wrap>
          <Tag color={ENTRY_KIND_COLORS[k]}>{ENTRY_KIND_LABELS[k]}</Tag>
          {e.reversesId && <Tag color="red">冲正</Tag>}
          {reversed.has(e.id) && <Tag>已冲正</Tag>}
        </Space>
      ),
    },
    { title: '类别', dataIndex: 'category' },
    {
      title: '对方',
      dataIndex: 'counterparty',
      responsive: ['lg'],
      render: (c: string, e) => (e.counterpartyKind === 'person' ? `${c}（个人）` : c),
    },
    {
      title: '金额（元）',
      dataIndex: 'amountFen',
      align: 'right',
      render: (fen: string, e) => <span className="gy-mono gy-amount">{formatYuan(e.reversesId ? `-${fen}` : fen)}</span>,
    },
    { title: '凭证', dataIndex: 'evidenceRef', responsive: ['md'] },
    { title: '说明', dataIndex: 'note', responsive: ['xl'] },
  ];
  if (canWrite) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, e) =>
        !e.reversesId && !reversed.has(e.id) ? (
          <Button size="small" onClick={() => setReversing(e)}>
            冲正
          </Button>
        ) : null,
    });
  }

  return (
    <>
      <PageHeader
        title="公共收益台账"
        extra={
          <Space wrap>
            <ExportButtons path={`/communities/${communityId}/exports/ledger`} label="导出台账" />
            {canWrite && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="add-entry">
                记一笔
              </Button>
            )}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={12} md={5}>
            <Select
              style={{ width: '100%' }}
              placeholder="全部类型"
              allowClear
              value={query.kind}
              onChange={(v?: string) => update({ kind: v })}
              options={(Object.keys(ENTRY_KIND_LABELS) as EntryKind[]).map((k) => ({ value: k, label: ENTRY_KIND_LABELS[k] }))}
            />
          </Col>
          <Col xs={12} md={6}>
            <Input.Search
              placeholder="类别，如 电梯广告"
              allowClear
              value={category}
              onChange={(e) => setCategory(e.target.value)}
              onSearch={(v) => update({ category: v.trim() || undefined })}
            />
          </Col>
          <Col xs={24} md={13}>
            <DatePicker.RangePicker
              style={{ width: '100%' }}
              value={query.from && query.to ? [dayjs(query.from), dayjs(query.to)] : null}
              onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
            />
          </Col>
        </Row>
        <Row gutter={[12, 12]} style={{ marginTop: 16 }}>
          {(Object.keys(ENTRY_KIND_LABELS) as EntryKind[]).map((k) => (
            <Col key={k} xs={24} sm={8}>
              <Statistic
                title={`${ENTRY_KIND_LABELS[k]}合计`}
                value={sums[k]}
                formatter={() => <span data-testid={`sum-${k}`}>{formatYuan(sums[k])}</span>}
              />
            </Col>
          ))}
        </Row>
      </Card>
      <Card>
        <Table<LedgerEntry>
          data-testid="ledger-table"
          rowKey="id"
          loading={entries.loading}
          columns={columns}
          dataSource={list}
          locale={{ emptyText: '没有符合条件的分录' }}
          pagination={list.length > 50 ? { pageSize: 50 } : false}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          台账分录不能修改或删除；记错时请「冲正」，以反向分录更正，原分录保留。报表提交后该期间锁定。
        </Typography.Paragraph>
      </Card>
      {adding && (
        <LedgerEntryModal
          communityId={communityId}
          onClose={() => setAdding(false)}
          onAdded={(e) => {
            setAdding(false);
            message.success(`已记第 ${e.seq} 号分录`);
            entries.reload();
          }}
        />
      )}
      {reversing && (
        <TextModal
          title={`冲正第 ${reversing.seq} 号分录（${formatYuan(reversing.amountFen)}）`}
          label="冲正原因"
          okText="冲正"
          testId="reverse-reason"
          onClose={() => setReversing(null)}
          onSubmit={async (reason) => {
            await financeApi.reverse(communityId, reversing.id, reason);
            setReversing(null);
            message.success('已冲正');
            entries.reload();
          }}
        />
      )}
    </>
  );
}
