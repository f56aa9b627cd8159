import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { sha256Hex } from '@gongyi/domain/record/hash-chain';
import { canonicalJson } from '@gongyi/domain/record/canonical-json';
import { checkProxyGrant } from '@gongyi/domain/voting/proxy';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { Conflict, Forbidden, Invalid, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { RecordService } from '../record/record.service';
import { RulebookService } from '../rulebook/rulebook.service';
import { ChoiceDto } from './dto/vote.dto';
import { AssemblyVote } from './entities/assembly-vote.entity';
import { Ballot } from './entities/ballot.entity';
import { Elector } from './entities/elector.entity';
import { Motion } from './entities/motion.entity';
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

interface CastContext {
  id: string;
  community_id: string;
  status: string;
  opens_at: Date;
  closes_at: Date;
  channels: string[];
  elector_id: string | null;
  voter_key: string;
  area_hundredths: string;
  motions: Pick<Motion, 'id' | 'seq' | 'title' | 'kind' | 'options'>[] | null;
  proxy_found: boolean;
}

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
  ) {}

  /** The hot path of a busy vote: one query loads the vote, the voter, the motions and any proxy. */
  async castOnline(userId: string, communityId: string, voteId: string, choices: ChoiceDto[], onBehalfOf?: string): Promise<Receipt> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock_shared($1, hashtext($2))', [VOTE_LOCK_NAMESPACE, voteId]);
      const [row] = await manager.query<CastContext[]>(
        `SELECT v.id, v.community_id, v.status, v.opens_at, v.closes_at, v.channels,
                e.id AS elector_id, e.voter_key, e.area_hundredths::text AS area_hundredths,
                (SELECT json_agg(json_build_object('id', m.id, 'seq', m.seq, 'title', m.title, 'kind', m.kind, 'options', m.options))
                   FROM motions m WHERE m.vote_id = v.id) AS motions,
                EXISTS (SELECT 1 FROM proxies p WHERE p.vote_id = v.id AND p.grantor_key = e.voter_key
                          AND ($4::uuid IS NULL OR p.holder_user_id = $3)) AS proxy_found
         FROM assembly_votes v
         LEFT JOIN electors e ON e.vote_id = v.id AND e.voter_key = ${
           // Two plain forms, so the planner uses the (vote_id, voter_key) index either way.
           onBehalfOf
             ? '(SELECT x.voter_key FROM electors x WHERE x.id = $4::uuid AND x.vote_id = $1)'
             : '(SELECT o.id::text FROM owners o WHERE o.community_id = $2 AND o.user_id = $3 LIMIT 1)'
         }
         WHERE v.id = $1 AND v.community_id = $2`,
        [voteId, communityId, userId, onBehalfOf ?? null],
      );
      if (!row) throw new NotFound('表决 vote');
      const channel = onBehalfOf ? 'proxy' : 'online';
      this.assertOpen({ status: row.status, opensAt: row.opens_at, closesAt: row.closes_at, channels: row.channels }, channel);
      if (!row.elector_id) {
        if (onBehalfOf) throw new NotFound('委托人 elector');
        throw new Forbidden('您不在本次表决的业主名册中，或账号尚未关联房屋 (you are not on the roll of this vote)', 'not_elector');
      }
      if (onBehalfOf && !row.proxy_found)
        throw new Forbidden('您没有该业主的书面委托 (no written proxy from this owner)', 'not_proxy_holder');
      if (!onBehalfOf && row.proxy_found)
        throw new Conflict('您已书面委托他人代为投票 (you gave a written proxy for this vote)', 'proxy_given');
      return this.insert(
        manager,
        { id: voteId, communityId },
        { id: row.elector_id, voterKey: row.voter_key, areaHundredths: row.area_hundredths },
        choices,
        { channel, castBy: userId, status: 'counted' },
        row.motions ?? [],
      );
    });
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
      const vote = await this.openVote(manager, communityId, voteId, 'paper');
      const elector = await manager.findOneBy(Elector, { id: electorId, voteId });
      if (!elector) throw new NotFound('选民 elector');
      const motions = await manager.find(Motion, { where: { voteId } });
      return this.insert(manager, vote, elector, choices, { channel: 'paper', castBy: clerkId, status: 'pending', paperRef }, motions);
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

  private assertOpen(vote: Pick<AssemblyVote, 'status' | 'opensAt' | 'closesAt' | 'channels'>, channel: Channel): void {
    const now = this.clock.now();
    if (vote.status === 'draft') throw new Conflict('公告尚未发布，不能投票 (notice not yet published)', 'vote_not_open');
    if (vote.status === 'closed' || now >= vote.closesAt) throw new Conflict('表决已截止 (voting has closed)', 'vote_closed');
    if (now < vote.opensAt)
      throw new Conflict(`投票尚未开始，开始时间 ${vote.opensAt.toISOString()} (voting not open yet)`, 'vote_not_open');
    if (!vote.channels.includes(channel))
      throw new Conflict(`本次表决不接受该方式投票 (channel ${channel} not accepted)`, 'channel_not_allowed');
  }

  private async insert(
    manager: EntityManager,
    vote: Pick<AssemblyVote, 'id' | 'communityId'>,
    elector: Pick<Elector, 'id' | 'voterKey' | 'areaHundredths'>,
    choices: ChoiceDto[],
    how: { channel: Channel; castBy: string; status: 'counted' | 'pending'; paperRef?: string },
    motions: Pick<Motion, 'id' | 'seq' | 'title' | 'kind' | 'options'>[],
  ): Promise<Receipt> {
    const byId = new Map(motions.map((m) => [m.id, m]));
    if (new Set(choices.map((c) => c.motionId)).size !== choices.length)
      throw new Invalid('同一议案只能选择一次 (one choice per motion)', 'duplicate_motion');
    for (const { motionId, choice } of choices) {
      const motion = byId.get(motionId);
      if (!motion) throw new Invalid('议案不属于本次表决 (motion not in this vote)', 'unknown_motion');
      const allowed = motion.kind === 'yes_no' ? ['yes', 'no', 'abstain'] : [...motion.options.map((o) => o.id), 'abstain'];
      if (!allowed.includes(choice)) throw new Invalid(`议案「${motion.title}」的选择无效：${choice}`, 'invalid_choice');
    }
    const receiptCode = newReceiptCode();
    const castAt = this.clock.now();
    const rows = choices.map((c) => ({
      communityId: vote.communityId,
      voteId: vote.id,
      motionId: c.motionId,
      voterKey: elector.voterKey,
      areaHundredths: elector.areaHundredths,
      choice: c.choice,
      channel: how.channel,
      status: how.status,
      castBy: how.castBy,
      paperRef: how.paperRef ?? null,
      receiptCode,
      castAt,
    }));
    try {
      await manager.query(
        `INSERT INTO ballots (community_id, vote_id, motion_id, voter_key, area_hundredths, choice, channel, status, cast_by, paper_ref, receipt_code, cast_at)
         SELECT $1, $2, unnest($3::uuid[]), $4, $5, unnest($6::text[]), $7, $8, $9, $10, $11, $12`,
        [
          vote.communityId,
          vote.id,
          rows.map((r) => r.motionId),
          elector.voterKey,
          elector.areaHundredths,
          rows.map((r) => r.choice),
          how.channel,
          how.status,
          how.castBy,
          how.paperRef ?? null,
          receiptCode,
          castAt,
        ],
      );
    } catch (error) {
      if (error instanceof QueryFailedError && (error as QueryFailedError & { code?: string }).code === '23505') {
        throw new Conflict('该业主已就此议案投票，投票后不可更改 (already voted on this motion)', 'already_voted');
      }
      throw error;
    }
    // Last statement: the record's per-community lock is then held only until commit.
    await this.record.append(manager, {
      communityId: vote.communityId,
      actorId: how.castBy,
      action: how.status === 'pending' ? 'voting.paper_ballot_entered' : 'voting.ballot_cast',
      subjectType: 'assembly_vote',
      subjectId: vote.id,
      // Choices stay out of the shared record; their digest lets a recount be checked against it.
      payload: {
        electorId: elector.id,
        channel: how.channel,
        motions: choices.map((c) => c.motionId),
        receiptDigest: sha256Hex(receiptCode),
        ballotsDigest: sha256Hex(canonicalJson(rows)),
      },
    });
    return {
      receiptCode,
      castAt,
      channel: how.channel,
      status: how.status,
      motions: choices.map((c) => ({ motionId: c.motionId, seq: byId.get(c.motionId)!.seq, title: byId.get(c.motionId)!.title })),
    };
  }
}
