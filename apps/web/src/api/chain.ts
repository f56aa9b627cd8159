/** Typed functions for the consultation chain, assembly votes, rulebook and notifications. */
import { asForm, call, client, publicClient, type FilePath } from './http';
import type { components, operations } from './generated/schema';
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

/** The filter of GET …/agenda-items (a draft is never listed, so it is not a status to ask for). */
type AgendaFilter = NonNullable<operations['AgendaController_list']['parameters']['query']>;

const c = (communityId: string) => ({ params: { path: { communityId } } });
const ci = (communityId: string, id: string) => ({ path: { communityId, id } });

export const agendaApi = {
  list: (communityId: string, status?: AgendaFilter['status']): Promise<AgendaItemSummary[]> =>
    call(client.GET('/api/communities/{communityId}/agenda-items', { params: { path: { communityId }, query: { status } } })),
  get: (communityId: string, id: string): Promise<AgendaItem> =>
    call(client.GET('/api/communities/{communityId}/agenda-items/{id}', { params: ci(communityId, id) })),
  create: (communityId: string, body: NewAgendaItem): Promise<AgendaItemRow> =>
    call(client.POST('/api/communities/{communityId}/agenda-items', { ...c(communityId), body })),
  recordMeeting: (communityId: string, id: string, stage: StageName, body: MeetingInput): Promise<RecordedMeeting> =>
    call(
      client.POST('/api/communities/{communityId}/agenda-items/{id}/stages/{stage}/meeting', {
        params: { path: { communityId, id, stage } },
        body,
      }),
    ),
  skip: (communityId: string, id: string, stage: StageName, reason: string): Promise<AgendaItemRow> =>
    call(client.POST('/api/communities/{communityId}/agenda-items/{id}/skips', { params: ci(communityId, id), body: { stage, reason } })),
  resubmit: (communityId: string, id: string, note: string): Promise<AgendaItemRow> =>
    call(client.POST('/api/communities/{communityId}/agenda-items/{id}/resubmissions', { params: ci(communityId, id), body: { note } })),
  reportProgress: (communityId: string, id: string, progressPercent: number, text: string, amountFen?: string): Promise<ExecutionReport> =>
    call(
      client.POST('/api/communities/{communityId}/agenda-items/{id}/progress-reports', {
        params: ci(communityId, id),
        body: { progressPercent, text, ...(amountFen ? { amountFen } : {}) },
      }),
    ),
};

export const rulebookApi = {
  current: (communityId: string): Promise<RulebookVersion> => call(client.GET('/api/communities/{communityId}/rulebook', c(communityId))),
  versions: (communityId: string): Promise<RulebookVersion[]> =>
    call(client.GET('/api/communities/{communityId}/rulebook/versions', c(communityId))),
  drafts: (communityId: string): Promise<RulebookDraft[]> =>
    call(client.GET('/api/communities/{communityId}/rulebook/drafts', c(communityId))),
  citableVotes: (communityId: string): Promise<CitableVote[]> =>
    call(client.GET('/api/communities/{communityId}/rulebook/citable-votes', c(communityId))),
  draft: (communityId: string, change: Record<string, unknown>, note: string): Promise<RulebookDraftState> =>
    call(client.POST('/api/communities/{communityId}/rulebook/drafts', { ...c(communityId), body: { change, note } })),
  adopt: (communityId: string, draftId: string, voteId: string): Promise<RulebookVersion> =>
    call(
      client.POST('/api/communities/{communityId}/rulebook/drafts/{id}/adoption', { params: ci(communityId, draftId), body: { voteId } }),
    ),
  confirmFirst: (communityId: string, draftId: string): Promise<RulebookVersion> =>
    call(client.POST('/api/communities/{communityId}/rulebook/drafts/{id}/confirmation', { params: ci(communityId, draftId) })),
  withdraw: (communityId: string, draftId: string): Promise<RulebookDraftState> =>
    call(client.POST('/api/communities/{communityId}/rulebook/drafts/{id}/withdrawal', { params: ci(communityId, draftId) })),
};

/** The path of a proxy's scan (a file behind the login, fetched with fetchFile). */
const proxyScan = (communityId: string, id: string, proxyId: string): FilePath =>
  `/communities/${encodeURIComponent(communityId)}/votes/${encodeURIComponent(id)}/proxies/${encodeURIComponent(proxyId)}/scan`;

export const votingApi = {
  draft: (communityId: string, itemId: string, body: NewVote): Promise<VoteRow> =>
    call(client.POST('/api/communities/{communityId}/agenda-items/{id}/votes', { params: ci(communityId, itemId), body })),
  updateDraft: (communityId: string, id: string, body: NewVote): Promise<VoteRow> =>
    call(client.PUT('/api/communities/{communityId}/votes/{id}', { params: ci(communityId, id), body })),
  deleteDraft: (communityId: string, id: string): Promise<Deleted> =>
    call(client.DELETE('/api/communities/{communityId}/votes/{id}', { params: ci(communityId, id) })),
  /** Quiet: the page shows a refusal (e.g. the notice period) next to the button. */
  publish: (communityId: string, id: string): Promise<AssemblyVote> =>
    call(client.POST('/api/communities/{communityId}/votes/{id}/notice', { params: ci(communityId, id) }), { quiet: true }),
  /** Asks again (server side, the system's request) when no request is pending: seals cut after publishing, a refusal. */
  askNoticeSeals: (communityId: string, id: string): Promise<components['schemas']['NoticeSealingDto']> =>
    call(client.POST('/api/communities/{communityId}/votes/{id}/notice/seal-request', { params: ci(communityId, id) }), { quiet: true }),
  /** Quiet: the page shows the refusal (notice period, a seal already on the notice) next to the form. */
  reschedule: (communityId: string, id: string, window: { opensAt: string; closesAt: string }): Promise<AssemblyVote> =>
    call(client.PUT('/api/communities/{communityId}/votes/{id}/window', { params: ci(communityId, id), body: window }), { quiet: true }),
  get: (communityId: string, id: string): Promise<AssemblyVote> =>
    call(client.GET('/api/communities/{communityId}/votes/{id}', { params: ci(communityId, id) })),
  totals: (communityId: string, id: string): Promise<VoteTotals> =>
    call(client.GET('/api/communities/{communityId}/votes/{id}/totals', { params: ci(communityId, id) })),
  myBallot: (communityId: string, id: string): Promise<MyBallot> =>
    call(client.GET('/api/communities/{communityId}/votes/{id}/my-ballot', { params: ci(communityId, id) })),
  cast: (communityId: string, id: string, choices: Choice[], onBehalfOf?: string): Promise<Receipt> =>
    call(client.POST('/api/communities/{communityId}/votes/{id}/ballots', { params: ci(communityId, id), body: { choices, onBehalfOf } }), {
      quiet: true,
    }),
  enterPaper: (communityId: string, id: string, body: { electorId: string; paperRef: string; choices: Choice[] }): Promise<Receipt> =>
    call(client.POST('/api/communities/{communityId}/votes/{id}/paper-ballots', { params: ci(communityId, id), body })),
  pendingPaper: (communityId: string, id: string): Promise<PendingPaper[]> =>
    call(client.GET('/api/communities/{communityId}/votes/{id}/paper-ballots/pending', { params: ci(communityId, id) })),
  confirmPaper: (communityId: string, id: string, code: string, confirm: boolean, reason?: string): Promise<PaperConfirmation> =>
    call(
      client.POST('/api/communities/{communityId}/votes/{id}/paper-ballots/{code}/confirmation', {
        params: { path: { communityId, id, code } },
        body: { confirm, reason },
      }),
    ),
  addProxy: (
    communityId: string,
    id: string,
    body: { electorId: string; holderUserId: string; authorisation: string },
    scan?: File,
  ): Promise<ProxyEntered> => {
    if (!scan) return call(client.POST('/api/communities/{communityId}/votes/{id}/proxies', { params: ci(communityId, id), body }));
    const form = new FormData();
    for (const [k, v] of Object.entries(body)) form.append(k, v);
    form.append('scan', scan);
    return call(
      client.POST('/api/communities/{communityId}/votes/{id}/proxies-with-scan', { params: ci(communityId, id), ...asForm(form) }),
    );
  },
  proxies: (communityId: string, id: string): Promise<ProxyEntry[]> =>
    call(client.GET('/api/communities/{communityId}/votes/{id}/proxies', { params: ci(communityId, id) })),
  confirmProxy: (communityId: string, id: string, proxyId: string): Promise<ProxyEntry> =>
    call(
      client.POST('/api/communities/{communityId}/votes/{id}/proxies/{proxyId}/confirmation', {
        params: { path: { communityId, id, proxyId } },
      }),
    ),
  proxyScanPath: proxyScan,
  revokeMyProxy: (communityId: string, id: string): Promise<ProxyEntry> =>
    call(client.POST('/api/communities/{communityId}/votes/{id}/my-proxy/revocation', { params: ci(communityId, id) })),
  receipt: (communityId: string, id: string, code: string): Promise<Receipt> =>
    call(client.GET('/api/communities/{communityId}/votes/{id}/receipts/{code}', { params: { path: { communityId, id, code } } }), {
      quiet: true,
    }),
  participation: (communityId: string, id: string): Promise<Participation> =>
    call(client.GET('/api/communities/{communityId}/votes/{id}/participation', { params: ci(communityId, id) })),
  canvassing: (communityId: string, id: string): Promise<Canvassing> =>
    call(client.GET('/api/communities/{communityId}/votes/{id}/canvassing', { params: ci(communityId, id) })),
  /** Public: anyone may read the results of a closed vote. */
  results: (communityId: string, id: string): Promise<VoteResults> =>
    call(publicClient.GET('/api/communities/{communityId}/votes/{id}/results', { params: ci(communityId, id) }), {
      anonymous: true,
      quiet: true,
    }),
  recount: (communityId: string, id: string): Promise<Recount> =>
    call(client.POST('/api/communities/{communityId}/votes/{id}/recount', { params: ci(communityId, id) })),
  objections: (communityId: string, id: string): Promise<VoteObjectionsStatus> =>
    call(client.GET('/api/communities/{communityId}/votes/{id}/objections', { params: ci(communityId, id) })),
  fileObjection: (communityId: string, id: string, body: { text: string; unitNumber?: string }): Promise<VoteObjection> =>
    call(client.POST('/api/communities/{communityId}/votes/{id}/objections', { params: ci(communityId, id), body })),
  answerObjection: (communityId: string, id: string, objectionId: string, answer: string): Promise<VoteObjection> =>
    call(
      client.POST('/api/communities/{communityId}/votes/{id}/objections/{objectionId}/answer', {
        params: { path: { communityId, id, objectionId } },
        body: { answer },
      }),
    ),
  issueFinalResult: (communityId: string, id: string, body: { scrutineers?: string[]; counters?: string[] }): Promise<FinalResultIssued> =>
    call(client.POST('/api/communities/{communityId}/votes/{id}/final-result', { params: ci(communityId, id), body })),
};

export const notificationsApi = {
  list: (communityId: string): Promise<Notification[]> => call(client.GET('/api/communities/{communityId}/notifications', c(communityId))),
};
