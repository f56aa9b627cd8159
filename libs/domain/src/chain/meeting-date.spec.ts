import { DomainError } from '../errors';
import { assertMeetingDate } from './meeting-date';

const now = new Date('2026-12-01T08:00:00Z');

function code(heldAt: string): string | null {
  try {
    assertMeetingDate(new Date(heldAt), now);
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
}

describe('assertMeetingDate', () => {
  it.each([
    ['2030-06-01T02:00:00Z', 'date_in_future'],
    ['2026-12-01T08:11:00Z', 'date_in_future'],
    ['2026-12-01T08:09:00Z', null],
    ['2026-11-28T06:00:00Z', null],
    ['1999-12-31T00:00:00Z', 'date_too_early'],
    ['not a date', 'invalid_date'],
  ])('%s → %s', (heldAt, expected) => {
    expect(code(heldAt)).toBe(expected);
  });

  it('refuses with a Chinese message', () => {
    expect(() => assertMeetingDate(new Date('2030-06-01'), now)).toThrow(/不能晚于现在/);
  });
});
