/** Typed functions for the consultation chain, assembly votes, rulebook and notifications. */
import { request } from './http';
import type {
  AgendaItem,
  AgendaItemSummary,
  AssemblyVote,
  Canvassing,
  Choice,
  ItemStatus,
  MeetingInput,
  MyBallot,
  NewAgendaItem,
  NewVote,
  Notification,
  Participation,
  PendingPaper,
  Receipt,
  Recount,
  RulebookVersion,
  StageName,
  VoteResults,
} from './types-chain';

const c = (communityId: string) => `/communities/${encodeURIComponent(communityId)}`;
const item = (communityId: string, id: string) => `${c(communityId)}/agenda-items/${encodeURIComponent(id)}`;
const vote = (communityId: string, id: string) => `${c(communityId)}/votes/${encodeURIComponent(id)}`;

export const agendaApi = {
  list: (communityId: string, status?: ItemStatus) => request<AgendaItemSummary[]>(`${c(communityId)}/agenda-items`, { query: { status } }),
  get: (communityId: string, id: string) => request<AgendaItem>(item(communityId, id)),
  create: (communityId: string, body: NewAgendaItem) =>
    request<AgendaItemSummary>(`${c(communityId)}/agenda-items`, { method: 'POST', body }),
  recordMeeting: (communityId: string, id: string, stage: StageName, body: MeetingInput) =>
    request<unknown>(`${item(communityId, id)}/stages/${stage}/meeting`, { method: 'POST', body }),
  skip: (communityId: string, id: string, stage: StageName, reason: string) =>
    request<unknown>(`${item(communityId, id)}/skips`, { method: 'POST', body: { stage, reason } }),
  resubmit: (communityId: string, id: string, note: string) =>
    request<unknown>(`${item(communityId, id)}/resubmissions`, { method: 'POST', body: { note } }),
  reportProgress: (communityId: string, id: string, progressPercent: number, text: string) =>
    request<unknown>(`${item(communityId, id)}/progress-reports`, { method: 'POST', body: { progressPercent, text } }),
};

export const rulebookApi = {
  current: (communityId: string) => request<RulebookVersion>(`${c(communityId)}/rulebook`),
  versions: (communityId: string) => request<RulebookVersion[]>(`${c(communityId)}/rulebook/versions`),
};

export const votingApi = {
  draft: (communityId: string, itemId: string, body: NewVote) =>
    request<AssemblyVote>(`${item(communityId, itemId)}/votes`, { method: 'POST', body }),
  /** Quiet: the page shows a refusal (e.g. the notice period) next to the button. */
  publish: (communityId: string, id: string) => request<AssemblyVote>(`${vote(communityId, id)}/notice`, { method: 'POST', quiet: true }),
  get: (communityId: string, id: string) => request<AssemblyVote>(vote(communityId, id)),
  myBallot: (communityId: string, id: string) => request<MyBallot>(`${vote(communityId, id)}/my-ballot`),
  cast: (communityId: string, id: string, choices: Choice[], onBehalfOf?: string) =>
    request<Receipt>(`${vote(communityId, id)}/ballots`, { method: 'POST', body: { choices, onBehalfOf }, quiet: true }),
  enterPaper: (communityId: string, id: string, body: { electorId: string; paperRef: string; choices: Choice[] }) =>
    request<Receipt>(`${vote(communityId, id)}/paper-ballots`, { method: 'POST', body }),
  pendingPaper: (communityId: string, id: string) => request<PendingPaper[]>(`${vote(communityId, id)}/paper-ballots/pending`),
  confirmPaper: (communityId: string, id: string, code: string, confirm: boolean, reason?: string) =>
    request<{ receiptCode: string; status: string }>(`${vote(communityId, id)}/paper-ballots/${encodeURIComponent(code)}/confirmation`, {
      method: 'POST',
      body: { confirm, reason },
    }),
  addProxy: (communityId: string, id: string, body: { electorId: string; holderUserId: string; authorisation: string }) =>
    request<unknown>(`${vote(communityId, id)}/proxies`, { method: 'POST', body }),
  receipt: (communityId: string, id: string, code: string) =>
    request<Receipt>(`${vote(communityId, id)}/receipts/${encodeURIComponent(code)}`, { quiet: true }),
  participation: (communityId: string, id: string) => request<Participation>(`${vote(communityId, id)}/participation`),
  canvassing: (communityId: string, id: string) => request<Canvassing>(`${vote(communityId, id)}/canvassing`),
  /** Public: anyone may read the results of a closed vote. */
  results: (communityId: string, id: string) => request<VoteResults>(`${vote(communityId, id)}/results`, { anonymous: true, quiet: true }),
  recount: (communityId: string, id: string) => request<Recount>(`${vote(communityId, id)}/recount`, { method: 'POST' }),
};

export const notificationsApi = {
  list: (communityId: string) => request<Notification[]>(`${c(communityId)}/notifications`),
};
