import { Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { financeApi } from '../../api';
import { formatDateTime } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { AUDIT_STAGE_LABELS, ROLE_LABELS, STATEMENT_STATUS_LABELS } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { useCommunity } from '../../session/useCommunity';
import { AWAITED, ReviewActions } from './ReviewActions';
import { StatementTotals } from './StatementTotals';

/** 审核待办: statements waiting for the party the reader acts for (居委会, 银行 or 审计机构). */
export default function AuditInboxPage() {
  const { communityId, roles } = useCommunity();
  const list = useLoad(() => financeApi.statements(communityId), [communityId]);
  if (!list.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const mine = list.data.filter((s) => {
    const awaited = AWAITED[s.status];
    return awaited !== undefined && roles.includes(awaited.role);
  });
  const parties = roles.filter((r) => r === 'residents_committee' || r === 'bank_officer' || r === 'auditor').map((r) => ROLE_LABELS[r]);

  return (
    <>
      <PageHeader title="审核待办" />
      <Typography.Paragraph type="secondary">
        您以「{parties.join('、')}」身份审核。顺序为：居委会审核 → 银行对账 → 审计机构审计；任何一方提出意见，报表退回编制人修改后重新提交。
      </Typography.Paragraph>
      {mine.length === 0 && (
        <Card>
          <Empty description="目前没有等待您审核的报表" />
        </Card>
      )}
      {mine.map((s) => (
        <Card
          key={s.id}
          style={{ marginBottom: 16 }}
          data-testid="audit-item"
          title={`${s.periodStart} 至 ${s.periodEnd}（第 ${s.version} 版）`}
          extra={<Tag color="blue">{AUDIT_STAGE_LABELS[AWAITED[s.status]!.stage]}</Tag>}
        >
          <StatementTotals totals={s} compact />
          <Flex wrap gap={12} justify="space-between" align="center" style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">
              {STATEMENT_STATUS_LABELS[s.status]} · 提交于 {formatDateTime(s.submittedAt)}
            </Typography.Text>
            <Flex wrap gap={12}>
              <Link to={`/c/${communityId}/statements/${s.id}`}>
                <Button>查看明细</Button>
              </Link>
              <ReviewActions communityId={communityId} statementId={s.id} status={s.status} roles={roles} onReviewed={list.reload} />
            </Flex>
          </Flex>
        </Card>
      ))}
    </>
  );
}
