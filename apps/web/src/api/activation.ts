/** Owner activation letters (激活通知书) and self-registration. */
import { ApiError, asForm, call, client, request, tokenStore } from './http';
import type { components } from './generated/schema';
import type { LoginResult } from './types';

type Schemas = components['schemas'];

export type ActivationStatus = Schemas['ActivationStatus'];

export type OwnerActivation = Schemas['OwnerActivationDto'];

export type BuildingActivation = Schemas['BuildingActivationDto'];

/** What to issue (IssueLettersDto); the web always asks for the PDF. */
export type IssueLetters = Omit<Schemas['IssueLettersDto'], 'format' | 'reissue'> & { reissue?: boolean };

const c = (communityId: string) => `/communities/${encodeURIComponent(communityId)}`;

export type RegisterFactsResult = Schemas['RegisterFactsResultDto'];

export const activationApi = {
  /** The residents' committee's facts file (核验信息); the page shows line errors itself, so the call is quiet. */
  importRegisterFacts: (communityId: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return call(client.POST('/api/communities/{communityId}/register-facts', { params: { path: { communityId } }, ...asForm(form) }), {
      quiet: true,
    });
  },
  owners: (communityId: string, query: { buildingId?: string; status?: ActivationStatus; q?: string; page?: number; pageSize?: number }) =>
    request<Schemas['OwnerActivationPageDto']>(`${c(communityId)}/activation-letters`, {
      query: { ...query },
    }),
  buildings: (communityId: string) => request<BuildingActivation[]>(`${c(communityId)}/activation-letters/buildings`),
  revoke: (communityId: string, ownerId: string) =>
    request<OwnerActivation>(`${c(communityId)}/owners/${encodeURIComponent(ownerId)}/activation-letter/revoke`, { method: 'POST' }),
  unlock: (communityId: string, ownerId: string) =>
    request<OwnerActivation>(`${c(communityId)}/owners/${encodeURIComponent(ownerId)}/activation-letter/unlock`, { method: 'POST' }),
  /** Issues the letters and returns the print-ready PDF (the codes exist only in it). */
  issuePdf: async (communityId: string, body: IssueLetters): Promise<{ blob: Blob; issued: number }> => {
    const token = tokenStore.get();
    const response = await fetch(`/api${c(communityId)}/activation-letters`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ ...body, format: 'pdf' }),
    });
    if (!response.ok) {
      const payload = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
      throw new ApiError(response.status, payload.code ?? `http_${response.status}`, payload.message ?? `发放失败（${response.status}）`);
    }
    return { blob: await response.blob(), issued: Number(response.headers.get('X-Letters-Issued') ?? 0) };
  },
  check: (code: string) =>
    request<Schemas['CodeCheckDto']>('/activation/check', { method: 'POST', body: { code }, anonymous: true, quiet: true }),
  activate: (body: { code: string; fact: string; password: string; loginName?: string; mobile?: string }) =>
    request<LoginResult>('/activation', { method: 'POST', body, anonymous: true, quiet: true }),
  link: (body: { code: string; fact: string }) =>
    request<Schemas['OwnerLinkDto']>('/activation/link', { method: 'POST', body, quiet: true }),
  register: (body: { loginName?: string; mobile?: string; displayName: string; password: string }) =>
    request<Schemas['RegisteredUserDto']>('/users', { method: 'POST', body, anonymous: true, quiet: true }),
};
