import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkProxyConfirmation, checkProxyEntry, checkProxyRevocation, type ProxyStatus } from '@gongyi/domain/duties/proxy-confirmation';
import { checkProxyGrant } from '@gongyi/domain/voting/proxy';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, Invalid, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { NotificationsService } from '../notifications/notifications.service';
import { RecordService } from '../record/record.service';
import { RulebookService } from '../rulebook/rulebook.service';
import { Ballot } from './entities/ballot.entity';
import { Elector } from './entities/elector.entity';
import { VoteNoticeService } from './vote-notice.service';

interface ProxyRow {
  id: string;
  vote_id: string;
  grantor_key: string;
  holder_user_id: string;
  recorded_by: string;
  status: ProxyStatus;
  used_at: Date | null;
}

export const SCAN_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const SCAN_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Written proxies (委托书) under four eyes: one committee member enters the form (reference, optional scan), a
 * second confirms it against the paper, and only then may the holder vote; the holder is neither of them. The
 * principal sees it on their ballot page and may revoke it until it is used; voting online first voids it
 * (cast_ballot.sql). Cap and the property-staff rule are checked at entry.
 */
@Injectable()
export class ProxiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly notices: VoteNoticeService,
    private readonly rulebook: RulebookService,
    private readonly notifications: NotificationsService,
    private readonly record: RecordService,
  ) {}

  async list(communityId: string, voteId: string) {
    await this.notices.get(communityId, voteId);
    return this.dataSource.query(
      `SELECT p.id, p.status, e.id AS "electorId", e.name AS "grantorName", e.unit_numbers AS "unitNumbers",
              p.holder_user_id AS "holderUserId", h.display_name AS "holderName", p.authorisation,
              p.recorded_by AS "recordedBy", r.display_name AS "recordedByName", p.created_at AS "recordedAt",
              p.confirmed_by AS "confirmedBy", c.display_name AS "confirmedByName", p.confirmed_at AS "confirmedAt",
              p.used_at AS "usedAt", p.ended_at AS "endedAt", p.scan_name AS "scanName"
       FROM proxies p JOIN electors e ON e.vote_id = p.vote_id AND e.voter_key = p.grantor_key
       JOIN users h ON h.id = p.holder_user_id JOIN users r ON r.id = p.recorded_by LEFT JOIN users c ON c.id = p.confirmed_by
       WHERE p.community_id = $1 AND p.vote_id = $2 ORDER BY p.created_at DESC LIMIT 2000`,
      [communityId, voteId],
    );
  }

  /** The first member enters the proxy; it waits for a second. */
  async add(
    clerkId: string,
    communityId: string,
    voteId: string,
    input: { electorId: string; holderUserId: string; authorisation: string },
    scan?: { buffer: Buffer; originalname: string; mimetype: string },
  ) {
    checkProxyEntry({ recordedBy: clerkId, holderUserId: input.holderUserId });
    if (scan) this.checkScan(scan);
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
         FROM proxies p LEFT JOIN owners o ON o.community_id = p.community_id AND o.user_id = p.holder_user_id
         WHERE p.vote_id = $1 AND p.status IN ('pending', 'confirmed')`,
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
      const [proxy] = await manager.query<{ id: string; status: string }[]>(
        `INSERT INTO proxies (community_id, vote_id, grantor_key, holder_user_id, authorisation, recorded_by, status, scan, scan_name, scan_type)
         VALUES ($1, $2, $3, $4, $5, $6, 'pending', $7, $8, $9) RETURNING id, status`,
        [
          communityId,
          voteId,
          grantor.voterKey,
          input.holderUserId,
          input.authorisation,
          clerkId,
          scan?.buffer ?? null,
          scan?.originalname ?? null,
          scan?.mimetype ?? null,
        ],
      );
      await this.record.append(manager, {
        communityId,
        actorId: clerkId,
        action: 'voting.proxy_recorded',
        subjectType: 'assembly_vote',
        subjectId: voteId,
        payload: {
          proxyId: proxy.id,
          electorId: grantor.id,
          holderUserId: input.holderUserId,
          authorisation: input.authorisation,
          scan: !!scan,
        },
      });
      for (const role of ['committee_director', 'committee_member'] as const) {
        await this.notifications.notify(manager, {
          communityId,
          role,
          subject: '待核对：书面委托',
          body: `${grantor.name}的书面委托（${input.authorisation}）已录入，须由另一位委员核对后生效。`,
          subjectType: 'assembly_vote',
          subjectId: voteId,
        });
      }
      return { id: proxy.id, status: proxy.status, electorId: grantor.id, holderUserId: input.holderUserId };
    });
  }

  /** The second member checks the entry against the signed form; from then on the holder may vote. */
  async confirm(clerkId: string, communityId: string, voteId: string, proxyId: string) {
    await this.dataSource.transaction(async (manager) => {
      const vote = await this.notices.lockVote(manager, communityId, voteId);
      if (vote.status !== 'noticed' || this.clock.now() >= vote.closesAt) throw new Conflict('表决已结束 (vote is closed)', 'vote_closed');
      const proxy = await this.lock(manager, communityId, voteId, proxyId);
      checkProxyConfirmation({
        status: proxy.status,
        recordedBy: proxy.recorded_by,
        holderUserId: proxy.holder_user_id,
        confirmer: clerkId,
      });
      await manager.query(`UPDATE proxies SET status = 'confirmed', confirmed_by = $2, confirmed_at = $3 WHERE id = $1`, [
        proxyId,
        clerkId,
        this.clock.now(),
      ]);
      await this.record.append(manager, {
        communityId,
        actorId: clerkId,
        action: 'voting.proxy_confirmed',
        subjectType: 'assembly_vote',
        subjectId: voteId,
        payload: { proxyId, recordedBy: proxy.recorded_by, holderUserId: proxy.holder_user_id },
      });
    });
    return this.one(communityId, voteId, proxyId);
  }

  /** The principal revokes their proxy until it is used. */
  async revoke(userId: string, communityId: string, voteId: string) {
    const proxyId = await this.dataSource.transaction(async (manager) => {
      await this.notices.lockVote(manager, communityId, voteId);
      const elector = await this.electorOfUser(manager, voteId, userId);
      if (!elector) throw new NotFound('您在本次表决中的选民资格 elector');
      const [proxy] = await manager.query<ProxyRow[]>(
        `SELECT id, status, used_at FROM proxies WHERE vote_id = $1 AND grantor_key = $2 AND status IN ('pending', 'confirmed') FOR UPDATE`,
        [voteId, elector.voterKey],
      );
      if (!proxy) throw new NotFound('您的书面委托 proxy');
      checkProxyRevocation({ status: proxy.status, used: proxy.used_at !== null });
      await manager.query(`UPDATE proxies SET status = 'revoked', ended_at = $2, ended_by = $3 WHERE id = $1`, [
        proxy.id,
        this.clock.now(),
        userId,
      ]);
      await this.record.append(manager, {
        communityId,
        actorId: userId,
        action: 'voting.proxy_revoked',
        subjectType: 'assembly_vote',
        subjectId: voteId,
        payload: { proxyId: proxy.id, electorId: elector.id },
      });
      return proxy.id;
    });
    return this.one(communityId, voteId, proxyId);
  }

  /** The proxy the signed-in owner gave for this vote (latest), for their ballot page. */
  async givenBy(manager: EntityManager, voteId: string, voterKey: string) {
    const [row] = await manager.query(
      `SELECT p.id, p.status, p.authorisation, h.display_name AS "holderName", p.created_at AS "recordedAt",
              p.confirmed_at AS "confirmedAt", p.used_at AS "usedAt", p.ended_at AS "endedAt"
       FROM proxies p JOIN users h ON h.id = p.holder_user_id WHERE p.vote_id = $1 AND p.grantor_key = $2
       ORDER BY p.created_at DESC LIMIT 1`,
      [voteId, voterKey],
    );
    return row ?? null;
  }

  async scan(communityId: string, voteId: string, proxyId: string) {
    const [row] = await this.dataSource.query<{ scan: Buffer | null; scan_name: string | null; scan_type: string | null }[]>(
      'SELECT scan, scan_name, scan_type FROM proxies WHERE id = $1 AND vote_id = $2 AND community_id = $3',
      [proxyId, voteId, communityId],
    );
    if (!row) throw new NotFound('书面委托 proxy');
    if (!row.scan) throw new NotFound('委托书扫描件 scan');
    return { bytes: row.scan, name: row.scan_name ?? 'scan', type: row.scan_type ?? 'application/octet-stream' };
  }

  private checkScan(scan: { buffer: Buffer; mimetype: string }) {
    if (!(SCAN_TYPES as readonly string[]).includes(scan.mimetype)) {
      throw new Invalid('扫描件须为 PDF、JPEG 或 PNG 文件', 'scan_type');
    }
    if (scan.buffer.length > SCAN_MAX_BYTES) throw new Invalid('扫描件不能超过 5 MB', 'scan_too_large');
  }

  private async one(communityId: string, voteId: string, proxyId: string) {
    const rows = await this.list(communityId, voteId);
    const row = rows.find((r: { id: string }) => r.id === proxyId);
    if (!row) throw new NotFound('书面委托 proxy');
    return row;
  }

  private async lock(manager: EntityManager, communityId: string, voteId: string, proxyId: string): Promise<ProxyRow> {
    const [row] = await manager.query<ProxyRow[]>(
      'SELECT id, vote_id, grantor_key, holder_user_id, recorded_by, status, used_at FROM proxies WHERE id = $1 AND vote_id = $2 AND community_id = $3 FOR UPDATE',
      [proxyId, voteId, communityId],
    );
    if (!row) throw new NotFound('书面委托 proxy');
    return row;
  }

  private electorOfUser(manager: EntityManager, voteId: string, userId: string): Promise<Elector | null> {
    return manager
      .getRepository(Elector)
      .createQueryBuilder('e')
      .innerJoin('owners', 'o', 'o.id::text = e.voter_key')
      .where('e.vote_id = :voteId AND o.user_id = :userId', { voteId, userId })
      .getOne();
  }
}
