/** Typed functions for hearings (听证会): setup, sealed bids, opening, scoring, result and the assembly motion. */
import { asForm, call, client, type FilePath } from './http';
import type { components } from './generated/schema';
import type {
  AssemblyMotionInput,
  BidInput,
  BidReceipt,
  HearingDetail,
  HearingRecord,
  HearingSummary,
  HearingVoteDraft,
  MyBid,
  NewHearing,
  PanelKind,
  PanelMember,
} from './types-hearings';

type S = components['schemas'];

const c = (communityId: string) => ({ path: { communityId } });
const ci = (communityId: string, id: string) => ({ path: { communityId, id } });
const enc = encodeURIComponent;

export const hearingsApi = {
  list: (communityId: string): Promise<HearingSummary[]> =>
    call(client.GET('/api/communities/{communityId}/hearings', { params: c(communityId) })),
  get: (communityId: string, id: string): Promise<HearingDetail> =>
    call(client.GET('/api/communities/{communityId}/hearings/{id}', { params: ci(communityId, id) })),
  create: (communityId: string, body: NewHearing): Promise<HearingRecord> =>
    call(client.POST('/api/communities/{communityId}/hearings', { params: c(communityId), body })),
  replacePanel: (communityId: string, id: string, panel: { userId: string; kind: PanelKind }[]): Promise<PanelMember[]> =>
    call(client.PUT('/api/communities/{communityId}/hearings/{id}/panel', { params: ci(communityId, id), body: { panel } })),
  declare: (communityId: string, id: string, conflict?: string): Promise<PanelMember> =>
    call(
      client.POST('/api/communities/{communityId}/hearings/{id}/declarations', {
        params: ci(communityId, id),
        body: conflict ? { conflict } : {},
      }),
    ),
  invite: (communityId: string, id: string, userId: string, vendorName: string): Promise<S['InvitationDto']> =>
    call(
      client.POST('/api/communities/{communityId}/hearings/{id}/invitations', {
        params: ci(communityId, id),
        body: { userId, vendorName },
      }),
    ),
  /** Multipart, so the optional attachment travels with the bid; numbers as text fields. */
  submitBid: (communityId: string, id: string, bid: BidInput): Promise<BidReceipt> => {
    const form = new FormData();
    form.append('amountFen', bid.amountFen);
    form.append('warrantyMonths', String(bid.warrantyMonths));
    form.append('deliveryDays', String(bid.deliveryDays));
    form.append('proposal', bid.proposal);
    if (bid.attachment) form.append('attachment', bid.attachment);
    return call(client.POST('/api/communities/{communityId}/hearings/{id}/bids', { params: ci(communityId, id), ...asForm(form) }));
  },
  myBid: (communityId: string, id: string): Promise<MyBid> =>
    call(client.GET('/api/communities/{communityId}/hearings/{id}/my-bid', { params: ci(communityId, id) })),
  open: (communityId: string, id: string): Promise<HearingDetail> =>
    call(client.POST('/api/communities/{communityId}/hearings/{id}/opening', { params: ci(communityId, id) })),
  attachmentPath: (communityId: string, id: string, bidId: string): FilePath =>
    `/communities/${enc(communityId)}/hearings/${enc(id)}/bids/${enc(bidId)}/attachment`,
  score: (communityId: string, id: string, scores: { bidId: string; criterion: string; score: number }[]): Promise<S['ScoreReceiptDto']> =>
    call(client.POST('/api/communities/{communityId}/hearings/{id}/scores', { params: ci(communityId, id), body: { scores } })),
  publish: (communityId: string, id: string, body: { heldAt: string; minutes: string; shortlistSize?: number }): Promise<HearingRecord> =>
    call(client.POST('/api/communities/{communityId}/hearings/{id}/result', { params: ci(communityId, id), body })),
  resultPdfPath: (communityId: string, id: string): FilePath => `/communities/${enc(communityId)}/hearings/${enc(id)}/result.pdf`,
  object: (communityId: string, id: string, text: string): Promise<S['HearingObjectionDto']> =>
    call(client.POST('/api/communities/{communityId}/hearings/{id}/objections', { params: ci(communityId, id), body: { text } })),
  answerObjection: (communityId: string, id: string, objectionId: string, answer: string): Promise<S['HearingObjectionDto']> =>
    call(
      client.POST('/api/communities/{communityId}/hearings/{id}/objections/{objectionId}/answer', {
        params: { path: { communityId, id, objectionId } },
        body: { answer },
      }),
    ),
  assemblyMotion: (communityId: string, id: string, body: AssemblyMotionInput): Promise<HearingVoteDraft> =>
    call(client.POST('/api/communities/{communityId}/hearings/{id}/assembly-motion', { params: ci(communityId, id), body })),
};
