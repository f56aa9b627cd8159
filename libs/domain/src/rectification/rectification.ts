import { DomainError } from '../errors';
import { RECTIFICATION_ACTION_LABELS_ZH, RECTIFICATION_STATUS_LABELS_ZH } from '../labels/vocabulary';

/**
 * 整改事项: a problem raised by a 四方联席 meeting or an inspection, assigned to the property company with a due
 * date. The property company starts it, reports progress and submits it as done with evidence; the committee
 * accepts it (验收) or sends it back. Whoever acts for the property company can never accept its own item.
 */
export const RECTIFICATION_STATUSES = ['assigned', 'in_progress', 'submitted', 'accepted'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export const RECTIFICATION_ACTIONS = ['start', 'progress', 'submit', 'accept', 'reject'] as const;
export type RectificationAction = (typeof RECTIFICATION_ACTIONS)[number];

export const RECTIFICATION_SOURCES = ['joint_meeting', 'inspection'] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];

/** Who acts: the roles the person holds today in the community, and whether they are the item's assignee. */
export interface RectificationActor {
  userId: string;
  roles: readonly string[];
}

export interface RectificationState {
  status: RectificationStatus;
  assigneeUserId: string | null;
  raisedBy: string;
}

const COMMITTEE = ['committee_director', 'committee_member'];

const FROM: Record<RectificationAction, readonly RectificationStatus[]> = {
  start: ['assigned'],
  progress: ['assigned', 'in_progress'],
  submit: ['assigned', 'in_progress'],
  accept: ['submitted'],
  reject: ['submitted'],
};

const TO: Record<RectificationAction, RectificationStatus> = {
  start: 'in_progress',
  progress: 'in_progress',
  submit: 'submitted',
  accept: 'accepted',
  reject: 'in_progress',
};

/** The status after `action`, or a DomainError saying (in Chinese) why the actor may not do it now. */
export function nextRectificationStatus(
  state: RectificationState,
  action: RectificationAction,
  actor: RectificationActor,
  input: { text?: string; evidence?: readonly unknown[] } = {},
): RectificationStatus {
  const isProperty = actor.roles.includes('property_company');
  const isCommittee = actor.roles.some((r) => COMMITTEE.includes(r));
  if (action === 'accept' || action === 'reject') {
    // The property company never accepts its own work, even when the same person also sits on the committee.
    if (isProperty || actor.userId === state.assigneeUserId) {
      throw new DomainError('forbidden', 'rectification_self_acceptance', '物业不能验收自己的整改事项，须由业委会验收');
    }
    if (!isCommittee) throw new DomainError('forbidden', 'rectification_committee_only', '只有业委会成员可以验收整改事项');
  } else if (!isProperty) {
    throw new DomainError('forbidden', 'rectification_property_only', '只有物业可以报告整改进度或提交完成');
  }
  if (!FROM[action].includes(state.status)) {
    throw new DomainError(
      'conflict',
      'rectification_wrong_status',
      `整改事项当前为「${RECTIFICATION_STATUS_LABELS_ZH[state.status]}」，不能${RECTIFICATION_ACTION_LABELS_ZH[action]}`,
    );
  }
  const text = input.text?.trim() ?? '';
  if ((action === 'progress' || action === 'reject') && text.length < 2) {
    throw new DomainError('invalid', 'rectification_text_required', action === 'reject' ? '退回须写明不予验收的理由' : '请写明进展情况');
  }
  if (action === 'submit' && (!input.evidence || input.evidence.length === 0) && text.length < 2) {
    throw new DomainError('invalid', 'rectification_evidence_required', '提交完成须附整改说明或照片等证据');
  }
  return TO[action];
}

/** Overdue: not yet accepted (or submitted) when the due date in the community's zone has passed. */
export function isRectificationOverdue(status: RectificationStatus, dueOn: string, todayInZone: string): boolean {
  return (status === 'assigned' || status === 'in_progress') && todayInZone > dueOn;
}
