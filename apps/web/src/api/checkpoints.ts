/** 决策记录检查点: the public list and check (the public page) and publishing one (staff, the record page). */
import { call, client, publicClient } from './http';
import type { components } from './generated/schema';
import type { CheckpointFile, RecordCheckpointCheck, SignedCheckpoint } from './types-documents';

/** A head as kept by a reader: seq and hash, with signedAt and signature when taken from the downloaded file. */
export type RecordHead = components['schemas']['RecordHeadDto'];

const c = (communityId: string) => ({ params: { path: { communityId } } });

export const checkpointsApi = {
  /** Quiet: the card shows an empty list when there are none yet. */
  list: (communityId: string): Promise<CheckpointFile> =>
    call(publicClient.GET('/api/public/communities/{communityId}/record-checkpoints', c(communityId)), { anonymous: true, quiet: true }),
  check: (communityId: string, head: RecordHead): Promise<RecordCheckpointCheck> =>
    call(publicClient.POST('/api/public/communities/{communityId}/record-checkpoints/check', { ...c(communityId), body: head }), {
      anonymous: true,
    }),
  publish: (communityId: string): Promise<SignedCheckpoint> =>
    call(client.POST('/api/communities/{communityId}/record/checkpoints', c(communityId))),
};
