import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { canonicalJson } from '@gongyi/domain/record/canonical-json';
import { sha256Hex } from '@gongyi/domain/record/hash-chain';
import { serializeTally } from '@gongyi/domain/voting/tally-report';
import { tally, TallyResult } from '@gongyi/domain/voting/tally';
import type { MatterCategory } from '@gongyi/domain/voting/matter';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { AgendaService } from '../agenda/agenda.service';
import { JobsService } from '../jobs/jobs.service';
import { RecordService } from '../record/record.service';
import { RulebookService } from '../rulebook/rulebook.service';
import { AssemblyVote } from './entities/assembly-vote.entity';
import { Motion } from './entities/motion.entity';
import { TallyRecord } from './entities/tally-record.entity';

export const CLOSE_VOTE_QUEUE = 'vote-close';
/** pg_advisory_xact_lock(ns, hashtext(voteId)): shared while casting, exclusive while closing. */
export const VOTE_LOCK_NAMESPACE = 45;

/**
 * Closes a vote at its closing time through a pg-boss job (survives restarts).
 * The close takes the vote's exclusive lock (casts hold it shared) and does
 * nothing if already closed, so a job run twice, or by two processes, closes once.
 */
@Injectable()
export class VoteClosingService implements OnModuleInit {
  private readonly logger = new Logger('VoteClosing');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
    private readonly agenda: AgendaService,
    private readonly rulebook: RulebookService,
    private readonly record: RecordService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(CLOSE_VOTE_QUEUE, async ({ communityId, voteId }) => {
      const closed = await this.closeIfDue(communityId, voteId);
      if (closed === 'not_due') {
        // Scheduled early (clock skew): try again at the closing time.
        const vote = await this.dataSource.getRepository(AssemblyVote).findOneByOrFail({ id: voteId });
        await this.scheduleClose(vote, `${voteId}:${Date.now()}`);
      }
    });
  }

  async scheduleClose(vote: Pick<AssemblyVote, 'id' | 'communityId' | 'closesAt'>, key = vote.id): Promise<void> {
    await this.jobs.schedule(CLOSE_VOTE_QUEUE, key, vote.closesAt, { communityId: vote.communityId, voteId: vote.id });
  }

  async closeIfDue(communityId: string, voteId: string): Promise<'closed' | 'already_closed' | 'not_due'> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [VOTE_LOCK_NAMESPACE, voteId]);
      const vote = await manager.findOne(AssemblyVote, { where: { id: voteId, communityId }, lock: { mode: 'pessimistic_write' } });
      if (!vote || vote.status === 'closed') return 'already_closed' as const;
      const now = this.clock.now();
      if (vote.status !== 'noticed' || now < vote.closesAt) return 'not_due' as const;
      const results = await this.tallyVote(manager, vote);
      await manager.update(AssemblyVote, { id: vote.id }, { status: 'closed', closedAt: now });
      for (const { motion, result } of results) {
        const serialized = serializeTally(result) as unknown as Record<string, unknown>;
        await manager.getRepository(TallyRecord).save({
          communityId,
          voteId,
          motionId: motion.id,
          result: serialized,
          outcome: result.outcome,
          resultDigest: sha256Hex(canonicalJson(serialized)),
          publishedAt: now,
        });
      }
      await this.record.append(manager, {
        communityId,
        actorId: null,
        action: 'voting.vote_closed',
        subjectType: 'assembly_vote',
        subjectId: voteId,
        payload: {
          closedAt: now,
          results: results.map(({ motion, result }) => ({
            motionId: motion.id,
            outcome: result.outcome,
            winningOptionId: result.winningOptionId,
            resultDigest: sha256Hex(canonicalJson(serializeTally(result))),
          })),
        },
      });
      await this.agenda.recordAssemblyOutcome(
        manager,
        vote,
        results.map(({ motion, result }) => ({ motionId: motion.id, title: motion.title, options: motion.options, result })),
      );
      return 'closed' as const;
    });
    if (outcome === 'closed') this.logger.log(`vote ${voteId} closed and tallied`);
    return outcome;
  }

  /** Recomputes every motion's tally from the counted ballots (exact integer arithmetic). */
  async tallyVote(manager: EntityManager, vote: AssemblyVote): Promise<{ motion: Motion; result: TallyResult }[]> {
    const rules = await this.rulebook.version(vote.communityId, vote.rulebookVersion!, manager);
    const motions = await manager.find(Motion, { where: { voteId: vote.id }, order: { seq: 'ASC' } });
    const ballots = await manager.query<{ motion_id: string; voter_key: string; area_hundredths: string; choice: string }[]>(
      `SELECT motion_id, voter_key, area_hundredths::text, choice FROM ballots WHERE vote_id = $1 AND status = 'counted'`,
      [vote.id],
    );
    return motions.map((motion) => ({
      motion,
      result: tally({
        totals: { totalAreaHundredths: BigInt(vote.totalAreaHundredths!), totalHeadcount: vote.totalHeadcount! },
        motion:
          motion.kind === 'options'
            ? { category: motion.category as MatterCategory, kind: 'options', optionIds: motion.options.map((o) => o.id) }
            : { category: motion.category as MatterCategory, kind: 'yes_no' },
        ballots: ballots
          .filter((b) => b.motion_id === motion.id)
          .map((b) => ({ voterKey: b.voter_key, areaHundredths: BigInt(b.area_hundredths), choice: b.choice })),
        rulebook: { countNonVotersWithMajority: rules.settings.countNonVotersWithMajority },
      }),
    }));
  }
}
