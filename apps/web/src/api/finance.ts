/** Typed functions for public income, statements, the audit and the public pages. */
import { request } from './http';
import type {
  LedgerEntry,
  LedgerQuery,
  NewLedgerEntry,
  PublicOverview,
  Reconciliation,
  Statement,
  StatementReview,
  StatementStatus,
  StatementSummary,
} from './types-finance';

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
    request<Statement>(`${c(communityId)}/statements`, { method: 'POST', body: { periodDate } }),
  review: (communityId: string, id: string, decision: 'approve' | 'findings', findings?: string) =>
    request<{ status: StatementStatus; review: StatementReview }>(`${st(communityId, id)}/reviews`, {
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
};

/** What residents read without logging in. */
export const publicApi = {
  overview: (communityId: string) =>
    request<PublicOverview>(`/public/communities/${encodeURIComponent(communityId)}`, { anonymous: true, quiet: true }),
  csvUrl: (communityId: string, statementId: string) =>
    `/api/public/communities/${encodeURIComponent(communityId)}/statements/${encodeURIComponent(statementId)}/csv`,
  /** The sealed PDF; verifiable on /verify. */
  pdfUrl: (communityId: string, statementId: string) =>
    `/api/public/communities/${encodeURIComponent(communityId)}/statements/${encodeURIComponent(statementId)}/pdf`,
};
