import { DomainError } from '../errors';

/**
 * Changing the rulebook (DOMAIN.md §11): drafted by a committee member, in force only through a decision — a
 * passed owners' assembly vote of the same community on an item of category art278_1 (民法典 Art. 278 item 一,
 * 制定和修改业主大会议事规则), or, for a community's very first rulebook, the residents' committee's confirmation.
 * One row per way a draft can take effect.
 */
export const RULEBOOK_ADOPTION: Record<'assembly_vote' | 'residents_committee', string> = {
  assembly_vote: '业主大会表决通过（民法典第二百七十八条第一款第一项：制定和修改业主大会议事规则）',
  residents_committee: '首版议事规则：居委会确认',
};

/**
 * A draft's reference number (修订草案编号), e.g. RB-1A2B3C4D: the owners vote on *this* draft only if a motion of
 * the cited vote names it, so a passed vote on another rulebook change cannot be reused to adopt a different text.
 */
export function draftReference(draftId: string): string {
  return `RB-${draftId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

/** Every draft reference a vote's motion texts name (titles and full texts). */
export function referencesIn(texts: readonly string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(/RB-[0-9A-F]{8}/g)) found.add(m[0]);
  return [...found].sort();
}

export interface CitedVote {
  /** Whether the vote was found in the same community (another community's vote is treated as absent). */
  found: boolean;
  status: string;
  category: string;
  /** Outcome of each motion of the vote. */
  outcomes: readonly string[];
  /** Titles and full texts of the vote's motions, as the owners saw them. */
  motionTexts: readonly string[];
}

export function checkAdoptionByVote(vote: CitedVote, draft: { reference: string }): void {
  if (!vote.found) throw new DomainError('not_found', 'decision_not_found', '所引用的业主大会表决不存在（须为本小区的表决）');
  if (vote.category !== 'art278_1') {
    throw new DomainError(
      'conflict',
      'decision_not_art278_1',
      '所引用的表决不是「制定和修改议事规则」事项（民法典第二百七十八条第一款第一项）',
    );
  }
  if (vote.status !== 'closed') throw new DomainError('conflict', 'decision_not_closed', '所引用的表决尚未结束');
  if (vote.outcomes.length === 0 || vote.outcomes.some((o) => o !== 'passed')) {
    throw new DomainError('conflict', 'decision_not_passed', '所引用的表决未获通过，议事规则不能生效');
  }
  if (!referencesIn(vote.motionTexts).includes(draft.reference)) {
    throw new DomainError(
      'conflict',
      'decision_not_about_draft',
      `所引用的表决议案未写明本草案编号 ${draft.reference}：业主表决的不是这份修订草案`,
    );
  }
}

export function checkAdoptionByResidentsCommittee(input: { actorRoles: readonly string[]; firstRulebook: boolean }): void {
  if (!input.actorRoles.includes('residents_committee')) {
    throw new DomainError('forbidden', 'rulebook_residents_committee_only', '首版议事规则只能由居委会确认生效');
  }
  if (!input.firstRulebook) {
    throw new DomainError('conflict', 'rulebook_not_first', '本小区已有生效的议事规则：修改须经业主大会表决通过');
  }
}
