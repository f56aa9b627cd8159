import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkCustodyChange, checkCustodyConfirmation } from '@gongyi/domain/duties/custody';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { Conflict, Forbidden, Invalid, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { RolesService } from '../identity/roles.service';
import { COMMUNITY_STAFF, type CommunityRole } from '../identity/roles';
import { NotificationsService } from '../notifications/notifications.service';
import { RecordService } from '../record/record.service';
import { SealCustodian } from './entities/seal-custodian.entity';
import { Seal } from './entities/seal.entity';
import { SealKeysService } from './seal-keys.service';

const SEAL_NAME = { assembly: '业主大会章', committee: '业委会章' } as const;
const STAFF = new Set<CommunityRole>(COMMUNITY_STAFF);

/**
 * Who keeps a seal (issue 10 item 3): the assembly seal's custodians are appointed by a residents'-committee holder;
 * the committee seal's by a committee decision recorded by two members (proposal + confirmation). Nobody keeps
 * both seals of a community. Every change is recorded and told to the residents' committee and the other seal's
 * custodians.
 */
@Injectable()
export class SealCustodyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly roles: RolesService,
    private readonly keys: SealKeysService,
    private readonly notifications: NotificationsService,
    private readonly record: RecordService,
  ) {}

  /** PUT custodians: the residents' committee appointing the assembly seal's custodians. */
  async appoint(actorId: string, communityId: string, sealId: string, userIds: string[]) {
    const seal = await this.activeSeal(communityId, sealId);
    if (seal.kind === 'committee') {
      throw new Forbidden('业委会章保管人须由业委会两名委员共同决定：请一名委员提出、另一名委员确认', 'custody_committee_decision_only');
    }
    const actorRoles = await this.roles.activeRoles(actorId, communityId);
    await this.dataSource.transaction(async (manager) => {
      await this.check(manager, seal, actorRoles, userIds);
      await this.change(manager, actorId, seal, userIds, [actorId]);
    });
  }

  async proposals(communityId: string, sealId: string) {
    const seal = await this.dataSource.getRepository(Seal).findOneBy({ id: sealId, communityId });
    if (!seal) throw new NotFound('印章 seal');
    return this.dataSource.query(
      `SELECT p.id, p.user_ids AS "userIds", p.note, p.status, p.proposed_by AS "proposedBy", u.display_name AS "proposedByName",
              p.proposed_at AS "proposedAt", p.decided_by AS "decidedBy", p.decided_at AS "decidedAt"
       FROM seal_custody_proposals p JOIN users u ON u.id = p.proposed_by
       WHERE p.community_id = $1 AND p.seal_id = $2 ORDER BY p.proposed_at DESC LIMIT 50`,
      [communityId, sealId],
    );
  }

  /** A committee member proposes the committee seal's custodians; nothing changes until a second member confirms. */
  async propose(actorId: string, communityId: string, sealId: string, userIds: string[], note = '') {
    const seal = await this.activeSeal(communityId, sealId);
    if (seal.kind !== 'committee') {
      throw new Forbidden('业主大会章保管人只能由居委会指定', 'custody_residents_committee_only');
    }
    const actorRoles = await this.roles.activeRoles(actorId, communityId);
    return this.dataSource.transaction(async (manager) => {
      await this.check(manager, seal, actorRoles, userIds);
      const pending = await manager.query(`SELECT id FROM seal_custody_proposals WHERE seal_id = $1 AND status = 'pending' FOR UPDATE`, [
        sealId,
      ]);
      if (pending.length) throw new Conflict('该印章已有待确认的保管人决定', 'custody_proposal_pending', { proposalId: pending[0].id });
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO seal_custody_proposals (community_id, seal_id, user_ids, note, status, proposed_by, proposed_at)
         VALUES ($1, $2, $3, $4, 'pending', $5, $6) RETURNING id`,
        [communityId, sealId, userIds, note, actorId, this.clock.now()],
      );
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'seals.custody_proposed',
        subjectType: 'seal',
        subjectId: sealId,
        payload: { proposalId: row.id, kind: seal.kind, term: seal.term, custodians: userIds, note },
      });
      for (const role of ['committee_director', 'committee_member'] as const) {
        await this.notifications.notify(manager, {
          communityId,
          role,
          subject: `待确认：${seal.commonName}保管人`,
          body: '一名委员提出了业委会章保管人，须由另一名委员确认后生效。',
          subjectType: 'seal',
          subjectId: sealId,
        });
      }
      return { id: row.id };
    });
  }

  /** A second committee member confirms the proposal, which then takes effect. */
  async confirm(actorId: string, communityId: string, sealId: string, proposalId: string) {
    const seal = await this.activeSeal(communityId, sealId);
    const actorRoles = await this.roles.activeRoles(actorId, communityId);
    await this.dataSource.transaction(async (manager) => {
      const [proposal] = await manager.query<{ id: string; user_ids: string[]; status: string; proposed_by: string }[]>(
        'SELECT id, user_ids, status, proposed_by FROM seal_custody_proposals WHERE id = $1 AND seal_id = $2 AND community_id = $3 FOR UPDATE',
        [proposalId, sealId, communityId],
      );
      if (!proposal) throw new NotFound('保管人决定 custody proposal');
      if (proposal.status !== 'pending') throw new Conflict('该决定已办结', 'custody_proposal_closed');
      checkCustodyConfirmation({ proposedBy: proposal.proposed_by, confirmer: actorId, confirmerRoles: actorRoles });
      await this.check(manager, seal, actorRoles, proposal.user_ids);
      await manager.query(`UPDATE seal_custody_proposals SET status = 'confirmed', decided_by = $2, decided_at = $3 WHERE id = $1`, [
        proposalId,
        actorId,
        this.clock.now(),
      ]);
      await this.change(manager, actorId, seal, proposal.user_ids, [proposal.proposed_by, actorId]);
    });
  }

  /** The proposer (or another committee member) withdraws a pending proposal. */
  async withdraw(actorId: string, communityId: string, sealId: string, proposalId: string) {
    await this.activeSeal(communityId, sealId);
    await this.dataSource.transaction(async (manager) => {
      const [exists] = await manager.query('SELECT 1 FROM seal_custody_proposals WHERE id = $1 AND seal_id = $2 AND community_id = $3', [
        proposalId,
        sealId,
        communityId,
      ]);
      if (!exists) throw new NotFound('保管人决定 custody proposal');
      const [, count] = await manager.query<[unknown, number]>(
        `UPDATE seal_custody_proposals SET status = 'withdrawn', decided_by = NULL, decided_at = $4
         WHERE id = $1 AND seal_id = $2 AND community_id = $3 AND status = 'pending'`,
        [proposalId, sealId, communityId, this.clock.now()],
      );
      if (!count) throw new Conflict('没有待确认的该项决定', 'custody_proposal_closed');
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'seals.custody_withdrawn',
        subjectType: 'seal',
        subjectId: sealId,
        payload: { proposalId },
      });
    });
  }

  /** A custodian holding the key gives a copy, under their PIN, to co-custodians who have none yet. */
  async handOver(actorId: string, communityId: string, sealId: string, pin: string) {
    const seal = await this.activeSeal(communityId, sealId);
    await this.dataSource.transaction(async (manager) => {
      const active = await manager.findBy(SealCustodian, { sealId, endedAt: IsNull() });
      if (!active.some((c) => c.userId === actorId)) throw new Forbidden('您不是该印章的保管人', 'not_custodian');
      const others = active.map((c) => c.userId).filter((u) => u !== actorId);
      const given = await this.keys.handOver(manager, communityId, sealId, actorId, pin, others);
      if (!given.length) throw new Conflict('没有需要交接的保管人（须先由对方设置用章密码）', 'handover_nobody');
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'seals.key_handed_over',
        subjectType: 'seal',
        subjectId: sealId,
        payload: { kind: seal.kind, term: seal.term, to: given },
      });
    });
  }

  private async activeSeal(communityId: string, sealId: string): Promise<Seal> {
    const seal = await this.dataSource.getRepository(Seal).findOneBy({ id: sealId, communityId });
    if (!seal) throw new NotFound('印章 seal');
    if (seal.status !== 'active') throw new Conflict('印章已停用 (seal retired)', 'seal_retired');
    return seal;
  }

  private async check(manager: EntityManager, seal: Seal, actorRoles: CommunityRole[], userIds: string[]) {
    for (const userId of userIds) {
      const held = await this.roles.activeRoles(userId, seal.communityId);
      if (!held.some((r) => STAFF.has(r))) {
        throw new Invalid('保管人须在本小区担任职务 (a custodian must hold a staff role in this community)', 'custodian_not_staff', {
          userId,
        });
      }
    }
    checkCustodyChange({
      kind: seal.kind,
      actorRoles,
      custodians: userIds,
      otherSealCustodians: await this.otherCustodians(manager, seal),
    });
  }

  private async otherCustodians(manager: EntityManager, seal: Seal): Promise<string[]> {
    const rows = await manager.query<{ user_id: string }[]>(
      `SELECT sc.user_id FROM seal_custodians sc JOIN seals s ON s.id = sc.seal_id
       WHERE s.community_id = $1 AND s.kind <> $2 AND s.status = 'active' AND sc.ended_at IS NULL`,
      [seal.communityId, seal.kind],
    );
    return rows.map((r) => r.user_id);
  }

  /** Replaces the custodians; ended assignments stay on file, their key copies are destroyed. */
  private async change(manager: EntityManager, actorId: string, seal: Seal, userIds: string[], decidedBy: string[]) {
    await manager.findOne(Seal, { where: { id: seal.id }, lock: { mode: 'pessimistic_write' } });
    const now = this.clock.now();
    const current = await manager.findBy(SealCustodian, { sealId: seal.id, endedAt: IsNull() });
    const ending = current.filter((c) => !userIds.includes(c.userId));
    if (ending.length) await manager.update(SealCustodian, { id: In(ending.map((c) => c.id)) }, { endedAt: now, endedBy: actorId });
    await this.keys.destroyCopies(
      manager,
      seal.id,
      ending.map((c) => c.userId),
    );
    const adding = userIds.filter((u) => !current.some((c) => c.userId === u));
    if (adding.length)
      await manager.insert(
        SealCustodian,
        adding.map((userId) => ({ communityId: seal.communityId, sealId: seal.id, userId, assignedBy: actorId, assignedAt: now })),
      );
    await this.record.append(manager, {
      communityId: seal.communityId,
      actorId,
      action: 'seals.custodians_changed',
      subjectType: 'seal',
      subjectId: seal.id,
      payload: { kind: seal.kind, term: seal.term, custodians: userIds, added: adding, ended: ending.map((c) => c.userId), decidedBy },
    });
    // Each new custodian is told personally: they must set a PIN and take over the key before they can seal.
    for (const userId of adding) {
      const held = await this.roles.activeRoles(userId, seal.communityId);
      const role = held.find((r) => STAFF.has(r)) ?? held[0];
      if (!role) continue;
      await this.notifications.notify(manager, {
        communityId: seal.communityId,
        role,
        userId,
        subject: `您已成为${SEAL_NAME[seal.kind]}保管人`,
        body: `您现为${seal.commonName}的保管人：请设置用章密码并接收印章密钥，之后用章申请会出现在「我的待办」。`,
        subjectType: 'seal',
        subjectId: seal.id,
      });
    }
    const roles = new Set<CommunityRole>(['residents_committee']);
    for (const userId of await this.otherCustodians(manager, seal)) {
      const held = await this.roles.activeRoles(userId, seal.communityId);
      const role = held.find((r) => STAFF.has(r));
      if (role) roles.add(role);
    }
    const names = await manager.query<{ display_name: string }[]>(
      'SELECT display_name FROM users WHERE id = ANY($1) ORDER BY display_name',
      [userIds],
    );
    for (const role of roles) {
      await this.notifications.notify(manager, {
        communityId: seal.communityId,
        role,
        subject: `${SEAL_NAME[seal.kind]}保管人变更`,
        body: `${seal.commonName}的保管人现为：${names.map((n) => n.display_name).join('、')}`,
        subjectType: 'seal',
        subjectId: seal.id,
      });
    }
  }
}
