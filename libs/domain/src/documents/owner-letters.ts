import type { DocumentKind } from './seal-policy';

/**
 * 致全体业主的文书 (owners' letters): the sealed documents the committee or the assembly addresses to every owner —
 * notices, results, reports and 公示. Meeting minutes are the meeting's own record, not a letter: owners may read
 * them in 文书库, but they are not brought to each owner's attention.
 */
export const OWNER_LETTER_KINDS: readonly DocumentKind[] = [
  'assembly_notice',
  'assembly_result_preliminary',
  'assembly_result',
  'committee_resolution',
  'execution_report',
  'hearing_result',
  'tender_failed',
  'finance_statement',
  'seal_log_report',
  'joint_bulletin',
];

/** An unread letter stays on the owner's 我的待办 this long after it was sealed (then it is only in the list). */
export const LETTER_TODO_DAYS = 60;

export function isOwnerLetter(kind: DocumentKind): boolean {
  return OWNER_LETTER_KINDS.includes(kind);
}

/** Whether a letter sealed at `finalisedAt` still asks for the owner's attention at `now`. */
export function letterAwaitsReading(finalisedAt: Date, now: Date, readAt: Date | null): boolean {
  if (readAt) return false;
  return now.getTime() - finalisedAt.getTime() <= LETTER_TODO_DAYS * 24 * 3600 * 1000;
}
