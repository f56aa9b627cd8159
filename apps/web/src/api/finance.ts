/** Typed functions for public income, statements, the audit and the public pages. */
import { request } from './http';
import type {
  DisclosureRequest,
  FundraisingContribution,
  FundraisingProject,
  FundraisingProjectCreated,
  FundraisingProjectSummary,
  LedgerEntry,
  LedgerQuery,
  NewContribution,
  NewFundraisingProject,
  NewLedgerEntry,
  NewRefund,
  PublicationRequest,
  PublicFundraisingList,
  PublicFundraisingProject,
  PublicOverview,
  ReceiptSealRequest,
  Reconciliation,
  Statement,
  StatementReview,
  StatementReviewResult,
  StatementSummary,
  SubmittedStatement,
} from './types-finance';
import type { PublicCommunity, PublicNoticeText } from './types-public';

export type { PublicCommunity, PublicNoticeText } from './types-public';

const c = (communityId: string) => `/communities/${encodeURIComponent(communityId)}`;
const st = (communityId: string, id: string) => `${c(communityId)}/statements/${encodeURIComponent(id)}`;

export const financeApi = {
  entries: (communityId: string, query: LedgerQuery) => request<LedgerEntry[]>(`${c(communityId)}/ledger-entries`, { query: { ...query } }),
  addEntry: (communityId: string, body: NewLedgerEntry) =>
    request<LedgerEntry>(`${c(communityId)}/ledger-entries`, { method: 'POST', body }),
  reverse: (communityId: string, id: string, reason: string) =>
    request<LedgerEntry>(`${c(communityId)}/ledger-entries/${encodeURIComponent(id)}/reversal`, { method: 'POST', body: { reason } }),
  statements: (communityId: string) => request<StatementSummary[]>(`${c(communityId)}/statements`),
  statement: (communityId: string, id: string) => request<Statement>(st(communityId, id)),
  submit: (communityId: string, periodDate: string) =>
    request<SubmittedStatement>(`${c(communityId)}/statements`, { method: 'POST', body: { periodDate } }),
  review: (communityId: string, id: string, decision: StatementReview['decision'], findings?: string) =>
    request<StatementReviewResult>(`${st(communityId, id)}/reviews`, {
      method: 'POST',
      body: { decision, findings },
    }),
  reconciliation: (communityId: string, id: string) => request<Reconciliation>(`${st(communityId, id)}/reconciliation`),
  uploadBankStatement: (communityId: string, id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    // Quiet: the page lists the bad lines itself.
    return request<Reconciliation>(`${st(communityId, id)}/bank-statement`, { method: 'POST', body: form, quiet: true });
  },
  explain: (communityId: string, id: string, itemId: string, explanation: string) =>
    request<Reconciliation>(`${st(communityId, id)}/reconciliation/explanations`, { method: 'POST', body: { itemId, explanation } }),
  /** Renders the PDF and asks the custodian for the committee seal; the seal publishes it. */
  requestPublication: (communityId: string, id: string) =>
    request<PublicationRequest>(`${st(communityId, id)}/publication`, { method: 'POST' }),
};

const fr = (communityId: string, id?: string) => `${c(communityId)}/fundraising-projects${id ? `/${encodeURIComponent(id)}` : ''}`;

/** 集资 projects. */
export const fundraisingApi = {
  list: (communityId: string) => request<FundraisingProjectSummary[]>(fr(communityId)),
  get: (communityId: string, id: string) => request<FundraisingProject>(fr(communityId, id)),
  create: (communityId: string, body: NewFundraisingProject) =>
    request<FundraisingProjectCreated>(fr(communityId), { method: 'POST', body }),
  contribute: (communityId: string, id: string, body: NewContribution) =>
    request<FundraisingContribution>(`${fr(communityId, id)}/contributions`, { method: 'POST', body }),
  refund: (communityId: string, id: string, contributionId: string, body: NewRefund) =>
    request<FundraisingContribution>(`${fr(communityId, id)}/contributions/${encodeURIComponent(contributionId)}/refund`, {
      method: 'POST',
      body,
    }),
  requestReceiptSeal: (communityId: string, id: string, contributionId: string) =>
    request<ReceiptSealRequest>(`${fr(communityId, id)}/contributions/${encodeURIComponent(contributionId)}/receipt/seal-request`, {
      method: 'POST',
    }),
  receiptPath: (communityId: string, id: string, contributionId: string) =>
    `${fr(communityId, id)}/contributions/${encodeURIComponent(contributionId)}/receipt`,
  disclose: (communityId: string, id: string, periodDate: string) =>
    request<DisclosureRequest>(`${fr(communityId, id)}/disclosures`, {
      method: 'POST',
      body: { periodDate },
    }),
};

/** What residents read without logging in. */
export const publicApi = {
  communities: () => request<PublicCommunity[]>('/public/communities', { anonymous: true, quiet: true }),
  notice: (communityId: string, voteId: string) =>
    request<PublicNoticeText>(`/public/communities/${encodeURIComponent(communityId)}/notices/${encodeURIComponent(voteId)}`, {
      anonymous: true,
      quiet: true,
    }),
  /** The sealed notice PDF; verifiable on /verify. */
  noticePdfUrl: (communityId: string, voteId: string) =>
    `/api/public/communities/${encodeURIComponent(communityId)}/notices/${encodeURIComponent(voteId)}/pdf`,
  overview: (communityId: string) =>
    request<PublicOverview>(`/public/communities/${encodeURIComponent(communityId)}`, { anonymous: true, quiet: true }),
  csvUrl: (communityId: string, statementId: string) =>
    `/api/public/communities/${encodeURIComponent(communityId)}/statements/${encodeURIComponent(statementId)}/csv`,
  /** The sealed PDF; verifiable on /verify. */
  pdfUrl: (communityId: string, statementId: string) =>
    `/api/public/communities/${encodeURIComponent(communityId)}/statements/${encodeURIComponent(statementId)}/pdf`,
  xlsxUrl: (communityId: string, statementId: string) =>
    `/api/public/communities/${encodeURIComponent(communityId)}/statements/${encodeURIComponent(statementId)}/xlsx`,
  fundraising: (communityId: string) =>
    request<PublicFundraisingList>(`/public/communities/${encodeURIComponent(communityId)}/fundraising`, { anonymous: true, quiet: true }),
  fundraisingProject: (communityId: string, id: string) =>
    request<PublicFundraisingProject>(`/public/communities/${encodeURIComponent(communityId)}/fundraising/${encodeURIComponent(id)}`, {
      anonymous: true,
      quiet: true,
    }),
  disclosurePdfUrl: (communityId: string, id: string, disclosureId: string) =>
    `/api/public/communities/${encodeURIComponent(communityId)}/fundraising/${encodeURIComponent(id)}/disclosures/${encodeURIComponent(disclosureId)}/pdf`,
};
