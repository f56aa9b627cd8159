import type { components } from './generated/schema';
import { call, client } from './http';

type Schemas = components['schemas'];

/** 会议纪要确认 (generated from apps/api/src/minutes/minutes-responses.dto.ts). */
export type MinutesAttendeeState = Schemas['MinutesAttendeeState'];
export type MinutesAttendee = Schemas['MinutesAttendeeDto'];
/** 会议纪要确认: the minutes, where every attendee stands, and the record once final. */
export type MinutesConfirmations = Schemas['MinutesConfirmationsDto'];

const m = (communityId: string, meetingId: string) => ({ communityId, meetingId });

export const minutesApi = {
  view: (communityId: string, meetingId: string) =>
    call(client.GET('/api/communities/{communityId}/meetings/{meetingId}/confirmations', { params: { path: m(communityId, meetingId) } })),
  respond: (communityId: string, meetingId: string, decision: 'confirm' | 'object', comment?: string) =>
    call(
      client.POST('/api/communities/{communityId}/meetings/{meetingId}/confirmations', {
        params: { path: m(communityId, meetingId) },
        body: { decision, comment },
      }),
    ),
  enterPaper: (communityId: string, meetingId: string, index: number) =>
    call(
      client.POST('/api/communities/{communityId}/meetings/{meetingId}/paper-confirmations/{index}', {
        params: { path: { ...m(communityId, meetingId), index } },
      }),
    ),
  countersign: (communityId: string, meetingId: string, index: number) =>
    call(
      client.POST('/api/communities/{communityId}/meetings/{meetingId}/paper-confirmations/{index}/countersignature', {
        params: { path: { ...m(communityId, meetingId), index } },
      }),
    ),
  amend: (communityId: string, meetingId: string, minutes: string, reason: string) =>
    call(
      client.POST('/api/communities/{communityId}/meetings/{meetingId}/amendments', {
        params: { path: m(communityId, meetingId) },
        body: { minutes, reason },
      }),
    ),
};
