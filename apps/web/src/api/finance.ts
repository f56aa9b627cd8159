/** Typed functions for public income, statements, the audit and the public pages. */
import { asForm, call, client, publicClient, type FilePath } from './http';
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

const c = (communityId: string) => ({ path: { communityId } });
const ci = (communityId: string, id: string) => ({ path: { communityId, id } });
const enc = encodeURIComponent;

export const financeApi = {
  entries: (communityId: string, query: LedgerQuery): Promise<LedgerEntry[]> =>
    call(client.GET('/api/communities/{communityId}/ledger-entries', { params: { ...c(communityId), query } })),
  addEntry: (communityId: string, body: NewLedgerEntry): Promise<LedgerEntry> =>
    call(client.POST('/api/communities/{communityId}/ledger-entries', { params: c(communityId), body })),
  reverse: (communityId: string, id: string, reason: string): Promise<LedgerEntry> =>
    call(client.POST('/api/communities/{communityId}/ledger-entries/{id}/reversal', { params: ci(communityId, id), body: { reason } })),
  statements: (communityId: string): Promise<StatementSummary[]> =>
    call(client.GET('/api/communities/{communityId}/statements', { params: c(communityId) })),
  statement: (communityId: string, id: string): Promise<Statement> =>
    call(client.GET('/api/communities/{communityId}/statements/{id}', { params: ci(communityId, id) })),
  submit: (communityId: string, periodDate: string): Promise<SubmittedStatement> =>
    call(client.POST('/api/communities/{communityId}/statements', { params: c(communityId), body: { periodDate } })),
  review: (communityId: string, id: string, decision: StatementReview['decision'], findings?: string): Promise<StatementReviewResult> =>
    call(
      client.POST('/api/communities/{communityId}/statements/{id}/reviews', { params: ci(communityId, id), body: { decision, findings } }),
    ),
  reconciliation: (communityId: string, id: string): Promise<Reconciliation> =>
    call(client.GET('/api/communities/{communityId}/statements/{id}/reconciliation', { params: ci(communityId, id) })),
  uploadBankStatement: (communityId: string, id: string, file: File): Promise<Reconciliation> => {
    const form = new FormData();
    form.append('file', file);
    // Quiet: the page lists the bad lines itself.
    return call(
      client.POST('/api/communities/{communityId}/statements/{id}/bank-statement', { params: ci(communityId, id), ...asForm(form) }),
      {
        quiet: true,
      },
    );
  },
  explain: (communityId: string, id: string, itemId: string, explanation: string): Promise<Reconciliation> =>
    call(
      client.POST('/api/communities/{communityId}/statements/{id}/reconciliation/explanations', {
        params: ci(communityId, id),
        body: { itemId, explanation },
      }),
    ),
  /** Renders the PDF and asks the custodian for the committee seal; the seal publishes it. */
  requestPublication: (communityId: string, id: string): Promise<PublicationRequest> =>
    call(client.POST('/api/communities/{communityId}/statements/{id}/publication', { params: ci(communityId, id) })),
};

const contribution = (communityId: string, id: string, contributionId: string) => ({ path: { communityId, id, contributionId } });

/** 集资 projects. */
export const fundraisingApi = {
  list: (communityId: string): Promise<FundraisingProjectSummary[]> =>
    call(client.GET('/api/communities/{communityId}/fundraising-projects', { params: c(communityId) })),
  get: (communityId: string, id: string): Promise<FundraisingProject> =>
    call(client.GET('/api/communities/{communityId}/fundraising-projects/{id}', { params: ci(communityId, id) })),
  create: (communityId: string, body: NewFundraisingProject): Promise<FundraisingProjectCreated> =>
    call(client.POST('/api/communities/{communityId}/fundraising-projects', { params: c(communityId), body })),
  contribute: (communityId: string, id: string, body: NewContribution): Promise<FundraisingContribution> =>
    call(client.POST('/api/communities/{communityId}/fundraising-projects/{id}/contributions', { params: ci(communityId, id), body })),
  refund: (communityId: string, id: string, contributionId: string, body: NewRefund): Promise<FundraisingContribution> =>
    call(
      client.POST('/api/communities/{communityId}/fundraising-projects/{id}/contributions/{contributionId}/refund', {
        params: contribution(communityId, id, contributionId),
        body,
      }),
    ),
  requestReceiptSeal: (communityId: string, id: string, contributionId: string): Promise<ReceiptSealRequest> =>
    call(
      client.POST('/api/communities/{communityId}/fundraising-projects/{id}/contributions/{contributionId}/receipt/seal-request', {
        params: contribution(communityId, id, contributionId),
      }),
    ),
  receiptPath: (communityId: string, id: string, contributionId: string): FilePath =>
    `/communities/${enc(communityId)}/fundraising-projects/${enc(id)}/contributions/${enc(contributionId)}/receipt`,
  disclose: (communityId: string, id: string, periodDate: string): Promise<DisclosureRequest> =>
    call(
      client.POST('/api/communities/{communityId}/fundraising-projects/{id}/disclosures', {
        params: ci(communityId, id),
        body: { periodDate },
      }),
    ),
};

/** What residents read without logging in (anonymous and quiet: the pages show their own empty states). */
const anonymous = { anonymous: true, quiet: true };

export const publicApi = {
  communities: (): Promise<PublicCommunity[]> => call(publicClient.GET('/api/public/communities'), anonymous),
  notice: (communityId: string, voteId: string): Promise<PublicNoticeText> =>
    call(publicClient.GET('/api/public/communities/{communityId}/notices/{id}', { params: ci(communityId, voteId) }), anonymous),
  /** The sealed notice PDF; verifiable on /verify. */
  noticePdfUrl: (communityId: string, voteId: string) => `/api/public/communities/${enc(communityId)}/notices/${enc(voteId)}/pdf`,
  overview: (communityId: string): Promise<PublicOverview> =>
    call(publicClient.GET('/api/public/communities/{communityId}', { params: c(communityId) }), anonymous),
  csvUrl: (communityId: string, statementId: string) => `/api/public/communities/${enc(communityId)}/statements/${enc(statementId)}/csv`,
  /** The sealed PDF; verifiable on /verify. */
  pdfUrl: (communityId: string, statementId: string) => `/api/public/communities/${enc(communityId)}/statements/${enc(statementId)}/pdf`,
  xlsxUrl: (communityId: string, statementId: string) => `/api/public/communities/${enc(communityId)}/statements/${enc(statementId)}/xlsx`,
  fundraising: (communityId: string): Promise<PublicFundraisingList> =>
    call(publicClient.GET('/api/public/communities/{communityId}/fundraising', { params: c(communityId) }), anonymous),
  fundraisingProject: (communityId: string, id: string): Promise<PublicFundraisingProject> =>
    call(publicClient.GET('/api/public/communities/{communityId}/fundraising/{id}', { params: ci(communityId, id) }), anonymous),
  disclosurePdfUrl: (communityId: string, id: string, disclosureId: string) =>
    `/api/public/communities/${enc(communityId)}/fundraising/${enc(id)}/disclosures/${enc(disclosureId)}/pdf`,
};
