import { DomainError } from '../errors';
import { ThresholdKind } from './matter';

/**
 * Exact threshold arithmetic. A fraction test "part / whole ≥ num / den" is decided as
 * part × den ≥ num × whole in bigint — never floats, never division.
 * "以上" includes the number (gte); "过半数" is strictly more than half (gt) — 民法典 Art. 1259.
 */
export type Comparison = 'gte' | 'gt';

export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

export interface ThresholdRule {
  readonly kind: 'quorum' | ThresholdKind;
  readonly fraction: Fraction;
  readonly comparison: Comparison;
  /** Wording of the rule, after 民法典 Art. 278. */
  readonly descriptionZh: string;
}

export const QUORUM_RULE: ThresholdRule = {
  kind: 'quorum',
  fraction: { num: 2n, den: 3n },
  comparison: 'gte',
  descriptionZh: '专有部分面积占比三分之二以上的业主且人数占比三分之二以上的业主参与表决',
};

export const ORDINARY_RULE: ThresholdRule = {
  kind: 'ordinary',
  fraction: { num: 1n, den: 2n },
  comparison: 'gt',
  descriptionZh: '经参与表决专有部分面积过半数的业主且参与表决人数过半数的业主同意',
};

export const SPECIAL_RULE: ThresholdRule = {
  kind: 'special',
  fraction: { num: 3n, den: 4n },
  comparison: 'gte',
  descriptionZh: '经参与表决专有部分面积四分之三以上的业主且参与表决人数四分之三以上的业主同意',
};

export function passingRule(kind: ThresholdKind): ThresholdRule {
  return kind === 'special' ? SPECIAL_RULE : ORDINARY_RULE;
}

/** Accepts bigint or a safe non-negative integer number (headcounts are numbers). */
export function toCount(value: bigint | number, what = 'value'): bigint {
  if (typeof value === 'bigint') {
    if (value < 0n) throw invalid(`${what} must not be negative`, { what });
    return value;
  }
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalid(`${what} must be a non-negative integer`, { what, value });
  }
  return BigInt(value);
}

function invalid(message: string, details: unknown): DomainError {
  return new DomainError('invalid', 'invalid_threshold_input', `门槛计算参数无效 ${message}`, details);
}

function checkFraction(num: bigint, den: bigint): void {
  if (den <= 0n || num < 0n) throw invalid('fraction must have num ≥ 0 and den > 0', { num, den });
}

/**
 * part / whole ≥ num / den (gte) or > (gt), exactly. A fraction of an empty whole (whole = 0) is never met:
 * nothing can be decided by nobody.
 */
export function meetsFraction(part: bigint | number, whole: bigint | number, num: bigint, den: bigint, comparison: Comparison): boolean {
  const p = toCount(part, 'part');
  const w = toCount(whole, 'whole');
  checkFraction(num, den);
  if (w === 0n) return false;
  const left = p * den;
  const right = num * w;
  return comparison === 'gte' ? left >= right : left > right;
}

/**
 * The smallest integer part that meets the fraction of `whole` (whole > 0):
 * gte → ceil(num × whole / den); gt → floor(num × whole / den) + 1.
 */
export function minimumToMeet(whole: bigint | number, num: bigint, den: bigint, comparison: Comparison): bigint {
  const w = toCount(whole, 'whole');
  checkFraction(num, den);
  if (w === 0n) throw invalid('whole must be positive', { whole: w });
  const product = num * w;
  return comparison === 'gte' ? (product + den - 1n) / den : product / den + 1n;
}

export function meetsRule(part: bigint | number, whole: bigint | number, rule: ThresholdRule): boolean {
  return meetsFraction(part, whole, rule.fraction.num, rule.fraction.den, rule.comparison);
}

export function minimumForRule(whole: bigint | number, rule: ThresholdRule): bigint {
  return minimumToMeet(whole, rule.fraction.num, rule.fraction.den, rule.comparison);
}

export interface DualTest {
  readonly area: boolean;
  readonly heads: boolean;
  /** Both the area and the headcount lines are met. */
  readonly met: boolean;
}

/** Participation ≥ 2/3 of total area AND ≥ 2/3 of total headcount. */
export function meetsQuorum(input: {
  participatingAreaHundredths: bigint;
  participatingHeads: number | bigint;
  totalAreaHundredths: bigint;
  totalHeadcount: number | bigint;
}): DualTest {
  const area = meetsRule(input.participatingAreaHundredths, input.totalAreaHundredths, QUORUM_RULE);
  const heads = meetsRule(input.participatingHeads, input.totalHeadcount, QUORUM_RULE);
  return { area, heads, met: area && heads };
}

/** Yes-area and yes-heads against the base (the participants): ordinary > 1/2, special ≥ 3/4. */
export function meetsPassing(
  kind: ThresholdKind,
  input: { yesAreaHundredths: bigint; yesHeads: number | bigint; baseAreaHundredths: bigint; baseHeads: number | bigint },
): DualTest {
  const rule = passingRule(kind);
  const area = meetsRule(input.yesAreaHundredths, input.baseAreaHundredths, rule);
  const heads = meetsRule(input.yesHeads, input.baseHeads, rule);
  return { area, heads, met: area && heads };
}
