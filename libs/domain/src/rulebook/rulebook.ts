import type { ChainRulebook } from '../chain/stages';
import { checkAssemblySealKinds } from '../documents/seal-policy';
import { DomainError } from '../errors';
import { checkRequestRules, DEFAULT_REQUEST_REOPEN_DAYS, DEFAULT_REQUEST_RULES, type RequestRule } from '../requests/requests';

/**
 * 议事规则: the per-community settings the law leaves open. Defaults are the
 * national or most common values (DOMAIN.md). Chain stage policy lives in
 * `stages` (see ../chain).
 */
export interface RulebookSettings {
  /** Days between the assembly notice and the opening of voting (物业管理条例 Art. 14: ≥ 15). */
  noticeDays: number;
  /** Interim meetings (临时会议), where the rulebook allows a shorter notice (≥ 7). */
  interimNoticeDays: number;
  votingWindowMinDays: number;
  votingWindowMaxDays: number;
  /** Committee resolutions: > 1/2 of all members (default) or ≥ 1/2 ("national" reading). */
  committeeDecisionRule: 'majority_of_all' | 'half_of_all';
  /** How many owners one proxy holder may represent in one vote. */
  proxyCap: number;
  /** 指导规则 Art. 26: count owners who did not vote with the majority (off by default). */
  countNonVotersWithMajority: boolean;
  /** Whether parking spaces count as exclusive area (and heads). */
  countParkingAsArea: boolean;
  /** A public-income cost above this (fen) must cite an approved decision. */
  spendingLimitFen: string;
  statementPeriod: 'monthly' | 'quarterly' | 'half_yearly';
  /** Days a hearing result stays open to objections. */
  objectionDays: number;
  /** Days a statement or decision stays posted. */
  postingDays: number;
  /** Days an owner's activation code (激活通知书) stays valid. */
  activationExpiryDays: number;
  /** 星级满意度: the criteria each household rates the property company on, once per quarter (issue 17). */
  serviceRatingCriteria: string[];
  /** 接诉即办: response times per request category (52022 by default; see ../requests). */
  requestRules?: RequestRule[];
  /** Days after a request is closed in which the resident may reopen it. */
  requestReopenDays?: number;
  /**
   * Document kinds that carry the assembly seal besides the assembly's own acts (issue 12: "plus what the rulebook
   * lists"); only kinds in ASSEMBLY_SEAL_OPTIONAL_KINDS (../documents/seal-policy). Empty by default.
   */
  assemblySealKinds?: string[];
  /** Per matter category and stage: required | optional | skippable | not_applicable (see ../chain). */
  stages: ChainRulebook['stages'];
}

export const DEFAULT_RULEBOOK: Required<Omit<RulebookSettings, 'stages'>> = {
  noticeDays: 15,
  interimNoticeDays: 7,
  votingWindowMinDays: 5,
  votingWindowMaxDays: 60,
  committeeDecisionRule: 'majority_of_all',
  proxyCap: 3,
  countNonVotersWithMajority: false,
  countParkingAsArea: false,
  spendingLimitFen: '500000',
  statementPeriod: 'quarterly',
  objectionDays: 3,
  postingDays: 15,
  activationExpiryDays: 30,
  serviceRatingCriteria: ['环境卫生', '秩序维护', '设施维修', '服务态度', '响应速度'],
  requestRules: DEFAULT_REQUEST_RULES,
  requestReopenDays: DEFAULT_REQUEST_REOPEN_DAYS,
  assemblySealKinds: [],
};

type Check = (value: unknown) => string | null;

const wholeNumber =
  (min: number, max: number): Check =>
  (v) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max ? null : `应为 ${min}–${max} 的整数`;
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    values.includes(v as string) ? null : `应为 ${values.join(' / ')}`;
const bool: Check = (v) => (typeof v === 'boolean' ? null : '应为 true 或 false');

const CHECKS: Record<keyof typeof DEFAULT_RULEBOOK, Check> = {
  noticeDays: wholeNumber(15, 90),
  interimNoticeDays: wholeNumber(7, 90),
  votingWindowMinDays: wholeNumber(1, 365),
  votingWindowMaxDays: wholeNumber(1, 365),
  committeeDecisionRule: oneOf('majority_of_all', 'half_of_all'),
  proxyCap: wholeNumber(1, 50),
  countNonVotersWithMajority: bool,
  countParkingAsArea: bool,
  spendingLimitFen: (v) => (typeof v === 'string' && /^\d{1,15}$/.test(v) ? null : '应为以分计的整数字符串'),
  statementPeriod: oneOf('monthly', 'quarterly', 'half_yearly'),
  objectionDays: wholeNumber(1, 60),
  postingDays: wholeNumber(15, 365),
  activationExpiryDays: wholeNumber(1, 365),
  serviceRatingCriteria: (v) =>
    Array.isArray(v) &&
    v.length >= 1 &&
    v.length <= 12 &&
    new Set(v).size === v.length &&
    v.every((c) => typeof c === 'string' && c.trim().length >= 2 && c.length <= 20)
      ? null
      : '应为 1–12 个不重复的评价项目（每项 2–20 字）',
  requestRules: checkRequestRules,
  requestReopenDays: wholeNumber(1, 90),
  assemblySealKinds: checkAssemblySealKinds,
};

/**
 * Applies a change to the current settings and checks every field; the law's
 * floors (15-day notice, 7-day interim notice, 15-day posting) cannot be lowered.
 */
export function reviseRulebook(current: RulebookSettings, change: Partial<RulebookSettings>): RulebookSettings {
  // Versions written before a setting existed take its default.
  const next = { ...DEFAULT_RULEBOOK, ...current, ...change };
  const problems: string[] = [];
  for (const [key, check] of Object.entries(CHECKS) as [keyof typeof DEFAULT_RULEBOOK, Check][]) {
    const problem = check(next[key]);
    if (problem) problems.push(`${key}: ${problem}`);
  }
  if (next.votingWindowMinDays > next.votingWindowMaxDays) problems.push('votingWindowMinDays 不能大于 votingWindowMaxDays');
  for (const key of Object.keys(change)) {
    if (!(key in CHECKS) && key !== 'stages') problems.push(`${key}: 未知设置 unknown setting`);
  }
  if (problems.length) {
    throw new DomainError('invalid', 'invalid_rulebook', `议事规则设置有误 invalid rulebook: ${problems.join('; ')}`, { problems });
  }
  return next;
}
