import { WorkNotices } from '../notifications/work-notices';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { sha256Hex } from '@gongyi/domain/record/hash-chain';
import { ERROR_LABELS_ZH } from '@gongyi/domain/labels';
import { ballotCommitment } from '@gongyi/domain/voting/ballot-commitment';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, Forbidden, Invalid, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { RecordQueueService } from '../record/record-queue.service';
import { MetricsService } from '../observability/metrics.service';
import { RecordService } from '../record/record.service';
import { RulebookService } from '../rulebook/rulebook.service';
import { BallotSeal } from './ballot-seal';
import { CastBatcher, CastCall, castOne } from './cast-batcher';
import { ChoiceDto } from './dto/vote.dto';
import { AssemblyVote } from './entities/assembly-vote.entity';
import { Ballot } from './entities/ballot.entity';
import { Elector } from './entities/elector.entity';
import { ProxiesService } from './proxies.service';
import { newReceiptCode } from './receipt-code';
import { VOTE_LOCK_NAMESPACE } from './vote-closing.service';
import { VoteNoticeService } from './vote-notice.service';

export interface Receipt {
  receiptCode: string;
  castAt: Date;
  channel: string;
  status: string;
  /** Per motion, the commitment the record holds (seq/title for display): proof the ballot is in the record and counted. */
  motions: { motionId: string; seq: number; title: string; commitment?: string }[];
}

type Channel = 'online' | 'paper' | 'proxy';

/**
 * Ballots: online by the owner, by a proxy holder, or on paper entered by one
 * clerk and confirmed by another. One ballot per voter per motion is a unique
 * index; casting takes a shared advisory lock on the vote, closing an exclusive
 * one, so a cast either commits before the close (and is counted) or is refused.
 * (An advisory lock rather than FOR SHARE: hundreds of concurrent FOR SHARE locks
 * on one row turn into multixact churn.)
 */
@Injectable()
export class BallotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly notices: VoteNoticeService,
    private readonly rulebook: RulebookService,
    private readonly record: RecordService,
    private readonly recordQueue: RecordQueueService,
    private readonly batcher: CastBatcher,
    private readonly proxies: ProxiesService,
    private readonly seal: BallotSeal,
    private readonly work: WorkNotices,
    private readonly metrics: MetricsService,
  ) {}

  /**
   * The hot path of a busy vote: cast_ballot does every check and write in one
   * call (see the CastBallot migration), gathered with other casts arriving at
   * the same time into one commit (CastBatcher). The record entry is queued
   * with the ballot and chained right after commit.
   */
  async castOnline(userId: string, communityId: string, voteId: string, choices: ChoiceDto[], onBehalfOf?: string): Promise<Receipt> {
    const { receipt } = await this.cast(undefined, {
      communityId,
      voteId,
      channel: onBehalfOf ? 'proxy' : 'online',
      castBy: userId,
      electorId: onBehalfOf ?? null,
      choices,
      status: 'counted',
    });
    this.recordQueue.drainSoon(communityId);
    this.metrics.ballotCast(onBehalfOf ? 'proxy' : 'online');
    return receipt;
  }

  async enterPaper(
    clerkId: string,
    communityId: string,
    voteId: string,
    electorId: string,
    choices: ChoiceDto[],
    paperRef: string,
  ): Promise<Receipt> {
    return this.dataSource.transaction(async (manager) => {
      const { receipt, payload } = await this.cast(manager, {
        communityId,
        voteId,
        channel: 'paper',
        castBy: clerkId,
        electorId,
        choices,
        status: 'pending',
        paperRef,
      });
      await this.record.append(manager, {
        communityId,
        actorId: clerkId,
        action: 'voting.paper_ballot_entered',
        subjectType: 'assembly_vote',
        subjectId: voteId,
        payload,
      });
      await this.work.paperBallotEntered(manager, communityId, voteId, clerkId);
      return receipt;
    });
  }

  /** The second clerk checks the entry against the paper: it counts only once confirmed. */
  async confirmPaper(clerkId: string, communityId: string, voteId: string, receiptCode: string, confirm: boolean, reason?: string) {
    return this.dataSource.transaction(async (manager) => {
      const vote = await this.openVote(manager, communityId, voteId, 'paper');
      const ballots = await manager.find(Ballot, {
        where: { voteId: vote.id, receiptCode, status: 'pending' },
        lock: { mode: 'pessimistic_write' },
      });
      if (ballots.length === 0) throw new NotFound('待核对的纸质表决票 pending paper ballot');
      if (ballots[0].castBy === clerkId) {
        throw new Forbidden('录入人不能核对自己录入的表决票，请由另一位委员核对 (a second clerk must confirm)', 'same_clerk');
      }
      if (!confirm && !reason?.trim()) throw new Invalid('退回时请说明不一致之处 (reason required)', 'reason_required');
      const now = this.clock.now();
      await manager.update(
        Ballot,
        { voteId: vote.id, receiptCode, status: 'pending' },
        {
          status: confirm ? 'counted' : 'rejected',
          confirmedBy: clerkId,
          confirmedAt: now,
        },
      );
      await this.record.append(manager, {
        communityId,
        actorId: clerkId,
        action: confirm ? 'voting.paper_ballot_confirmed' : 'voting.paper_ballot_rejected',
        subjectType: 'assembly_vote',
        subjectId: vote.id,
        payload: { receiptCode, ballots: ballots.map((b) => b.id), reason: reason ?? null },
      });
      if (confirm) this.metrics.ballotCast('paper');
      return { receiptCode, status: confirm ? 'counted' : 'rejected', confirmedAt: now };
    });
  }

  async pendingPaper(communityId: string, voteId: string) {
    await this.notices.get(communityId, voteId);
    const rows = await this.dataSource.query<{ choices: { motionId: string; choice: string }[] }[]>(
      `SELECT b.receipt_code AS "receiptCode", b.paper_ref AS "paperRef", b.cast_by AS "enteredBy", u.display_name AS "enteredByName",
              min(b.cast_at) AS "enteredAt", e.id AS "electorId", e.unit_numbers AS "unitNumbers",
              json_agg(json_build_object('motionId', b.motion_id, 'seq', m.seq, 'title', m.title, 'choice', b.choice) ORDER BY m.seq) AS choices
       FROM ballots b JOIN motions m ON m.id = b.motion_id JOIN electors e ON e.vote_id = b.vote_id AND e.voter_key = b.voter_key
       JOIN users u ON u.id = b.cast_by
       WHERE b.community_id = $1 AND b.vote_id = $2 AND b.status = 'pending'
       GROUP BY b.receipt_code, b.paper_ref, b.cast_by, u.display_name, e.id, e.unit_numbers ORDER BY min(b.cast_at)`,
      [communityId, voteId],
    );
    // The second clerk checks each entry against its paper: one ballot at a time, never a sum.
    for (const row of rows) for (const c of row.choices) c.choice = this.seal.openOne(voteId, c.motionId, c.choice);
    return rows;
  }

  /** What a receipt code proves: when and how the ballot was recorded, not the choice. */
  async receipt(communityId: string, voteId: string, receiptCode: string): Promise<Receipt> {
    const rows = await this.dataSource.query<
      {
        motion_id: string;
        seq: number;
        title: string;
        cast_at: Date;
        channel: string;
        status: string;
        voter_key: string;
        area: string;
        choice: string;
        nonce: string | null;
      }[]
    >(
      `SELECT b.motion_id, m.seq, m.title, b.cast_at, b.channel, b.status, b.voter_key, b.area_hundredths::text AS area, b.choice, b.nonce
       FROM ballots b JOIN motions m ON m.id = b.motion_id
       WHERE b.community_id = $1 AND b.vote_id = $2 AND b.receipt_code = $3 ORDER BY m.seq`,
      [communityId, voteId, receiptCode],
    );
    if (rows.length === 0) throw new NotFound('回执 receipt');
    return {
      receiptCode,
      castAt: rows[0].cast_at,
      channel: rows[0].channel,
      status: rows[0].status,
      // The commitment the record entry holds for each ballot: findable in the record, it reveals nothing of the choice.
      motions: rows.map((r) => ({
        motionId: r.motion_id,
        seq: r.seq,
        title: r.title,
        ...(r.nonce
          ? {
              commitment: ballotCommitment({
                voteId,
                motionId: r.motion_id,
                voterKey: r.voter_key,
                areaHundredths: r.area,
                storedChoice: r.choice,
                nonce: r.nonce,
              }),
            }
          : {}),
      })),
    };
  }

  /** The owner's own ballot sheet: units, area, which motions they already voted, proxies they hold. */
  async mySheet(userId: string, communityId: string, voteId: string) {
    const vote = await this.notices.get(communityId, voteId);
    const elector = await this.electorOfUser(this.dataSource.manager, voteId, userId);
    const mine = elector
      ? await this.dataSource.getRepository(Ballot).find({ where: { voteId, voterKey: elector.voterKey }, order: { castAt: 'ASC' } })
      : [];
    const proxies = await this.dataSource.query(
      `SELECT e.id AS "electorId", e.name, e.unit_numbers AS "unitNumbers", e.area_hundredths::text AS "areaHundredths",
              EXISTS (SELECT 1 FROM ballots b WHERE b.vote_id = e.vote_id AND b.voter_key = e.voter_key AND b.status <> 'rejected') AS voted
       FROM proxies p JOIN electors e ON e.vote_id = p.vote_id AND e.voter_key = p.grantor_key
       WHERE p.vote_id = $1 AND p.holder_user_id = $2 AND p.status = 'confirmed'`,
      [voteId, userId],
    );
    return {
      vote,
      elector: elector && { id: elector.id, unitNumbers: elector.unitNumbers, areaHundredths: elector.areaHundredths },
      ballots: mine
        .filter((b) => b.status !== 'rejected')
        .map((b) => ({
          motionId: b.motionId,
          choice: this.seal.openOne(voteId, b.motionId, b.choice),
          channel: b.channel,
          status: b.status,
          castAt: b.castAt,
          receiptCode: b.receiptCode,
        })),
      proxies,
      /** The written proxy this owner gave for the vote, if any: they may revoke it until it is used. */
      proxyGiven: elector ? await this.proxies.givenBy(this.dataSource.manager, voteId, elector.voterKey) : null,
    };
  }

  /** The user votes as the owner their account is linked to (linked before or after the notice). */
  private async electorOfUser(manager: EntityManager, voteId: string, userId: string): Promise<Elector | null> {
    return manager
      .getRepository(Elector)
      .createQueryBuilder('e')
      .innerJoin('owners', 'o', 'o.id::text = e.voter_key')
      .where('e.vote_id = :voteId AND o.user_id = :userId', { voteId, userId })
      .getOne();
  }

  private async openVote(manager: EntityManager, communityId: string, voteId: string, channel: Channel): Promise<AssemblyVote> {
    await manager.query('SELECT pg_advisory_xact_lock_shared($1, hashtext($2))', [VOTE_LOCK_NAMESPACE, voteId]);
    const vote = await manager.findOneBy(AssemblyVote, { id: voteId, communityId });
    if (!vote) throw new NotFound('表决 vote');
    this.assertOpen(vote, channel);
    return vote;
  }

  /** The same window and channel checks cast_ballot makes, for confirming a paper ballot; same answers. */
  private assertOpen(vote: Pick<AssemblyVote, 'status' | 'opensAt' | 'closesAt' | 'channels' | 'noticeSealedAt'>, channel: Channel): void {
    const now = this.clock.now();
    if (vote.status === 'draft') throw refusalError('notice_not_published', null, channel);
    if (!vote.noticeSealedAt) throw refusalError('notice_not_sealed', null, channel);
    if (vote.status === 'closed' || now >= vote.closesAt) throw refusalError('vote_closed', null, channel);
    if (now < vote.opensAt) throw refusalError('vote_not_open', vote.opensAt.toISOString(), channel);
    if (!vote.channels.includes(channel)) throw refusalError('channel_not_allowed', null, channel);
  }

  private async cast(
    manager: EntityManager | undefined,
    input: CastInput,
  ): Promise<{ receipt: Receipt; payload: Record<string, unknown> }> {
    const { communityId, voteId, channel, choices } = input;
    if (new Set(choices.map((c) => c.motionId)).size !== choices.length)
      throw new Invalid('同一议案只能选择一次 (one choice per motion)', 'duplicate_motion');
    const receiptCode = newReceiptCode();
    const castAt = this.clock.now();
    // Choices are stored sealed and stay out of the record: the entry holds, per motion, a commitment to the
    // ballot with a nonce kept only in the ballot row (cast_ballot builds it; see ballot-commitment.ts).
    const sealed = choices.map((c) => this.seal.seal(voteId, c.motionId, c.choice));
    const nonces = choices.map(() => randomBytes(16).toString('hex'));
    // Without a transaction of the caller's (online and proxy casts) the entry is queued with the ballot;
    // a paper entry is recorded by the clerk's transaction itself.
    const recordAction = manager ? null : 'voting.ballot_cast';
    const call: CastCall = {
      communityId,
      voteId,
      channel,
      castBy: input.castBy,
      electorId: input.electorId,
      castAt,
      motionIds: choices.map((c) => c.motionId),
      choices: choices.map((c) => c.choice),
      status: input.status,
      receiptCode,
      paperRef: input.paperRef ?? null,
      recordAction,
      recordPayload: null,
      recordDigest: null,
      sealed,
      nonces,
    };
    // Online casts are gathered into batches (one commit for many); a paper entry runs in the clerk's transaction.
    const result = manager ? await castOne(manager, call) : await this.batcher.cast(call);
    if (result.refusal) throw refusalError(result.refusal, result.detail, channel);
    // The paper entry's payload: the same fields cast_ballot writes for an online cast.
    const payload: Record<string, unknown> = {
      channel,
      commitments: result.motions!.map((m) => ({ commitment: m.commitment, motionId: m.motionId })),
      electorId: result.elector_id,
      receiptDigest: sha256Hex(receiptCode),
    };
    return { receipt: { receiptCode, castAt, channel, status: input.status, motions: result.motions! }, payload };
  }
}

interface CastInput {
  communityId: string;
  voteId: string;
  channel: Channel;
  castBy: string;
  /** The elector voted for (proxy, paper); null: the owner linked to castBy. */
  electorId: string | null;
  choices: ChoiceDto[];
  status: 'counted' | 'pending';
  paperRef?: string;
}

/** cast_ballot's refusal codes as the errors the API answers with. */
function refusalError(refusal: string, detail: string | null, channel: Channel): Error {
  switch (refusal) {
    case 'already_voted':
      return new Conflict('该业主已就此议案投票，投票后不可更改 (already voted on this motion)', 'already_voted');
    case 'vote_not_found':
      return new NotFound('表决 vote');
    case 'notice_not_published':
      return new Conflict('公告尚未发布，不能投票 (notice not yet published)', 'vote_not_open');
    case 'notice_not_sealed':
      return new Conflict(ERROR_LABELS_ZH.notice_not_sealed, 'notice_not_sealed');
    case 'vote_closed':
      return new Conflict('表决已截止 (voting has closed)', 'vote_closed');
    case 'vote_not_open':
      return new Conflict(`投票尚未开始，开始时间 ${detail} (voting not open yet)`, 'vote_not_open');
    case 'channel_not_allowed':
      return new Conflict(`本次表决不接受该方式投票 (channel ${channel} not accepted)`, 'channel_not_allowed');
    case 'elector_not_found':
      if (channel === 'online')
        return new Forbidden('您不在本次表决的业主名册中，或账号尚未关联房屋 (you are not on the roll of this vote)', 'not_elector');
      return new NotFound(channel === 'proxy' ? '委托人 elector' : '选民 elector');
    case 'not_proxy_holder':
      return new Forbidden('您没有该业主的书面委托 (no written proxy from this owner)', 'not_proxy_holder');
    case 'proxy_given':
      return new Conflict('您已书面委托他人代为投票 (you gave a written proxy for this vote)', 'proxy_given');
    case 'unknown_motion':
      return new Invalid('议案不属于本次表决 (motion not in this vote)', 'unknown_motion');
    case 'invalid_choice': {
      const [title, choice] = JSON.parse(detail!) as [string, string];
      return new Invalid(`议案「${title}」的选择无效：${choice}`, 'invalid_choice');
    }
    default:
      throw new Error(`cast_ballot: unknown refusal ${refusal}`);
  }
}
