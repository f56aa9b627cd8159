/** 居民诉求 and 接待日: types come from the generated contract (npm run openapi). */
import { asForm, call, client } from './http';
import type { components } from './generated/schema';

type S = components['schemas'];
export type RequestForm = S['RequestFormDto'];
export type RequestSummary = S['RequestSummaryDto'];
export type RequestDetail = S['RequestDetailDto'];
export type FileRequestBody = S['FileRequestDto'];
export type DispatchBody = S['DispatchDto'];
export type RequestStats = S['RequestStatsDto'];
export type ReceptionDay = S['ReceptionDayDto'];
export type ReceptionDayDetail = S['ReceptionDayDetailDto'];
export type ScheduleDayBody = S['ScheduleDayDto'];
export type LogVisitBody = S['LogVisitDto'];
export type PromoteBody = S['PromoteDto'];
export type WriteOffBody = S['WriteOffDto'];

/** Path parameters of a community route and of one request in it (the typed client encodes them). */
const c = (communityId: string) => ({ path: { communityId } });
const one = (communityId: string, id: string) => ({ path: { communityId, id } });
type Step = 'accept' | 'progress' | 'close' | 'reopen' | 'cancel';

/** One literal path per step, so the contract checks each and the unreached-routes check sees each caller. */
const steps: Record<Step, (communityId: string, id: string, body: S['NoteDto']) => Promise<RequestDetail>> = {
  accept: (communityId, id) => call(client.POST('/api/communities/{communityId}/requests/{id}/accept', { params: one(communityId, id) })),
  progress: (communityId, id, body) =>
    call(client.POST('/api/communities/{communityId}/requests/{id}/progress', { params: one(communityId, id), body })),
  close: (communityId, id, body) =>
    call(client.POST('/api/communities/{communityId}/requests/{id}/close', { params: one(communityId, id), body })),
  reopen: (communityId, id, body) =>
    call(client.POST('/api/communities/{communityId}/requests/{id}/reopen', { params: one(communityId, id), body })),
  cancel: (communityId, id, body) =>
    call(client.POST('/api/communities/{communityId}/requests/{id}/cancel', { params: one(communityId, id), body })),
};

export const requestsApi = {
  form: (communityId: string) => call(client.GET('/api/communities/{communityId}/requests/form', { params: c(communityId) })),
  list: (communityId: string, scope: 'mine' | 'assigned' | 'all') =>
    call(client.GET('/api/communities/{communityId}/requests', { params: { ...c(communityId), query: { scope } } })),
  get: (communityId: string, id: string) =>
    call(client.GET('/api/communities/{communityId}/requests/{id}', { params: one(communityId, id) })),
  file: (communityId: string, body: FileRequestBody) =>
    call(client.POST('/api/communities/{communityId}/requests', { params: c(communityId), body })),
  photo: (communityId: string, id: string, file: File, purpose: 'filing' | 'progress' | 'evidence') => {
    const form = new FormData();
    form.append('purpose', purpose);
    form.append('file', file);
    return call(client.POST('/api/communities/{communityId}/requests/{id}/photos', { params: one(communityId, id), ...asForm(form) }));
  },
  dispatch: (communityId: string, id: string, body: DispatchBody) =>
    call(client.POST('/api/communities/{communityId}/requests/{id}/dispatch', { params: one(communityId, id), body })),
  step: (communityId: string, id: string, step: Step, note?: string) => steps[step](communityId, id, note === undefined ? {} : { note }),
  rate: (communityId: string, id: string, rating: number, comment: string) =>
    call(client.POST('/api/communities/{communityId}/requests/{id}/rate', { params: one(communityId, id), body: { rating, comment } })),
  writeOff: (communityId: string, id: string, body: WriteOffBody) =>
    call(client.POST('/api/communities/{communityId}/requests/{id}/write-off', { params: one(communityId, id), body })),
  promote: (communityId: string, id: string, body: PromoteBody) =>
    call(client.POST('/api/communities/{communityId}/requests/{id}/promote', { params: one(communityId, id), body })),
  /** 某月各类诉求 (dispatchers and the property company): month is YYYY-MM in the community's zone. */
  stats: (communityId: string, month: string) =>
    call(client.GET('/api/communities/{communityId}/requests/stats', { params: { ...c(communityId), query: { month } } })),
};

export const receptionApi = {
  list: (communityId: string) => call(client.GET('/api/communities/{communityId}/reception-days', { params: c(communityId) })),
  get: (communityId: string, id: string) =>
    call(client.GET('/api/communities/{communityId}/reception-days/{id}', { params: one(communityId, id) })),
  schedule: (communityId: string, body: ScheduleDayBody) =>
    call(client.POST('/api/communities/{communityId}/reception-days', { params: c(communityId), body })),
  logVisit: (communityId: string, id: string, body: LogVisitBody) =>
    call(client.POST('/api/communities/{communityId}/reception-days/{id}/visits', { params: one(communityId, id), body })),
};
