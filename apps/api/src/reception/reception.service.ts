import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RECEPTION_HOST_LABELS_ZH, formatZhDateTime, labelOf } from '@gongyi/domain/labels';
import { DataSource } from 'typeorm';
import { Invalid, NotFound } from '../common/app-error';
import { RecordService } from '../record/record.service';
import { RequestsService, type Caller } from '../requests/requests.service';
import type { LogVisitDto, ReceptionDayDetailDto, ReceptionDayDto, ScheduleDayDto } from './reception.dto';
import { ReceptionDay } from './entities/reception-day.entity';
import { ReceptionVisit } from './entities/reception-visit.entity';

/**
 * 接待日: a schedule per host (书记接待日, 物业经理接待日) and its visit log. Each concern becomes a request entered by
 * staff for the resident (登记列账); it is written off (销号) on the request, only with the resident's confirmation
 * or a documented return visit.
 */
@Injectable()
export class ReceptionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requests: RequestsService,
    private readonly record: RecordService,
  ) {}

  async list(communityId: string): Promise<{ items: ReceptionDayDto[] }> {
    const days = await this.dataSource.getRepository(ReceptionDay).find({ where: { communityId }, order: { startsAt: 'DESC' }, take: 200 });
    const zone = await this.zone(communityId);
    const counts = await this.dataSource.query<{ day_id: string; visits: number; written_off: number }[]>(
      `SELECT v.reception_day_id AS day_id, count(*)::int AS visits, count(*) FILTER (WHERE r.confirmed_at IS NOT NULL)::int AS written_off
         FROM reception_visits v JOIN service_requests r ON r.id = v.request_id
        WHERE v.community_id = $1 GROUP BY v.reception_day_id`,
      [communityId],
    );
    return {
      items: days.map((d) =>
        this.view(
          d,
          zone,
          counts.find((c) => c.day_id === d.id),
        ),
      ),
    };
  }

  async schedule(communityId: string, caller: Caller, input: ScheduleDayDto): Promise<ReceptionDayDto> {
    if (input.endTime <= input.startTime) throw new Invalid('结束时间应晚于开始时间', 'reception_times');
    const id = await this.dataSource.transaction(async (m) => {
      if (input.hostUserId) {
        const [u] = await m.query('SELECT 1 FROM role_assignments WHERE community_id = $1 AND user_id = $2 LIMIT 1', [
          communityId,
          input.hostUserId,
        ]);
        if (!u) throw new Invalid('接待人账号不属于本小区', 'reception_host');
      }
      const [row] = await m.query<{ id: string }[]>(
        `INSERT INTO reception_days (community_id, host_kind, host_user_id, host_name, day, starts_at, ends_at, place, note, created_by)
         SELECT $1, $2, $3, $4, $5::date, ($5::date + $6::time) AT TIME ZONE c.time_zone, ($5::date + $7::time) AT TIME ZONE c.time_zone, $8, $9, $10
           FROM communities c WHERE c.id = $1
         RETURNING id`,
        [
          communityId,
          input.hostKind,
          input.hostUserId ?? null,
          input.hostName.trim(),
          input.day,
          input.startTime,
          input.endTime,
          input.place.trim(),
          input.note ?? '',
          caller.userId,
        ],
      );
      await this.record.append(m, {
        communityId,
        actorId: caller.userId,
        action: 'reception.day_scheduled',
        subjectType: 'reception_day',
        subjectId: row.id,
        payload: { name: `${input.day} ${labelOf(RECEPTION_HOST_LABELS_ZH, input.hostKind)}（${input.hostName.trim()}）` },
      });
      return row.id;
    });
    return this.detail(communityId, id);
  }

  async detail(communityId: string, id: string): Promise<ReceptionDayDetailDto> {
    const day = await this.dataSource.getRepository(ReceptionDay).findOneBy({ id, communityId });
    if (!day) throw new NotFound('接待日', 'reception_day_not_found');
    const zone = await this.zone(communityId);
    const visits = await this.dataSource
      .getRepository(ReceptionVisit)
      .find({ where: { communityId, receptionDayId: id }, order: { createdAt: 'ASC' } });
    const { items } = await this.requests.list(communityId, { userId: day.createdBy, roles: ['party_secretary'] }, {});
    const byId = new Map(items.map((r) => [r.id, r]));
    const log = visits
      .filter((v) => byId.has(v.requestId))
      .map((v) => ({
        id: v.id,
        visitorName: v.visitorName,
        concern: v.concern,
        atText: formatZhDateTime(v.createdAt, zone),
        request: byId.get(v.requestId)!,
      }));
    const written = log.filter((l) => l.request.writtenOff).length;
    return { ...this.view(day, zone, { visits: log.length, written_off: written }), log };
  }

  /** 登记列账: the concern becomes a request entered by staff for the visitor. */
  async logVisit(communityId: string, caller: Caller, dayId: string, input: LogVisitDto): Promise<ReceptionDayDetailDto> {
    await this.dataSource.transaction(async (m) => {
      const day = await m.findOne(ReceptionDay, { where: { id: dayId, communityId } });
      if (!day) throw new NotFound('接待日', 'reception_day_not_found');
      const request = (await this.requests.file(
        communityId,
        caller,
        {
          category: input.category,
          title: input.concern,
          description: input.description,
          placeKind: input.placeKind,
          unitId: input.unitId,
          buildingId: input.buildingId,
          placeText: input.placeText,
          filerName: input.visitorName,
          filerMobile: input.visitorMobile,
          filerUserId: input.visitorUserId,
        },
        { receptionDayId: dayId },
        m,
      )) as { id: string; title: string };
      await m.insert(ReceptionVisit, {
        communityId,
        receptionDayId: dayId,
        visitorName: input.visitorName.trim(),
        visitorUserId: input.visitorUserId ?? null,
        visitorMobile: input.visitorMobile ?? null,
        concern: input.concern.trim(),
        requestId: request.id,
        enteredBy: caller.userId,
      });
      await this.record.append(m, {
        communityId,
        actorId: caller.userId,
        action: 'reception.visit_logged',
        subjectType: 'reception_day',
        subjectId: dayId,
        payload: { title: request.title },
      });
    });
    return this.detail(communityId, dayId);
  }

  private view(d: ReceptionDay, zone: string, c?: { visits: number; written_off: number }): ReceptionDayDto {
    const end = formatZhDateTime(d.endsAt, zone);
    return {
      id: d.id,
      hostKind: d.hostKind,
      hostKindLabel: labelOf(RECEPTION_HOST_LABELS_ZH, d.hostKind),
      hostName: d.hostName,
      day: d.day,
      timeText: `${formatZhDateTime(d.startsAt, zone)}–${end.slice(-5)}`,
      place: d.place,
      note: d.note,
      visits: c?.visits ?? 0,
      writtenOff: c?.written_off ?? 0,
    };
  }

  private async zone(communityId: string): Promise<string> {
    const [row] = await this.dataSource.query<{ time_zone: string }[]>('SELECT time_zone FROM communities WHERE id = $1', [communityId]);
    return row?.time_zone ?? 'Asia/Shanghai';
  }
}
