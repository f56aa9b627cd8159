/** 居民诉求 and 接待日: types come from the generated contract (npm run openapi). */
import { fetchFile, request } from './http';
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

const r = (communityId: string, path = '') => `/communities/${encodeURIComponent(communityId)}/requests${path}`;
const rd = (communityId: string, path = '') => `/communities/${encodeURIComponent(communityId)}/reception-days${path}`;
const post = <T>(path: string, body: object = {}) => request<T>(path, { method: 'POST', body });

export const requestsApi = {
  form: (communityId: string) => request<RequestForm>(r(communityId, '/form')),
  list: (communityId: string, scope: 'mine' | 'assigned' | 'all') => request<S['RequestListDto']>(r(communityId), { query: { scope } }),
  get: (communityId: string, id: string) => request<RequestDetail>(r(communityId, `/${id}`)),
  file: (communityId: string, body: FileRequestBody) => post<RequestDetail>(r(communityId), body),
  photo: (communityId: string, id: string, file: File, purpose: 'filing' | 'progress' | 'evidence') => {
    const form = new FormData();
    form.append('purpose', purpose);
    form.append('file', file);
    return request<RequestDetail>(r(communityId, `/${id}/photos`), { method: 'POST', body: form });
  },
  /** Photo URLs need the bearer token: fetched as a blob. */
  photoBlob: (url: string) => fetchFile(url.replace(/^\/api/, '')).then((f) => f.blob),
  dispatch: (communityId: string, id: string, body: DispatchBody) => post<RequestDetail>(r(communityId, `/${id}/dispatch`), body),
  step: (communityId: string, id: string, step: 'accept' | 'progress' | 'close' | 'reopen' | 'cancel', note?: string) =>
    post<RequestDetail>(r(communityId, `/${id}/${step}`), note === undefined ? {} : { note }),
  rate: (communityId: string, id: string, rating: number, comment: string) =>
    post<RequestDetail>(r(communityId, `/${id}/rate`), { rating, comment }),
  writeOff: (communityId: string, id: string, body: WriteOffBody) => post<RequestDetail>(r(communityId, `/${id}/write-off`), body),
  promote: (communityId: string, id: string, body: PromoteBody) => post<RequestDetail>(r(communityId, `/${id}/promote`), body),
  stats: (communityId: string, month: string) => request<RequestStats>(r(communityId, '/stats'), { query: { month } }),
};

export const receptionApi = {
  list: (communityId: string) => request<S['ReceptionDayListDto']>(rd(communityId)),
  get: (communityId: string, id: string) => request<ReceptionDayDetail>(rd(communityId, `/${id}`)),
  schedule: (communityId: string, body: ScheduleDayBody) => post<ReceptionDayDetail>(rd(communityId), body),
  logVisit: (communityId: string, id: string, body: LogVisitBody) => post<ReceptionDayDetail>(rd(communityId, `/${id}/visits`), body),
};
