import { ConfirmButton } from '../../components/ConfirmButton';
import { Card, DatePicker, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { financeApi, type StatementStatus, type StatementSummary } from '../../api';
import { formatDate, formatYuan } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { STATEMENT_STATUS_COLORS, STATEMENT_STATUS_LABELS } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { COMMITTEE, hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';

/** 收支报表: every period and version, and the builder that compiles and submits a period. */
export default function StatementsPage() {
  const { communityId, roles } = useCommunity();
  const navigate = useNavigate();
  const list = useLoad(() => financeApi.statements(communityId), [communityId]);
  const [date, setDate] = useState<Dayjs | null>(null);
  const [saving, setSaving] = useState(false);
  const canCompile = hasAny(roles, COMMITTEE);

  const submit = async () => {
    if (!date) return;
    setSaving(true);
    try {
      const s = await financeApi.submit(communityId, date.format('YYYY-MM-DD'));
      navigate(`/c/${communityId}/statements/${s.id}`);
    } catch {
      // shown by the fetch wrapper (a statement for the period is under review, …)
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<StatementSummary> = [
    {
      title: '期间',
      key: 'period',
      render: (_, s) => <Link to={`/c/${communityId}/statements/${s.id}`}>{`${s.periodLabel}（${s.periodStart} 至 ${s.periodEnd}）`}</Link>,
    },
    { title: '版本', dataIndex: 'version', render: (v: number) => `第 ${v} 版` },
    {
      title: '状态',
      dataIndex: 'status',
      render: (s: StatementStatus) => <Tag color={STATEMENT_STATUS_COLORS[s]}>{STATEMENT_STATUS_LABELS[s]}</Tag>,
    },
    { title: '收入', dataIndex: 'incomeFen', align: 'right', responsive: ['md'], render: formatYuan },
    { title: '支出', dataIndex: 'costFen', align: 'right', responsive: ['md'], render: formatYuan },
    { title: '转入维修资金', dataIndex: 'transferFen', align: 'right', responsive: ['lg'], render: formatYuan },
    { title: '期末余额', dataIndex: 'closingFen', align: 'right', render: formatYuan },
    { title: '提交', dataIndex: 'submittedAt', responsive: ['lg'], render: (d: string) => formatDate(d) },
  ];

  return (
    <>
      <PageHeader title="收支报表" />
      {canCompile && (
        <Card title="编制报表" style={{ marginBottom: 16 }}>
          <Typography.Paragraph type="secondary">
            选择期间内任一日期（按议事规则，默认按季度）。系统按台账计算期初余额、收入、支出、转入维修资金和期末余额；提交后该期间锁定，依次由居委会审核、银行对账、审计机构审计。
          </Typography.Paragraph>
          <Flex wrap gap={12}>
            <DatePicker value={date} onChange={setDate} placeholder="期间内任一日期" data-testid="statement-period" />
            <ConfirmButton
              type="primary"
              disabled={!date || saving}
              data-testid="submit-statement"
              confirmTitle="编制并提交收支报表？"
              okText="确认提交"
              consequence={<p>提交后该期间的台账锁定，不能再记入或修改；报表依次由居委会审核、银行对账、审计机构审计。</p>}
              onConfirm={submit}
            >
              编制并提交
            </ConfirmButton>
          </Flex>
        </Card>
      )}
      <Card>
        <Table<StatementSummary>
          data-testid="statements-table"
          rowKey="id"
          loading={list.loading}
          columns={columns}
          dataSource={list.data ?? []}
          locale={{ emptyText: '还没有报表' }}
          pagination={false}
        />
      </Card>
    </>
  );
}
