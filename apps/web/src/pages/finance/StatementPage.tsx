import { PrintButton } from '../../components/ExportButtons';
import { Card, Descriptions, Flex, Skeleton, Space, Steps, Table, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { financeApi, type AuditStage, type EntryKind, type StatementLine } from '../../api';
import { formatDateTime, formatYuan } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { AUDIT_STAGE_LABELS, ENTRY_KIND_COLORS, ENTRY_KIND_LABELS, STATEMENT_STATUS_COLORS, STATEMENT_STATUS_LABELS } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { AUDITORS, COMMITTEE, hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';
import { PublicationCard } from './PublicationCard';
import { ReviewActions } from './ReviewActions';
import { StatementTotals } from './StatementTotals';

const STAGES: AuditStage[] = ['residents_committee', 'bank', 'audit_firm'];
const DONE_AFTER: Record<string, number> = { submitted: 0, bank_review: 1, audit_review: 2, approved: 3, published: 3 };

export default function StatementPage() {
  const { statementId = '' } = useParams();
  const { communityId, roles } = useCommunity();
  const statement = useLoad(() => financeApi.statement(communityId, statementId), [communityId, statementId]);
  const all = useLoad(() => financeApi.statements(communityId), [communityId]);
  const s = statement.data;
  if (!s) return <Skeleton active paragraph={{ rows: 10 }} />;
  const versions = (all.data ?? []).filter((v) => v.periodStart === s.periodStart);
  const done = DONE_AFTER[s.status] ?? 0;
  const canReconcile = hasAny(roles, [...COMMITTEE, ...AUDITORS]);
  const previous = (all.data ?? []).find((v) => v.id === s.previousStatementId);

  return (
    <>
      <Flex justify="space-between" wrap gap={8} className="gy-no-print">
        <Link to={`/c/${communityId}/statements`}>返回报表列表</Link>
        <PrintButton />
      </Flex>
      <PageHeader
        title={`${s.periodLabel}公共收益报表（${s.periodStart} 至 ${s.periodEnd}）`}
        extra={
          <Space wrap>
            <Tag>第 {s.version} 版</Tag>
            <Tag color={STATEMENT_STATUS_COLORS[s.status]} data-testid="statement-status">
              {STATEMENT_STATUS_LABELS[s.status]}
            </Tag>
          </Space>
        }
      />
      <StatementTotals totals={s} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="opening-check">
        {previous
          ? `期初余额 ${formatYuan(s.openingFen)} 等于上期（${previous.periodLabel}）报表期末余额 ${formatYuan(previous.closingFen)}${previous.closingFen === s.openingFen ? ' ✓' : ' ✗ 不一致'}`
          : `期初余额 ${formatYuan(s.openingFen)}（首份报表）`}
      </Typography.Paragraph>
      <Card title="三方审核" style={{ margin: '16px 0' }}>
        <Steps
          size="small"
          current={done}
          status={s.status === 'returned' ? 'error' : undefined}
          responsive
          items={STAGES.map((stage, i) => {
            const review = [...s.reviews].reverse().find((r) => r.stage === stage);
            return {
              title: AUDIT_STAGE_LABELS[stage],
              status:
                i < done
                  ? 'finish'
                  : i === done && s.status !== 'returned' && done < 3
                    ? 'process'
                    : review?.decision === 'findings'
                      ? 'error'
                      : 'wait',
              content: review ? `${review.decision === 'approve' ? '通过' : '提出意见'} ${formatDateTime(review.createdAt)}` : undefined,
            };
          })}
        />
        <Flex wrap gap={12} style={{ marginTop: 16 }}>
          <ReviewActions communityId={communityId} statementId={s.id} status={s.status} roles={roles} onReviewed={statement.reload} />
          {canReconcile && s.status !== 'submitted' && <Link to={`/c/${communityId}/statements/${s.id}/reconciliation`}>查看银行对账</Link>}
        </Flex>
        {s.reviews.length > 0 && (
          <Timeline
            style={{ marginTop: 16 }}
            items={s.reviews.map((r) => ({
              key: r.id,
              color: r.decision === 'approve' ? 'green' : 'red',
              title: formatDateTime(r.createdAt),
              content: (
                <span>
                  <strong>{AUDIT_STAGE_LABELS[r.stage]}</strong>：{r.decision === 'approve' ? '签字通过' : '提出意见'}
                  {r.findings && <div style={{ whiteSpace: 'pre-wrap' }}>{r.findings}</div>}
                </span>
              ),
            }))}
          />
        )}
      </Card>
      <PublicationCard communityId={communityId} statement={s} canRequest={hasAny(roles, COMMITTEE)} onChanged={statement.reload} />
      <Card title={`收支明细（${s.lines.length} 笔）`} style={{ marginBottom: 16 }}>
        <Table<StatementLine>
          size="small"
          rowKey="entryId"
          dataSource={s.lines}
          pagination={s.lines.length > 50 ? { pageSize: 50 } : false}
          columns={[
            { title: '序号', dataIndex: 'seq', responsive: ['md'] },
            { title: '日期', dataIndex: 'entryDate', render: (d: string) => <span className="gy-amount">{d}</span> },
            {
              title: '类型',
              dataIndex: 'kind',
              render: (k: EntryKind, l) => (
                <>
                  <Tag color={ENTRY_KIND_COLORS[k]}>{ENTRY_KIND_LABELS[k]}</Tag>
                  {l.reversesId && <Tag color="red">冲正</Tag>}
                </>
              ),
            },
            { title: '类别', dataIndex: 'category' },
            { title: '对方', dataIndex: 'counterparty', responsive: ['lg'] },
            {
              title: '金额（元）',
              dataIndex: 'signedFen',
              align: 'right',
              render: (f: string) => <span className="gy-mono gy-amount">{formatYuan(f)}</span>,
            },
            { title: '凭证', dataIndex: 'evidenceRef', responsive: ['md'] },
          ]}
        />
      </Card>
      <Card title="按类别汇总" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={s.byCategory.map((c) => ({
            key: `${c.kind}-${c.category}`,
            label: `${ENTRY_KIND_LABELS[c.kind]} · ${c.category}`,
            children: formatYuan(c.netFen),
          }))}
        />
      </Card>
      <Card title="版本">
        {versions.map((v) => (
          <div key={v.id} style={{ marginBottom: 6 }}>
            {v.id === s.id ? (
              <strong>第 {v.version} 版（本页）</strong>
            ) : (
              <Link to={`/c/${communityId}/statements/${v.id}`}>第 {v.version} 版</Link>
            )}
            <Tag style={{ marginLeft: 8 }} color={STATEMENT_STATUS_COLORS[v.status]}>
              {STATEMENT_STATUS_LABELS[v.status]}
            </Tag>
          </div>
        ))}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 16 }}>
          内容摘要（审核所依据的内容）<span className="gy-mono">{s.contentDigest}</span>
        </Typography.Paragraph>
      </Card>
    </>
  );
}
