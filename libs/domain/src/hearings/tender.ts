import { DomainError } from '../errors';

/**
 * The tender's calendar and its published criteria (DOMAIN.md §7). Fewer than three bids are not opened and the
 * hearing is tendered again (招标投标法实施条例 第44条: 投标人少于3个的，不得开标，应当重新招标).
 */
export const MIN_BIDS_TO_OPEN = 3;
export const WEIGHT_TOTAL = 100;
export const MAX_SCORE = 100;

export interface Criterion {
  readonly key: string;
  readonly label: string;
  /** Integer percent; the weights of a hearing add up to exactly 100. */
  readonly weight: number;
}

const invalid = (code: string, message: string, details?: unknown) => new DomainError('invalid', code, message, details);
const conflict = (code: string, message: string, details?: unknown) => new DomainError('conflict', code, message, details);

export function assertCriteria(criteria: readonly Criterion[]): void {
  const problems: string[] = [];
  if (criteria.length < 1 || criteria.length > 10) problems.push('评分项应为 1–10 项 (1 to 10 criteria)');
  const keys = criteria.map((c) => c.key);
  if (new Set(keys).size !== keys.length) problems.push('评分项编号重复 (duplicate criterion key)');
  for (const c of criteria) {
    if (!/^[a-z][a-z0-9_]{0,31}$/.test(c.key)) problems.push(`评分项编号「${c.key}」应为小写字母开头的字母数字`);
    if (!Number.isInteger(c.weight) || c.weight < 1 || c.weight > WEIGHT_TOTAL)
      problems.push(`评分项「${c.label}」的权重应为 1–100 的整数`);
  }
  const total = criteria.reduce((sum, c) => sum + (Number.isInteger(c.weight) ? c.weight : 0), 0);
  if (total !== WEIGHT_TOTAL) problems.push(`权重合计应为 100，现为 ${total} (weights must add up to 100)`);
  if (problems.length) throw invalid('invalid_criteria', `评分标准有误 invalid criteria: ${problems.join('；')}`, { problems });
}

/** Set when the hearing is announced: the deadline is ahead, and the opening is not before it. */
export function assertSchedule(now: Date, bidDeadline: Date, openingAt: Date): void {
  if (bidDeadline.getTime() <= now.getTime())
    throw invalid('invalid_schedule', '投标截止时间须晚于现在 (the bid deadline must be in the future)');
  if (openingAt.getTime() < bidDeadline.getTime())
    throw invalid('invalid_schedule', '开标时间不得早于投标截止时间 (opening before the deadline)');
}

/** A bid is accepted strictly before the deadline; at the deadline itself the box is closed. */
export function assertBiddingOpen(now: Date, bidDeadline: Date): void {
  if (now.getTime() >= bidDeadline.getTime()) {
    throw conflict('bid_deadline_passed', `投标已于 ${bidDeadline.toISOString()} 截止，不再接受投标或修改 (the bid deadline has passed)`, {
      bidDeadline,
    });
  }
}

/** The opening happens at or after the announced time, never before. */
export function assertOpeningDue(now: Date, openingAt: Date): void {
  if (now.getTime() < openingAt.getTime()) {
    throw conflict('opening_not_due', `开标时间为 ${openingAt.toISOString()}，之前任何人不得开启投标 (not yet opening time)`, {
      openingAt,
    });
  }
}

export function openingDecision(bidCount: number): 'opened' | 're_tender' {
  return bidCount >= MIN_BIDS_TO_OPEN ? 'opened' : 're_tender';
}

/** The objection period runs `days` whole days (24 h each) from publication. */
export function objectionEndsAt(publishedAt: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 1)
    throw invalid('invalid_objection_days', '异议期应为正整数天 (objection days must be a positive integer)');
  return new Date(publishedAt.getTime() + days * 86_400_000);
}
