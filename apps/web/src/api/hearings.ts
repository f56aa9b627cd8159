/** Typed functions for hearings (听证会): setup, sealed bids, opening, scoring, result and the assembly motion. */
import { request } from './http';
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

const h = (communityId: string, id = '') =>
  `/communities/${encodeURIComponent(communityId)}/hearings${id ? `/${encodeURIComponent(id)}` : ''}`;

export const hearingsApi = {
  list: (communityId: string) => request<HearingSummary[]>(h(communityId)),
  get: (communityId: string, id: string) => request<HearingDetail>(h(communityId, id)),
  create: (communityId: string, body: NewHearing) => request<HearingRecord>(h(communityId), { method: 'POST', body }),
  replacePanel: (communityId: string, id: string, panel: { userId: string; kind: PanelKind }[]) =>
    request<PanelMember[]>(`${h(communityId, id)}/panel`, { method: 'PUT', body: { panel } }),
  declare: (communityId: string, id: string, conflict?: string) =>
    request<PanelMember>(`${h(communityId, id)}/declarations`, { method: 'POST', body: conflict ? { conflict } : {} }),
  invite: (communityId: string, id: string, userId: string, vendorName: string) =>
    request<S['InvitationDto']>(`${h(communityId, id)}/invitations`, { method: 'POST', body: { userId, vendorName } }),
  /** Multipart, so the optional attachment travels with the bid; numbers as text fields. */
  submitBid: (communityId: string, id: string, bid: BidInput) => {
    const form = new FormData();
    form.append('amountFen', bid.amountFen);
    form.append('warrantyMonths', String(bid.warrantyMonths));
    form.append('deliveryDays', String(bid.deliveryDays));
    form.append('proposal', bid.proposal);
    if (bid.attachment) form.append('attachment', bid.attachment);
    return request<BidReceipt>(`${h(communityId, id)}/bids`, {
      method: 'POST',
      body: form,
    });
  },
  myBid: (communityId: string, id: string) => request<MyBid>(`${h(communityId, id)}/my-bid`),
  open: (communityId: string, id: string) => request<HearingDetail>(`${h(communityId, id)}/opening`, { method: 'POST' }),
  attachmentPath: (communityId: string, id: string, bidId: string) => `${h(communityId, id)}/bids/${encodeURIComponent(bidId)}/attachment`,
  score: (communityId: string, id: string, scores: { bidId: string; criterion: string; score: number }[]) =>
    request<S['ScoreReceiptDto']>(`${h(communityId, id)}/scores`, { method: 'POST', body: { scores } }),
  publish: (communityId: string, id: string, body: { heldAt: string; minutes: string; shortlistSize?: number }) =>
    request<HearingRecord>(`${h(communityId, id)}/result`, { method: 'POST', body }),
  resultPdfPath: (communityId: string, id: string) => `${h(communityId, id)}/result.pdf`,
  object: (communityId: string, id: string, text: string) =>
    request<S['HearingObjectionDto']>(`${h(communityId, id)}/objections`, { method: 'POST', body: { text } }),
  answerObjection: (communityId: string, id: string, objectionId: string, answer: string) =>
    request<S['HearingObjectionDto']>(`${h(communityId, id)}/objections/${encodeURIComponent(objectionId)}/answer`, {
      method: 'POST',
      body: { answer },
    }),
  assemblyMotion: (communityId: string, id: string, body: AssemblyMotionInput) =>
    request<HearingVoteDraft>(`${h(communityId, id)}/assembly-motion`, { method: 'POST', body }),
};
