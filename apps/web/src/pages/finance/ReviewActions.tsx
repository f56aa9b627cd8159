import { ConfirmButton } from '../../components/ConfirmButton';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { financeApi, type AuditStage, type CommunityRole, type StatementStatus } from '../../api';
import { AUDIT_STAGE_LABELS } from '../../labels';
import { TextModal } from '../agenda/ItemActionModals';

/** The audit stage each status waits on, and the role that acts there. */
export const AWAITED: Partial<Record<StatementStatus, { stage: AuditStage; role: CommunityRole }>> = {
  submitted: { stage: 'residents_committee', role: 'residents_committee' },
  bank_review: { stage: 'bank', role: 'bank_officer' },
  audit_review: { stage: 'audit_firm', role: 'auditor' },
};

/** Approve or raise findings, for the party the statement waits on; the bank signs off on its reconciliation page. */
export function ReviewActions({
  communityId,
  statementId,
  status,
  roles,
  onReviewed,
}: {
  communityId: string;
  statementId: string;
  status: StatementStatus;
  roles: CommunityRole[];
  onReviewed: () => void;
}) {
  const { message } = App.useApp();
  const [findings, setFindings] = useState(false);
  const [busy, setBusy] = useState(false);
  const awaited = AWAITED[status];
  if (!awaited || !roles.includes(awaited.role)) return null;
  const label = AUDIT_STAGE_LABELS[awaited.stage];

  const approve = async () => {
    setBusy(true);
    try {
      await financeApi.review(communityId, statementId, 'approve');
      message.success(`${label}：已签字通过`);
      onReviewed();
    } catch {
      // shown by the fetch wrapper
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space wrap>
      {awaited.stage === 'bank' ? (
        <Link to={`/c/${communityId}/statements/${statementId}/reconciliation`}>
          <Button type="primary" data-testid="go-reconcile">
            去对账并签字
          </Button>
        </Link>
      ) : (
        <ConfirmButton
          type="primary"
          disabled={busy}
          data-testid="approve-statement"
          confirmTitle={`${label}：签字通过？`}
          okText="确认签字"
          consequence={
            <p>您的签字将记入决策记录，报表随即转到下一方{awaited.stage === 'audit_firm' ? '，三方审核完成后由业委会公示' : '审核'}。</p>
          }
          onConfirm={approve}
        >
          {label}通过
        </ConfirmButton>
      )}
      <Button danger onClick={() => setFindings(true)} data-testid="raise-findings">
        提出意见并退回
      </Button>
      {findings && (
        <TextModal
          title={`${label}：提出意见`}
          label="审核意见（退回编制人修改，修改后为新版本）"
          okText="退回"
          testId="findings"
          onClose={() => setFindings(false)}
          onSubmit={async (text) => {
            await financeApi.review(communityId, statementId, 'findings', text);
            setFindings(false);
            message.success('已退回');
            onReviewed();
          }}
        />
      )}
    </Space>
  );
}
