/** Shapes of the hearing endpoints (apps/api/src/hearings). Money is integer fen as a string. */

import type { components, paths } from './generated/schema';

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

export type NewHearing = S['CreateHearingDto'];

type BidForm = paths['/api/communities/{communityId}/hearings/{id}/bids']['post']['requestBody']['content']['multipart/form-data'];
/** The multipart bid form; the attachment is the browser's File. */
export type BidInput = Omit<BidForm, 'attachment'> & { attachment?: File };

export type MyBid = S['MyBidDto'];

export type AssemblyMotionInput = S['AssemblyMotionDto'];
