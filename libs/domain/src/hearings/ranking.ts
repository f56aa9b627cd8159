import { DomainError } from '../errors';
import { type Criterion, MAX_SCORE } from './tender';

/**
 * Weighted ranking of opened bids. Each sitting panel member scores every bid on every criterion with an integer
 * 0–100; a bid's result is the weighted mean over members and criteria:
 *
 *     mean(b) = Σ_members Σ_criteria score × weight  /  (100 × members)
 *
 * kept as an exact fraction (integer numerator, integer denominator) and compared by cross-multiplication, so no
 * float ever decides a place. Equal means are ordered by the lower price (评标办法: 得分相同的，按投标报价由低到高
 * 排序); bids equal in both share a rank (1, 1, 3) and a shortlist cut falling inside such a tie takes all of them.
 */
export interface ScoreEntry {
  readonly memberId: string;
  readonly bidId: string;
  readonly criterion: string;
  readonly score: number;
}

export interface RankedBid {
  bidId: string;
  /** 1-based; tied bids share it. */
  rank: number;
  amountFen: bigint;
  /** Σ score × weight over members and criteria (numerator of the mean). */
  weightedSum: bigint;
  scorers: number;
  /** The weighted mean × 100, rounded half up — for display only, never for ordering. */
  meanHundredths: bigint;
  /** e.g. "83.45" */
  mean: string;
  criteria: { key: string; sum: number; meanHundredths: bigint; mean: string }[];
}

const invalid = (code: string, message: string, details?: unknown) => new DomainError('invalid', code, message, details);

/** round(numerator / denominator) half up, for non-negative integers. */
function roundDiv(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

export function formatHundredths(value: bigint): string {
  return `${value / 100n}.${(value % 100n).toString().padStart(2, '0')}`;
}

/** Checks that every member who scored filled a complete sheet: each bid × each criterion exactly once, 0–100. */
export function assertCompleteSheets(criteria: readonly Criterion[], bidIds: readonly string[], scores: readonly ScoreEntry[]): string[] {
  const keys = new Set(criteria.map((c) => c.key));
  const bids = new Set(bidIds);
  const seen = new Set<string>();
  const members = new Set<string>();
  for (const s of scores) {
    if (!Number.isInteger(s.score) || s.score < 0 || s.score > MAX_SCORE)
      throw invalid('invalid_score', `评分应为 0–${MAX_SCORE} 的整数 (score ${s.score})`);
    if (!keys.has(s.criterion)) throw invalid('invalid_score', `没有评分项「${s.criterion}」 (unknown criterion)`);
    if (!bids.has(s.bidId)) throw invalid('invalid_score', `投标 ${s.bidId} 不在本次开标之列 (unknown bid)`);
    const cell = `${s.memberId}|${s.bidId}|${s.criterion}`;
    if (seen.has(cell)) throw invalid('invalid_score', '同一投标同一评分项只能评一次 (a cell was scored twice)');
    seen.add(cell);
    members.add(s.memberId);
  }
  for (const m of members) {
    for (const b of bids) {
      for (const k of keys) {
        if (!seen.has(`${m}|${b}|${k}`))
          throw invalid('incomplete_sheet', '评分表须对每一份投标的每一评分项打分 (every bid must be scored on every criterion)', {
            memberId: m,
            bidId: b,
            criterion: k,
          });
      }
    }
  }
  return [...members];
}

export function rankBids(input: {
  criteria: readonly Criterion[];
  bids: readonly { bidId: string; amountFen: bigint }[];
  scores: readonly ScoreEntry[];
}): RankedBid[] {
  const { criteria, bids, scores } = input;
  const weights = new Map(criteria.map((c) => [c.key, BigInt(c.weight)]));
  const members = assertCompleteSheets(
    criteria,
    bids.map((b) => b.bidId),
    scores,
  );
  if (members.length === 0) throw invalid('no_scores', '尚无评分 (nobody has scored)');
  const m = BigInt(members.length);

  const rows = bids.map((bid) => {
    const own = scores.filter((s) => s.bidId === bid.bidId);
    const weightedSum = own.reduce((sum, s) => sum + BigInt(s.score) * weights.get(s.criterion)!, 0n);
    const meanHundredths = roundDiv(weightedSum, m);
    return {
      bidId: bid.bidId,
      rank: 0,
      amountFen: bid.amountFen,
      weightedSum,
      scorers: members.length,
      meanHundredths,
      mean: formatHundredths(meanHundredths),
      criteria: criteria.map((c) => {
        const sum = own.filter((s) => s.criterion === c.key).reduce((acc, s) => acc + s.score, 0);
        const mh = roundDiv(BigInt(sum) * 100n, m);
        return { key: c.key, sum, meanHundredths: mh, mean: formatHundredths(mh) };
      }),
    };
  });

  // Cross-multiplied: a/(100·ma) vs b/(100·mb) ⇔ a·mb vs b·ma. Higher mean first, then lower price.
  const compare = (a: RankedBid, b: RankedBid): number => {
    const left = a.weightedSum * BigInt(b.scorers);
    const right = b.weightedSum * BigInt(a.scorers);
    if (left !== right) return left > right ? -1 : 1;
    if (a.amountFen !== b.amountFen) return a.amountFen < b.amountFen ? -1 : 1;
    return 0;
  };
  rows.sort((a, b) => compare(a, b) || (a.bidId < b.bidId ? -1 : 1));
  rows.forEach((row, i) => {
    row.rank = i > 0 && compare(rows[i - 1], row) === 0 ? rows[i - 1].rank : i + 1;
  });
  return rows;
}

/** The first `size` places, widened to take every bid tied with the last one taken. */
export function shortlist<T extends { rank: number }>(ranked: readonly T[], size: number): T[] {
  if (!Number.isInteger(size) || size < 2) throw invalid('invalid_shortlist', '入围数至少为 2 (a shortlist needs at least two bids)');
  if (ranked.length <= size) return [...ranked];
  const cut = ranked[size - 1].rank;
  return ranked.filter((r) => r.rank <= cut);
}
