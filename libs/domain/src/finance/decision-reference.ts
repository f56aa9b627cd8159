import { DomainError } from '../errors';

/**
 * What a ledger entry or a fund-raising project may cite as its decision: an agenda item of the same
 * community that is a *passed decision* — its owners' assembly vote passed (the chain advanced the
 * assembly_vote stage, which happens only when every motion's tally passed), or its committee resolution
 * passed (committee_resolution advanced). Pending, returned, rejected or skipped stages are not decisions.
 */
export interface CitedItem {
  category: string;
  status: string;
  stages: Partial<Record<string, string>>;
}

export type PassedBy = 'assembly_vote' | 'committee_resolution';

export function passedBy(item: CitedItem): PassedBy | null {
  if (item.status === 'rejected') return null;
  if (item.stages.assembly_vote === 'advanced') return 'assembly_vote';
  if (item.stages.committee_resolution === 'advanced') return 'committee_resolution';
  return null;
}

/** Refuses an item that is not a passed decision (null = not found in this community). */
export function assertPassedDecision(item: CitedItem | null): PassedBy {
  if (!item) {
    throw new DomainError(
      'invalid',
      'decision_not_found',
      '引用的决定不存在：须引用本小区已通过的议题（业主大会表决通过或业委会决议通过）',
    );
  }
  const by = passedBy(item);
  if (!by) {
    throw new DomainError(
      'conflict',
      'decision_not_passed',
      '引用的议题尚未通过（业主大会表决未通过或尚未表决，且无通过的业委会决议），不能作为依据',
    );
  }
  return by;
}

/**
 * Raising money from owners (筹集维修资金) is 民法典 Art. 278 item 六: it needs an owners' assembly vote of the
 * item's category art278_6, which the tally counts at the special threshold (≥ 3/4 of participating area and heads).
 */
export function assertFundraisingApproval(item: CitedItem | null, tallyOutcomes: readonly string[]): void {
  if (!item) throw new DomainError('invalid', 'decision_not_found', '引用的议题不存在：集资项目须引用本小区业主大会表决通过的议题');
  if (item.category !== 'art278_6') {
    throw new DomainError(
      'conflict',
      'decision_wrong_category',
      '集资属于民法典第二百七十八条第一款第（六）项“筹集维修资金”，须引用该类别的议题',
    );
  }
  if (item.stages.assembly_vote !== 'advanced' || tallyOutcomes.length === 0 || tallyOutcomes.some((o) => o !== 'passed')) {
    throw new DomainError(
      'conflict',
      'decision_not_passed',
      '该议题的业主大会表决尚未通过（筹集维修资金须经参与表决专有部分面积和人数四分之三以上同意）',
    );
  }
}
