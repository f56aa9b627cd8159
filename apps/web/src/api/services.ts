/** Typed functions for 整改事项, 星级满意度 / 红黑榜 and the monthly 四方联席 bulletin (issue 17). */
import { request } from './http';
import type { components } from './generated/schema';

type S = components['schemas'];
export type RectificationItem = S['RectificationItemDto'];
export type RectificationDetail = S['RectificationDetailDto'];
export type RectificationList = S['RectificationListDto'];
export type RaiseRectification = S['RaiseRectificationDto'];
export type RectificationActionBody = S['RectificationActionDto'];
export type RatingForm = S['RatingFormDto'];
export type QuarterSummary = S['QuarterSummaryDto'];
export type BoardEntry = S['BoardEntryDto'];
export type Bulletin = S['BulletinDto'];
export type PublicBulletin = S['PublicBulletinDto'];
export type HearingTrackRecord = S['HearingTrackRecordDto'];

const c = (communityId: string) => `/communities/${encodeURIComponent(communityId)}`;

export const servicesApi = {
  rectifications: (communityId: string) => request<RectificationList>(`${c(communityId)}/rectifications`),
  rectification: (communityId: string, id: string) =>
    request<RectificationDetail>(`${c(communityId)}/rectifications/${encodeURIComponent(id)}`),
  raise: (communityId: string, body: RaiseRectification) =>
    request<RectificationDetail>(`${c(communityId)}/rectifications`, { method: 'POST', body }),
  act: (communityId: string, id: string, body: RectificationActionBody) =>
    request<RectificationDetail>(`${c(communityId)}/rectifications/${encodeURIComponent(id)}/actions`, { method: 'POST', body }),
  ratingForm: (communityId: string) => request<RatingForm>(`${c(communityId)}/service-ratings/form`),
  rate: (communityId: string, body: S['RateServiceDto']) =>
    request<S['RatingGivenDto']>(`${c(communityId)}/service-ratings`, { method: 'POST', body }),
  quarter: (communityId: string, quarter: string) => request<QuarterSummary>(`${c(communityId)}/service-ratings/quarters/${quarter}`),
  publishQuarter: (communityId: string, quarter: string, companyName: string) =>
    request<BoardEntry>(`${c(communityId)}/service-ratings/quarters/${quarter}/publication`, { method: 'POST', body: { companyName } }),
  bulletins: (communityId: string) => request<S['BulletinListDto']>(`${c(communityId)}/bulletins`),
  compose: (communityId: string, month: string) => request<Bulletin>(`${c(communityId)}/bulletins`, { method: 'POST', body: { month } }),
  requestSeal: (communityId: string, id: string) =>
    request<S['BulletinSealRequestDto']>(`${c(communityId)}/bulletins/${encodeURIComponent(id)}/seal-request`, { method: 'POST' }),
  trackRecord: (communityId: string, hearingId: string) =>
    request<HearingTrackRecord>(`${c(communityId)}/hearings/${encodeURIComponent(hearingId)}/vendor-track-record`),
  publicBoard: (communityId: string) =>
    request<S['ServiceBoardDto']>(`/public/communities/${encodeURIComponent(communityId)}/service-board`, { anonymous: true }),
  publicBulletins: (communityId: string) =>
    request<S['PublicBulletinListDto']>(`/public/communities/${encodeURIComponent(communityId)}/bulletins`, { anonymous: true }),
};
