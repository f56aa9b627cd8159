import type { AgendaItem, CommunityRole, RoleAssignment, StageName, StageRequirement } from '../../api';
import { STAGE_ORDER } from '../../labels';

export type Plan = Record<StageName, StageRequirement>;

/** Who records each stage's meeting (apps/api/src/agenda/agenda.service.ts STAGE_RECORDERS). */
export const STAGE_RECORDERS: Record<StageName, CommunityRole[]> = {
  party_prediscussion: ['party_secretary'],
  joint_meeting: ['committee_director', 'committee_member'],
  representatives_meeting: ['committee_director', 'committee_member', 'representative'],
  assembly_vote: [],
  committee_resolution: ['committee_director', 'committee_member'],
  execution: ['committee_director', 'committee_member'],
};

export const REQUIREMENT_LABELS: Record<StageRequirement, string> = {
  required: '必经',
  skippable: '可说明理由跳过',
  optional: '可选',
  not_applicable: '不适用',
};

/**
 * The stages that may be recorded now: the stage the item waits on, and past it while only optional stages are
 * passed over (the same rule as recordableStages in libs/domain/src/chain/state-machine.ts).
 */
export function recordableStages(item: AgendaItem, plan: Plan | undefined): StageName[] {
  if (item.status !== 'in_stage') return [];
  if (!plan) return item.currentStage ? [item.currentStage] : [];
  const result: StageName[] = [];
  for (const stage of STAGE_ORDER) {
    if (plan[stage] === 'not_applicable' || item.chainState.stages[stage] !== 'pending') continue;
    result.push(stage);
    if (plan[stage] !== 'optional') break;
  }
  return result;
}

export interface CommitteeMember {
  userId: string;
  name: string;
  role: CommunityRole;
}

/** Sitting committee members (director first), one entry per person. */
export function committeeMembers(roles: RoleAssignment[]): CommitteeMember[] {
  const seen = new Map<string, CommitteeMember>();
  for (const r of roles) {
    if (!r.active || (r.role !== 'committee_director' && r.role !== 'committee_member')) continue;
    const known = seen.get(r.userId);
    if (!known || r.role === 'committee_director') seen.set(r.userId, { userId: r.userId, name: r.displayName, role: r.role });
  }
  return [...seen.values()].sort((a, b) => Number(b.role === 'committee_director') - Number(a.role === 'committee_director'));
}

/** userId → display name, from the role list (empty when the reader may not see it). */
export function namesOf(roles: RoleAssignment[] | undefined): Map<string, string> {
  return new Map((roles ?? []).map((r) => [r.userId, r.displayName]));
}
