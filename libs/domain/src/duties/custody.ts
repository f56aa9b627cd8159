import { DomainError } from '../errors';

/** The two seals of a community (DOMAIN.md §8). */
export type SealKindName = 'assembly' | 'committee';

/**
 * Who may appoint the custodians of each seal (DOMAIN.md §11): the assembly seal only by a holder of the
 * residents'-committee role; the committee seal only by a committee decision that two members record
 * (one proposes, a second confirms). As data, one row per seal kind.
 */
export const CUSTODY_APPOINTMENT: Record<SealKindName, { appointedBy: 'residents_committee' | 'committee_decision'; people: 1 | 2 }> = {
  assembly: { appointedBy: 'residents_committee', people: 1 },
  committee: { appointedBy: 'committee_decision', people: 2 },
};

export interface CustodyChange {
  kind: SealKindName;
  /** The roles the person acting holds in the community today. */
  actorRoles: readonly string[];
  /** Proposed custodians. */
  custodians: readonly string[];
  /** Active custodians of the community's other active seal. */
  otherSealCustodians: readonly string[];
}

const COMMITTEE_ROLES = ['committee_director', 'committee_member'];

/** Refuses a custody change the actor may not make, or one that would give one person both seals. */
export function checkCustodyChange(change: CustodyChange): void {
  const rule = CUSTODY_APPOINTMENT[change.kind];
  if (rule.appointedBy === 'residents_committee' && !change.actorRoles.includes('residents_committee')) {
    throw new DomainError('forbidden', 'custody_residents_committee_only', '业主大会章保管人只能由居委会指定');
  }
  if (rule.appointedBy === 'committee_decision' && !change.actorRoles.some((r) => COMMITTEE_ROLES.includes(r))) {
    throw new DomainError(
      'forbidden',
      'custody_committee_decision_only',
      '业委会章保管人须由业委会两名委员共同决定（一人提出、另一人确认）',
    );
  }
  const both = change.custodians.filter((u) => change.otherSealCustodians.includes(u));
  if (both.length) {
    throw new DomainError('conflict', 'custody_both_seals', '同一人不能同时保管本小区的业主大会章和业委会章', { userIds: both });
  }
}

/** The second member of a committee custody decision must be another committee member than the proposer. */
export function checkCustodyConfirmation(input: { proposedBy: string; confirmer: string; confirmerRoles: readonly string[] }): void {
  if (!input.confirmerRoles.some((r) => COMMITTEE_ROLES.includes(r))) {
    throw new DomainError('forbidden', 'custody_committee_decision_only', '只有业委会委员可以确认业委会章保管人的决定');
  }
  if (input.proposedBy === input.confirmer) {
    throw new DomainError('forbidden', 'custody_same_member', '提出人不能自己确认：须由另一名业委会委员确认');
  }
}
