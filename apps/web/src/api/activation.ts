/** Owner activation letters (激活通知书) and self-registration. */
import { asForm, call, callForFile, client, publicClient } from './http';
import type { components } from './generated/schema';
import type { LoginResult } from './types';

type Schemas = components['schemas'];

export type ActivationStatus = Schemas['ActivationStatus'];

export type OwnerActivation = Schemas['OwnerActivationDto'];

export type BuildingActivation = Schemas['BuildingActivationDto'];

/** What to issue (IssueLettersDto); the web always asks for the PDF. */
export type IssueLetters = Omit<Schemas['IssueLettersDto'], 'format' | 'reissue'> & { reissue?: boolean };

const c = (communityId: string) => ({ path: { communityId } });
const owner = (communityId: string, id: string) => ({ params: { path: { communityId, id } } });

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
  owners: (
    communityId: string,
    query: { buildingId?: string; status?: ActivationStatus; q?: string; page?: number; pageSize?: number },
  ): Promise<Schemas['OwnerActivationPageDto']> =>
    call(client.GET('/api/communities/{communityId}/activation-letters', { params: { ...c(communityId), query } })),
  buildings: (communityId: string): Promise<BuildingActivation[]> =>
    call(client.GET('/api/communities/{communityId}/activation-letters/buildings', { params: c(communityId) })),
  revoke: (communityId: string, ownerId: string): Promise<OwnerActivation> =>
    call(client.POST('/api/communities/{communityId}/owners/{id}/activation-letter/revoke', owner(communityId, ownerId))),
  unlock: (communityId: string, ownerId: string): Promise<OwnerActivation> =>
    call(client.POST('/api/communities/{communityId}/owners/{id}/activation-letter/unlock', owner(communityId, ownerId))),
  /**
   * Issues the letters and returns the print-ready PDF (the codes exist only in it). Quiet: the page shows the
   * refusal itself; the count of letters comes in the X-Letters-Issued header.
   */
  issuePdf: async (communityId: string, body: IssueLetters): Promise<{ blob: Blob; issued: number }> => {
    const response = await callForFile(
      client.POST('/api/communities/{communityId}/activation-letters', {
        params: c(communityId),
        body: { ...body, reissue: body.reissue ?? false, format: 'pdf' },
        parseAs: 'stream',
      }),
      { quiet: true },
    );
    return { blob: await response.blob(), issued: Number(response.headers.get('X-Letters-Issued') ?? 0) };
  },
  check: (code: string): Promise<Schemas['CodeCheckDto']> =>
    call(publicClient.POST('/api/activation/check', { body: { code } }), { anonymous: true, quiet: true }),
  activate: (body: { code: string; fact: string; password: string; loginName?: string; mobile?: string }): Promise<LoginResult> =>
    call(publicClient.POST('/api/activation', { body }), { anonymous: true, quiet: true }),
  link: (body: { code: string; fact: string }): Promise<Schemas['OwnerLinkDto']> =>
    call(client.POST('/api/activation/link', { body }), { quiet: true }),
  register: (body: { loginName?: string; mobile?: string; displayName: string; password: string }): Promise<Schemas['RegisteredUserDto']> =>
    call(publicClient.POST('/api/users', { body }), { anonymous: true, quiet: true }),
};
