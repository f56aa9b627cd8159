import type { components } from './generated/schema';
import { request } from './http';

type Schemas = components['schemas'];

/** 会议纪要确认 (generated from apps/api/src/minutes/minutes-responses.dto.ts). */
export type MinutesAttendeeState = Schemas['MinutesAttendeeState'];
export type MinutesAttendee = Schemas['MinutesAttendeeDto'];
/** 会议纪要确认: the minutes, where every attendee stands, and the record once final. */
export type MinutesConfirmations = Schemas['MinutesConfirmationsDto'];

const m = (communityId: string, meetingId: string) =>
  `/communities/${encodeURIComponent(communityId)}/meetings/${encodeURIComponent(meetingId)}`;

export const minutesApi = {
  view: (communityId: string, meetingId: string) => request<MinutesConfirmations>(`${m(communityId, meetingId)}/confirmations`),
  respond: (communityId: string, meetingId: string, decision: 'confirm' | 'object', comment?: string) =>
    request<MinutesConfirmations>(`${m(communityId, meetingId)}/confirmations`, { method: 'POST', body: { decision, comment } }),
  enterPaper: (communityId: string, meetingId: string, index: number) =>
    request<MinutesConfirmations>(`${m(communityId, meetingId)}/paper-confirmations/${index}`, { method: 'POST' }),
  countersign: (communityId: string, meetingId: string, index: number) =>
    request<MinutesConfirmations>(`${m(communityId, meetingId)}/paper-confirmations/${index}/countersignature`, { method: 'POST' }),
  amend: (communityId: string, meetingId: string, minutes: string, reason: string) =>
    request<MinutesConfirmations>(`${m(communityId, meetingId)}/amendments`, { method: 'POST', body: { minutes, reason } }),
};
