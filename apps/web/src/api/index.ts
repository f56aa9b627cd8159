/** Typed functions for the API endpoints the web app uses. */
import { request } from './http';
import type {
  Building,
  ChainVerdict,
  Community,
  CommunityRole,
  CommunityTotals,
  LoginResult,
  Me,
  MyCommunity,
  RecordEntry,
  RecordSearch,
  RecordSentencePage,
  RoleAssignment,
  RosterImportResult,
  UnitPage,
  UnitQuery,
  User,
} from './types';

export { ApiError, fetchFile, saveFile, setApiHandlers, tokenStore } from './http';
export type * from './types';
export type * from './types-chain';
export type * from './types-finance';
export type * from './types-documents';
export type * from './types-hearings';
export { agendaApi, notificationsApi, rulebookApi, votingApi } from './chain';
export { financeApi, fundraisingApi, publicApi } from './finance';
export type { PublicNoticeText } from './finance';
export { documentsApi, sealsApi, verifyApi } from './documents';
export { hearingsApi } from './hearings';
export { activationApi } from './activation';
export type * from './activation';
export { todoApi } from './todo';
export type * from './todo';
export { minutesApi } from './minutes';
export type * from './minutes';

const c = (communityId: string) => `/communities/${encodeURIComponent(communityId)}`;

export const authApi = {
  login: (login: string, password: string) =>
    request<LoginResult>('/auth/login', { method: 'POST', body: { login, password }, anonymous: true, quiet: true }),
  logout: () => request<void>('/auth/logout', { method: 'POST', quiet: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('/auth/password', { method: 'POST', body: { currentPassword, newPassword }, quiet: true }),
  me: () => request<Me>('/auth/me'),
};

export const registryApi = {
  communities: () => request<MyCommunity[]>('/communities'),
  createCommunity: (body: { name: string; district?: string; address?: string }) =>
    request<Community>('/communities', { method: 'POST', body }),
  community: (communityId: string) => request<Community>(c(communityId)),
  totals: (communityId: string) => request<CommunityTotals>(`${c(communityId)}/totals`),
  buildings: (communityId: string) => request<Building[]>(`${c(communityId)}/buildings`),
  units: (communityId: string, query: UnitQuery) => request<UnitPage>(`${c(communityId)}/units`, { query: { ...query } }),
  importRoster: (communityId: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    // The page shows roster errors as a table, so the wrapper stays quiet.
    return request<RosterImportResult>(`${c(communityId)}/roster-imports`, { method: 'POST', body: form, quiet: true });
  },
};

export const identityApi = {
  /** quiet: pages that only use the list for names call it without showing a refusal. */
  roles: (communityId: string, quiet = false) => request<RoleAssignment[]>(`${c(communityId)}/roles`, { quiet }),
  grantRole: (communityId: string, body: { userId: string; role: CommunityRole; startsOn?: string; endsOn?: string }) =>
    request<RoleAssignment>(`${c(communityId)}/roles`, { method: 'POST', body }),
  endRole: (communityId: string, id: string, endsOn?: string) =>
    request<RoleAssignment>(`${c(communityId)}/roles/${encodeURIComponent(id)}/end`, { method: 'POST', body: endsOn ? { endsOn } : {} }),
  users: (q?: string) => request<User[]>('/users', { query: { q } }),
};

export const recordApi = {
  entries: (communityId: string, after = 0, limit = 100) => request<RecordEntry[]>(`${c(communityId)}/record`, { query: { after, limit } }),
  verify: (communityId: string) => request<ChainVerdict>(`${c(communityId)}/record/verify`),
  sentences: (communityId: string, query: RecordSearch) =>
    request<RecordSentencePage>(`${c(communityId)}/record/sentences`, { query: { ...query } }),
};
