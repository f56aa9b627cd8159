import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  acceptDueAt,
  actionsFrom,
  isDispatcher,
  isResident,
  mayEnterForResident,
  missedDue,
  nextRequestState,
  reopenDeadline,
  requestRuleFor,
  requestRulesOf,
  resolveDueAt,
  DEFAULT_REQUEST_REOPEN_DAYS,
  type RequestAction,
  type RequestActor,
  type RequestRule,
  type RequestState,
} from '@gongyi/domain/requests/requests';
import {
  ASSIGNEE_KIND_LABELS_ZH,
  REQUEST_EVENT_LABELS_ZH,
  REQUEST_STATE_LABELS_ZH,
  WRITE_OFF_KIND_LABELS_ZH,
  formatZhDateTime,
  labelOf,
} from '@gongyi/domain/labels';
import { DataSource, EntityManager } from 'typeorm';
import { AgendaService } from '../agenda/agenda.service';
import { Conflict, Forbidden, Invalid, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import type { CommunityRole } from '../identity/roles';
import { JobsService } from '../jobs/jobs.service';
import { NotificationsService } from '../notifications/notifications.service';
import { WorkNotices } from '../notifications/work-notices';
import { RecordService } from '../record/record.service';
import { RulebookService } from '../rulebook/rulebook.service';
import type {
  DispatchDto,
  FileRequestDto,
  PromoteDto,
  RequestDetailDto,
  RequestFormDto,
  RequestListQuery,
  RequestStatsDto,
  RequestSummaryDto,
  WriteOffDto,
} from './requests.dto';
import { ServiceRequest } from './entities/service-request.entity';
import { ServiceRequestEvent } from './entities/service-request-event.entity';
import { RequestPhoto } from './entities/request-photo.entity';
import { checkedPhoto, MAX_PHOTO_BYTES } from '../common/photo-upload';
import { monthlyRequestStats } from './request-stats';

export const REQUEST_DUE_QUEUE = 'service-request-due';
export { MAX_PHOTO_BYTES };
const MAX_PHOTOS_PER_REQUEST = 12;

export interface Caller {
  userId: string;
  roles: readonly CommunityRole[];
}

/**
 * 点单 → 派单 → 接单 → 评单. Every step goes through the pure state machine (libs/domain/src/requests), writes one
 * insert-only event and one decision-record entry, and tells the next person. Due times come from the rulebook
 * version in force at filing; a pg-boss job per due time escalates a missed one to the party secretary.
 */
@Injectable()
export class RequestsService implements OnModuleInit {
  private readonly logger = new Logger('Requests');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
    private readonly rulebook: RulebookService,
    private readonly record: RecordService,
    private readonly notifications: NotificationsService,
    private readonly work: WorkNotices,
    private readonly agenda: AgendaService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(REQUEST_DUE_QUEUE, async ({ communityId, requestId }) => {
      const outcome = await this.escalateIfDue(communityId, requestId);
      if (outcome === 'not_due') {
        const r = await this.dataSource.getRepository(ServiceRequest).findOneBy({ id: requestId, communityId });
        const due = r && (r.status === 'dispatched' ? r.acceptDueAt : r.resolveDueAt);
        if (due) await this.jobs.schedule(REQUEST_DUE_QUEUE, `${requestId}:${Date.now()}`, due, { communityId, requestId });
      }
    });
  }

  // ------------------------------------------------------------------ reading

  async form(communityId: string, caller: Caller): Promise<RequestFormDto> {
    const m = this.dataSource.manager;
    const { rules, reopenDays } = await this.rules(m, communityId);
    const buildings = await m.query<{ id: string; name: string }[]>(
      'SELECT id, name FROM buildings WHERE community_id = $1 ORDER BY name',
      [communityId],
    );
    const myUnits = await m.query<{ id: string; name: string }[]>(
      `SELECT DISTINCT u.id, u.number AS name FROM units u
         JOIN unit_owners uo ON uo.unit_id = u.id JOIN owners o ON o.id = uo.owner_id
        WHERE u.community_id = $1 AND o.user_id = $2 ORDER BY u.number`,
      [communityId, caller.userId],
    );
    const assignees = isDispatcher(caller.roles) ? await this.assigneeOptions(m, communityId) : [];
    return {
      categories: rules.map((r) => ({ ...r, ruleText: ruleText(r) })),
      buildings,
      myUnits,
      assignees,
      reopenDays,
    };
  }

  private async assigneeOptions(m: EntityManager, communityId: string) {
    const rows = await m.query<{ user_id: string; name: string; role: 'building_leader' | 'property_company' }[]>(
      `SELECT DISTINCT ra.user_id, u.display_name AS name, ra.role FROM role_assignments ra
         JOIN users u ON u.id = ra.user_id JOIN communities c ON c.id = ra.community_id
        WHERE ra.community_id = $1 AND ra.role IN ('building_leader', 'property_company')
          AND ra.starts_on <= (now() AT TIME ZONE c.time_zone)::date AND (ra.ends_on IS NULL OR ra.ends_on >= (now() AT TIME ZONE c.time_zone)::date)
        ORDER BY ra.role, u.display_name`,
      [communityId],
    );
    return rows.map((r) => ({ userId: r.user_id, name: r.name, kind: r.role, kindLabel: labelOf(ASSIGNEE_KIND_LABELS_ZH, r.role) }));
  }

  async list(communityId: string, caller: Caller, query: RequestListQuery): Promise<{ items: RequestSummaryDto[] }> {
    const scope = query.scope ?? (isDispatcher(caller.roles) ? 'all' : 'mine');
    if (scope === 'all' && !isDispatcher(caller.roles) && !caller.roles.includes('property_company')) {
      throw new Forbidden('只有党支部书记、业委会、居委会或物业可以查看全部诉求', 'request_not_allowed');
    }
    const where: string[] = ['r.community_id = $1'];
    const params: unknown[] = [communityId];
    if (scope === 'mine') {
      params.push(caller.userId);
      where.push(`r.filer_user_id = $${params.length}`);
    } else if (scope === 'assigned') {
      params.push(caller.userId);
      const mine = `r.assignee_user_id = $${params.length}`;
      where.push(caller.roles.includes('property_company') ? `(${mine} OR r.assignee_kind = 'property_company')` : mine);
    }
    if (query.status) {
      params.push(query.status);
      where.push(`r.status = $${params.length}`);
    }
    if (query.agendaItemId) {
      params.push(query.agendaItemId);
      where.push(`r.agenda_item_id = $${params.length}`);
    }
    const rows = await this.dataSource.manager
      .getRepository(ServiceRequest)
      .createQueryBuilder('r')
      .where(
        where.join(' AND ').replace(/\$(\d+)/g, (_m, n) => `:p${n}`),
        Object.fromEntries(params.map((p, i) => [`p${i + 1}`, p])),
      )
      .orderBy('r.filed_at', 'DESC')
      .limit(500)
      .getMany();
    const ctx = await this.viewContext(this.dataSource.manager, communityId, rows);
    return { items: rows.map((r) => this.summary(r, ctx)) };
  }

  async detail(communityId: string, caller: Caller, id: string): Promise<RequestDetailDto> {
    const m = this.dataSource.manager;
    const r = await this.load(m, communityId, id);
    this.assertMayRead(r, caller);
    const ctx = await this.viewContext(m, communityId, [r]);
    const events = await m.find(ServiceRequestEvent, { where: { communityId, requestId: id }, order: { at: 'ASC' } });
    const names = await this.names(
      m,
      events.map((e) => e.actorId),
    );
    const photos = await m.find(RequestPhoto, { where: { communityId, requestId: id }, order: { createdAt: 'ASC' } });
    const { reopenDays } = await this.rules(m, communityId, r.rulebookVersion);
    const until = r.status === 'closed' || r.status === 'rated' ? reopenDeadline(r.closedAt, reopenDays) : null;
    const actor = this.actor(r, caller);
    const actions: string[] = actionsFrom(r.status).filter((a) => this.allowed(r.status, a, actor, r, reopenDays));
    if (
      !r.agendaItemId &&
      r.status !== 'cancelled' &&
      caller.roles.some((x) => ['committee_director', 'committee_member', 'party_secretary'].includes(x))
    ) {
      actions.push('promote');
    }
    if (!r.confirmedAt && (r.status === 'closed' || r.status === 'rated')) {
      if (actor.isFiler) actions.push('confirm');
      if (mayEnterForResident(caller.roles)) actions.push('return_visit');
    }
    return {
      ...this.summary(r, ctx),
      description: r.description,
      ratingComment: r.ratingComment,
      filerUserId: r.filerUserId,
      assigneeUserId: r.assigneeUserId,
      closedAt: r.closedAt?.toISOString() ?? null,
      reopenUntilText: until ? formatZhDateTime(until, ctx.zone) : null,
      writeOffText: r.confirmedAt
        ? `${labelOf(WRITE_OFF_KIND_LABELS_ZH, r.confirmationKind)}（${formatZhDateTime(r.confirmedAt, ctx.zone)}）${r.confirmationNote ? `：${r.confirmationNote}` : ''}`
        : null,
      receptionDayId: r.receptionDayId,
      actions,
      events: events.map((e) => ({
        id: e.id,
        kind: e.kind,
        kindLabel: labelOf(REQUEST_EVENT_LABELS_ZH, e.kind),
        actorName: e.actorId ? (names.get(e.actorId) ?? null) : '系统',
        note: e.note,
        at: e.at.toISOString(),
        atText: formatZhDateTime(e.at, ctx.zone),
      })),
      photos: photos.map((p) => ({
        id: p.id,
        purpose: p.purpose,
        mime: p.mime,
        sha256: p.sha256,
        size: p.size,
        url: `/api/communities/${communityId}/requests/${id}/photos/${p.id}`,
      })),
    };
  }

  async photo(communityId: string, caller: Caller, id: string, photoId: string): Promise<{ mime: string; bytes: Buffer }> {
    const r = await this.load(this.dataSource.manager, communityId, id);
    this.assertMayRead(r, caller);
    const photo = await this.dataSource
      .getRepository(RequestPhoto)
      .createQueryBuilder('p')
      .addSelect('p.bytes')
      .where('p.id = :photoId AND p.request_id = :id AND p.community_id = :communityId', { photoId, id, communityId })
      .getOne();
    if (!photo) throw new NotFound('照片');
    return { mime: photo.mime, bytes: photo.bytes };
  }

  async stats(communityId: string, month: string): Promise<RequestStatsDto> {
    const [y, mo] = month.split('-').map(Number);
    const from = `${month}-01`;
    const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
    const to = `${month}-${String(last).padStart(2, '0')}`;
    const rows = await monthlyRequestStats(this.dataSource.manager, communityId, from, to, this.clock.now());
    const { rules } = await this.rules(this.dataSource.manager, communityId);
    return {
      from,
      to,
      rows: rows.map((r) => ({ ...r, categoryLabel: rules.find((x) => x.category === r.category)?.label ?? r.category })),
    };
  }

  // ------------------------------------------------------------------ steps

  /** 居民点单 (or staff entering it for a resident: 登记列账). */
  async file(communityId: string, caller: Caller, input: FileRequestDto, extra: { receptionDayId?: string } = {}, outer?: EntityManager) {
    const run = async (m: EntityManager) => {
      const forResident = input.filerName !== undefined || !!extra.receptionDayId;
      if (forResident && !mayEnterForResident(caller.roles)) {
        throw new Forbidden('只有工作人员可以代居民登记诉求', 'request_not_allowed');
      }
      if (!forResident && !isResident(caller.roles)) {
        throw new Forbidden('只有本小区的业主或租户可以提出诉求；工作人员代为登记时请填写居民姓名', 'request_not_allowed');
      }
      const rb = await this.rulebook.current(communityId, m);
      const rule = requestRuleFor(requestRulesOf(rb.settings), input.category);
      const place = await this.place(m, communityId, input, forResident ? null : caller.userId);
      let filerName = input.filerName?.trim() ?? '';
      const filerUserId: string | null = forResident ? (input.filerUserId ?? null) : caller.userId;
      if (filerUserId) {
        const [member] = await m.query<{ display_name: string }[]>(
          `SELECT u.display_name FROM users u WHERE u.id = $1 AND EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.user_id = u.id AND ra.community_id = $2)`,
          [filerUserId, communityId],
        );
        if (!member) throw new Invalid('该居民账号不属于本小区', 'request_filer_unknown');
        if (!filerName) filerName = member.display_name;
      }
      if (!filerName) throw new Invalid('请填写居民姓名', 'request_filer_name');
      await m.query('SELECT pg_advisory_xact_lock(46, hashtext($1))', [communityId]);
      const [{ next }] = await m.query<{ next: number }[]>(
        'SELECT coalesce(max(seq), 0) + 1 AS next FROM service_requests WHERE community_id = $1',
        [communityId],
      );
      const now = this.clock.now();
      const saved = await m.save(ServiceRequest, {
        communityId,
        seq: next,
        category: rule.category,
        status: 'filed' as const,
        title: input.title.trim(),
        description: (input.description ?? '').trim(),
        placeKind: input.placeKind,
        buildingId: place.buildingId,
        unitId: place.unitId,
        placeText: (input.placeText ?? '').trim(),
        channel: extra.receptionDayId ? ('reception' as const) : ('online' as const),
        filerUserId,
        filerName,
        filerMobile: input.filerMobile ?? null,
        enteredBy: forResident ? caller.userId : null,
        receptionDayId: extra.receptionDayId ?? null,
        rulebookVersion: rb.version,
        filedAt: now,
      });
      const kind = forResident ? 'entered' : 'filed';
      await this.event(m, saved, kind, null, 'filed', caller.userId, '', {}, now);
      await this.record.append(m, {
        communityId,
        actorId: caller.userId,
        action: forResident ? 'requests.entered' : 'requests.filed',
        subjectType: 'service_request',
        subjectId: saved.id,
        payload: { seq: saved.seq, title: saved.title, category: rule.label, channel: saved.channel },
      });
      await this.notifications.notify(m, {
        communityId,
        role: 'party_secretary',
        subject: `居民诉求待派单：${saved.title}`,
        body: `${filerName}提出诉求「${saved.title}」（${rule.label}），请派单。`,
        subjectType: 'service_request',
        subjectId: saved.id,
      });
      return saved;
    };
    const saved = outer ? await run(outer) : await this.dataSource.transaction(run);
    return outer ? saved : this.detail(communityId, caller, saved.id);
  }

  async addPhoto(communityId: string, caller: Caller, id: string, file: { buffer: Buffer; mimetype: string } | undefined, purpose: string) {
    const photo = checkedPhoto(file, 'request_photo_type');
    if (!['filing', 'progress', 'evidence'].includes(purpose))
      throw new Invalid('照片用途应为 filing、progress 或 evidence', 'request_photo_purpose');
    await this.dataSource.transaction(async (m) => {
      const r = await this.load(m, communityId, id, true);
      const actor = this.actor(r, caller);
      if (purpose === 'filing') {
        const mayFile = actor.isFiler || (r.enteredBy !== null && mayEnterForResident(caller.roles));
        if (!mayFile || !['filed', 'dispatched', 'reopened'].includes(r.status)) {
          throw new Conflict('只有提出诉求的居民可在接单前补充照片', 'request_photo_not_allowed');
        }
      } else if (!actor.isAssignee || !['accepted', 'in_progress'].includes(r.status)) {
        throw new Conflict('只有接单人可在办理中上传进展或办结照片', 'request_photo_not_allowed');
      }
      const [{ count }] = await m.query<{ count: number }[]>('SELECT count(*)::int AS count FROM request_photos WHERE request_id = $1', [
        id,
      ]);
      if (count >= MAX_PHOTOS_PER_REQUEST) throw new Conflict(`每件诉求最多 ${MAX_PHOTOS_PER_REQUEST} 张照片`, 'request_photo_limit');
      await m.insert(RequestPhoto, {
        communityId,
        requestId: id,
        eventId: null,
        purpose: purpose as RequestPhoto['purpose'],
        ...photo,
        uploadedBy: caller.userId,
      });
    });
    return this.detail(communityId, caller, id);
  }

  async dispatch(communityId: string, caller: Caller, id: string, input: DispatchDto) {
    await this.dataSource.transaction(async (m) => {
      const r = await this.load(m, communityId, id, true);
      const now = this.clock.now();
      const to = nextRequestState(r.status, 'dispatch', this.actor(r, caller), { now });
      let assigneeName: string;
      if (input.assigneeKind === 'department') {
        if (!input.department?.trim()) throw new Invalid('派给职能部门时请填写部门名称', 'request_department_required');
        assigneeName = input.department.trim();
        r.assigneeUserId = null;
        r.assigneeDepartment = assigneeName;
      } else {
        if (!input.assigneeUserId)
          throw new Invalid(`请选择接单的${labelOf(ASSIGNEE_KIND_LABELS_ZH, input.assigneeKind)}`, 'request_assignee_required');
        const [holder] = await m.query<{ display_name: string }[]>(
          `SELECT u.display_name FROM role_assignments ra JOIN users u ON u.id = ra.user_id JOIN communities c ON c.id = ra.community_id
            WHERE ra.community_id = $1 AND ra.user_id = $2 AND ra.role = $3
              AND ra.starts_on <= (now() AT TIME ZONE c.time_zone)::date AND (ra.ends_on IS NULL OR ra.ends_on >= (now() AT TIME ZONE c.time_zone)::date)
            LIMIT 1`,
          [communityId, input.assigneeUserId, input.assigneeKind],
        );
        if (!holder) {
          throw new Invalid(`所选账号目前不是本小区的${labelOf(ASSIGNEE_KIND_LABELS_ZH, input.assigneeKind)}`, 'request_assignee_role');
        }
        assigneeName = `${labelOf(ASSIGNEE_KIND_LABELS_ZH, input.assigneeKind)}${holder.display_name}`;
        r.assigneeUserId = input.assigneeUserId;
        r.assigneeDepartment = null;
      }
      const rule = await this.ruleOf(m, r);
      const from = r.status;
      r.assigneeKind = input.assigneeKind;
      r.status = to;
      r.dispatchedAt = now;
      r.dispatchedBy = caller.userId;
      r.acceptedAt = null;
      r.acceptDueAt = acceptDueAt(rule, now);
      r.resolveDueAt = null;
      await this.save(m, r);
      await this.event(m, r, 'dispatched', from, to, caller.userId, input.note ?? '', { assignee: assigneeName }, now);
      await this.recordStep(m, r, caller.userId, 'requests.dispatched', { name: assigneeName });
      if (r.assigneeUserId) {
        await this.work.toPerson(m, communityId, r.assigneeUserId, {
          subject: `新派单，请在 ${rule.acceptMinutes} 分钟内接单：${r.title}`,
          body: `诉求「${r.title}」已派给您，请在 ${formatZhDateTime(r.acceptDueAt, await this.zone(m, communityId))} 前接单。`,
          subjectType: 'service_request',
          subjectId: r.id,
        });
      }
      await this.scheduleDue(r, r.acceptDueAt, 'accept');
    });
    return this.detail(communityId, caller, id);
  }

  async accept(communityId: string, caller: Caller, id: string) {
    await this.step(communityId, caller, id, 'accept', {}, async (m, r, now) => {
      const rule = await this.ruleOf(m, r);
      r.acceptedAt = now;
      r.resolveDueAt = resolveDueAt(rule, now);
      await this.scheduleDue(r, r.resolveDueAt, 'resolve');
    });
    return this.detail(communityId, caller, id);
  }

  async progress(communityId: string, caller: Caller, id: string, note: string) {
    // Checked once the request is found (an unknown id is a 404 whatever the body says).
    await this.step(communityId, caller, id, 'progress', { note }, async () => {
      if (!note.trim()) throw new Invalid('请填写办理进展', 'request_note_required');
    });
    return this.detail(communityId, caller, id);
  }

  async close(communityId: string, caller: Caller, id: string, note: string) {
    await this.step(communityId, caller, id, 'close', { note }, async (_m, r, now) => {
      r.closedAt = now;
      if (r.resolveDueAt && now > r.resolveDueAt) r.overdue = true;
      if (r.filerUserId) {
        await this.work.toPerson(_m, communityId, r.filerUserId, {
          subject: `诉求已办结，请评价：${r.title}`,
          body: `您提出的诉求「${r.title}」已办结：${note.trim() || '见照片'}。请评价办理情况；如未解决可重新打开。`,
          subjectType: 'service_request',
          subjectId: r.id,
        });
      }
    });
    return this.detail(communityId, caller, id);
  }

  async rate(communityId: string, caller: Caller, id: string, rating: number, comment: string) {
    await this.step(communityId, caller, id, 'rate', { rating, note: comment }, async (_m, r, now) => {
      r.rating = rating;
      r.ratingComment = comment.trim();
      r.ratedAt = now;
      // The resident's own rating is their confirmation (销号).
      if (!r.confirmedAt) {
        r.confirmedAt = now;
        r.confirmationKind = 'resident';
      }
    });
    return this.detail(communityId, caller, id);
  }

  async reopen(communityId: string, caller: Caller, id: string, reason: string) {
    await this.step(communityId, caller, id, 'reopen', { note: reason }, async (m, r) => {
      if (!reason.trim()) throw new Invalid('请说明重新打开的理由', 'request_reason_required');
      r.reopenCount += 1;
      r.closedAt = null;
      r.rating = null;
      r.ratedAt = null;
      r.ratingComment = '';
      r.confirmedAt = null;
      r.confirmationKind = null;
      r.confirmationNote = '';
      r.acceptDueAt = null;
      r.resolveDueAt = null;
      await this.notifications.notify(m, {
        communityId,
        role: 'party_secretary',
        subject: `居民重新打开诉求，待再次派单：${r.title}`,
        body: `理由：${reason.trim()}`,
        subjectType: 'service_request',
        subjectId: r.id,
      });
    });
    return this.detail(communityId, caller, id);
  }

  async cancel(communityId: string, caller: Caller, id: string, reason: string) {
    await this.step(communityId, caller, id, 'cancel', { note: reason }, async () => undefined);
    return this.detail(communityId, caller, id);
  }

  /** 销号: the resident confirms it is solved, or staff document a return visit (回访). */
  async writeOff(communityId: string, caller: Caller, id: string, input: WriteOffDto) {
    await this.dataSource.transaction(async (m) => {
      const r = await this.load(m, communityId, id, true);
      if (r.status !== 'closed' && r.status !== 'rated') throw new Conflict('诉求办结后才能销号', 'request_not_closed');
      if (r.confirmedAt) throw new Conflict('该诉求已销号', 'request_written_off');
      const note = (input.note ?? '').trim();
      if (input.kind === 'resident') {
        if (!this.actor(r, caller).isFiler)
          throw new Forbidden('居民确认须由提出诉求的居民本人操作；工作人员请记录回访', 'request_not_allowed');
      } else {
        if (!mayEnterForResident(caller.roles)) throw new Forbidden('只有工作人员可以记录回访', 'request_not_allowed');
        if (note.length < 4) throw new Invalid('请写明回访情况（时间、方式、居民意见），至少 4 个字', 'request_return_visit_note');
      }
      const now = this.clock.now();
      r.confirmedAt = now;
      r.confirmationKind = input.kind;
      r.confirmationNote = note;
      await this.save(m, r);
      await this.event(m, r, 'written_off', r.status, r.status, caller.userId, note, { kind: input.kind });
      await this.recordStep(m, r, caller.userId, 'requests.written_off', { reason: labelOf(WRITE_OFF_KIND_LABELS_ZH, input.kind) });
    });
    return this.detail(communityId, caller, id);
  }

  /** The request becomes an agenda item and starts the chain; both keep the link. */
  async promote(communityId: string, caller: Caller, id: string, input: PromoteDto) {
    // One transaction: the item exists only together with the request's link to it (no orphan item on a refusal).
    await this.dataSource.transaction(async (m) => {
      const locked = await this.load(m, communityId, id, true);
      if (locked.agendaItemId) throw new Conflict('该诉求已转为议题', 'request_already_promoted');
      if (locked.status === 'cancelled') throw new Conflict('已撤销的诉求不能转为议题', 'request_wrong_state');
      const item = await this.agenda.create(
        caller.userId,
        communityId,
        {
          title: input.title?.trim() || locked.title,
          category: input.matterCategory,
          description: `来自居民诉求 #${locked.seq}（${locked.filerName}）：${locked.title}\n${locked.description}`.trim(),
        },
        m,
      );
      locked.agendaItemId = item.id;
      await this.save(m, locked);
      await this.event(m, locked, 'promoted', locked.status, locked.status, caller.userId, `议题第 ${item.seq} 号`, {
        agendaItemId: item.id,
      });
      await this.recordStep(m, locked, caller.userId, 'requests.promoted', {});
    });
    return this.detail(communityId, caller, id);
  }

  /**
   * The timer: a due time passed unmet → escalated once to the party secretary (a notification, and the item stays
   * on 我的待办 until it is closed). Idempotent; 'not_due' when run early.
   */
  async escalateIfDue(communityId: string, id: string): Promise<'escalated' | 'already' | 'not_due'> {
    return this.dataSource.transaction(async (m) => {
      const r = await m.findOne(ServiceRequest, { where: { id, communityId }, lock: { mode: 'pessimistic_write' } });
      if (!r) return 'already';
      const now = this.clock.now();
      const missed = missedDue(r.status, r, now);
      if (!missed) {
        const pending = (r.status === 'dispatched' && r.acceptDueAt) || (['accepted', 'in_progress'].includes(r.status) && r.resolveDueAt);
        return pending ? 'not_due' : 'already';
      }
      r.overdue = true;
      if (r.escalatedAt) {
        await this.save(m, r);
        return 'already';
      }
      r.escalatedAt = now;
      await this.save(m, r);
      const what = missed === 'accept' ? '超时未接单' : '超时未办结';
      await this.event(m, r, 'escalated', r.status, r.status, null, what, { missed });
      await this.recordStep(m, r, null, 'requests.escalated', {});
      await this.notifications.notify(m, {
        communityId,
        role: 'party_secretary',
        subject: `诉求${what}，已上报：${r.title}`,
        body: `诉求「${r.title}」${what}（时限 ${formatZhDateTime((missed === 'accept' ? r.acceptDueAt : r.resolveDueAt)!, await this.zone(m, communityId))}），请督办。`,
        subjectType: 'service_request',
        subjectId: r.id,
      });
      return 'escalated';
    });
  }

  // ------------------------------------------------------------------ helpers

  private async step(
    communityId: string,
    caller: Caller,
    id: string,
    action: RequestAction,
    input: { note?: string; rating?: number },
    apply: (m: EntityManager, r: ServiceRequest, now: Date) => Promise<void>,
  ) {
    await this.dataSource.transaction(async (m) => {
      const r = await this.load(m, communityId, id, true);
      this.assertMayRead(r, caller);
      const now = this.clock.now();
      const { reopenDays } = await this.rules(m, communityId, r.rulebookVersion);
      const [{ photos }] = await m.query<{ photos: number }[]>(
        `SELECT count(*)::int AS photos FROM request_photos WHERE request_id = $1 AND purpose = 'evidence'`,
        [id],
      );
      const to = nextRequestState(r.status, action, this.actor(r, caller), {
        now,
        closedAt: r.closedAt,
        reopenDays,
        evidenceText: input.note,
        evidencePhotos: photos,
        rating: input.rating,
      });
      const from = r.status;
      r.status = to;
      await apply(m, r, now);
      await this.save(m, r);
      const kind =
        action === 'progress'
          ? 'progress'
          : (
              {
                accept: 'accepted',
                close: 'closed',
                rate: 'rated',
                reopen: 'reopened',
                cancel: 'cancelled',
                dispatch: 'dispatched',
              } as const
            )[action];
      await this.event(m, r, kind, from, to, caller.userId, (input.note ?? '').trim(), input.rating ? { rating: input.rating } : {}, now);
      const recordAction = action === 'progress' ? 'requests.progress_reported' : `requests.${kind}`;
      await this.recordStep(m, r, caller.userId, recordAction, input.note?.trim() ? { reason: input.note.trim().slice(0, 200) } : {});
    });
  }

  private allowed(state: RequestState, action: RequestAction, actor: RequestActor, r: ServiceRequest, reopenDays: number): boolean {
    try {
      nextRequestState(state, action, actor, {
        now: this.clock.now(),
        closedAt: r.closedAt,
        reopenDays,
        evidenceText: 'x',
        rating: 5,
      });
      return true;
    } catch {
      return false;
    }
  }

  private actor(r: ServiceRequest, caller: Caller): RequestActor {
    const isAssignee =
      (r.assigneeUserId !== null && r.assigneeUserId === caller.userId) ||
      (r.assigneeKind === 'property_company' && caller.roles.includes('property_company')) ||
      (r.assigneeKind === 'department' && isDispatcher(caller.roles));
    return { roles: caller.roles, isFiler: r.filerUserId !== null && r.filerUserId === caller.userId, isAssignee };
  }

  private assertMayRead(r: ServiceRequest, caller: Caller) {
    const a = this.actor(r, caller);
    if (
      a.isFiler ||
      a.isAssignee ||
      isDispatcher(caller.roles) ||
      caller.roles.includes('property_company') ||
      r.enteredBy === caller.userId
    )
      return;
    // Someone else's request is not theirs to see: answered as not found, like another community's.
    throw new NotFound('诉求', 'request_not_found');
  }

  private async load(m: EntityManager, communityId: string, id: string, lock = false): Promise<ServiceRequest> {
    const r = await m.findOne(ServiceRequest, {
      where: { id, communityId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!r) throw new NotFound('诉求', 'request_not_found');
    return r;
  }

  private async save(m: EntityManager, r: ServiceRequest) {
    r.version += 1;
    await m.save(ServiceRequest, r);
  }

  private async event(
    m: EntityManager,
    r: ServiceRequest,
    kind: string,
    from: string | null,
    to: string | null,
    actorId: string | null,
    note: string,
    data: Record<string, unknown> = {},
    at: Date = this.clock.now(),
  ) {
    await m.insert(ServiceRequestEvent, {
      communityId: r.communityId,
      requestId: r.id,
      kind,
      fromStatus: from,
      toStatus: to,
      actorId,
      note,
      data: data as never,
      at,
    });
  }

  private async recordStep(m: EntityManager, r: ServiceRequest, actorId: string | null, action: string, extra: Record<string, unknown>) {
    await this.record.append(m, {
      communityId: r.communityId,
      actorId,
      action,
      subjectType: 'service_request',
      subjectId: r.id,
      payload: { seq: r.seq, title: r.title, status: r.status, ...extra },
    });
  }

  private async scheduleDue(r: ServiceRequest, at: Date, kind: 'accept' | 'resolve') {
    try {
      await this.jobs.schedule(REQUEST_DUE_QUEUE, `${r.id}:${kind}:${r.version}`, at, { communityId: r.communityId, requestId: r.id });
    } catch (error) {
      // The escalation sweep of 我的待办 still shows overdue items; log and go on rather than refuse the step.
      this.logger.error(`schedule ${kind} timer for ${r.id}: ${(error as Error).message}`);
    }
  }

  private async rules(m: EntityManager, communityId: string, version?: number): Promise<{ rules: RequestRule[]; reopenDays: number }> {
    const rb = version ? await this.rulebook.version(communityId, version, m) : await this.rulebook.current(communityId, m);
    return { rules: requestRulesOf(rb.settings), reopenDays: rb.settings.requestReopenDays ?? DEFAULT_REQUEST_REOPEN_DAYS };
  }

  private async ruleOf(m: EntityManager, r: ServiceRequest): Promise<RequestRule> {
    const { rules } = await this.rules(m, r.communityId, r.rulebookVersion);
    return requestRuleFor(rules, r.category);
  }

  private async place(m: EntityManager, communityId: string, input: FileRequestDto, residentId: string | null) {
    if (input.placeKind === 'unit') {
      if (!input.unitId) throw new Invalid('请选择房屋', 'request_place');
      const [unit] = await m.query<{ building_id: string }[]>('SELECT building_id FROM units WHERE id = $1 AND community_id = $2', [
        input.unitId,
        communityId,
      ]);
      if (!unit) throw new Invalid('所选房屋不属于本小区', 'request_place');
      if (residentId) {
        const [own] = await m.query(
          `SELECT 1 FROM unit_owners uo JOIN owners o ON o.id = uo.owner_id WHERE uo.unit_id = $1 AND o.user_id = $2`,
          [input.unitId, residentId],
        );
        // Tenants have no unit on the roster; they name the building instead.
        if (!own) throw new Invalid('只能选择本人名下的房屋；租户请选择楼栋并写明房号', 'request_place');
      }
      return { unitId: input.unitId, buildingId: unit.building_id };
    }
    if (input.placeKind === 'building') {
      if (!input.buildingId) throw new Invalid('请选择楼栋', 'request_place');
      const [b] = await m.query('SELECT 1 FROM buildings WHERE id = $1 AND community_id = $2', [input.buildingId, communityId]);
      if (!b) throw new Invalid('所选楼栋不属于本小区', 'request_place');
      return { unitId: null, buildingId: input.buildingId };
    }
    if (!(input.placeText ?? '').trim()) throw new Invalid('请写明公共区域的位置', 'request_place');
    return { unitId: null, buildingId: null };
  }

  private async zone(m: EntityManager, communityId: string): Promise<string> {
    const [row] = await m.query<{ time_zone: string }[]>('SELECT time_zone FROM communities WHERE id = $1', [communityId]);
    return row?.time_zone ?? 'Asia/Shanghai';
  }

  private async names(m: EntityManager, ids: (string | null)[]): Promise<Map<string, string>> {
    const list = [...new Set(ids.filter((x): x is string => !!x))];
    if (!list.length) return new Map();
    const rows = await m.query<{ id: string; display_name: string }[]>('SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])', [
      list,
    ]);
    return new Map(rows.map((r) => [r.id, r.display_name]));
  }

  private async viewContext(m: EntityManager, communityId: string, rows: ServiceRequest[]) {
    const zone = await this.zone(m, communityId);
    const { rules } = await this.rules(m, communityId);
    const names = await this.names(
      m,
      rows.map((r) => r.assigneeUserId),
    );
    const places = new Map<string, string>();
    const unitIds = [...new Set(rows.map((r) => r.unitId).filter(Boolean))];
    const buildingIds = [...new Set(rows.map((r) => r.buildingId).filter(Boolean))];
    if (unitIds.length) {
      for (const u of await m.query<{ id: string; number: string }[]>('SELECT id, number FROM units WHERE id = ANY($1::uuid[])', [unitIds]))
        places.set(u.id, u.number);
    }
    if (buildingIds.length) {
      for (const b of await m.query<{ id: string; name: string }[]>('SELECT id, name FROM buildings WHERE id = ANY($1::uuid[])', [
        buildingIds,
      ]))
        places.set(b.id, b.name);
    }
    return { zone, rules, names, places };
  }

  private summary(r: ServiceRequest, ctx: Awaited<ReturnType<RequestsService['viewContext']>>): RequestSummaryDto {
    const building = r.buildingId ? places(ctx.places, r.buildingId) : '';
    const placeLabel =
      r.placeKind === 'unit'
        ? `${places(ctx.places, r.unitId!)}${r.placeText ? ` ${r.placeText}` : ''}`
        : r.placeKind === 'building'
          ? `${building}${/[幢栋楼座]$/.test(building) ? '' : '号楼'}${r.placeText ? ` ${r.placeText}` : ''}`
          : r.placeText;
    const assigneeLabel = r.assigneeKind
      ? r.assigneeKind === 'department'
        ? r.assigneeDepartment
        : `${labelOf(ASSIGNEE_KIND_LABELS_ZH, r.assigneeKind)}${ctx.names.get(r.assigneeUserId ?? '') ?? ''}`
      : null;
    const due = r.status === 'dispatched' ? r.acceptDueAt : ['accepted', 'in_progress'].includes(r.status) ? r.resolveDueAt : null;
    const now = this.clock.now();
    return {
      id: r.id,
      seq: r.seq,
      title: r.title,
      category: r.category,
      categoryLabel: ctx.rules.find((x) => x.category === r.category)?.label ?? r.category,
      status: r.status,
      statusLabel: labelOf(REQUEST_STATE_LABELS_ZH, r.status),
      placeLabel,
      filerName: r.filerName,
      channel: r.channel,
      assigneeLabel,
      filedAt: r.filedAt.toISOString(),
      filedAtText: formatZhDateTime(r.filedAt, ctx.zone),
      acceptDueAt: r.acceptDueAt?.toISOString() ?? null,
      resolveDueAt: r.resolveDueAt?.toISOString() ?? null,
      dueText: due ? `${r.status === 'dispatched' ? '接单' : '办结'}时限 ${formatZhDateTime(due, ctx.zone)}` : null,
      overdue: r.overdue || !!r.escalatedAt || (!!due && now > due),
      rating: r.rating,
      agendaItemId: r.agendaItemId,
      writtenOff: !!r.confirmedAt,
    };
  }
}

function places(map: Map<string, string>, id: string) {
  return map.get(id) ?? '';
}

export function ruleText(r: RequestRule): string {
  const span = (min: number) => (min % 1440 === 0 ? `${min / 1440} 天` : min % 60 === 0 ? `${min / 60} 小时` : `${min} 分钟`);
  return `${span(r.acceptMinutes)}内接单，${span(r.resolveMinutes)}内${r.resolveKind === 'fix' ? '解决' : '给出方案'}`;
}
