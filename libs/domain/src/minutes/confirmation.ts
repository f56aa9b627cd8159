import { DomainError } from '../errors';

/**
 * 会议纪要确认 (issue 12 item 2, issue 14): the minutes of 支部先议, 联席会议 and 居民代表会议 are those meetings'
 * own records. They carry no seal; they are final when every attendee present has confirmed them:
 * - an attendee with an account in the community confirms (or objects) in the app, personally;
 * - an attendee without an account signed on paper: the recorder enters that, and a second committee member
 *   countersigns it — the recorder never marks a paper confirmation alone (the single insider refused);
 * - an objection stops the round; the recorder amends the minutes and every confirmation starts again (new round).
 */

export interface MinutesAttendeeRef {
  name: string;
  party: string;
  userId?: string;
  present: boolean;
}

export type ConfirmationKind = 'confirmed' | 'objected' | 'paper_entered' | 'paper_countersigned';

export interface ConfirmationFact {
  round: number;
  attendeeIndex: number;
  kind: ConfirmationKind;
  /** Who did it: the attendee (confirmed/objected), the recorder (paper_entered), the second member (countersigned). */
  actorId: string;
  at: Date;
  comment?: string;
}

export type AttendeeState =
  | { state: 'absent' }
  | { state: 'waiting' }
  | { state: 'confirmed'; at: Date; by: string; channel: 'app' | 'paper'; countersignedBy?: string }
  | { state: 'objected'; at: Date; comment: string }
  | { state: 'paper_entered'; at: Date; enteredBy: string };

export interface MinutesStatus {
  round: number;
  attendees: (MinutesAttendeeRef & { index: number } & AttendeeState)[];
  /** Present attendees still to confirm (in the app or by countersigned paper). */
  outstanding: number;
  objections: number;
  final: boolean;
}

/** Where every attendee stands in the current round. */
export function minutesStatus(attendees: readonly MinutesAttendeeRef[], facts: readonly ConfirmationFact[], round: number): MinutesStatus {
  const current = facts.filter((f) => f.round === round);
  const rows = attendees.map((a, index) => {
    const mine = current.filter((f) => f.attendeeIndex === index);
    const find = (kind: ConfirmationKind) => mine.find((f) => f.kind === kind);
    let state: AttendeeState = { state: 'waiting' };
    const confirmed = find('confirmed');
    const objected = find('objected');
    const entered = find('paper_entered');
    const countersigned = find('paper_countersigned');
    if (!a.present) state = { state: 'absent' };
    else if (confirmed) state = { state: 'confirmed', at: confirmed.at, by: confirmed.actorId, channel: 'app' };
    else if (objected) state = { state: 'objected', at: objected.at, comment: objected.comment ?? '' };
    else if (entered && countersigned)
      state = { state: 'confirmed', at: countersigned.at, by: entered.actorId, channel: 'paper', countersignedBy: countersigned.actorId };
    else if (entered) state = { state: 'paper_entered', at: entered.at, enteredBy: entered.actorId };
    return { ...a, index, ...state };
  });
  const present = rows.filter((r) => r.present);
  const outstanding = present.filter((r) => r.state !== 'confirmed').length;
  const objections = present.filter((r) => r.state === 'objected').length;
  return { round, attendees: rows, outstanding, objections, final: present.length > 0 && outstanding === 0 };
}

function attendeeAt(status: MinutesStatus, index: number) {
  const a = status.attendees[index];
  if (!a) throw new DomainError('not_found', 'attendee_not_found', '纪要中没有这位与会人员');
  if (!a.present) throw new DomainError('conflict', 'attendee_absent', `${a.name}缺席会议，无需确认纪要`);
  return a;
}

function assertOpen(status: MinutesStatus) {
  if (status.final) throw new DomainError('conflict', 'minutes_final', '纪要已经全体确认定稿，不能再更改');
}

/** The attendee confirms or objects, personally, in the app. */
export function assertCanRespond(status: MinutesStatus, index: number, actorId: string, kind: 'confirmed' | 'objected', comment?: string) {
  assertOpen(status);
  const a = attendeeAt(status, index);
  if (!a.userId)
    throw new DomainError('conflict', 'attendee_without_account', `${a.name}没有本平台账号，须由记录人和另一位委员登记纸面签字`);
  if (a.userId !== actorId) throw new DomainError('forbidden', 'not_this_attendee', '只能由与会人员本人确认纪要，他人不能代为确认');
  if (a.state !== 'waiting')
    throw new DomainError(
      'conflict',
      'already_responded',
      a.state === 'objected' ? '您已提出意见，请等待记录人修改纪要' : '您已确认本纪要',
    );
  if (kind === 'objected' && !comment?.trim()) throw new DomainError('invalid', 'objection_reason_required', '请写明对纪要的意见');
}

/**
 * The recorder enters that an attendee without an account signed the paper minutes; it counts only once a
 * second committee member countersigns.
 */
export function assertCanEnterPaper(status: MinutesStatus, index: number, actorId: string, recorderId: string) {
  assertOpen(status);
  const a = attendeeAt(status, index);
  if (a.userId)
    throw new DomainError('conflict', 'attendee_has_account', `${a.name}有本平台账号，须由本人在「我的待办」中确认，不能登记纸面签字`);
  if (actorId !== recorderId)
    throw new DomainError('forbidden', 'not_the_recorder', '纸面签字只能由本纪要的记录人登记，再由另一位委员核对');
  if (a.state !== 'waiting') throw new DomainError('conflict', 'already_responded', `${a.name}的纸面签字已经登记`);
}

export function assertCanCountersign(status: MinutesStatus, index: number, actorId: string, isCommitteeMember: boolean) {
  assertOpen(status);
  const a = attendeeAt(status, index);
  if (a.state !== 'paper_entered') throw new DomainError('conflict', 'paper_not_entered', `${a.name}的纸面签字尚未由记录人登记`);
  if (a.enteredBy === actorId)
    throw new DomainError('forbidden', 'same_person', '登记纸面签字的人不能自己核对：须由另一位委员核对（任何人不能独自完成）');
  if (!isCommitteeMember) throw new DomainError('forbidden', 'not_committee_member', '纸面签字须由另一位业委会委员核对');
  if (a.userId === actorId) throw new DomainError('forbidden', 'same_person', '不能核对自己的签字');
}

/** Only the recorder amends, and only before the minutes are final; the round restarts. */
export function assertCanAmend(status: MinutesStatus, actorId: string, recorderId: string) {
  assertOpen(status);
  if (actorId !== recorderId) throw new DomainError('forbidden', 'not_the_recorder', '只有本纪要的记录人可以修改纪要');
}
