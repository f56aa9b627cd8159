import { DomainError } from '../errors';

/** 三审: residents' committee review → bank reconciliation → audit firm review, in that order. */
export const AUDIT_STAGES = ['residents_committee', 'bank', 'audit_firm'] as const;
export type AuditStage = (typeof AUDIT_STAGES)[number];

export type StatementStatus = 'submitted' | 'bank_review' | 'audit_review' | 'approved' | 'returned' | 'superseded' | 'published';

const STAGE_OF_STATUS: Partial<Record<StatementStatus, AuditStage>> = {
  submitted: 'residents_committee',
  bank_review: 'bank',
  audit_review: 'audit_firm',
};

const NEXT_STATUS: Record<AuditStage, StatementStatus> = {
  residents_committee: 'bank_review',
  bank: 'audit_review',
  audit_firm: 'approved',
};

export const AUDIT_STAGE_LABELS: Record<AuditStage, string> = {
  residents_committee: '居委会审核',
  bank: '银行对账',
  audit_firm: '审计机构审计',
};

/** The stage a statement waits on, or a conflict naming where it stands. */
export function stageAwaited(status: StatementStatus): AuditStage {
  const stage = STAGE_OF_STATUS[status];
  if (!stage)
    throw new DomainError('conflict', 'not_under_audit', `报表当前状态为 ${status}，不在审核中 (statement is not awaiting review)`);
  return stage;
}

/**
 * One party's decision. Order is enforced (a party can act only at its stage)
 * and nobody reviews a statement they compiled or submitted.
 */
export function review(
  status: StatementStatus,
  stage: AuditStage,
  decision: 'approve' | 'findings',
  reviewerId: string,
  compilerIds: readonly string[],
): StatementStatus {
  const awaited = stageAwaited(status);
  if (awaited !== stage) {
    throw new DomainError(
      'conflict',
      'audit_order_violation',
      `审核顺序错误：当前应由「${AUDIT_STAGE_LABELS[awaited]}」审核 (the statement awaits ${awaited}, not ${stage})`,
      { awaited, attempted: stage },
    );
  }
  if (compilerIds.includes(reviewerId)) {
    throw new DomainError('forbidden', 'reviewer_compiled', '编制或提交报表的人不能审核该报表 (no one audits a statement they compiled)');
  }
  return decision === 'approve' ? NEXT_STATUS[stage] : 'returned';
}
