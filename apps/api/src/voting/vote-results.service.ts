import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatArea } from '@gongyi/domain/area';
import { canonicalJson } from '@gongyi/domain/record/canonical-json';
import { serializeTally } from '@gongyi/domain/voting/tally-report';
import { minimumForRule, QUORUM_RULE } from '@gongyi/domain/voting/thresholds';
import { DataSource } from 'typeorm';
import { Conflict, NotFound } from '../common/app-error';
import { AssemblyVote } from './entities/assembly-vote.entity';
import { Motion } from './entities/motion.entity';
import { TallyRecord } from './entities/tally-record.entity';
import { VoteClosingService } from './vote-closing.service';

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
    private readonly closing: VoteClosingService,
  ) {}

  private async vote(communityId: string, voteId: string): Promise<AssemblyVote> {
    const vote = await this.dataSource.getRepository(AssemblyVote).findOneBy({ id: voteId, communityId });
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
       FROM motions m LEFT JOIN ballots b ON b.motion_id = m.id
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
    const missing = electors.filter((e) => e.voted < motions);
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
    const vote = await this.vote(communityId, voteId);
    if (vote.status !== 'closed') throw new Conflict('表决尚未结束 (vote not closed yet)', 'vote_not_closed');
    const motions = await this.dataSource.getRepository(Motion).find({ where: { voteId }, order: { seq: 'ASC' } });
    const records = await this.dataSource.getRepository(TallyRecord).findBy({ voteId });
    const units = await this.dataSource.query<{ motion_id: string; unit_numbers: string[]; area: string; channel: string }[]>(
      `SELECT b.motion_id, e.unit_numbers, e.area_hundredths::text AS area, b.channel
       FROM ballots b JOIN electors e ON e.vote_id = b.vote_id AND e.voter_key = b.voter_key
       WHERE b.vote_id = $1 AND b.status = 'counted' ORDER BY e.unit_numbers[1]`,
      [voteId],
    );
    return {
      voteId,
      title: vote.title,
      closedAt: vote.closedAt,
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
    const recomputed = await this.closing.tallyVote(this.dataSource.manager, vote);
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
    return { voteId, matches: motions.every((m) => m.matches), motions };
  }
}
