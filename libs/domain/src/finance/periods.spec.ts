import fc from 'fast-check';
import { DomainError } from '../errors';
import { periodOf } from './ledger';
import {
  addDays,
  assertChained,
  assertCompilable,
  assertEntryDate,
  lengthOf,
  nextPeriod,
  openFrom,
  periodLabel,
  previousPeriod,
} from './periods';

const code = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return null;
};

describe('statement periods', () => {
  it('labels periods in Chinese', () => {
    expect(periodLabel(periodOf('2026-11-03', 'quarterly'), 'quarterly')).toBe('2026年第四季度');
    expect(periodLabel(periodOf('2026-02-03', 'quarterly'), 'quarterly')).toBe('2026年第一季度');
    expect(periodLabel(periodOf('2026-11-03', 'monthly'), 'monthly')).toBe('2026年11月');
    expect(periodLabel(periodOf('2026-07-01', 'half_yearly'), 'half_yearly')).toBe('2026年下半年');
  });

  it('steps to the next and previous period across a year end', () => {
    expect(nextPeriod(periodOf('2026-12-31', 'quarterly'), 'quarterly')).toEqual({ start: '2027-01-01', end: '2027-03-31' });
    expect(previousPeriod(periodOf('2026-01-01', 'quarterly'), 'quarterly')).toEqual({ start: '2025-10-01', end: '2025-12-31' });
    expect(nextPeriod(periodOf('2024-01-15', 'monthly'), 'monthly')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });

  it('recovers the length from the dates', () => {
    for (const length of ['monthly', 'quarterly', 'half_yearly'] as const) {
      expect(lengthOf(periodOf('2026-08-09', length))).toBe(length);
    }
  });

  it('consecutive periods tile the calendar (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.constantFrom('monthly', 'quarterly', 'half_yearly' as const),
        (d, length) => {
          const p = periodOf(d.toISOString().slice(0, 10), length);
          const n = nextPeriod(p, length);
          expect(n.start).toBe(addDays(p.end, 1));
          expect(previousPeriod(n, length)).toEqual(p);
        },
      ),
    );
  });
});

describe('entry dates', () => {
  const calendar = { today: '2026-12-01', lastClosedEnd: '2026-09-30', length: 'quarterly' as const };

  it.each([
    ['2026-10-01', null],
    ['2026-12-01', null],
    ['2026-12-02', 'entry_in_future'],
    ['2027-05-01', 'entry_in_future'],
    ['2026-09-30', 'period_closed'],
    ['2026-02-30', 'invalid_date'],
    ['2023-09-30', 'entry_too_old'],
    ['2023-10-01', 'period_closed'],
    ['1900-01-01', 'entry_too_old'],
  ])('%s → %s', (date, expected) => {
    expect(code(() => assertEntryDate(date, calendar))).toBe(expected);
  });

  it('tells how to correct a closed period', () => {
    expect(() => assertEntryDate('2026-08-01', calendar)).toThrow(/2026年第三季度[\s\S]*2026-10-01[\s\S]*冲正或调整分录/);
  });

  it('before any statement, entries reach back three years and no further', () => {
    const first = { today: '2026-12-01', lastClosedEnd: null, length: 'quarterly' as const };
    expect(openFrom(first)).toBe('2023-10-01');
    expect(code(() => assertEntryDate('2023-10-01', first))).toBeNull();
    expect(code(() => assertEntryDate('2023-09-30', first))).toBe('entry_too_old');
    expect(code(() => assertEntryDate('1900-01-01', first))).toBe('entry_too_old');
  });
});

describe('compiling in order', () => {
  const base = { today: '2026-12-01', length: 'quarterly' as const, returnedPeriodStarts: [] as string[] };
  const q = (date: string) => periodOf(date, 'quarterly');

  it.each([
    ['current quarter', q('2026-11-01'), { lastClosedEnd: '2026-09-30', earliestOpenEntry: null }, 'period_not_ended'],
    ['future quarter', q('2027-05-01'), { lastClosedEnd: '2026-09-30', earliestOpenEntry: null }, 'period_not_ended'],
    ['next after the last closed', q('2026-08-01'), { lastClosedEnd: '2026-06-30', earliestOpenEntry: null }, null],
    ['skipping a quarter', q('2026-08-01'), { lastClosedEnd: '2026-03-31', earliestOpenEntry: null }, 'period_out_of_order'],
    ['already closed', q('2026-05-01'), { lastClosedEnd: '2026-06-30', earliestOpenEntry: null }, 'statement_exists'],
    ['first: period of the earliest entry', q('2026-02-01'), { lastClosedEnd: null, earliestOpenEntry: '2026-01-15' }, null],
    [
      'first: later than the earliest entry',
      q('2026-05-01'),
      { lastClosedEnd: null, earliestOpenEntry: '2026-01-15' },
      'period_out_of_order',
    ],
    ['first with no entries', q('2026-05-01'), { lastClosedEnd: null, earliestOpenEntry: null }, null],
  ])('%s', (_name, period, context, expected) => {
    expect(code(() => assertCompilable(period, { ...base, ...context }))).toBe(expected);
  });

  it('a returned period may be revised even when a later one is closed', () => {
    expect(
      code(() =>
        assertCompilable(q('2026-05-01'), {
          ...base,
          lastClosedEnd: '2026-09-30',
          earliestOpenEntry: null,
          returnedPeriodStarts: ['2026-04-01'],
        }),
      ),
    ).toBeNull();
  });

  it('opening must equal the previous closing', () => {
    expect(code(() => assertChained(100n, 100n))).toBeNull();
    expect(code(() => assertChained(100n, null))).toBeNull();
    expect(code(() => assertChained(100n, 99n))).toBe('statement_chain_broken');
  });
});
