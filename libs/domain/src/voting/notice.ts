import { DomainError } from '../errors';

/**
 * Notice period and voting window (DOMAIN.md §6; 物业管理条例 Art. 14: notice ≥ 15 days before the meeting;
 * interim meetings 7 days where the rulebook says so).
 *
 * Reading chosen (the stricter one for owners): the publication day is not counted and the period must elapse in
 * whole local days (民法典 Arts. 201, 203: the period starts the next day and its last day ends at 24:00), so voting
 * may open at the START of the local day after (publication date + N days). Published 3月1日 10:00 with 15 days →
 * voting opens 3月17日 00:00 at the earliest (3月2日–3月16日 are the 15 full days). That is always later than
 * publication + N × 24 h; both are computed and the later one returned, which also covers DST zones.
 * Window lengths are exact durations: at least min × 24 h and at most max × 24 h from opening to closing.
 */
export interface NoticeRulebook {
  readonly noticeDays?: number;
  readonly interimNoticeDays?: number;
  readonly timeZone?: string;
  readonly votingWindowMinDays?: number;
  readonly votingWindowMaxDays?: number;
}

export type MeetingKind = 'regular' | 'interim';

export const DEFAULT_NOTICE_RULEBOOK = {
  noticeDays: 15,
  interimNoticeDays: 7,
  timeZone: 'Asia/Shanghai',
  votingWindowMinDays: 5,
  votingWindowMaxDays: 60,
} as const satisfies Required<NoticeRulebook>;

const DAY_MS = 86_400_000;

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

function invalid(code: string, message: string, details?: unknown): DomainError {
  return new DomainError('invalid', code, message, details);
}

function days(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalid('invalid_notice_rulebook', `${what}必须为非负整数 ${what} must be a non-negative integer`, { value });
  }
  return value;
}

function instant(value: Date, what: string): number {
  const ms = value instanceof Date ? value.getTime() : NaN;
  if (Number.isNaN(ms)) throw invalid('invalid_instant', `时间无效 invalid ${what}`);
  return ms;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    } catch {
      throw invalid('invalid_time_zone', `时区无效 invalid time zone "${timeZone}"`, { timeZone });
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The calendar date of an instant in a time zone (Intl only). */
export function localDateOf(at: Date, timeZone: string = DEFAULT_NOTICE_RULEBOOK.timeZone): LocalDate {
  const parts = formatter(timeZone).formatToParts(new Date(instant(at, 'instant')));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

function dateKey(d: LocalDate): number {
  return Date.UTC(d.year, d.month - 1, d.day);
}

function addDays(d: LocalDate, n: number): LocalDate {
  const shifted = new Date(dateKey(d) + n * DAY_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The first instant whose local date is `d` (or later): binary search around UTC midnight of that date. */
export function startOfLocalDay(d: LocalDate, timeZone: string = DEFAULT_NOTICE_RULEBOOK.timeZone): Date {
  const target = dateKey(d);
  let lo = target - 15 * 3_600_000; // local date surely before d (no zone is ahead of UTC by more than 14 h)
  let hi = target + 15 * 3_600_000; // local date surely d or later
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dateKey(localDateOf(new Date(mid), timeZone)) >= target) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

/** "2025年3月17日" */
export function formatDateZh(at: Date, timeZone: string = DEFAULT_NOTICE_RULEBOOK.timeZone): string {
  const d = localDateOf(at, timeZone);
  return `${d.year}年${d.month}月${d.day}日`;
}

export function noticeDaysFor(meeting: MeetingKind = 'regular', rulebook: NoticeRulebook = {}): number {
  return meeting === 'interim'
    ? days(rulebook.interimNoticeDays ?? DEFAULT_NOTICE_RULEBOOK.interimNoticeDays, 'interimNoticeDays')
    : days(rulebook.noticeDays ?? DEFAULT_NOTICE_RULEBOOK.noticeDays, 'noticeDays');
}

/** The earliest instant voting may open after a notice published at `publishedAt`. */
export function earliestVotingOpen(publishedAt: Date, meeting: MeetingKind = 'regular', rulebook: NoticeRulebook = {}): Date {
  const timeZone = rulebook.timeZone ?? DEFAULT_NOTICE_RULEBOOK.timeZone;
  const n = noticeDaysFor(meeting, rulebook);
  const published = instant(publishedAt, 'publication instant');
  const calendarReading = startOfLocalDay(addDays(localDateOf(publishedAt, timeZone), n + 1), timeZone).getTime();
  const hoursReading = published + n * DAY_MS;
  return new Date(Math.max(calendarReading, hoursReading));
}

/** Throws conflict `notice_period_not_met` when voting would open before the notice period has run. */
export function assertNoticePeriod(
  publishedAt: Date,
  votingOpensAt: Date,
  meeting: MeetingKind = 'regular',
  rulebook: NoticeRulebook = {},
): void {
  const timeZone = rulebook.timeZone ?? DEFAULT_NOTICE_RULEBOOK.timeZone;
  const earliest = earliestVotingOpen(publishedAt, meeting, rulebook);
  if (instant(votingOpensAt, 'voting opening') < earliest.getTime()) {
    const n = noticeDaysFor(meeting, rulebook);
    throw new DomainError(
      'conflict',
      'notice_period_not_met',
      `公告期不足：公告于${formatDateZh(publishedAt, timeZone)}发布，须提前${n}日公告，投票最早可于${formatDateZh(earliest, timeZone)}开始` +
        ` notice period not met: voting may open at ${earliest.toISOString()} (start of that day in ${timeZone}) or later`,
      { earliest: earliest.toISOString(), noticeDays: n, timeZone },
    );
  }
}

export interface VotingWindowBounds {
  earliestClose: Date;
  latestClose: Date;
}

function windowDays(rulebook: NoticeRulebook): { min: number; max: number } {
  const min = days(rulebook.votingWindowMinDays ?? DEFAULT_NOTICE_RULEBOOK.votingWindowMinDays, 'votingWindowMinDays');
  const max = days(rulebook.votingWindowMaxDays ?? DEFAULT_NOTICE_RULEBOOK.votingWindowMaxDays, 'votingWindowMaxDays');
  if (max < min || max === 0) {
    throw invalid('invalid_notice_rulebook', `投票期限设置无效 voting window ${min}–${max} days is invalid`, { min, max });
  }
  return { min, max };
}

export function votingWindowBounds(opensAt: Date, rulebook: NoticeRulebook = {}): VotingWindowBounds {
  const { min, max } = windowDays(rulebook);
  const opens = instant(opensAt, 'voting opening');
  return { earliestClose: new Date(opens + min * DAY_MS), latestClose: new Date(opens + max * DAY_MS) };
}

/** Throws invalid `voting_window_out_of_range` unless closing is min–max days (× 24 h) after opening. */
export function assertVotingWindow(opensAt: Date, closesAt: Date, rulebook: NoticeRulebook = {}): void {
  const { min, max } = windowDays(rulebook);
  const { earliestClose, latestClose } = votingWindowBounds(opensAt, rulebook);
  const closes = instant(closesAt, 'voting closing');
  if (closes <= instant(opensAt, 'voting opening')) {
    throw invalid('invalid_voting_window', '投票截止时间须晚于开始时间 voting must close after it opens');
  }
  if (closes < earliestClose.getTime() || closes > latestClose.getTime()) {
    throw invalid(
      'voting_window_out_of_range',
      `投票期限须为${min}至${max}日 the voting window must last ${min}–${max} days (close between ${earliestClose.toISOString()} and ${latestClose.toISOString()})`,
      { minDays: min, maxDays: max, earliestClose: earliestClose.toISOString(), latestClose: latestClose.toISOString() },
    );
  }
}
