import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  isRectificationOverdue,
  nextRectificationStatus,
  RECTIFICATION_ACTIONS,
  type RectificationAction,
  type RectificationStatus,
} from '@gongyi/domain/rectification/rectification';
import {
  RECTIFICATION_ACTION_LABELS_ZH,
  RECTIFICATION_SOURCE_LABELS_ZH,
  RECTIFICATION_STATUS_LABELS_ZH,
  formatZhDateTime,
  labelOf,
} from '@gongyi/domain/labels';
import { DomainError } from '@gongyi/domain/errors';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, Forbidden, Invalid, NotFound } from '../common/app-error';
import { checkedPhoto } from '../common/photo-upload';
import { Clock } from '../common/clock';
import { COMMITTEE, type CommunityRole } from '../identity/roles';
import { JobsService } from '../jobs/jobs.service';
import { NotificationsService } from '../notifications/notifications.service';
import { RecordService } from '../record/record.service';
import type { RaiseRectificationDto, RectificationActionDto } from './rectification.dto';

export const RECTIFICATION_OVERDUE_QUEUE = 'rectification-overdue';

const RECORD_ACTIONS: Record<RectificationAction, string> = {
  start: 'rectification.start',
  progress: 'rectification.progress',
  submit: 'rectification.submit',
  accept: 'rectification.accept',
  reject: 'rectification.reject',
};

interface ItemRow {
  id: string;
  community_id: string;
  seq: number;
  title: string;
  description: string;
  location: string;
  category: string;
  source: 'joint_meeting' | 'inspection';
  meeting_id: string | null;
  meeting_held_at: Date | null;
  source_note: string;
  assignee_user_id: string | null;
  assignee_name: string | null;
  due_on: string;
  status: RectificationStatus;
  raised_by: string;
  raised_at: Date;
  accepted_at: Date | null;
  overdue_at: Date | null;
  today: string;
  time_zone: string;
}

const ITEM_SELECT = `
  SELECT r.id, r.community_id, r.seq, r.title, r.description, r.location, r.category, r.source, r.meeting_id,
         m.held_at AS meeting_held_at, r.source_note, r.assignee_user_id, u.display_name AS assignee_name,
         r.due_on::text AS due_on, r.status, r.raised_by, r.raised_at, r.accepted_at, r.overdue_at,
         (($2::timestamptz) AT TIME ZONE c.time_zone)::date::text AS today, c.time_zone
    FROM rectification_items r
    JOIN communities c ON c.id = r.community_id
    LEFT JOIN meetings m ON m.id = r.meeting_id AND m.community_id = r.community_id
    LEFT JOIN users u ON u.id = r.assignee_user_id`;

/**
 * 整改事项: raised by a 四方联席 meeting or an inspection, assigned to the property company with a due date; the
 * property company reports progress and submits with evidence, the committee accepts (验收). Each step is an
 * insert-only event and a record entry; a pg-boss job at the due date marks it overdue and tells both sides.
 */
const MAX_PHOTOS_PER_ITEM = 12;

@Injectable()
export class RectificationService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly jobs: JobsService,
    private readonly record: RecordService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.jobs.register(RECTIFICATION_OVERDUE_QUEUE, async ({ communityId, itemId }) => {
      const outcome = await this.markOverdueIfDue(communityId, itemId);
      if (outcome === 'not_due') {
        const item = await this.item(this.dataSource.manager, communityId, itemId);
        await this.scheduleOverdue(communityId, itemId, item.due_on, `${itemId}:${Date.now()}`);
      }
    });
  }

  async raise(actorId: string, communityId: string, body: RaiseRectificationDto) {
    const id = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const [{ today }] = await manager.query<{ today: string }[]>(
        `SELECT (($1::timestamptz) AT TIME ZONE time_zone)::date::text AS today FROM communities WHERE id = $2`,
        [now, communityId],
      );
      if (!isRealDate(body.dueOn)) throw new Invalid(`整改期限不是有效日期：${body.dueOn}`, 'invalid_date');
      if (body.dueOn < today) throw new Invalid(`整改期限 ${body.dueOn} 早于今天（${today}），请选择今天或以后的日期`, 'due_in_past');
      if (body.source !== 'joint_meeting' && body.meetingId) {
        throw new Invalid('只有四方联席会议提出的事项可以关联会议记录', 'meeting_not_joint');
      }
      if (body.source === 'inspection' && (body.sourceNote ?? '').trim().length < 2) {
        throw new Invalid('检查发现的事项须写明检查情况（何时、何人检查）', 'inspection_note_required');
      }
      if (body.meetingId) {
        const [meeting] = await manager.query<{ stage: string }[]>(`SELECT stage FROM meetings WHERE id = $1 AND community_id = $2`, [
          body.meetingId,
          communityId,
        ]);
        if (!meeting) throw new NotFound('会议记录');
        if (meeting.stage !== 'joint_meeting') throw new Invalid('所选会议不是四方联席会议', 'meeting_not_joint');
      }
      if (body.assigneeUserId) {
        const [holder] = await manager.query(
          `SELECT 1 FROM role_assignments a JOIN communities c ON c.id = a.community_id
            WHERE a.community_id = $1 AND a.user_id = $2 AND a.role = 'property_company'
              AND a.starts_on <= (($3::timestamptz) AT TIME ZONE c.time_zone)::date
              AND (a.ends_on IS NULL OR a.ends_on >= (($3::timestamptz) AT TIME ZONE c.time_zone)::date)`,
          [communityId, body.assigneeUserId, now],
        );
        if (!holder) throw new Invalid('负责人须是本小区在任的物业人员', 'assignee_not_property');
      }
      await manager.query('SELECT pg_advisory_xact_lock(1795750, hashtext($1))', [communityId]);
      const [row] = await manager.query<{ id: string; seq: number }[]>(
        `INSERT INTO rectification_items (community_id, seq, title, description, location, category, source, meeting_id,
                                          source_note, assignee_user_id, due_on, status, raised_by, raised_at)
         VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM rectification_items WHERE community_id = $1), $2, $3, $4, $5, $6, $7,
                 $8, $9, $10, 'assigned', $11, $12)
         RETURNING id, seq`,
        [
          communityId,
          body.title.trim(),
          (body.description ?? '').trim(),
          (body.location ?? '').trim(),
          (body.category ?? '').trim(),
          body.source,
          body.meetingId ?? null,
          (body.sourceNote ?? '').trim(),
          body.assigneeUserId ?? null,
          body.dueOn,
          actorId,
          now,
        ],
      );
      await this.event(manager, communityId, row.id, 'raised', null, 'assigned', (body.description ?? '').trim(), [], actorId, now);
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'rectification.raised',
        subjectType: 'rectification_item',
        subjectId: row.id,
        payload: {
          seq: row.seq,
          title: body.title.trim(),
          source: labelOf(RECTIFICATION_SOURCE_LABELS_ZH, body.source),
          meetingId: body.meetingId ?? null,
          dueOn: body.dueOn,
        },
      });
      await this.notifications.notify(manager, {
        communityId,
        role: 'property_company',
        userId: body.assigneeUserId,
        subject: `新的整改事项：${body.title.trim()}`,
        body: `第 ${row.seq} 号整改事项已交办物业，整改期限 ${body.dueOn}。`,
        subjectType: 'rectification_item',
        subjectId: row.id,
      });
      return row.id;
    });
    const item = await this.item(this.dataSource.manager, communityId, id);
    await this.scheduleOverdue(communityId, id, item.due_on);
    return this.detail(communityId, id, actorId, []);
  }

  /** The job runs at the first minute after the due day in the community's zone. */
  async scheduleOverdue(communityId: string, itemId: string, dueOn: string, key = itemId): Promise<void> {
    const [{ at }] = await this.dataSource.query<{ at: Date }[]>(
      `SELECT ((($1::date + 1)::timestamp) AT TIME ZONE time_zone) AS at FROM communities WHERE id = $2`,
      [dueOn, communityId],
    );
    await this.jobs.schedule(RECTIFICATION_OVERDUE_QUEUE, `rectification:${key}`, at, { communityId, itemId });
  }

  /** Marks the item overdue once (if still open after its due day) and tells the property company and the committee. */
  async markOverdueIfDue(communityId: string, itemId: string): Promise<'marked' | 'not_due' | 'not_open'> {
    return this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const [row] = await manager.query<ItemRow[]>(`${ITEM_SELECT} WHERE r.community_id = $1 AND r.id = $3 FOR UPDATE OF r`, [
        communityId,
        now,
        itemId,
      ]);
      if (!row) return 'not_open' as const;
      if (row.overdue_at || row.status === 'submitted' || row.status === 'accepted') return 'not_open' as const;
      if (!isRectificationOverdue(row.status, row.due_on, row.today)) return 'not_due' as const;
      await manager.query(`UPDATE rectification_items SET overdue_at = $3, version = version + 1 WHERE community_id = $1 AND id = $2`, [
        communityId,
        itemId,
        now,
      ]);
      await this.event(manager, communityId, itemId, 'overdue', row.status, row.status, `整改期限 ${row.due_on} 已过`, [], null, now);
      await this.record.append(manager, {
        communityId,
        actorId: null,
        action: 'rectification.overdue',
        subjectType: 'rectification_item',
        subjectId: itemId,
        payload: { seq: row.seq, title: row.title, dueOn: row.due_on },
      });
      const message = {
        communityId,
        subject: `整改事项逾期：${row.title}`,
        body: `第 ${row.seq} 号整改事项的期限 ${row.due_on} 已过，尚未提交完成。`,
        subjectType: 'rectification_item',
        subjectId: itemId,
      };
      await this.notifications.notify(manager, { ...message, role: 'property_company', userId: row.assignee_user_id ?? undefined });
      await this.notifications.notify(manager, { ...message, role: 'committee_director' });
      await this.notifications.notify(manager, { ...message, role: 'committee_member' });
      return 'marked' as const;
    });
  }

  async act(actorId: string, roles: CommunityRole[], communityId: string, itemId: string, body: RectificationActionDto) {
    await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const [row] = await manager.query<ItemRow[]>(`${ITEM_SELECT} WHERE r.community_id = $1 AND r.id = $3 FOR UPDATE OF r`, [
        communityId,
        now,
        itemId,
      ]);
      if (!row) throw new NotFound('整改事项');
      const evidence = (body.evidence ?? []).map((e) => ({ name: e.name.trim(), note: (e.note ?? '').trim() }));
      const to = nextRectificationStatus(
        { status: row.status, assigneeUserId: row.assignee_user_id, raisedBy: row.raised_by },
        body.action,
        { userId: actorId, roles },
        { text: body.text, evidence },
      );
      const text = (body.text ?? '').trim();
      await manager.query(
        `UPDATE rectification_items
            SET status = $3, version = version + 1,
                submitted_at = CASE WHEN $3 = 'submitted' THEN $4::timestamptz ELSE submitted_at END,
                accepted_at = CASE WHEN $3 = 'accepted' THEN $4::timestamptz ELSE accepted_at END,
                accepted_by = CASE WHEN $3 = 'accepted' THEN $5::uuid ELSE accepted_by END
          WHERE community_id = $1 AND id = $2`,
        [communityId, itemId, to, now, actorId],
      );
      await this.event(manager, communityId, itemId, body.action, row.status, to, text, evidence, actorId, now);
      await this.record.append(manager, {
        communityId,
        actorId,
        action: RECORD_ACTIONS[body.action],
        subjectType: 'rectification_item',
        subjectId: itemId,
        payload: { seq: row.seq, title: row.title, status: labelOf(RECTIFICATION_STATUS_LABELS_ZH, to), ...(text ? { text } : {}) },
      });
      if (body.action === 'submit') {
        for (const role of ['committee_director', 'committee_member'] as const) {
          await this.notifications.notify(manager, {
            communityId,
            role,
            subject: `整改事项待验收：${row.title}`,
            body: `物业已提交第 ${row.seq} 号整改事项的完成情况，请验收。`,
            subjectType: 'rectification_item',
            subjectId: itemId,
          });
        }
      }
      if (body.action === 'reject' || body.action === 'accept') {
        await this.notifications.notify(manager, {
          communityId,
          role: 'property_company',
          userId: row.assignee_user_id ?? undefined,
          subject: `${body.action === 'accept' ? '整改事项已验收' : '整改事项被退回'}：${row.title}`,
          body: body.action === 'accept' ? `第 ${row.seq} 号整改事项已通过业委会验收。` : `退回理由：${text}`,
          subjectType: 'rectification_item',
          subjectId: itemId,
        });
      }
    });
    return this.detail(communityId, itemId, actorId, roles);
  }

  async list(communityId: string, status?: string) {
    const rows = await this.dataSource.query<ItemRow[]>(
      `${ITEM_SELECT} WHERE r.community_id = $1 ${status ? 'AND r.status = $3' : ''} ORDER BY r.seq DESC LIMIT 500`,
      status ? [communityId, this.clock.now(), status] : [communityId, this.clock.now()],
    );
    const items = rows.map((r) => this.view(r));
    return {
      items,
      open: items.filter((i) => i.status !== 'accepted').length,
      overdue: items.filter((i) => i.overdue).length,
      accepted: items.filter((i) => i.status === 'accepted').length,
    };
  }

  async detail(communityId: string, itemId: string, userId: string, roles: CommunityRole[]) {
    const row = await this.item(this.dataSource.manager, communityId, itemId);
    const events = await this.dataSource.query<
      {
        id: string;
        action: string;
        from_status: string | null;
        to_status: string;
        text: string;
        evidence: unknown[];
        actor_name: string | null;
        at: Date;
      }[]
    >(
      `SELECT e.id, e.action, e.from_status, e.to_status, e.text, e.evidence, u.display_name AS actor_name, e.at
         FROM rectification_events e LEFT JOIN users u ON u.id = e.actor_id
        WHERE e.community_id = $1 AND e.item_id = $2 ORDER BY e.at, e.id`,
      [communityId, itemId],
    );
    const photos = await this.dataSource.query<{ id: string; caption: string; uploaded_by_name: string; created_at: Date }[]>(
      `SELECT p.id, p.caption, u.display_name AS uploaded_by_name, p.created_at
         FROM rectification_photos p JOIN users u ON u.id = p.uploaded_by
        WHERE p.community_id = $1 AND p.item_id = $2 ORDER BY p.created_at, p.id`,
      [communityId, itemId],
    );
    const allowedActions = RECTIFICATION_ACTIONS.filter((action) => {
      try {
        nextRectificationStatus(
          { status: row.status, assigneeUserId: row.assignee_user_id, raisedBy: row.raised_by },
          action,
          { userId, roles },
          { text: 'xx', evidence: [{}] },
        );
        return true;
      } catch (e) {
        if (e instanceof DomainError) return false;
        throw e;
      }
    });
    return {
      ...this.view(row),
      events: events.map((e) => ({
        id: e.id,
        action: e.action,
        actionLabel: e.action === 'raised' ? '交办' : e.action === 'overdue' ? '逾期' : labelOf(RECTIFICATION_ACTION_LABELS_ZH, e.action),
        fromStatus: e.from_status,
        toStatus: e.to_status,
        text: e.text,
        evidence: e.evidence as { name: string; note?: string }[],
        actorName: e.actor_name,
        at: new Date(e.at).toISOString(),
        atText: formatZhDateTime(e.at, row.time_zone),
      })),
      allowedActions,
      photos: photos.map((p) => ({
        id: p.id,
        url: `/api/communities/${communityId}/rectifications/${itemId}/photos/${p.id}`,
        caption: p.caption,
        uploadedByName: p.uploaded_by_name,
        atText: formatZhDateTime(p.created_at, row.time_zone),
      })),
      mayAddPhoto: this.mayAddPhoto(row, userId, roles),
    };
  }

  /**
   * 整改照片: the property company adds photos while it works on the item (before submitting), a committee member
   * while inspecting it before acceptance. Evidence is only ever added to; an accepted item is closed.
   */
  private mayAddPhoto(row: Pick<ItemRow, 'status' | 'assignee_user_id'>, userId: string, roles: CommunityRole[]): boolean {
    if (row.status === 'assigned' || row.status === 'in_progress')
      return row.assignee_user_id ? row.assignee_user_id === userId : roles.includes('property_company');
    if (row.status === 'submitted') return roles.some((r) => (COMMITTEE as readonly string[]).includes(r));
    return false;
  }

  async addPhoto(
    actorId: string,
    roles: CommunityRole[],
    communityId: string,
    itemId: string,
    file: { buffer: Buffer; mimetype: string } | undefined,
    caption?: string,
  ) {
    const photo = checkedPhoto(file, 'rectification_photo_type');
    await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<ItemRow[]>(`${ITEM_SELECT} WHERE r.community_id = $1 AND r.id = $3 FOR UPDATE OF r`, [
        communityId,
        this.clock.now(),
        itemId,
      ]);
      if (!row) throw new NotFound('整改事项');
      if (!this.mayAddPhoto(row, actorId, roles))
        throw new Forbidden(
          '整改中由物业上传整改照片，提交后由业委会验收时补充；已验收的事项不能再加照片',
          'rectification_photo_not_allowed',
        );
      const [{ count }] = await manager.query<{ count: number }[]>(
        'SELECT count(*)::int AS count FROM rectification_photos WHERE community_id = $1 AND item_id = $2',
        [communityId, itemId],
      );
      if (count >= MAX_PHOTOS_PER_ITEM) throw new Conflict(`每个整改事项最多 ${MAX_PHOTOS_PER_ITEM} 张照片`, 'rectification_photo_limit');
      await manager.query(
        `INSERT INTO rectification_photos (community_id, item_id, mime, bytes, sha256, size, caption, uploaded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [communityId, itemId, photo.mime, photo.bytes, photo.sha256, photo.size, (caption ?? '').trim().slice(0, 200), actorId],
      );
    });
    return this.detail(communityId, itemId, actorId, roles);
  }

  async photo(communityId: string, itemId: string, photoId: string): Promise<{ mime: string; bytes: Buffer }> {
    const [row] = await this.dataSource.query<{ mime: string; bytes: Buffer }[]>(
      'SELECT mime, bytes FROM rectification_photos WHERE community_id = $1 AND item_id = $2 AND id = $3',
      [communityId, itemId, photoId],
    );
    if (!row) throw new NotFound('照片');
    return row;
  }

  /** Figures for a month or quarter (bulletin, rating): raised, accepted, open, and accepted by the due date. */
  async periodFigures(manager: EntityManager, communityId: string, from: string, to: string) {
    const [row] = await manager.query<{ raised: number; accepted: number; open: number; due: number; on_time: number }[]>(
      `SELECT count(*) FILTER (WHERE (r.raised_at AT TIME ZONE c.time_zone)::date BETWEEN $2::date AND $3::date)::int AS raised,
              count(*) FILTER (WHERE (r.accepted_at AT TIME ZONE c.time_zone)::date BETWEEN $2::date AND $3::date)::int AS accepted,
              count(*) FILTER (WHERE r.status <> 'accepted' AND (r.raised_at AT TIME ZONE c.time_zone)::date <= $3::date)::int AS open,
              count(*) FILTER (WHERE r.due_on BETWEEN $2::date AND $3::date)::int AS due,
              count(*) FILTER (WHERE r.due_on BETWEEN $2::date AND $3::date AND r.submitted_at IS NOT NULL
                                 AND (r.submitted_at AT TIME ZONE c.time_zone)::date <= r.due_on AND r.overdue_at IS NULL)::int AS on_time
         FROM rectification_items r JOIN communities c ON c.id = r.community_id
        WHERE r.community_id = $1`,
      [communityId, from, to],
    );
    return { raised: row.raised, accepted: row.accepted, open: row.open, due: row.due, onTime: row.on_time };
  }

  private async item(manager: EntityManager, communityId: string, itemId: string): Promise<ItemRow> {
    const [row] = await manager.query<ItemRow[]>(`${ITEM_SELECT} WHERE r.community_id = $1 AND r.id = $3`, [
      communityId,
      this.clock.now(),
      itemId,
    ]);
    if (!row) throw new NotFound('整改事项');
    return row;
  }

  private view(r: ItemRow) {
    return {
      id: r.id,
      seq: r.seq,
      title: r.title,
      description: r.description,
      location: r.location,
      category: r.category,
      source: r.source,
      sourceLabel: labelOf(RECTIFICATION_SOURCE_LABELS_ZH, r.source),
      meetingId: r.meeting_id,
      meetingText: r.meeting_held_at ? formatZhDateTime(r.meeting_held_at, r.time_zone) : null,
      sourceNote: r.source_note,
      assigneeUserId: r.assignee_user_id,
      assigneeName: r.assignee_name,
      dueOn: r.due_on,
      status: r.status,
      statusLabel: labelOf(RECTIFICATION_STATUS_LABELS_ZH, r.status),
      overdue: !!r.overdue_at || isRectificationOverdue(r.status, r.due_on, r.today),
      raisedAt: new Date(r.raised_at).toISOString(),
      raisedAtText: formatZhDateTime(r.raised_at, r.time_zone),
      acceptedAt: r.accepted_at ? new Date(r.accepted_at).toISOString() : null,
      acceptedAtText: r.accepted_at ? formatZhDateTime(r.accepted_at, r.time_zone) : null,
    };
  }

  private async event(
    manager: EntityManager,
    communityId: string,
    itemId: string,
    action: RectificationAction | 'raised' | 'overdue',
    from: string | null,
    to: string,
    text: string,
    evidence: unknown[],
    actorId: string | null,
    at: Date,
  ) {
    await manager.query(
      `INSERT INTO rectification_events (community_id, item_id, action, from_status, to_status, text, evidence, actor_id, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [communityId, itemId, action, from, to, text, JSON.stringify(evidence), actorId, at],
    );
  }
}

function isRealDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
