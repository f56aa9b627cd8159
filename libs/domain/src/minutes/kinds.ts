import { documentKindOf, sealPolicy } from '../documents/seal-policy';

/** Whether the minutes of a chain stage are confirmed by their attendees (seal policy: attendeeConfirmations). */
export function confirmsMinutes(stage: string): boolean {
  try {
    return sealPolicy(documentKindOf({ type: 'meeting_minutes', sourceType: 'meeting', stage })).attendeeConfirmations;
  } catch {
    return false;
  }
}
