import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { canonicalJson } from '@gongyi/domain/record/canonical-json';
import { sha256Hex } from '@gongyi/domain/record/hash-chain';
import { serializeTally } from '@gongyi/domain/voting/tally-report';
import { tally, TallyResult } from '@gongyi/domain/voting/tally';
import type { MatterCategory } from '@gongyi/domain/voting/matter';
import { objectionPeriodEnd } from '@gongyi/domain/voting/objections';
import { RESOLUTION_TYPE } from '@gongyi/pdf';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { JobsService } from '../jobs/jobs.service';
import { RecordService } from '../record/record.service';
import { RulebookService } from '../rulebook/rulebook.service';
import { BallotIssue, checkVoteBallots } from './ballot-integrity';
import { BallotSeal } from './ballot-seal';
import { RecordCheckpointsService } from '../documents/record-checkpoints.service';
import { DocumentsService } from '../documents/documents.service';
import { SealRequestsService } from '../seals/seal-requests.service';
import { AssemblyVote } from './entities/assembly-vote.entity';
import { resultDocumentInput } from './result-document';
import { Motion } from './entities/motion.entity';
import { TallyRecord } from './entities/tally-record.entity';

export const CLOSE_VOTE_QUEUE = 'vote-close';
/** Source type of the preliminary result document (documentKindOf maps it to assembly_result_preliminary). */
export const PRELIMINARY_SOURCE = 'assembly_vote_preliminary';
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
    private readonly rulebook: RulebookService,
    private readonly record: RecordService,
    private readonly seal: BallotSeal,
    private readonly moduleRef: ModuleRef,
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
      const { results, ballotIssues } = await this.tallyChecked(manager, vote);
      const rules = await this.rulebook.version(vote.communityId, vote.rulebookVersion!, manager);
      // The count is posted as a preliminary result first; owners may object until this instant (DOMAIN §13).
      const objectionEndsAt = objectionPeriodEnd(now, rules.settings.objectionDays);
      await manager.update(AssemblyVote, { id: vote.id }, { status: 'closed', closedAt: now, objectionEndsAt });
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
          // Ballots left out of the count because they no longer match their record commitment.
          ...(ballotIssues.length ? { ballotIssues } : {}),
          results: results.map(({ motion, result }) => ({
            motionId: motion.id,
            outcome: result.outcome,
            winningOptionId: result.winningOptionId,
            resultDigest: sha256Hex(canonicalJson(serializeTally(result))),
          })),
        },
      });
      // The item does not move on the preliminary count: it advances (or returns) when the final result is
      // published after the objection period (VoteObjectionsService.issueFinal).
      await this.postPreliminary(manager, vote, now, objectionEndsAt);
      // Publishing results is a publication: the record's head, tally included, is signed as a checkpoint.
      // (Resolved lazily: the documents module, which holds the root key, imports this one.)
      await this.moduleRef.get(RecordCheckpointsService, { strict: false }).create(manager, communityId);
      return 'closed' as const;
    });
    if (outcome === 'closed') this.logger.log(`vote ${voteId} closed and tallied`);
    return outcome;
  }

  /**
   * 初步统计结果公示: registered with the documents engine (committee seal per the seal policy) in the close's own
   * transaction, so a closed vote never lacks its preliminary result, and sent for its seal. (Resolved lazily:
   * documents and seals import voting.)
   */
  private async postPreliminary(manager: EntityManager, vote: AssemblyVote, now: Date, objectionEndsAt: Date): Promise<void> {
    const input = await resultDocumentInput(manager, vote.communityId, vote.id, { stage: 'preliminary', publishedAt: now });
    const document = await this.moduleRef.get(DocumentsService, { strict: false }).renderAndRegister(manager, vote.communityId, {
      type: RESOLUTION_TYPE,
      title: `${vote.title}初步统计结果公示`,
      sourceType: PRELIMINARY_SOURCE,
      sourceId: vote.id,
      agendaItemId: vote.agendaItemId,
      input,
    });
    await this.record.append(manager, {
      communityId: vote.communityId,
      actorId: null,
      action: 'voting.preliminary_result_posted',
      subjectType: 'assembly_vote',
      subjectId: vote.id,
      payload: { documentId: document.id, documentNumber: document.number, postedAt: now, objectionEndsAt },
    });
    // Posting is the sealing, as for the notice: the system asks the committee seal's custodians at once (in the
    // name of the vote's convenor), so the result is not left unsealed for want of someone remembering to ask.
    await this.moduleRef
      .get(SealRequestsService, { strict: false })
      .requestOnPublication(manager, vote.createdBy, vote.communityId, document.id);
  }

  /**
   * Recomputes every motion's tally (exact integer arithmetic) from the counted ballots that match their
   * commitment in the record; a ballot that does not is left out and reported (ballotIssues). The sealed
   * choices open only from the closing time on (BallotSeal.openForTally).
   */
  async tallyVote(manager: EntityManager, vote: AssemblyVote): Promise<{ motion: Motion; result: TallyResult }[]> {
    return (await this.tallyChecked(manager, vote)).results;
  }

  async tallyChecked(
    manager: EntityManager,
    vote: AssemblyVote,
  ): Promise<{ results: { motion: Motion; result: TallyResult }[]; ballotIssues: BallotIssue[] }> {
    const rules = await this.rulebook.version(vote.communityId, vote.rulebookVersion!, manager);
    const motions = await manager.find(Motion, { where: { voteId: vote.id }, order: { seq: 'ASC' } });
    const checked = await checkVoteBallots((sql, params) => manager.query(sql, params), vote.communityId, vote.id);
    const now = this.clock.now();
    const ballots = checked.matching
      .filter((b) => b.status === 'counted')
      .map((b) => ({
        motion_id: b.motionId,
        voter_key: b.voterKey,
        area_hundredths: b.areaHundredths,
        choice: this.seal.openForTally(vote, now, b.motionId, b.storedChoice),
      }));
    const results = motions.map((motion) => ({
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
    return { results, ballotIssues: checked.issues };
  }
}
