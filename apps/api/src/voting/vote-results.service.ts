import { naturalCompareLists } from '@gongyi/domain/registry/natural-order';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatArea } from '@gongyi/domain/area';
import { canonicalJson } from '@gongyi/domain/record/canonical-json';
import { serializeTally } from '@gongyi/domain/voting/tally-report';
import { minimumForRule, QUORUM_RULE } from '@gongyi/domain/voting/thresholds';
import { DataSource } from 'typeorm';
import { Conflict, NotFound } from '../common/app-error';
import { InjectPublicReads } from '../database/public-reads';
import { AssemblyVote } from './entities/assembly-vote.entity';
import { Motion } from './entities/motion.entity';
import { TallyRecord } from './entities/tally-record.entity';
import { PRELIMINARY_SOURCE, VoteClosingService } from './vote-closing.service';
import { VoteObjection } from './entities/vote-objection.entity';
import { resultStage } from '@gongyi/domain/voting/objections';
import { Clock } from '../common/clock';

interface Line {
  heads: number;
  area: string;
  requiredHeads: number;
  requiredArea: string;
  headsMissing: number;
  areaMissing: string;
  met: boolean;
}

/** Participation against the 2/3 lines, the canvassing list, and the published results. Never individual choices. */
@Injectable()
export class VoteResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    /** The published results are a public page: read from the replica when DATABASE_REPLICA_URL is set. */
    @InjectPublicReads() private readonly reads: DataSource,
    private readonly closing: VoteClosingService,
    private readonly clock: Clock,
  ) {}

  private async vote(communityId: string, voteId: string, db: DataSource = this.dataSource): Promise<AssemblyVote> {
    const vote = await db.getRepository(AssemblyVote).findOneBy({ id: voteId, communityId });
    if (!vote) throw new NotFound('表决 vote');
    if (vote.status === 'draft') throw new Conflict('公告尚未发布 (notice not yet published)', 'vote_not_open');
    return vote;
  }

  private line(heads: number, area: bigint, vote: AssemblyVote): Line {
    const totalArea = BigInt(vote.totalAreaHundredths!);
    const requiredHeads = Number(minimumForRule(vote.totalHeadcount!, QUORUM_RULE));
    const requiredArea = minimumForRule(totalArea, QUORUM_RULE);
    const areaMissing = requiredArea > area ? requiredArea - area : 0n;
    return {
      heads,
      area: formatArea(area),
      requiredHeads,
      requiredArea: formatArea(requiredArea),
      headsMissing: Math.max(0, requiredHeads - heads),
      areaMissing: formatArea(areaMissing),
      met: heads >= requiredHeads && area >= requiredArea,
    };
  }

  /** Live participation per motion (counted ballots, any choice) against the 2/3 lines. */
  async participation(communityId: string, voteId: string) {
    const vote = await this.vote(communityId, voteId);
    const rows = await this.dataSource.query<{ id: string; seq: number; title: string; heads: number; area: string; pending: number }[]>(
      `SELECT m.id, m.seq, m.title,
              count(b.id) FILTER (WHERE b.status = 'counted')::int AS heads,
              coalesce(sum(b.area_hundredths) FILTER (WHERE b.status = 'counted'), 0)::text AS area,
              count(b.id) FILTER (WHERE b.status = 'pending')::int AS pending
       FROM motions m LEFT JOIN ballots b ON b.vote_id = m.vote_id AND b.motion_id = m.id
       WHERE m.vote_id = $1 GROUP BY m.id ORDER BY m.seq`,
      [vote.id],
    );
    return {
      voteId,
      status: vote.status,
      totalHeadcount: vote.totalHeadcount,
      totalArea: formatArea(BigInt(vote.totalAreaHundredths!)),
      motions: rows.map((r) => ({
        motionId: r.id,
        seq: r.seq,
        title: r.title,
        pendingPaper: r.pending,
        ...this.line(r.heads, BigInt(r.area), vote),
      })),
    };
  }

  /** 扫楼: by building, electors who have not voted on every motion, and what is still missing to 2/3. */
  async canvassing(communityId: string, voteId: string) {
    const vote = await this.vote(communityId, voteId);
    const motions = await this.dataSource.getRepository(Motion).count({ where: { voteId } });
    const electors = await this.dataSource.query<
      { id: string; name: string; unit_numbers: string[]; buildings: string[]; area: string; voted: number }[]
    >(
      `SELECT e.id, e.name, e.unit_numbers, e.buildings, e.area_hundredths::text AS area,
              count(DISTINCT b.motion_id) FILTER (WHERE b.status IN ('counted', 'pending'))::int AS voted
       FROM electors e LEFT JOIN ballots b ON b.vote_id = e.vote_id AND b.voter_key = e.voter_key
       WHERE e.vote_id = $1 GROUP BY e.id ORDER BY e.unit_numbers[1]`,
      [vote.id],
    );
    // Natural unit order (201 before 1001), which SQL's text order does not give.
    const missing = electors.filter((e) => e.voted < motions).sort((x, y) => naturalCompareLists(x.unit_numbers, y.unit_numbers));
    const byBuilding = new Map<
      string,
      {
        building: string;
        electors: { electorId: string; name: string; unitNumbers: string[]; area: string; motionsVoted: number }[];
        area: bigint;
      }
    >();
    for (const e of missing) {
      const building = e.buildings[0] ?? '';
      const group = byBuilding.get(building) ?? { building, electors: [], area: 0n };
      group.electors.push({
        electorId: e.id,
        name: e.name,
        unitNumbers: e.unit_numbers,
        area: formatArea(BigInt(e.area)),
        motionsVoted: e.voted,
      });
      group.area += BigInt(e.area);
      byBuilding.set(building, group);
    }
    const participation = await this.participation(communityId, voteId);
    return {
      motions: participation.motions.map(({ motionId, seq, title, headsMissing, areaMissing, met }) => ({
        motionId,
        seq,
        title,
        headsMissing,
        areaMissing,
        met,
      })),
      buildings: [...byBuilding.values()]
        .sort((a, b) => a.building.localeCompare(b.building, 'zh-CN', { numeric: true }))
        .map((g) => ({ building: g.building, notVotedHeads: g.electors.length, notVotedArea: formatArea(g.area), electors: g.electors })),
    };
  }

  /** Published results: the stored tallies and the participating units (numbers and areas, never names). */
  async results(communityId: string, voteId: string) {
    const vote = await this.vote(communityId, voteId, this.reads);
    if (vote.status !== 'closed') throw new Conflict('表决尚未结束 (vote not closed yet)', 'vote_not_closed');
    const motions = await this.reads.getRepository(Motion).find({ where: { voteId }, order: { seq: 'ASC' } });
    const records = await this.reads.getRepository(TallyRecord).findBy({ voteId });
    const units = await this.reads.query<{ motion_id: string; unit_numbers: string[]; area: string; channel: string }[]>(
      `SELECT b.motion_id, e.unit_numbers, e.area_hundredths::text AS area, b.channel
       FROM ballots b JOIN electors e ON e.vote_id = b.vote_id AND e.voter_key = b.voter_key
       WHERE b.vote_id = $1 AND b.status = 'counted' ORDER BY e.unit_numbers[1]`,
      [voteId],
    );
    const now = this.clock.now();
    const objections = await this.reads.getRepository(VoteObjection).find({ where: { voteId }, order: { filedAt: 'ASC' } });
    const documents = await this.reads.query<{ number: string; source_type: string; status: string; title: string }[]>(
      `SELECT number, source_type, status, title FROM documents
        WHERE community_id = $1 AND source_id = $2 AND type = 'resolution_announcement' ORDER BY seq`,
      [communityId, voteId],
    );
    const doc = (sourceType: string) => {
      const d = documents.find((x) => x.source_type === sourceType);
      return d ? { number: d.number, title: d.title, sealed: d.status === 'final' } : null;
    };
    return {
      voteId,
      title: vote.title,
      closedAt: vote.closedAt,
      // 初步统计结果 until the final announcement is sealed (DOMAIN §13); the outcome below is final only then.
      stage: vote.objectionEndsAt
        ? resultStage({
            now,
            objectionEndsAt: vote.objectionEndsAt,
            finalIssued: vote.finalIssuedAt !== null,
            finalSealed: vote.resultFinalAt !== null,
          })
        : 'final',
      final: !vote.objectionEndsAt || vote.resultFinalAt !== null,
      objectionEndsAt: vote.objectionEndsAt,
      resultFinalAt: vote.resultFinalAt,
      preliminaryDocument: doc(PRELIMINARY_SOURCE),
      finalDocument: doc('assembly_vote'),
      // Public like the announcement that lists them: the unit and the text, never the owner's name.
      objections: objections.map((o) => ({
        unitNumber: o.unitNumber,
        text: o.text,
        filedAt: o.filedAt,
        answer: o.answer,
        answeredAt: o.answeredAt,
      })),
      motions: motions.map((m) => {
        const record = records.find((r) => r.motionId === m.id)!;
        return {
          motionId: m.id,
          seq: m.seq,
          title: m.title,
          options: m.options,
          outcome: record.outcome,
          publishedAt: record.publishedAt,
          resultDigest: record.resultDigest,
          tally: record.result,
          participants: units
            .filter((u) => u.motion_id === m.id)
            .map((u) => ({ unitNumbers: u.unit_numbers, area: formatArea(BigInt(u.area)), channel: u.channel })),
        };
      }),
    };
  }

  /** Recomputes from the ballots and compares with what was stored at close. */
  async recount(communityId: string, voteId: string) {
    const vote = await this.vote(communityId, voteId);
    if (vote.status !== 'closed') throw new Conflict('表决尚未结束 (vote not closed yet)', 'vote_not_closed');
    const records = await this.dataSource.getRepository(TallyRecord).findBy({ voteId });
    const { results: recomputed, ballotIssues } = await this.closing.tallyChecked(this.dataSource.manager, vote);
    const motions = recomputed.map(({ motion, result }) => {
      const stored = records.find((r) => r.motionId === motion.id)!;
      const fresh = serializeTally(result) as unknown as Record<string, unknown>;
      return {
        motionId: motion.id,
        matches: canonicalJson(fresh) === canonicalJson(stored.result),
        storedOutcome: stored.outcome,
        recountedOutcome: result.outcome,
      };
    });
    // A ballot that no longer matches its commitment is named (unit number, motion) whatever the figures say.
    return { voteId, matches: motions.every((m) => m.matches) && ballotIssues.length === 0, motions, ballotIssues };
  }
}
