import { DomainError } from '../errors';
import {
  assertNoticePeriod,
  assertVotingWindow,
  earliestVotingOpen,
  formatDateZh,
  localDateOf,
  noticeDaysFor,
  startOfLocalDay,
  votingWindowBounds,
} from './notice';

const at = (iso: string) => new Date(iso);

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('local dates with Intl', () => {
  it('reads the Shanghai date on both sides of its midnight (16:00 UTC)', () => {
    expect(localDateOf(at('2025-03-01T15:59:59.999Z'))).toEqual({ year: 2025, month: 3, day: 1 });
    expect(localDateOf(at('2025-03-01T16:00:00.000Z'))).toEqual({ year: 2025, month: 3, day: 2 });
    expect(formatDateZh(at('2024-12-31T16:00:00Z'))).toBe('2025年1月1日');
    expect(formatDateZh(at('2024-12-31T15:00:00Z'))).toBe('2024年12月31日');
  });
  it('finds the start of a local day, also where midnight does not exist', () => {
    expect(startOfLocalDay({ year: 2025, month: 3, day: 17 }).toISOString()).toBe('2025-03-16T16:00:00.000Z');
    expect(startOfLocalDay({ year: 2025, month: 3, day: 17 }, 'UTC').toISOString()).toBe('2025-03-17T00:00:00.000Z');
    // São Paulo sprang forward at 00:00 on 2018-11-04: the day began at 01:00 local (UTC−2).
    expect(startOfLocalDay({ year: 2018, month: 11, day: 4 }, 'America/Sao_Paulo').toISOString()).toBe('2018-11-04T03:00:00.000Z');
  });
  it('rejects unknown time zones and invalid dates', () => {
    expect(() => localDateOf(at('2025-01-01T00:00:00Z'), 'Mars/Olympus')).toThrow(DomainError);
    expect(() => localDateOf(new Date('nope'))).toThrow(DomainError);
  });
});

describe('earliest voting opening', () => {
  it('15 days: published 3月1日 (any time, Shanghai) → opens 3月17日 00:00 Shanghai', () => {
    for (const published of ['2025-02-28T16:00:00Z', '2025-03-01T02:00:00Z', '2025-03-01T15:59:59.999Z']) {
      expect(earliestVotingOpen(at(published)).toISOString()).toBe('2025-03-16T16:00:00.000Z');
    }
  });
  it('one millisecond later is the next Shanghai day and the next opening day', () => {
    expect(earliestVotingOpen(at('2025-03-01T16:00:00Z')).toISOString()).toBe('2025-03-17T16:00:00.000Z');
  });
  it('is never earlier than publication + N × 24 h', () => {
    const published = at('2025-03-01T15:59:59Z');
    expect(earliestVotingOpen(published).getTime()).toBeGreaterThan(published.getTime() + 15 * 86_400_000);
  });
  it('uses 7 days for interim meetings and the rulebook values when given', () => {
    expect(noticeDaysFor('interim')).toBe(7);
    expect(earliestVotingOpen(at('2025-03-01T02:00:00Z'), 'interim').toISOString()).toBe('2025-03-08T16:00:00.000Z');
    expect(earliestVotingOpen(at('2025-03-01T02:00:00Z'), 'regular', { noticeDays: 20 }).toISOString()).toBe('2025-03-21T16:00:00.000Z');
    expect(earliestVotingOpen(at('2025-03-01T02:00:00Z'), 'interim', { interimNoticeDays: 10 }).toISOString()).toBe(
      '2025-03-11T16:00:00.000Z',
    );
    expect(() => noticeDaysFor('regular', { noticeDays: 1.5 })).toThrow(DomainError);
  });
  it('crosses month and year ends', () => {
    expect(earliestVotingOpen(at('2024-12-20T04:00:00Z')).toISOString()).toBe('2025-01-04T16:00:00.000Z');
    expect(earliestVotingOpen(at('2024-02-14T04:00:00Z')).toISOString()).toBe('2024-02-29T16:00:00.000Z'); // leap year
  });
  it('takes N × 24 h when it is later, as across a DST change elsewhere', () => {
    // New York, published 23:30 EST on 1 March 2025; clocks spring forward on 9 March.
    const published = at('2025-03-02T04:30:00Z');
    expect(earliestVotingOpen(published, 'regular', { timeZone: 'America/New_York' }).toISOString()).toBe('2025-03-17T04:30:00.000Z');
  });
});

describe('assertNoticePeriod', () => {
  const published = at('2025-03-01T10:00:00Z'); // 3月1日 18:00 Shanghai
  it('accepts the earliest instant and anything later', () => {
    expect(() => assertNoticePeriod(published, at('2025-03-16T16:00:00Z'))).not.toThrow();
    expect(() => assertNoticePeriod(published, at('2025-04-01T00:00:00Z'))).not.toThrow();
  });
  it('refuses one millisecond earlier (23:59:59.999 on 3月16日 Shanghai), naming the date in Chinese', () => {
    const err = errorOf(() => assertNoticePeriod(published, at('2025-03-16T15:59:59.999Z')));
    expect(err).toMatchObject({ kind: 'conflict', code: 'notice_period_not_met' });
    expect(err.message).toContain('投票最早可于2025年3月17日开始');
    expect(err.message).toContain('公告于2025年3月1日发布，须提前15日');
    expect(err.details).toEqual({ earliest: '2025-03-16T16:00:00.000Z', noticeDays: 15, timeZone: 'Asia/Shanghai' });
  });
  it('refuses opening on the 15th day after publication', () => {
    expect(() => assertNoticePeriod(published, at('2025-03-16T01:00:00Z'))).toThrow(/2025年3月17日/);
  });
  it('formats the earliest date in the rulebook time zone', () => {
    const err = errorOf(() => assertNoticePeriod(published, published, 'interim', { timeZone: 'UTC' }));
    expect(err.message).toContain('2025年3月9日');
  });
});

describe('voting window', () => {
  const opens = at('2025-03-16T16:00:00Z');
  it('defaults to 5–60 days as exact durations', () => {
    expect(votingWindowBounds(opens)).toEqual({
      earliestClose: at('2025-03-21T16:00:00Z'),
      latestClose: at('2025-05-15T16:00:00Z'),
    });
    expect(() => assertVotingWindow(opens, at('2025-03-21T16:00:00Z'))).not.toThrow();
    expect(() => assertVotingWindow(opens, at('2025-05-15T16:00:00Z'))).not.toThrow();
  });
  it('refuses a window one millisecond too short or too long, or closing before opening', () => {
    expect(errorOf(() => assertVotingWindow(opens, at('2025-03-21T15:59:59.999Z'))).code).toBe('voting_window_out_of_range');
    expect(errorOf(() => assertVotingWindow(opens, at('2025-05-15T16:00:00.001Z'))).code).toBe('voting_window_out_of_range');
    expect(errorOf(() => assertVotingWindow(opens, opens)).code).toBe('invalid_voting_window');
  });
  it('follows the rulebook and rejects inconsistent settings', () => {
    expect(() => assertVotingWindow(opens, at('2025-03-17T16:00:00Z'), { votingWindowMinDays: 1, votingWindowMaxDays: 3 })).not.toThrow();
    expect(() => votingWindowBounds(opens, { votingWindowMinDays: 10, votingWindowMaxDays: 5 })).toThrow(DomainError);
    expect(() => votingWindowBounds(opens, { votingWindowMinDays: -1 })).toThrow(DomainError);
  });
});
