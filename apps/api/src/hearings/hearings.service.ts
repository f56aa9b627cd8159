import { WorkNotices } from '../notifications/work-notices';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertPanel, roleFitsKind, PANEL_KIND_LABELS } from '@gongyi/domain/hearings/panel';
import { assertCriteria, assertSchedule } from '@gongyi/domain/hearings/tender';
import { DataSource, In } from 'typeorm';
import { Conflict, Forbidden, Invalid } from '../common/app-error';
import { Clock } from '../common/clock';
import { AgendaService } from '../agenda/agenda.service';
import { RolesService } from '../identity/roles.service';
import { UsersService } from '../identity/users.service';
import { RecordService } from '../record/record.service';
import { CreateHearingDto, PanelSeatDto, VendorInviteDto } from './dto/hearing.dto';
import { Hearing } from './entities/hearing.entity';
import { Invitation } from './entities/invitation.entity';
import { PanelMember } from './entities/panel-member.entity';
import { Score } from './entities/score.entity';
import { findHearing, findVisibleHearing, isVendorOnly, type Viewer } from './hearing-access';
import { HearingViews } from './hearing-views';

// pg_advisory_xact_lock namespace: two hearings announced at once for one item cannot both pass the check.
const HEARING_ITEM_LOCK = 51;

/** Setting up a hearing: the announcement, its panel and declarations of interest, and the invited vendors. */
@Injectable()
export class HearingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly agenda: AgendaService,
    private readonly roles: RolesService,
    private readonly users: UsersService,
    private readonly record: RecordService,
    private readonly views: HearingViews,
    private readonly work: WorkNotices,
  ) {}

  async create(actorId: string, communityId: string, input: CreateHearingDto) {
    const bidDeadline = new Date(input.bidDeadline);
    const openingAt = new Date(input.openingAt);
    assertSchedule(this.clock.now(), bidDeadline, openingAt);
    assertCriteria(input.criteria);
    const item = await this.agenda.get(communityId, input.agendaItemId);
    if (item.status !== 'in_stage')
      throw new Conflict('议题已结束或被退回，不能为其举行听证 (the item is not under way)', 'item_not_in_stage');
    const seats = await this.checkSeats(communityId, input.panel);
    assertPanel(seats.map((s) => ({ ...s, recused: false })));
    const vendors = await this.checkVendors(
      communityId,
      input.vendors,
      seats.map((s) => s.userId),
    );
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [HEARING_ITEM_LOCK, input.agendaItemId]);
      const active = await manager.findOne(Hearing, {
        where: { communityId, agendaItemId: item.id, status: In(['bidding', 'opened', 'result_published']) },
      });
      if (active)
        throw new Conflict('该议题已有进行中的听证会；流标后方可重新招标 (an active hearing exists for this item)', 'hearing_exists');
      const hearing = await manager.save(Hearing, {
        communityId,
        agendaItemId: item.id,
        title: input.title,
        description: input.description,
        place: input.place,
        criteria: input.criteria.map(({ key, label, weight }) => ({ key, label, weight })),
        bidDeadline,
        openingAt,
        status: 'bidding' as const,
        openedAt: null,
        openedBy: null,
        result: null,
        resultPublishedAt: null,
        objectionEndsAt: null,
        shortlist: null,
        createdBy: actorId,
      });
      await manager.insert(
        PanelMember,
        seats.map((s) => ({ ...s, communityId, hearingId: hearing.id, declaredAt: null, conflict: null, recused: false })),
      );
      const now = this.clock.now();
      if (vendors.length)
        await manager.insert(
          Invitation,
          vendors.map((v) => ({
            communityId,
            hearingId: hearing.id,
            vendorUserId: v.userId,
            vendorName: v.vendorName,
            invitedBy: actorId,
            invitedAt: now,
          })),
        );
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'hearing.created',
        subjectType: 'hearing',
        subjectId: hearing.id,
        payload: {
          agendaItemId: item.id,
          title: hearing.title,
          description: hearing.description,
          place: hearing.place,
          criteria: hearing.criteria,
          bidDeadline,
          openingAt,
          panel: seats,
          vendors,
        },
      });
      // Each vendor invited with the hearing is told, as one invited later is (invite below).
      for (const v of vendors) await this.work.vendorInvited(manager, hearing, v.userId);
      return hearing;
    });
  }

  async list(communityId: string, viewer: Viewer) {
    const qb = this.dataSource.getRepository(Hearing).createQueryBuilder('h').where('h.community_id = :communityId', { communityId });
    if (isVendorOnly(viewer)) {
      qb.andWhere('EXISTS (SELECT 1 FROM hearing_invitations i WHERE i.hearing_id = h.id AND i.vendor_user_id = :me)', {
        me: viewer.userId,
      });
    }
    const rows = await qb.orderBy('h.created_at', 'DESC').getMany();
    return rows.map((h) => this.views.summary(h));
  }

  async get(communityId: string, id: string, viewer: Viewer) {
    const { hearing } = await findVisibleHearing(this.dataSource.manager, communityId, id, viewer);
    return this.views.detail(hearing, viewer);
  }

  /** Changing the panel is allowed until the result is published; a member taken off loses their score sheet. */
  async replacePanel(actorId: string, communityId: string, id: string, panel: PanelSeatDto[]) {
    const seats = await this.checkSeats(communityId, panel);
    return this.dataSource.transaction(async (manager) => {
      const hearing = await findHearing(manager, communityId, id, 'pessimistic_write');
      if (!['bidding', 'opened'].includes(hearing.status))
        throw new Conflict('评审结果已公示或已流标，评审组不可再变更 (the panel is closed)', 'panel_closed');
      const invited = await manager.findBy(Invitation, { hearingId: id, vendorUserId: In(seats.map((s) => s.userId)) });
      if (invited.length) throw new Conflict('受邀投标的供应商不得担任评审 (a bidder cannot sit on the panel)', 'vendor_on_panel');
      const current = await manager.findBy(PanelMember, { hearingId: id });
      const wanted = new Map(seats.map((s) => [s.userId, s]));
      const leaving = current.filter((m) => !wanted.has(m.userId));
      // A declaration follows the person, whatever seat they move to, and a recused member stays listed as recused:
      // neither a change of kind nor a remove-and-re-add can shed a recusal.
      if (leaving.some((m) => m.recused))
        throw new Conflict('已回避的评审须保留在名单中并注明回避 (a recused member stays on the record)', 'recusal_kept');
      const byUser = new Map(current.map((m) => [m.userId, m]));
      assertPanel(seats.map((s) => ({ ...s, recused: byUser.get(s.userId)?.recused ?? false })));
      if (leaving.length) {
        await manager.delete(Score, { memberId: In(leaving.map((m) => m.id)) });
        await manager.delete(PanelMember, { id: In(leaving.map((m) => m.id)) });
      }
      for (const m of current) {
        const seat = wanted.get(m.userId);
        if (seat && seat.kind !== m.kind) await manager.update(PanelMember, { id: m.id }, { kind: seat.kind });
      }
      const joining = seats.filter((s) => !byUser.has(s.userId));
      if (joining.length)
        await manager.insert(
          PanelMember,
          joining.map((s) => ({ ...s, communityId, hearingId: id, declaredAt: null, conflict: null, recused: false })),
        );
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'hearing.panel_replaced',
        subjectType: 'hearing',
        subjectId: id,
        payload: { panel: seats, removed: leaving.map((m) => ({ userId: m.userId, kind: m.kind, name: m.name })) },
      });
      return manager.find(PanelMember, { where: { hearingId: id }, order: { kind: 'ASC', name: 'ASC' } });
    });
  }

  /** A panel member declares their interests; declaring a conflict recuses them (and withdraws any scores). */
  async declare(userId: string, communityId: string, id: string, conflict: string | undefined) {
    return this.dataSource.transaction(async (manager) => {
      const hearing = await findHearing(manager, communityId, id, 'pessimistic_write');
      if (!['bidding', 'opened'].includes(hearing.status))
        throw new Conflict('评审结果已公示或已流标 (the panel is closed)', 'panel_closed');
      const member = await manager.findOne(PanelMember, { where: { hearingId: id, userId }, lock: { mode: 'pessimistic_write' } });
      if (!member) throw new Forbidden('您不是本次听证会的评审 (you are not on this panel)', 'not_panel_member');
      if (member.recused) throw new Conflict('您已申报利益冲突并回避 (already recused)', 'already_recused');
      const recused = Boolean(conflict?.trim());
      const now = this.clock.now();
      await manager.update(PanelMember, { id: member.id }, { declaredAt: now, conflict: recused ? conflict!.trim() : null, recused });
      if (recused) await manager.delete(Score, { memberId: member.id });
      await this.record.append(manager, {
        communityId,
        actorId: userId,
        action: recused ? 'hearing.member_recused' : 'hearing.no_conflict_declared',
        subjectType: 'hearing',
        subjectId: id,
        payload: {
          memberId: member.id,
          name: member.name,
          kind: member.kind,
          conflict: recused ? conflict!.trim() : null,
          declaredAt: now,
        },
      });
      return manager.findOneByOrFail(PanelMember, { id: member.id });
    });
  }

  async invite(actorId: string, communityId: string, id: string, input: VendorInviteDto) {
    return this.dataSource.transaction(async (manager) => {
      const hearing = await findHearing(manager, communityId, id, 'pessimistic_write');
      if (hearing.status !== 'bidding' || this.clock.now() >= hearing.bidDeadline)
        throw new Conflict('投标已截止，不能再邀请供应商 (bidding is closed)', 'bid_deadline_passed');
      const panel = await manager.findBy(PanelMember, { hearingId: id });
      const [vendor] = await this.checkVendors(
        communityId,
        [input],
        panel.map((m) => m.userId),
      );
      const invitation = await manager.save(Invitation, {
        communityId,
        hearingId: id,
        vendorUserId: vendor.userId,
        vendorName: vendor.vendorName,
        invitedBy: actorId,
        invitedAt: this.clock.now(),
      });
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'hearing.vendor_invited',
        subjectType: 'hearing',
        subjectId: id,
        payload: { vendorUserId: vendor.userId, vendorName: vendor.vendorName },
      });
      await this.work.vendorInvited(manager, hearing, vendor.userId);
      return invitation;
    });
  }

  private async checkSeats(communityId: string, panel: PanelSeatDto[]) {
    const seats = [];
    for (const seat of panel) {
      const roles = await this.roles.activeRoles(seat.userId, communityId);
      if (!roleFitsKind(seat.kind, roles)) {
        throw new Invalid(
          `评审 ${seat.userId} 在本小区没有担任「${PANEL_KIND_LABELS[seat.kind]}」所需的角色 (role does not fit the seat)`,
          'panel_role_mismatch',
          { userId: seat.userId, kind: seat.kind },
        );
      }
      if (roles.includes('vendor')) throw new Conflict('供应商不得担任评审 (a vendor cannot sit on the panel)', 'vendor_on_panel');
      const user = await this.users.get(seat.userId);
      seats.push({ userId: seat.userId, kind: seat.kind, name: user.displayName });
    }
    return seats;
  }

  private async checkVendors(communityId: string, vendors: VendorInviteDto[], panelUserIds: string[]) {
    const ids = vendors.map((v) => v.userId);
    if (new Set(ids).size !== ids.length) throw new Invalid('同一供应商被邀请了两次 (a vendor is invited twice)', 'duplicate_vendor');
    for (const v of vendors) {
      if (panelUserIds.includes(v.userId)) throw new Conflict('评审不得同时投标 (a panel member cannot bid)', 'vendor_on_panel');
      const roles = await this.roles.activeRoles(v.userId, communityId);
      if (!roles.includes('vendor'))
        throw new Invalid(`账号 ${v.userId} 在本小区没有供应商角色 (not a vendor here)`, 'not_a_vendor', { userId: v.userId });
    }
    return vendors.map((v) => ({ userId: v.userId, vendorName: v.vendorName.trim() }));
  }
}
