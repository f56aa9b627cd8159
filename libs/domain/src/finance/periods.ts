import { DomainError } from '../errors';
import { type Period, periodOf } from './ledger';

/**
 * Statement periods close strictly in order. A period is "closed" once a statement for it (or for a later
 * period) is submitted, under audit, approved or published; entries may then only be booked in the open
 * range after the last closed period, never in the future. Published figures are never contradicted:
 * a mistake found later is corrected by a reversing / adjusting entry in the open period.
 */
export type PeriodLength = 'monthly' | 'quarterly' | 'half_yearly';

/** How far back entries may be dated before the first statement: 3 years, the general limitation period (民法典 Art. 188). */
export const FIRST_PERIOD_LOOKBACK_YEARS = 3;

const pad = (n: number) => String(n).padStart(2, '0');

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function nextPeriod(period: Period, length: PeriodLength): Period {
  return periodOf(addDays(period.end, 1), length);
}

export function previousPeriod(period: Period, length: PeriodLength): Period {
  return periodOf(addDays(period.start, -1), length);
}

const QUARTERS = ['一', '二', '三', '四'];

/** "2026年第四季度", "2026年10月", "2026年下半年". */
export function periodLabel(period: Period, length: PeriodLength): string {
  const year = period.start.slice(0, 4);
  const month = Number(period.start.slice(5, 7));
  if (length === 'monthly') return `${year}年${month}月`;
  if (length === 'half_yearly') return `${year}年${month <= 6 ? '上' : '下'}半年`;
  return `${year}年第${QUARTERS[Math.floor((month - 1) / 3)]}季度`;
}

/** Guess the period length from a period's dates (statements store dates only). */
export function lengthOf(period: Period): PeriodLength {
  const months =
    (Number(period.end.slice(0, 4)) - Number(period.start.slice(0, 4))) * 12 +
    Number(period.end.slice(5, 7)) -
    Number(period.start.slice(5, 7)) +
    1;
  return months === 1 ? 'monthly' : months === 6 ? 'half_yearly' : 'quarterly';
}

export interface LedgerCalendar {
  /** Today in the community's time zone, YYYY-MM-DD. */
  today: string;
  /** End date of the last closed period (latest submitted/audited/approved/published statement), if any. */
  lastClosedEnd: string | null;
  length: PeriodLength;
}

/** First date an entry may carry. */
export function openFrom(calendar: LedgerCalendar): string {
  if (calendar.lastClosedEnd) return addDays(calendar.lastClosedEnd, 1);
  return lookbackStart(calendar);
}

/** Start of the period three years before today: nothing is booked earlier than this. */
function lookbackStart(calendar: LedgerCalendar): string {
  const back = `${Number(calendar.today.slice(0, 4)) - FIRST_PERIOD_LOOKBACK_YEARS}${calendar.today.slice(4, 7)}-01`;
  return periodOf(back, calendar.length).start;
}

/**
 * An entry (or correction) may be dated only inside the open range: after the last closed period and not
 * after today. `correcting` names the original entry when the entry itself is a correction (for the message).
 */
export function assertEntryDate(date: string, calendar: LedgerCalendar): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || addDays(date, 0) !== date) {
    throw new DomainError('invalid', 'invalid_date', `日期格式错误「${date}」，应为 YYYY-MM-DD`);
  }
  if (date > calendar.today) {
    throw new DomainError('invalid', 'entry_in_future', `记账日期 ${date} 晚于今天（${calendar.today}），不能预记未来的收支`);
  }
  const from = openFrom(calendar);
  if (date >= from) return;
  if (calendar.lastClosedEnd && date >= lookbackStart(calendar)) {
    const closed = periodOf(date, calendar.length);
    throw new DomainError(
      'conflict',
      'period_closed',
      `${periodLabel(closed, calendar.length)}（${closed.start} 至 ${closed.end}）的报表已提交或已公示，该期间已关闭，不能再记入。` +
        `如需更正，请在当前开放期间（${from} 起）记一笔冲正或调整分录（冲正/调整），并注明所更正的原分录；已公示的报表不会被改动。`,
      { openFrom: from, closedPeriod: closed },
    );
  }
  throw new DomainError(
    'invalid',
    'entry_too_old',
    `记账日期 ${date} 过早：收支最多追溯 ${FIRST_PERIOD_LOOKBACK_YEARS} 年（当前可记入 ${from} 起的日期）`,
    { openFrom: from },
  );
}

export interface CompileContext extends LedgerCalendar {
  /** Date of the earliest ledger entry not yet in a closed period (null when there is none). */
  earliestOpenEntry: string | null;
  /** Start dates of periods whose latest statement version was returned with findings (a revision may be compiled). */
  returnedPeriodStarts: readonly string[];
}

/**
 * Which period may be compiled now: only one that has ended, and only the next one in order — the period
 * after the last closed one (or, before the first statement, the period of the earliest entry) — or the
 * revision of a returned one.
 */
export function assertCompilable(period: Period, context: CompileContext): void {
  const label = periodLabel(period, context.length);
  if (period.end >= context.today) {
    throw new DomainError(
      'conflict',
      'period_not_ended',
      `${label}（${period.start} 至 ${period.end}）尚未结束，期间结束后（${addDays(period.end, 1)} 起）才能编制报表`,
    );
  }
  if (context.returnedPeriodStarts.includes(period.start)) return;
  if (context.lastClosedEnd && period.start <= context.lastClosedEnd) {
    throw new DomainError('conflict', 'statement_exists', `${label}已有报表在审或已公示，不能重复编制`);
  }
  const expected = context.lastClosedEnd
    ? periodOf(addDays(context.lastClosedEnd, 1), context.length)
    : context.earliestOpenEntry
      ? periodOf(context.earliestOpenEntry, context.length)
      : period;
  if (expected.start !== period.start) {
    throw new DomainError(
      'conflict',
      'period_out_of_order',
      `报表须按期间顺序编制：请先编制${periodLabel(expected, context.length)}（${expected.start} 至 ${expected.end}）的报表`,
      { expected },
    );
  }
}

/** The opening balance must equal the previous statement's closing balance; anything else is a broken chain. */
export function assertChained(openingFen: bigint, previousClosingFen: bigint | null): void {
  if (previousClosingFen !== null && openingFen !== previousClosingFen) {
    throw new DomainError(
      'conflict',
      'statement_chain_broken',
      `期初余额（${openingFen} 分）与上期报表期末余额（${previousClosingFen} 分）不一致，请联系管理员核查台账`,
    );
  }
}
