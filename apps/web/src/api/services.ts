/** Typed functions for 整改事项, 星级满意度 / 红黑榜 and the monthly 四方联席 bulletin (issue 17). */
import { asForm, call, client, publicClient } from './http';
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

const cp = (communityId: string) => ({ params: { path: { communityId } } });
const cpi = (communityId: string, id: string) => ({ params: { path: { communityId, id } } });

export const servicesApi = {
  rectifications: (communityId: string) => call(client.GET('/api/communities/{communityId}/rectifications', cp(communityId))),
  rectification: (communityId: string, id: string) =>
    call(client.GET('/api/communities/{communityId}/rectifications/{id}', cpi(communityId, id))),
  raise: (communityId: string, body: RaiseRectification) =>
    call(client.POST('/api/communities/{communityId}/rectifications', { ...cp(communityId), body })),
  act: (communityId: string, id: string, body: RectificationActionBody) =>
    call(client.POST('/api/communities/{communityId}/rectifications/{id}/actions', { ...cpi(communityId, id), body })),
  /** 整改照片 (multipart): shown with AuthPhoto from the detail's photo urls (GET …/photos/{photoId}). */
  addPhoto: (communityId: string, id: string, file: File, caption: string) => {
    const form = new FormData();
    form.append('caption', caption);
    form.append('file', file);
    return call(client.POST('/api/communities/{communityId}/rectifications/{id}/photos', { ...cpi(communityId, id), ...asForm(form) }));
  },
  ratingForm: (communityId: string) => call(client.GET('/api/communities/{communityId}/service-ratings/form', cp(communityId))),
  rate: (communityId: string, body: S['RateServiceDto']) =>
    call(client.POST('/api/communities/{communityId}/service-ratings', { ...cp(communityId), body })),
  quarter: (communityId: string, quarter: string) =>
    call(client.GET('/api/communities/{communityId}/service-ratings/quarters/{quarter}', { params: { path: { communityId, quarter } } })),
  publishQuarter: (communityId: string, quarter: string, companyName: string) =>
    call(
      client.POST('/api/communities/{communityId}/service-ratings/quarters/{quarter}/publication', {
        params: { path: { communityId, quarter } },
        body: { companyName },
      }),
    ),
  bulletins: (communityId: string) => call(client.GET('/api/communities/{communityId}/bulletins', cp(communityId))),
  compose: (communityId: string, month: string) =>
    call(client.POST('/api/communities/{communityId}/bulletins', { ...cp(communityId), body: { month } })),
  requestSeal: (communityId: string, id: string) =>
    call(client.POST('/api/communities/{communityId}/bulletins/{id}/seal-request', cpi(communityId, id))),
  trackRecord: (communityId: string, hearingId: string) =>
    call(
      client.GET('/api/communities/{communityId}/hearings/{hearingId}/vendor-track-record', {
        params: { path: { communityId, hearingId } },
      }),
    ),
  publicBoard: (communityId: string) =>
    call(publicClient.GET('/api/public/communities/{communityId}/service-board', cp(communityId)), { anonymous: true }),
  publicBulletins: (communityId: string) =>
    call(publicClient.GET('/api/public/communities/{communityId}/bulletins', cp(communityId)), { anonymous: true }),
};
