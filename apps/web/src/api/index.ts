/** Typed functions for the API endpoints the web app uses. */
import { asForm, call, client, publicClient } from './http';
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
  RoleGrantRequest,
  RoleGrantRequests,
  RosterImportResult,
  UnitPage,
  UnitQuery,
  User,
} from './types';

export { ApiError, fetchFile, saveFile, setApiHandlers, tokenStore } from './http';
export type { FilePath } from './http';
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
export { lettersApi } from './letters';
export type * from './letters';
export { minutesApi } from './minutes';
export type * from './minutes';

const c = (communityId: string) => ({ path: { communityId } });

export const authApi = {
  login: (login: string, password: string): Promise<LoginResult> =>
    call(publicClient.POST('/api/auth/login', { body: { login, password } }), { anonymous: true, quiet: true }),
  logout: (): Promise<void> => call(client.POST('/api/auth/logout'), { quiet: true }),
  changePassword: (currentPassword: string, newPassword: string): Promise<void> =>
    call(client.POST('/api/auth/password', { body: { currentPassword, newPassword } }), { quiet: true }),
  me: (): Promise<Me> => call(client.GET('/api/auth/me')),
};

export const registryApi = {
  communities: (): Promise<MyCommunity[]> => call(client.GET('/api/communities')),
  createCommunity: (body: { name: string; district?: string; address?: string }): Promise<Community> =>
    call(client.POST('/api/communities', { body })),
  community: (communityId: string): Promise<Community> => call(client.GET('/api/communities/{communityId}', { params: c(communityId) })),
  totals: (communityId: string): Promise<CommunityTotals> =>
    call(client.GET('/api/communities/{communityId}/totals', { params: c(communityId) })),
  buildings: (communityId: string): Promise<Building[]> =>
    call(client.GET('/api/communities/{communityId}/buildings', { params: c(communityId) })),
  units: (communityId: string, query: UnitQuery): Promise<UnitPage> =>
    call(client.GET('/api/communities/{communityId}/units', { params: { ...c(communityId), query } })),
  importRoster: (communityId: string, file: File): Promise<RosterImportResult> => {
    const form = new FormData();
    form.append('file', file);
    // The page shows roster errors as a table, so the wrapper stays quiet.
    return call(client.POST('/api/communities/{communityId}/roster-imports', { params: c(communityId), ...asForm(form) }), { quiet: true });
  },
};

export const identityApi = {
  /** quiet: pages that only use the list for names call it without showing a refusal. */
  roles: (communityId: string, quiet = false): Promise<RoleAssignment[]> =>
    call(client.GET('/api/communities/{communityId}/roles', { params: c(communityId) }), { quiet }),
  grantRole: (
    communityId: string,
    body: { userId: string; role: CommunityRole; startsOn?: string; endsOn?: string },
  ): Promise<RoleAssignment> => call(client.POST('/api/communities/{communityId}/roles', { params: c(communityId), body })),
  endRole: (communityId: string, id: string, endsOn?: string): Promise<RoleAssignment> =>
    call(
      client.POST('/api/communities/{communityId}/roles/{id}/end', {
        params: { path: { communityId, id } },
        body: endsOn ? { endsOn } : {},
      }),
    ),
  users: (q?: string): Promise<User[]> => call(client.GET('/api/users', { params: { query: { q } } })),
  /** Role grants under four eyes: whether the admin must ask, and the requests waiting for the residents' committee. */
  roleRequests: (communityId: string): Promise<RoleGrantRequests> =>
    call(client.GET('/api/communities/{communityId}/roles/requests', { params: c(communityId) })),
  requestRole: (
    communityId: string,
    body: { userId: string; role: CommunityRole; startsOn?: string; endsOn?: string },
  ): Promise<RoleGrantRequest> => call(client.POST('/api/communities/{communityId}/roles/requests', { params: c(communityId), body })),
  confirmRoleRequest: (communityId: string, id: string): Promise<RoleAssignment> =>
    call(client.POST('/api/communities/{communityId}/roles/requests/{id}/confirm', { params: { path: { communityId, id } } })),
  rejectRoleRequest: (communityId: string, id: string, reason: string): Promise<RoleGrantRequest> =>
    call(
      client.POST('/api/communities/{communityId}/roles/requests/{id}/reject', {
        params: { path: { communityId, id } },
        body: { reason },
      }),
    ),
};

export const recordApi = {
  entries: (communityId: string, after = 0, limit = 100): Promise<RecordEntry[]> =>
    call(client.GET('/api/communities/{communityId}/record', { params: { ...c(communityId), query: { after, limit } } })),
  verify: (communityId: string): Promise<ChainVerdict> =>
    call(client.GET('/api/communities/{communityId}/record/verify', { params: c(communityId) })),
  sentences: (communityId: string, query: RecordSearch): Promise<RecordSentencePage> =>
    call(client.GET('/api/communities/{communityId}/record/sentences', { params: { ...c(communityId), query } })),
};
