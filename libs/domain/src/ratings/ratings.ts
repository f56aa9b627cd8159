import { DomainError } from '../errors';

/**
 * 星级满意度 and 红黑榜: each household (unit) rates the property company once per quarter, 1–5 stars per
 * criterion the rulebook publishes. The quarter's average, the residents' requests solved and the share answered
 * on time (接诉即办) make a star level and a 红榜 / 黑榜 entry. All arithmetic in integers (hundredths, per mille).
 */
export const DEFAULT_RATING_CRITERIA = ['环境卫生', '秩序维护', '设施维修', '服务态度', '响应速度'] as const;

/** '2026Q4' for a date (YYYY-MM-DD) in the community's zone. */
export function quarterOf(date: string): string {
  const m = /^(\d{4})-(\d{2})-\d{2}$/.exec(date);
  if (!m) throw new DomainError('invalid', 'invalid_date', `日期格式应为 YYYY-MM-DD：${date}`);
  return `${m[1]}Q${Math.floor((Number(m[2]) - 1) / 3) + 1}`;
}

/** First and last day of a quarter ('2026Q4' → 2026-10-01, 2026-12-31). */
export function quarterRange(quarter: string): { from: string; to: string } {
  const m = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (!m) throw new DomainError('invalid', 'invalid_quarter', `季度格式应为 2026Q4：${quarter}`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(startMonth)}-01`, to: `${year}-${pad(endMonth)}-${pad(lastDay)}` };
}

/** Checks one household's stars: every published criterion once, whole stars 1–5, nothing else. */
export function checkRatingScores(criteria: readonly string[], scores: Record<string, unknown>): Record<string, number> {
  const problems: string[] = [];
  for (const c of criteria) {
    const v = scores[c];
    if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > 5) problems.push(`「${c}」须为 1–5 星`);
  }
  for (const key of Object.keys(scores)) if (!criteria.includes(key)) problems.push(`「${key}」不是公布的评价项目`);
  if (problems.length) throw new DomainError('invalid', 'invalid_rating', `评分有误：${problems.join('；')}`, { problems });
  return Object.fromEntries(criteria.map((c) => [c, scores[c] as number]));
}

export interface QuarterFigures {
  /** Households that rated, and the sum of their average stars in hundredths (each household's mean × 100). */
  households: number;
  starsHundredthsSum: number;
  /** Residents' requests of the quarter (from the requests module; zero when there were none). */
  requestsFiled: number;
  requestsSolved: number;
  requestsOnTime: number;
  /** Rectification items due in the quarter and those accepted by their due date. */
  rectificationsDue: number;
  rectificationsOnTime: number;
}

export type Board = 'red' | 'black' | 'none';

export interface QuarterVerdict {
  /** Mean stars × 100 (e.g. 432 = 4.32 星); null without any rating. */
  averageHundredths: number | null;
  /** Per mille on time of requests + rectifications; null when there was nothing due. */
  compliancePerMille: number | null;
  /** 1–5; null without any rating. */
  starLevel: number | null;
  board: Board;
  reasons: string[];
}

/** Minimum households for a verdict: fewer ratings make no 红黑榜 entry. */
export const MIN_HOUSEHOLDS = 3;

/**
 * The star level is the rounded mean, lowered by one when fewer than 80 % of requests and rectifications were on
 * time. 红榜: ≥ 4.5 星 and ≥ 90 % on time; 黑榜: < 3 星 or < 60 % on time.
 */
export function quarterVerdict(f: QuarterFigures): QuarterVerdict {
  const reasons: string[] = [];
  const averageHundredths = f.households > 0 ? Math.round(f.starsHundredthsSum / f.households) : null;
  const due = f.requestsFiled + f.rectificationsDue;
  const onTime = f.requestsOnTime + f.rectificationsOnTime;
  const compliancePerMille = due > 0 ? Math.floor((onTime * 1000) / due) : null;
  if (averageHundredths === null)
    return { averageHundredths, compliancePerMille, starLevel: null, board: 'none', reasons: ['本季度无住户评价'] };
  let starLevel = Math.min(5, Math.max(1, Math.round(averageHundredths / 100)));
  if (compliancePerMille !== null && compliancePerMille < 800 && starLevel > 1) {
    starLevel -= 1;
    reasons.push('按时办结率低于 80%，星级降一级');
  }
  let board: Board = 'none';
  if (f.households < MIN_HOUSEHOLDS) {
    reasons.push(`参评住户少于 ${MIN_HOUSEHOLDS} 户，不上红黑榜`);
  } else if (averageHundredths < 300 || (compliancePerMille !== null && compliancePerMille < 600)) {
    board = 'black';
    reasons.push(averageHundredths < 300 ? '平均满意度低于 3 星' : '按时办结率低于 60%');
  } else if (averageHundredths >= 450 && (compliancePerMille === null || compliancePerMille >= 900)) {
    board = 'red';
    reasons.push('平均满意度不低于 4.5 星且按时办结率不低于 90%');
  }
  return { averageHundredths, compliancePerMille, starLevel, board, reasons };
}

/** One household's mean stars × 100, rounded. */
export function householdMeanHundredths(scores: Record<string, number>): number {
  const values = Object.values(scores);
  return Math.round((values.reduce((a, b) => a + b, 0) * 100) / values.length);
}
