import { DomainError } from '../errors';
import {
  assertCanAmend,
  assertCanCountersign,
  assertCanEnterPaper,
  assertCanRespond,
  minutesStatus,
  type ConfirmationFact,
  type MinutesAttendeeRef,
} from './confirmation';
import { confirmsMinutes } from './kinds';

const attendees: MinutesAttendeeRef[] = [
  { name: '郑书记', party: '党支部', present: true, userId: 'u-secretary' },
  { name: '物业李经理', party: '物业', present: true },
  { name: '张代表', party: '居民代表', present: false },
];
const at = new Date('2026-11-20T12:00:00Z');
const fact = (attendeeIndex: number, kind: ConfirmationFact['kind'], actorId: string, round = 1): ConfirmationFact => ({
  round,
  attendeeIndex,
  kind,
  actorId,
  at,
});
const code = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'passed';
};

describe('minutes confirmation', () => {
  it('is final only when every attendee present confirmed; absentees do not count', () => {
    expect(minutesStatus(attendees, [], 1)).toMatchObject({ final: false, outstanding: 2 });
    const some = [fact(0, 'confirmed', 'u-secretary'), fact(1, 'paper_entered', 'u-recorder')];
    expect(minutesStatus(attendees, some, 1)).toMatchObject({ final: false, outstanding: 1 });
    const all = [...some, fact(1, 'paper_countersigned', 'u-second')];
    expect(minutesStatus(attendees, all, 1)).toMatchObject({ final: true, outstanding: 0 });
    expect(minutesStatus(attendees, all, 1).attendees[1]).toMatchObject({
      state: 'confirmed',
      channel: 'paper',
      countersignedBy: 'u-second',
    });
  });

  it('a new round (after an amendment) ignores the confirmations of the old one', () => {
    const all = [fact(0, 'confirmed', 'u-secretary'), fact(1, 'paper_entered', 'u-r'), fact(1, 'paper_countersigned', 'u-s')];
    expect(minutesStatus(attendees, all, 2)).toMatchObject({ final: false, outstanding: 2 });
  });

  it('an objection blocks the round', () => {
    const s = minutesStatus(attendees, [{ ...fact(0, 'objected', 'u-secretary'), comment: '漏记' }], 1);
    expect(s).toMatchObject({ objections: 1, final: false });
    expect(code(() => assertCanRespond(s, 0, 'u-secretary', 'confirmed'))).toBe('already_responded');
  });

  it('refuses anyone confirming for an attendee, and an objection without a reason', () => {
    const s = minutesStatus(attendees, [], 1);
    expect(code(() => assertCanRespond(s, 0, 'u-director', 'confirmed'))).toBe('not_this_attendee');
    expect(code(() => assertCanRespond(s, 0, 'u-secretary', 'objected', ' '))).toBe('objection_reason_required');
    expect(code(() => assertCanRespond(s, 1, 'u-secretary', 'confirmed'))).toBe('attendee_without_account');
    expect(code(() => assertCanRespond(s, 2, 'u-secretary', 'confirmed'))).toBe('attendee_absent');
    expect(code(() => assertCanRespond(s, 0, 'u-secretary', 'confirmed'))).toBe('passed');
  });

  describe('paper signatures: no one alone', () => {
    const entered = minutesStatus(attendees, [fact(1, 'paper_entered', 'u-recorder')], 1);
    it('refuses anyone but the recorder entering one', () => {
      expect(code(() => assertCanEnterPaper(minutesStatus(attendees, [], 1), 1, 'u-other', 'u-recorder'))).toBe('not_the_recorder');
      expect(code(() => assertCanEnterPaper(minutesStatus(attendees, [], 1), 1, 'u-recorder', 'u-recorder'))).toBe('passed');
    });
    it('refuses a paper signature for an attendee with an account', () => {
      expect(code(() => assertCanEnterPaper(minutesStatus(attendees, [], 1), 0, 'u-recorder', 'u-recorder'))).toBe('attendee_has_account');
    });
    it('refuses the recorder countersigning his own entry', () => {
      expect(code(() => assertCanCountersign(entered, 1, 'u-recorder', true))).toBe('same_person');
    });
    it('refuses a countersignature by a non-member, or before an entry', () => {
      expect(code(() => assertCanCountersign(entered, 1, 'u-residents', false))).toBe('not_committee_member');
      expect(code(() => assertCanCountersign(minutesStatus(attendees, [], 1), 1, 'u-second', true))).toBe('paper_not_entered');
    });
    it('accepts a second committee member', () => {
      expect(code(() => assertCanCountersign(entered, 1, 'u-second', true))).toBe('passed');
    });
  });

  it('only the recorder amends, and never final minutes', () => {
    const open = minutesStatus(attendees, [], 1);
    expect(code(() => assertCanAmend(open, 'u-other', 'u-recorder'))).toBe('not_the_recorder');
    expect(code(() => assertCanAmend(open, 'u-recorder', 'u-recorder'))).toBe('passed');
    const final = minutesStatus(
      attendees,
      [fact(0, 'confirmed', 'u-secretary'), fact(1, 'paper_entered', 'u-recorder'), fact(1, 'paper_countersigned', 'u-second')],
      1,
    );
    expect(code(() => assertCanAmend(final, 'u-recorder', 'u-recorder'))).toBe('minutes_final');
  });

  it.each([
    ['party_prediscussion', true],
    ['joint_meeting', true],
    ['representatives_meeting', true],
    ['committee_resolution', false],
    ['execution', false],
    ['assembly_vote', false],
  ])('stage %s: minutes confirmed by attendees = %s', (stage, expected) => {
    expect(confirmsMinutes(stage)).toBe(expected);
  });
});
