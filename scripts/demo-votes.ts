import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SealRequestsService } from '../apps/api/src/seals/seal-requests.service';
import { VoteObjectionsService } from '../apps/api/src/vote-results/vote-objections.service';
import { VoteClosingService } from '../apps/api/src/voting/vote-closing.service';
import type { DemoSealPins } from './demo-seals';
import { atTime } from './demo-trust';

const HOUR = 3_600_000;

/**
 * A demo vote that has run its course, each step on its day: closed by its job a minute after `closesAt` (the
 * preliminary result is posted and the committee-seal custodian seals it), then, an hour after the objection
 * period (no objections), a committee member issues the final 表决结果公告 and both custodians seal it — only then
 * does the item advance on the result.
 */
export async function concludeDemoVote(
  app: INestApplication,
  communityId: string,
  voteId: string,
  closesAt: Date,
  who: Record<string, string>,
  pins: DemoSealPins,
): Promise<void> {
  const requests = app.get(SealRequestsService);
  const dataSource = app.get(DataSource);
  // The counting record names the scrutineers and tellers the notice named (as the preliminary result does).
  const [{ details }] = await dataSource.query<{ details: { scrutineers?: string[]; tellers?: string[] } }[]>(
    'SELECT notice_details AS details FROM assembly_votes WHERE id = $1',
    [voteId],
  );
  const names = { scrutineers: details.scrutineers ?? [], counters: details.tellers ?? [] };
  const closedAt = new Date(closesAt.getTime() + 60_000);
  await atTime(app, closedAt, async () => {
    await app.get(VoteClosingService).closeIfDue(communityId, voteId);
    // Posting it asked for the committee seal (the system's request); its custodian applies it.
    const [preliminary] = await dataSource.query<{ id: string }[]>(
      `SELECT r.id FROM seal_requests r JOIN documents d ON d.id = r.document_id
        WHERE d.source_type = 'assembly_vote_preliminary' AND d.source_id = $1 AND r.status = 'pending'`,
      [voteId],
    );
    if (!preliminary) throw new Error('demo: the preliminary result has no seal request');
    await requests.apply(who.committee_director, communityId, preliminary.id, 'committee', pins.committee_director);
  });
  const [{ ends }] = await dataSource.query<{ ends: Date }[]>('SELECT objection_ends_at AS ends FROM assembly_votes WHERE id = $1', [
    voteId,
  ]);
  const issuedAt = new Date(Math.min(Date.now(), new Date(ends).getTime() + HOUR));
  await atTime(app, issuedAt, async () => {
    const final = await app.get(VoteObjectionsService).issueFinal(who.committee_member, communityId, voteId, names);
    await requests.apply(who.committee_director, communityId, final.sealRequest.id, 'committee', pins.committee_director);
    await requests.apply(who.residents_committee, communityId, final.sealRequest.id, 'assembly', pins.residents_committee);
  });
}
