/** Typed functions for the consultation chain, assembly votes, rulebook and notifications. */
import { request } from './http';
import type { components } from './generated/schema';
import type {
  AgendaItem,
  AgendaItemRow,
  AgendaItemSummary,
  AssemblyVote,
  Canvassing,
  CitableVote,
  Deleted,
  ExecutionReport,
  FinalResultIssued,
  Choice,
  ItemStatus,
  MeetingInput,
  MyBallot,
  NewAgendaItem,
  NewVote,
  Notification,
  Participation,
  PaperConfirmation,
  PendingPaper,
  ProxyEntered,
  ProxyEntry,
  Receipt,
  RecordedMeeting,
  Recount,
  VoteObjectionsStatus,
  RulebookDraft,
  RulebookDraftState,
  RulebookVersion,
  StageName,
  VoteObjection,
  VoteResults,
  VoteRow,
} from './types-chain';
import type { VoteTotals } from './types';

const c = (communityId: string) => `/communities/${encodeURIComponent(communityId)}`;
const item = (communityId: string, id: string) => `${c(communityId)}/agenda-items/${encodeURIComponent(id)}`;
const vote = (communityId: string, id: string) => `${c(communityId)}/votes/${encodeURIComponent(id)}`;

export const agendaApi = {
  list: (communityId: string, status?: ItemStatus) => request<AgendaItemSummary[]>(`${c(communityId)}/agenda-items`, { query: { status } }),
  get: (communityId: string, id: string) => request<AgendaItem>(item(communityId, id)),
  create: (communityId: string, body: NewAgendaItem) => request<AgendaItemRow>(`${c(communityId)}/agenda-items`, { method: 'POST', body }),
  recordMeeting: (communityId: string, id: string, stage: StageName, body: MeetingInput) =>
    request<RecordedMeeting>(`${item(communityId, id)}/stages/${stage}/meeting`, { method: 'POST', body }),
  skip: (communityId: string, id: string, stage: StageName, reason: string) =>
    request<AgendaItemRow>(`${item(communityId, id)}/skips`, { method: 'POST', body: { stage, reason } }),
  resubmit: (communityId: string, id: string, note: string) =>
    request<AgendaItemRow>(`${item(communityId, id)}/resubmissions`, { method: 'POST', body: { note } }),
  reportProgress: (communityId: string, id: string, progressPercent: number, text: string) =>
    request<ExecutionReport>(`${item(communityId, id)}/progress-reports`, { method: 'POST', body: { progressPercent, text } }),
};

export const rulebookApi = {
  current: (communityId: string) => request<RulebookVersion>(`${c(communityId)}/rulebook`),
  versions: (communityId: string) => request<RulebookVersion[]>(`${c(communityId)}/rulebook/versions`),
  drafts: (communityId: string) => request<RulebookDraft[]>(`${c(communityId)}/rulebook/drafts`),
  citableVotes: (communityId: string) => request<CitableVote[]>(`${c(communityId)}/rulebook/citable-votes`),
  draft: (communityId: string, change: Record<string, unknown>, note: string) =>
    request<RulebookDraftState>(`${c(communityId)}/rulebook/drafts`, { method: 'POST', body: { change, note } }),
  adopt: (communityId: string, draftId: string, voteId: string) =>
    request<RulebookVersion>(`${c(communityId)}/rulebook/drafts/${encodeURIComponent(draftId)}/adoption`, {
      method: 'POST',
      body: { voteId },
    }),
  confirmFirst: (communityId: string, draftId: string) =>
    request<RulebookVersion>(`${c(communityId)}/rulebook/drafts/${encodeURIComponent(draftId)}/confirmation`, { method: 'POST' }),
  withdraw: (communityId: string, draftId: string) =>
    request<RulebookDraftState>(`${c(communityId)}/rulebook/drafts/${encodeURIComponent(draftId)}/withdrawal`, { method: 'POST' }),
};

export const votingApi = {
  draft: (communityId: string, itemId: string, body: NewVote) =>
    request<VoteRow>(`${item(communityId, itemId)}/votes`, { method: 'POST', body }),
  updateDraft: (communityId: string, id: string, body: NewVote) => request<VoteRow>(vote(communityId, id), { method: 'PUT', body }),
  deleteDraft: (communityId: string, id: string) => request<Deleted>(vote(communityId, id), { method: 'DELETE' }),
  /** Quiet: the page shows a refusal (e.g. the notice period) next to the button. */
  publish: (communityId: string, id: string) => request<AssemblyVote>(`${vote(communityId, id)}/notice`, { method: 'POST', quiet: true }),
  /** Asks again (server side, the system's request) when no request is pending: seals cut after publishing, a refusal. */
  askNoticeSeals: (communityId: string, id: string) =>
    request<components['schemas']['NoticeSealingDto']>(`${vote(communityId, id)}/notice/seal-request`, { method: 'POST', quiet: true }),
  /** Quiet: the page shows the refusal (notice period, a seal already on the notice) next to the form. */
  reschedule: (communityId: string, id: string, window: { opensAt: string; closesAt: string }) =>
    request<AssemblyVote>(`${vote(communityId, id)}/window`, { method: 'PUT', body: window, quiet: true }),
  get: (communityId: string, id: string) => request<AssemblyVote>(vote(communityId, id)),
  totals: (communityId: string, id: string) => request<VoteTotals>(`${vote(communityId, id)}/totals`),
  myBallot: (communityId: string, id: string) => request<MyBallot>(`${vote(communityId, id)}/my-ballot`),
  cast: (communityId: string, id: string, choices: Choice[], onBehalfOf?: string) =>
    request<Receipt>(`${vote(communityId, id)}/ballots`, { method: 'POST', body: { choices, onBehalfOf }, quiet: true }),
  enterPaper: (communityId: string, id: string, body: { electorId: string; paperRef: string; choices: Choice[] }) =>
    request<Receipt>(`${vote(communityId, id)}/paper-ballots`, { method: 'POST', body }),
  pendingPaper: (communityId: string, id: string) => request<PendingPaper[]>(`${vote(communityId, id)}/paper-ballots/pending`),
  confirmPaper: (communityId: string, id: string, code: string, confirm: boolean, reason?: string) =>
    request<PaperConfirmation>(`${vote(communityId, id)}/paper-ballots/${encodeURIComponent(code)}/confirmation`, {
      method: 'POST',
      body: { confirm, reason },
    }),
  addProxy: (communityId: string, id: string, body: { electorId: string; holderUserId: string; authorisation: string }, scan?: File) => {
    if (!scan) return request<ProxyEntered>(`${vote(communityId, id)}/proxies`, { method: 'POST', body });
    const form = new FormData();
    for (const [k, v] of Object.entries(body)) form.append(k, v);
    form.append('scan', scan);
    return request<ProxyEntered>(`${vote(communityId, id)}/proxies-with-scan`, { method: 'POST', body: form });
  },
  proxies: (communityId: string, id: string) => request<ProxyEntry[]>(`${vote(communityId, id)}/proxies`),
  confirmProxy: (communityId: string, id: string, proxyId: string) =>
    request<ProxyEntry>(`${vote(communityId, id)}/proxies/${encodeURIComponent(proxyId)}/confirmation`, { method: 'POST' }),
  proxyScanPath: (communityId: string, id: string, proxyId: string) =>
    `${vote(communityId, id)}/proxies/${encodeURIComponent(proxyId)}/scan`,
  revokeMyProxy: (communityId: string, id: string) =>
    request<ProxyEntry>(`${vote(communityId, id)}/my-proxy/revocation`, { method: 'POST' }),
  receipt: (communityId: string, id: string, code: string) =>
    request<Receipt>(`${vote(communityId, id)}/receipts/${encodeURIComponent(code)}`, { quiet: true }),
  participation: (communityId: string, id: string) => request<Participation>(`${vote(communityId, id)}/participation`),
  canvassing: (communityId: string, id: string) => request<Canvassing>(`${vote(communityId, id)}/canvassing`),
  /** Public: anyone may read the results of a closed vote. */
  results: (communityId: string, id: string) => request<VoteResults>(`${vote(communityId, id)}/results`, { anonymous: true, quiet: true }),
  recount: (communityId: string, id: string) => request<Recount>(`${vote(communityId, id)}/recount`, { method: 'POST' }),
  objections: (communityId: string, id: string) => request<VoteObjectionsStatus>(`${vote(communityId, id)}/objections`),
  fileObjection: (communityId: string, id: string, body: { text: string; unitNumber?: string }) =>
    request<VoteObjection>(`${vote(communityId, id)}/objections`, { method: 'POST', body }),
  answerObjection: (communityId: string, id: string, objectionId: string, answer: string) =>
    request<VoteObjection>(`${vote(communityId, id)}/objections/${objectionId}/answer`, { method: 'POST', body: { answer } }),
  issueFinalResult: (communityId: string, id: string, body: { scrutineers?: string[]; counters?: string[] }) =>
    request<FinalResultIssued>(`${vote(communityId, id)}/final-result`, { method: 'POST', body }),
};

export const notificationsApi = {
  list: (communityId: string) => request<Notification[]>(`${c(communityId)}/notifications`),
};
