import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { payloadDigest, sha256Hex } from '@gongyi/domain/record/hash-chain';
import { canonicalJson } from '@gongyi/domain/record/canonical-json';
import { checkProxyGrant } from '@gongyi/domain/voting/proxy';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, Forbidden, Invalid, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { RecordQueueService } from '../record/record-queue.service';
import { RecordService } from '../record/record.service';
import { RulebookService } from '../rulebook/rulebook.service';
import { CastBatcher, CastCall, castOne } from './cast-batcher';
import { ChoiceDto } from './dto/vote.dto';
import { AssemblyVote } from './entities/assembly-vote.entity';
import { Ballot } from './entities/ballot.entity';
import { Elector } from './entities/elector.entity';
import { Proxy } from './entities/proxy.entity';
import { newReceiptCode } from './receipt-code';
import { VOTE_LOCK_NAMESPACE } from './vote-closing.service';
import { VoteNoticeService } from './vote-notice.service';

export interface Receipt {
  receiptCode: string;
  castAt: Date;
  channel: string;
  status: string;
  motions: { motionId: string; seq: number; title: string }[];
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
      return { receiptCode, status: confirm ? 'counted' : 'rejected', confirmedAt: now };
    });
  }

  async pendingPaper(communityId: string, voteId: string) {
    await this.notices.get(communityId, voteId);
    return this.dataSource.query(
      `SELECT b.receipt_code AS "receiptCode", b.paper_ref AS "paperRef", b.cast_by AS "enteredBy", u.display_name AS "enteredByName",
              min(b.cast_at) AS "enteredAt", e.id AS "electorId", e.unit_numbers AS "unitNumbers",
              json_agg(json_build_object('motionId', b.motion_id, 'seq', m.seq, 'title', m.title, 'choice', b.choice) ORDER BY m.seq) AS choices
       FROM ballots b JOIN motions m ON m.id = b.motion_id JOIN electors e ON e.vote_id = b.vote_id AND e.voter_key = b.voter_key
       JOIN users u ON u.id = b.cast_by
       WHERE b.community_id = $1 AND b.vote_id = $2 AND b.status = 'pending'
       GROUP BY b.receipt_code, b.paper_ref, b.cast_by, u.display_name, e.id, e.unit_numbers ORDER BY min(b.cast_at)`,
      [communityId, voteId],
    );
  }

  async addProxy(
    clerkId: string,
    communityId: string,
    voteId: string,
    input: { electorId: string; holderUserId: string; authorisation: string },
  ) {
    return this.dataSource.transaction(async (manager) => {
      const vote = await this.notices.lockVote(manager, communityId, voteId);
      if (vote.status !== 'noticed' || this.clock.now() >= vote.closesAt) throw new Conflict('表决已结束 (vote is closed)', 'vote_closed');
      if (!vote.channels.includes('proxy')) throw new Conflict('本次表决不接受委托投票 (proxies not accepted)', 'channel_not_allowed');
      const grantor = await manager.findOneBy(Elector, { id: input.electorId, voteId });
      if (!grantor) throw new NotFound('委托人 elector');
      const holder = await manager.query<{ id: string }[]>('SELECT id FROM users WHERE id = $1', [input.holderUserId]);
      if (holder.length === 0) throw new NotFound('受托人账号 proxy holder');
      const [{ staff }] = await manager.query<{ staff: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM role_assignments ra JOIN communities c ON c.id = ra.community_id
           WHERE ra.community_id = $1 AND ra.user_id = $2 AND ra.role = 'property_company'
             AND ra.starts_on <= (now() AT TIME ZONE c.time_zone)::date
             AND (ra.ends_on IS NULL OR ra.ends_on >= (now() AT TIME ZONE c.time_zone)::date)) AS staff`,
        [communityId, input.holderUserId],
      );
      // Holders are identified as voters where they are owners here, so an owner cannot hold their own proxy.
      const existing = await manager.query<{ grantor_key: string; holder: string }[]>(
        `SELECT p.grantor_key, coalesce(o.id::text, 'user:' || p.holder_user_id) AS holder
         FROM proxies p LEFT JOIN owners o ON o.community_id = p.community_id AND o.user_id = p.holder_user_id WHERE p.vote_id = $1`,
        [voteId],
      );
      const holderElector = await this.electorOfUser(manager, voteId, input.holderUserId);
      const rules = await this.rulebook.version(communityId, vote.rulebookVersion!, manager);
      checkProxyGrant(
        {
          grantorOwnerId: grantor.voterKey,
          holderPersonId: holderElector?.voterKey ?? `user:${input.holderUserId}`,
          holderIsPropertyCompanyStaff: staff,
        },
        existing.map((p) => ({ grantorOwnerId: p.grantor_key, holderPersonId: p.holder, holderIsPropertyCompanyStaff: false })),
        { proxyCap: rules.settings.proxyCap },
      );
      const voted = await manager.countBy(Ballot, { voteId, voterKey: grantor.voterKey });
      if (voted > 0) throw new Conflict('该业主已投票，不能再委托 (owner already voted)', 'already_voted');
      const proxy = await manager.save(Proxy, {
        communityId,
        voteId,
        grantorKey: grantor.voterKey,
        holderUserId: input.holderUserId,
        authorisation: input.authorisation,
        recordedBy: clerkId,
      });
      await this.record.append(manager, {
        communityId,
        actorId: clerkId,
        action: 'voting.proxy_recorded',
        subjectType: 'assembly_vote',
        subjectId: voteId,
        payload: { proxyId: proxy.id, electorId: grantor.id, holderUserId: input.holderUserId, authorisation: input.authorisation },
      });
      return proxy;
    });
  }

  /** What a receipt code proves: when and how the ballot was recorded, not the choice. */
  async receipt(communityId: string, voteId: string, receiptCode: string): Promise<Receipt> {
    const rows = await this.dataSource.query<
      { motion_id: string; seq: number; title: string; cast_at: Date; channel: string; status: string }[]
    >(
      `SELECT b.motion_id, m.seq, m.title, b.cast_at, b.channel, b.status FROM ballots b JOIN motions m ON m.id = b.motion_id
       WHERE b.community_id = $1 AND b.vote_id = $2 AND b.receipt_code = $3 ORDER BY m.seq`,
      [communityId, voteId, receiptCode],
    );
    if (rows.length === 0) throw new NotFound('回执 receipt');
    return {
      receiptCode,
      castAt: rows[0].cast_at,
      channel: rows[0].channel,
      status: rows[0].status,
      motions: rows.map((r) => ({ motionId: r.motion_id, seq: r.seq, title: r.title })),
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
       WHERE p.vote_id = $1 AND p.holder_user_id = $2`,
      [voteId, userId],
    );
    return {
      vote,
      elector: elector && { id: elector.id, unitNumbers: elector.unitNumbers, areaHundredths: elector.areaHundredths },
      ballots: mine
        .filter((b) => b.status !== 'rejected')
        .map((b) => ({
          motionId: b.motionId,
          choice: b.choice,
          channel: b.channel,
          status: b.status,
          castAt: b.castAt,
          receiptCode: b.receiptCode,
        })),
      proxies,
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
  private assertOpen(vote: Pick<AssemblyVote, 'status' | 'opensAt' | 'closesAt' | 'channels'>, channel: Channel): void {
    const now = this.clock.now();
    if (vote.status === 'draft') throw refusalError('notice_not_published', null, channel);
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
    // Choices stay out of the shared record; their digest lets a recount be checked against it.
    const payload: Record<string, unknown> = {
      channel,
      ...(input.electorId ? { electorId: input.electorId } : {}),
      motions: choices.map((c) => c.motionId),
      receiptDigest: sha256Hex(receiptCode),
      ballotsDigest: sha256Hex(
        canonicalJson({ receiptCode, castAt, channel, choices: choices.map(({ motionId, choice }) => ({ motionId, choice })) }),
      ),
    };
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
      recordPayload: recordAction ? payload : null,
      recordDigest: recordAction ? payloadDigest(payload) : null,
    };
    // Online casts are gathered into batches (one commit for many); a paper entry runs in the clerk's transaction.
    const result = manager ? await castOne(manager, call) : await this.batcher.cast(call);
    if (result.refusal) throw refusalError(result.refusal, result.detail, channel);
    return {
      receipt: { receiptCode, castAt, channel, status: input.status, motions: result.motions! },
      payload: { ...payload, electorId: result.elector_id },
    };
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
