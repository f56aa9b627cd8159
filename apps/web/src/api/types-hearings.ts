/** Shapes of the hearing endpoints (apps/api/src/hearings). Money is integer fen as a string. */

export type HearingStatus = 'bidding' | 're_tender' | 'opened' | 'result_published';
export type PanelKind = 'representative' | 'committee' | 'property_company' | 'expert';

export interface Criterion {
  key: string;
  label: string;
  weight: number;
}

export interface HearingSummary {
  id: string;
  agendaItemId: string;
  title: string;
  place: string;
  status: HearingStatus;
  bidDeadline: string;
  openingAt: string;
  openedAt: string | null;
  resultPublishedAt: string | null;
  objectionEndsAt: string | null;
  createdAt: string;
}

export interface BidAttachment {
  name: string;
  type: string;
  size: number;
  sha256: string;
}

/** Before the opening only who/when/how many versions; the content keys are absent, never null. */
export interface HearingBid {
  id: string;
  vendorName: string;
  versions: number;
  firstSubmittedAt: string;
  lastSubmittedAt: string;
  revealedVersion?: number | null;
  amountFen?: string | null;
  warrantyMonths?: number | null;
  deliveryDays?: number | null;
  proposal?: string | null;
  attachment?: BidAttachment | null;
}

export interface PanelSeat {
  id: string;
  userId: string;
  name: string;
  kind: PanelKind;
  declared: boolean;
  conflict: string | null;
  recused: boolean;
  scored: boolean;
}

export interface RankedBid {
  bidId: string;
  vendorName: string;
  rank: number;
  mean: string;
  weightedSum: string;
  scorers: number;
  amountFen: string;
  warrantyMonths: number;
  deliveryDays: number;
  criteria: { key: string; mean: string }[];
}

export interface ShortlistEntry {
  bidId: string;
  optionId: string;
  rank: number;
  label: string;
}

export interface HearingDetail extends HearingSummary {
  description: string;
  criteria: Criterion[];
  sealed: boolean;
  bidCount?: number;
  bids: HearingBid[];
  panel?: PanelSeat[];
  vendors?: { userId: string; vendorName: string; invitedAt: string; submitted: boolean }[];
  result: { heldAt: string; minutes: string; ranking: RankedBid[] } | null;
  shortlist: ShortlistEntry[] | null;
  objections?: { id: string; text: string; filedAt: string }[];
  assemblyVote: { id: string; title: string; status: string } | null;
  chosenBid: { bidId: string; label: string } | null;
}

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

export interface MyBid {
  bidId?: string;
  vendorName: string;
  submitted: boolean;
  versions: { version: number; submittedAt: string; commitment: string }[];
  current: {
    version: number;
    amountFen: string;
    warrantyMonths: number;
    deliveryDays: number;
    proposal: string;
    attachment: BidAttachment | null;
  } | null;
}

export interface AssemblyMotionInput {
  title: string;
  method: string;
  channels: string[];
  opensAt: string;
  closesAt: string;
  motionTitle?: string;
}
