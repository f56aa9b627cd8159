import { DomainError } from '../errors';

/** A clock a few minutes ahead of the server's must not refuse a meeting recorded as it ends. */
export const MEETING_CLOCK_TOLERANCE_MS = 10 * 60 * 1000;
/** No meeting of this system's communities happened before this. */
export const EARLIEST_MEETING = new Date('2000-01-01T00:00:00Z');

/**
 * A meeting goes into the permanent record with the date it was held: it cannot be in the future (a 支部先议
 * dated 2030 was recorded before this check), nor absurdly old, nor not a date at all.
 */
export function assertMeetingDate(heldAt: Date, now: Date): void {
  if (Number.isNaN(heldAt.getTime())) throw new DomainError('invalid', 'invalid_date', '会议时间格式错误');
  if (heldAt.getTime() > now.getTime() + MEETING_CLOCK_TOLERANCE_MS) {
    throw new DomainError('invalid', 'date_in_future', '会议时间不能晚于现在：请填写会议实际召开的时间', { heldAt: heldAt.toISOString() });
  }
  if (heldAt < EARLIEST_MEETING)
    throw new DomainError('invalid', 'date_too_early', '会议时间过早，请检查年份', { heldAt: heldAt.toISOString() });
}
