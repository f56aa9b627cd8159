import { BallotRow, checkBallots } from '@gongyi/domain/voting/ballot-commitment';
import { SEALED_PREFIX } from './sealed-choice';

/** Runs one query; a DataSource / EntityManager (`query`) or a pg Client adapted to it. */
export type Query = <T>(sql: string, params: unknown[]) => Promise<T[]>;

export interface CheckedBallot extends BallotRow {
  motionSeq: number;
  unitNumbers: string[];
}

/** A ballot that no longer matches the record: named by unit number and motion, never by name or choice. */
export interface BallotIssue {
  voteId: string;
  motionId: string;
  motionSeq: number | null;
  unitNumbers: string[];
  /** ballot_changed: the row differs from what its entry committed to; ballot_missing: committed, no such row. */
  reason: 'ballot_changed' | 'ballot_missing';
}

export interface VoteBallotCheck {
  matching: CheckedBallot[];
  issues: BallotIssue[];
}

/** The ballot rows of one vote set against the commitments of its record entries (queued ones included). */
export async function checkVoteBallots(query: Query, communityId: string, voteId: string): Promise<VoteBallotCheck> {
  const rows = await query<{
    id: string;
    status: string;
    motion_id: string;
    voter_key: string;
    area: string;
    stored: string;
    nonce: string | null;
    unit_numbers: string[] | null;
    seq: number;
  }>(
    `SELECT b.id, b.status, b.motion_id, b.voter_key, b.area_hundredths::text AS area, b.choice AS stored, b.nonce,
            e.unit_numbers, m.seq
       FROM ballots b JOIN motions m ON m.id = b.motion_id
       LEFT JOIN electors e ON e.vote_id = b.vote_id AND e.voter_key = b.voter_key
      WHERE b.community_id = $1 AND b.vote_id = $2`,
    [communityId, voteId],
  );
  const committed = await query<{ commitment: string; motion_id: string; elector_id: string | null }>(
    `SELECT c->>'commitment' AS commitment, c->>'motionId' AS motion_id, p.payload->>'electorId' AS elector_id
       FROM (SELECT payload FROM record_entries WHERE community_id = $1 AND subject_type = 'assembly_vote' AND subject_id = $2
               AND action IN ('voting.ballot_cast', 'voting.paper_ballot_entered')
             UNION ALL
             SELECT payload FROM record_pending WHERE community_id = $1 AND subject_type = 'assembly_vote' AND subject_id = $2
               AND action IN ('voting.ballot_cast', 'voting.paper_ballot_entered')) p,
            jsonb_array_elements(coalesce(p.payload->'commitments', '[]'::jsonb)) c`,
    [communityId, voteId],
  );
  const ballots: CheckedBallot[] = rows.map((r) => ({
    id: r.id,
    status: r.status,
    voteId,
    motionId: r.motion_id,
    voterKey: r.voter_key,
    areaHundredths: r.area,
    storedChoice: r.stored,
    nonce: r.nonce ?? '',
    motionSeq: r.seq,
    unitNumbers: r.unit_numbers ?? [],
  }));
  // Legacy: cast before sealing and commitments (no nonce, choice in clear), and only for a voter whose cast the
  // record holds without a commitment. A sealed row without its nonce is not legacy, nor is a clear row inserted
  // behind the record's back for someone the record never saw vote (that one is reported, not counted).
  const legacy = await query<{ voter_key: string }>(
    `SELECT DISTINCT e.voter_key
       FROM (SELECT payload FROM record_entries WHERE community_id = $1 AND subject_type = 'assembly_vote' AND subject_id = $2
               AND action IN ('voting.ballot_cast', 'voting.paper_ballot_entered')
             UNION ALL
             SELECT payload FROM record_pending WHERE community_id = $1 AND subject_type = 'assembly_vote' AND subject_id = $2
               AND action IN ('voting.ballot_cast', 'voting.paper_ballot_entered')) p
       JOIN electors e ON e.vote_id::text = $2 AND e.id::text = p.payload->>'electorId'
      WHERE p.payload->'commitments' IS NULL`,
    [communityId, voteId],
  );
  const legacyVoters = new Set(legacy.map((l) => l.voter_key));
  const check = checkBallots(
    ballots,
    committed.map((c) => c.commitment),
    (b) => !b.storedChoice.startsWith(SEALED_PREFIX) && legacyVoters.has(b.voterKey),
  );
  const issues: BallotIssue[] = check.mismatched.map((b) => ({
    voteId,
    motionId: b.motionId,
    motionSeq: b.motionSeq,
    unitNumbers: b.unitNumbers,
    reason: 'ballot_changed' as const,
  }));
  let matching = check.matching;
  if (check.unmatchedCommitments.length) {
    const lost = new Set(check.unmatchedCommitments);
    const entries = committed.filter((c) => lost.has(c.commitment));
    const electors = await query<{ id: string; unit_numbers: string[]; voter_key: string }>(
      'SELECT id, unit_numbers, voter_key FROM electors WHERE id = ANY($1::uuid[])',
      [entries.map((c) => c.elector_id).filter((id): id is string => !!id)],
    );
    const seqs = new Map(ballots.map((b) => [b.motionId, b.motionSeq]));
    for (const c of entries) {
      issues.push({
        voteId,
        motionId: c.motion_id,
        motionSeq: seqs.get(c.motion_id) ?? null,
        unitNumbers: electors.find((e) => e.id === c.elector_id)?.unit_numbers ?? [],
        reason: 'ballot_missing',
      });
    }
    // A voter whose committed ballot is gone does not count through a row that merely looks legacy.
    const lostBallots = new Set(entries.map((c) => `${electors.find((e) => e.id === c.elector_id)?.voter_key ?? ''}:${c.motion_id}`));
    matching = matching.filter((b) => b.nonce || !lostBallots.has(`${b.voterKey}:${b.motionId}`));
  }
  return { matching, issues };
}

/** Every vote of a community with ballots: what record verification adds to the hash chain check. */
export async function checkCommunityBallots(query: Query, communityId: string): Promise<BallotIssue[]> {
  const votes = await query<{ vote_id: string }>('SELECT id AS vote_id FROM assembly_votes WHERE community_id = $1', [communityId]);
  const issues: BallotIssue[] = [];
  for (const { vote_id } of votes) issues.push(...(await checkVoteBallots(query, communityId, vote_id)).issues);
  return issues;
}
