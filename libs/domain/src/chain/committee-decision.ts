import { DomainError } from '../errors';
import { meetsFraction, minimumToMeet } from '../voting/thresholds';

/**
 * Committee resolution (DOMAIN.md §5): quorum is more than half of the members present; the decision needs the
 * yes votes of more than half of ALL members ('default', 过半数), or at least half ('national': 指导规则
 * "全体委员半数以上同意", 以上 includes the number). Members cannot send proxies; only present members vote,
 * and every attending member signs. A present member who casts no vote counts as abstaining.
 */
export type CommitteeDecisionRule = 'default' | 'national';
/** Rulebook spellings accepted as aliases: 'majority_of_all' = 'default', 'half_of_all' = 'national'. */
export type CommitteeDecisionRuleInput = CommitteeDecisionRule | 'majority_of_all' | 'half_of_all';

export function normalizeCommitteeRule(rule: CommitteeDecisionRuleInput | undefined): CommitteeDecisionRule {
  if (rule === undefined || rule === 'default' || rule === 'majority_of_all') return 'default';
  if (rule === 'national' || rule === 'half_of_all') return 'national';
  throw new DomainError('invalid', 'invalid_committee_input', `决议规则无效 invalid decision rule "${String(rule)}"`);
}

export interface CommitteeVote {
  readonly memberId: string;
  readonly choice: 'yes' | 'no' | 'abstain';
  /** A vote cast on a member's behalf by someone else. Never allowed. */
  readonly byProxy?: boolean;
}

export interface CommitteeDecisionInput {
  /** All sitting members of the committee. */
  readonly memberIds: readonly string[];
  readonly presentMemberIds: readonly string[];
  readonly votes: readonly CommitteeVote[];
  readonly rule?: CommitteeDecisionRuleInput;
}

export interface CommitteeDecisionResult {
  rule: CommitteeDecisionRule;
  memberCount: number;
  presentCount: number;
  requiredPresent: number;
  quorumMet: boolean;
  yes: number;
  no: number;
  abstain: number;
  requiredYes: number;
  outcome: 'passed' | 'failed' | 'no_quorum';
  /** Every attending member signs the resolution. */
  signatories: string[];
  reasonZh: string;
}

function invalid(code: string, message: string, details?: unknown): DomainError {
  return new DomainError('invalid', code, message, details);
}

function uniqueIds(ids: readonly string[], what: string): Set<string> {
  const set = new Set<string>();
  for (const id of ids) {
    if (typeof id !== 'string' || id.length === 0) throw invalid('invalid_committee_input', `${what}标识无效 invalid ${what} id`);
    if (set.has(id)) throw invalid('invalid_committee_input', `${what}重复 duplicate ${what} "${id}"`, { id });
    set.add(id);
  }
  return set;
}

export function decideCommitteeResolution(input: CommitteeDecisionInput): CommitteeDecisionResult {
  const rule = normalizeCommitteeRule(input.rule);
  const members = uniqueIds(input.memberIds, '委员 member');
  if (members.size === 0) throw invalid('invalid_committee_input', '业委会没有委员 the committee has no members');
  const present = uniqueIds(input.presentMemberIds, '出席委员 present member');
  for (const id of present) {
    if (!members.has(id)) throw invalid('not_a_member', `出席者不是本届委员 "${id}" is not a member of the committee`, { memberId: id });
  }

  const counts = { yes: 0, no: 0, abstain: 0 };
  const voted = new Set<string>();
  for (const vote of input.votes) {
    if (vote.byProxy === true) {
      throw invalid(
        'committee_proxy_not_allowed',
        `业委会委员不得委托他人表决 committee members cannot vote by proxy ("${vote.memberId}")`,
        {
          memberId: vote.memberId,
        },
      );
    }
    if (!members.has(vote.memberId)) {
      throw invalid('not_a_member', `投票人不是本届委员 "${vote.memberId}" is not a member of the committee`, { memberId: vote.memberId });
    }
    if (!present.has(vote.memberId)) {
      throw invalid('vote_by_absent_member', `未出席的委员不能表决 member "${vote.memberId}" was not present`, { memberId: vote.memberId });
    }
    if (voted.has(vote.memberId)) {
      throw invalid('duplicate_vote', `委员重复表决 member "${vote.memberId}" voted twice`, { memberId: vote.memberId });
    }
    if (!['yes', 'no', 'abstain'].includes(vote.choice)) {
      throw invalid('invalid_choice', `表决意见无效 invalid choice "${String(vote.choice)}"`, { memberId: vote.memberId });
    }
    voted.add(vote.memberId);
    counts[vote.choice] += 1;
  }
  counts.abstain += present.size - voted.size;

  const memberCount = members.size;
  const quorumMet = meetsFraction(present.size, memberCount, 1n, 2n, 'gt');
  const comparison = rule === 'national' ? 'gte' : 'gt';
  const passes = meetsFraction(counts.yes, memberCount, 1n, 2n, comparison);
  const requiredPresent = Number(minimumToMeet(memberCount, 1n, 2n, 'gt'));
  const requiredYes = Number(minimumToMeet(memberCount, 1n, 2n, comparison));
  const outcome = !quorumMet ? 'no_quorum' : passes ? 'passed' : 'failed';
  const lineZh = rule === 'national' ? '全体委员半数以上' : '全体委员过半数';
  const reasonZh = !quorumMet
    ? `委员${memberCount}人，出席${present.size}人，未达到过半数出席（至少${requiredPresent}人），会议不能作出决议。`
    : `委员${memberCount}人，出席${present.size}人；同意${counts.yes}人，反对${counts.no}人，弃权${counts.abstain}人；` +
      `${passes ? '达到' : '未达到'}${lineZh}同意（至少${requiredYes}人），决议${passes ? '通过' : '未通过'}。`;
  return {
    rule,
    memberCount,
    presentCount: present.size,
    requiredPresent,
    quorumMet,
    ...counts,
    requiredYes,
    outcome,
    signatories: [...present],
    reasonZh,
  };
}
