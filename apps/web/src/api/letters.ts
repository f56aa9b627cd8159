import type { components } from './generated/schema';
import { call, client } from './http';

type Schemas = components['schemas'];

/** 公告信件 (generated from apps/api/src/letters/letters.dto.ts). */
export type OwnerLetter = Schemas['OwnerLetterDto'];
export type OwnerLetters = Schemas['OwnerLettersDto'];

export const lettersApi = {
  list: (communityId: string): Promise<OwnerLetters> =>
    call(client.GET('/api/communities/{communityId}/letters', { params: { path: { communityId } } })),
  /** Marks the letter as opened (only the first opening is kept). Quiet: the owner is reading, not acting. */
  read: (communityId: string, id: string): Promise<OwnerLetter> =>
    call(client.POST('/api/communities/{communityId}/letters/{id}/read', { params: { path: { communityId, id } } }), { quiet: true }),
};
