/** Shapes of the hearing endpoints (apps/api/src/hearings). Money is integer fen as a string. */

import type { components } from './generated/schema';

type S = components['schemas'];

export type HearingStatus = S['HearingSummaryDto']['status'];
export type PanelKind = S['PanelSeatViewDto']['kind'];
export type Criterion = S['CriterionViewDto'];
export type HearingSummary = S['HearingSummaryDto'];
export type BidAttachment = S['BidAttachmentDto'];
/** Before the opening only who/when/how many versions; the content keys are absent, never null. */
export type HearingBid = S['HearingBidDto'];
export type PanelSeat = S['PanelSeatViewDto'];
export type RankedBid = S['RankedBidDto'];
export type ShortlistEntry = S['ShortlistEntryDto'];
export type HearingDetail = S['HearingDetailDto'];
/** What POST /hearings and POST /result answer: the hearing row itself, not the detail view. */
export type HearingRecord = S['HearingRecordDto'];
export type BidReceipt = S['BidReceiptDto'];
export type PanelMember = S['PanelMemberDto'];
export type HearingVoteDraft = S['HearingVoteDraftDto'];

export interface NewHearing {
  agendaItemId: string;
  title: string;
  description: string;
  place: string;
  criteria: Criterion[];
  panel: { userId: string; kind: PanelKind }[];
  vendors: { userId: string; vendorName: string }[];
  bidDeadline: string;
  openingAt: string;
}

export interface BidInput {
  amountFen: string;
  warrantyMonths: number;
  deliveryDays: number;
  proposal: string;
  attachment?: File;
}

export type MyBid = S['MyBidDto'];

export interface AssemblyMotionInput {
  title: string;
  method: string;
  channels: string[];
  opensAt: string;
  closesAt: string;
  motionTitle?: string;
}
