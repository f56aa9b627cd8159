import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  assertCanAmend,
  assertCanCountersign,
  assertCanEnterPaper,
  assertCanRespond,
  minutesStatus,
  type ConfirmationFact,
  type ConfirmationKind,
  type MinutesStatus,
} from '@gongyi/domain/minutes/confirmation';
import { confirmsMinutes } from '@gongyi/domain/minutes/kinds';
import { MINUTES_CONFIRMATION_LABELS_ZH, STAGE_LABELS_ZH_ALL, formatZhDateTime, labelOf } from '@gongyi/domain/labels';
import { DataSource, EntityManager } from 'typeorm';
import { AgendaItem } from '../agenda/entities/agenda-item.entity';
import { Meeting } from '../agenda/entities/meeting.entity';
import { Conflict, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { DocumentSourcesService } from '../documents/document-sources.service';
import type { CommunityRole } from '../identity/roles';
import { WorkNotices } from '../notifications/work-notices';
import { RecordService } from '../record/record.service';

const COMMITTEE: CommunityRole[] = ['committee_director', 'committee_member'];

interface FactRow {
  round: number;
  attendee_index: number;
  kind: ConfirmationKind;
  actor_id: string;
  at: Date;
  comment: string;
}

/**
 * 会议纪要确认: attendees confirm (or object to) the minutes of 支部先议 / 联席会议 / 居民代表会议 in the app; paper
 * signatures of attendees without an account count only when the recorder entered them and a second committee
 * member countersigned them. The last confirmation makes the minutes document final (it carries no seal).
 */
@Injectable()
export class MinutesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly record: RecordService,
    private readonly work: WorkNotices,
    private readonly sources: DocumentSourcesService,
  ) {}

  /** Where every attendee stands, with names and times in the community's zone. */
  async view(communityId: string, meetingId: string) {
    const manager = this.dataSource.manager;
    const meeting = await this.meeting(manager, communityId, meetingId, false);
    const status = await this.status(manager, meeting);
    const zone = await this.zone(manager, communityId);
    const ids = [
      ...new Set(status.attendees.flatMap((a) => ('by' in a ? [a.by, a.countersignedBy] : 'enteredBy' in a ? [a.enteredBy] : []))),
    ];
    const users = await manager.query<{ id: string; display_name: string }[]>(
      'SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])',
      [ids.filter(Boolean)],
    );
    const nameOf = (id?: string) => (id ? (users.find((u) => u.id === id)?.display_name ?? null) : null);
    const [doc] = await manager.query<{ id: string; number: string; status: string }[]>(
      `SELECT id, number, status FROM documents WHERE community_id = $1 AND type = 'meeting_minutes' AND source_id = $2`,
      [communityId, meetingId],
    );
    const item = await manager.findOneByOrFail(AgendaItem, { id: meeting.agendaItemId, communityId });
    return {
      meetingId,
      itemId: item.id,
      itemSeq: item.seq,
      itemTitle: item.title,
      heldAtText: formatZhDateTime(meeting.heldAt, zone),
      place: meeting.place,
      minutes: meeting.minutes,
      stage: meeting.stage,
      stageLabel: labelOf(STAGE_LABELS_ZH_ALL, meeting.stage),
      round: status.round,
      recordedBy: meeting.recordedBy,
      final: status.final,
      finalAt: meeting.minutesFinalAt,
      finalAtText: meeting.minutesFinalAt ? formatZhDateTime(meeting.minutesFinalAt, zone) : null,
      outstanding: status.outstanding,
      objections: status.objections,
      document: doc ?? null,
      attendees: status.attendees.map((a) => ({
        index: a.index,
        name: a.name,
        party: a.party,
        hasAccount: !!a.userId,
        userId: a.userId ?? null,
        present: a.present,
        state: a.state,
        stateLabel: MINUTES_CONFIRMATION_LABELS_ZH[a.state],
        at: 'at' in a ? a.at : null,
        atText: 'at' in a ? formatZhDateTime(a.at, zone) : null,
        channel: 'channel' in a ? a.channel : null,
        comment: 'comment' in a ? a.comment : null,
        enteredBy: nameOf('enteredBy' in a ? a.enteredBy : 'by' in a && a.channel === 'paper' ? a.by : undefined),
        countersignedBy: nameOf('countersignedBy' in a ? a.countersignedBy : undefined),
      })),
    };
  }

  /** The attendee, personally: 确认无误 or 提出意见 (which stops the round until the recorder amends). */
  async respond(actorId: string, communityId: string, meetingId: string, decision: 'confirm' | 'object', comment?: string) {
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.meeting(manager, communityId, meetingId, true);
      const status = await this.status(manager, meeting);
      const index = status.attendees.findIndex((a) => a.present && a.userId === actorId && a.state === 'waiting');
      const mine = index >= 0 ? index : status.attendees.findIndex((a) => a.userId === actorId);
      if (mine < 0) throw new Conflict('您不在本次会议的出席名单中，不能确认纪要', 'not_an_attendee');
      const kind = decision === 'confirm' ? 'confirmed' : 'objected';
      assertCanRespond(status, mine, actorId, kind, comment);
      await this.insert(manager, meeting, mine, kind, actorId, kind === 'objected' ? comment!.trim() : '');
      await this.record.append(manager, {
        communityId,
        actorId,
        action: kind === 'confirmed' ? 'agenda.minutes_confirmed' : 'agenda.minutes_objected',
        subjectType: 'agenda_item',
        subjectId: meeting.agendaItemId,
        payload: {
          meetingId,
          stage: meeting.stage,
          round: meeting.minutesRound,
          attendeeIndex: mine,
          ...(comment ? { reason: comment.trim() } : {}),
        },
      });
      if (kind === 'objected') {
        await this.work.toPerson(manager, communityId, meeting.recordedBy, {
          subject: `纪要有意见，待修改：${labelOf(STAGE_LABELS_ZH_ALL, meeting.stage)}`,
          body: `${status.attendees[mine].name}对纪要提出意见：${comment!.trim()}。请修改纪要，修改后全体重新确认。`,
          subjectType: 'meeting',
          subjectId: meetingId,
        });
      }
      await this.afterChange(manager, meeting, actorId);
    });
    return this.view(communityId, meetingId);
  }

  /** The recorder enters the paper signature of an attendee without an account (it counts once countersigned). */
  async enterPaper(actorId: string, communityId: string, meetingId: string, index: number) {
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.meeting(manager, communityId, meetingId, true);
      const status = await this.status(manager, meeting);
      assertCanEnterPaper(status, index, actorId, meeting.recordedBy);
      await this.insert(manager, meeting, index, 'paper_entered', actorId, '');
      const attendeeName = status.attendees[index].name;
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'agenda.minutes_paper_entered',
        subjectType: 'agenda_item',
        subjectId: meeting.agendaItemId,
        payload: { meetingId, stage: meeting.stage, round: meeting.minutesRound, attendeeIndex: index, attendeeName },
      });
      await this.work.paperSignatureEntered(manager, meeting, attendeeName, actorId);
      await this.afterChange(manager, meeting, actorId);
    });
    return this.view(communityId, meetingId);
  }

  /** A second committee member, having seen the signed paper, countersigns the entry. */
  async countersign(actorId: string, roles: CommunityRole[], communityId: string, meetingId: string, index: number) {
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.meeting(manager, communityId, meetingId, true);
      const status = await this.status(manager, meeting);
      assertCanCountersign(
        status,
        index,
        actorId,
        roles.some((r) => COMMITTEE.includes(r)),
      );
      await this.insert(manager, meeting, index, 'paper_countersigned', actorId, '');
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'agenda.minutes_paper_countersigned',
        subjectType: 'agenda_item',
        subjectId: meeting.agendaItemId,
        payload: {
          meetingId,
          stage: meeting.stage,
          round: meeting.minutesRound,
          attendeeIndex: index,
          attendeeName: status.attendees[index].name,
        },
      });
      await this.afterChange(manager, meeting, actorId);
    });
    return this.view(communityId, meetingId);
  }

  /** The recorder amends the minutes (e.g. after an objection): a new round, everyone confirms again. */
  async amend(actorId: string, communityId: string, meetingId: string, minutes: string, reason: string) {
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.meeting(manager, communityId, meetingId, true);
      const status = await this.status(manager, meeting);
      assertCanAmend(status, actorId, meeting.recordedBy);
      const round = meeting.minutesRound + 1;
      await manager.update(Meeting, { id: meeting.id }, { minutes, minutesRound: round });
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'agenda.minutes_amended',
        subjectType: 'agenda_item',
        subjectId: meeting.agendaItemId,
        payload: { meetingId, stage: meeting.stage, round, minutes, previousMinutes: meeting.minutes, reason },
      });
      const amended = Object.assign(meeting, { minutes, minutesRound: round });
      const item = await manager.findOneByOrFail(AgendaItem, { id: meeting.agendaItemId });
      await this.work.minutesToConfirm(manager, amended, item.title, this.accountHolders(amended), true);
      await this.afterChange(manager, amended, actorId);
    });
    return this.view(communityId, meetingId);
  }

  /** Refreshes the draft document; the last confirmation makes the minutes and their document final. */
  private async afterChange(manager: EntityManager, meeting: Meeting, actorId: string) {
    const status = await this.status(manager, meeting);
    if (status.final) {
      const at = this.clock.now();
      await manager.update(Meeting, { id: meeting.id }, { minutesFinalAt: at });
      meeting.minutesFinalAt = at;
      await this.record.append(manager, {
        communityId: meeting.communityId,
        actorId,
        action: 'agenda.minutes_final',
        subjectType: 'agenda_item',
        subjectId: meeting.agendaItemId,
        payload: { meetingId: meeting.id, stage: meeting.stage, round: meeting.minutesRound },
      });
    }
    await this.sources.syncMinutesDocument(manager, meeting.communityId, meeting.id, actorId, status.final);
  }

  private accountHolders(meeting: Meeting): string[] {
    return meeting.attendees.filter((a) => a.present && a.userId).map((a) => a.userId!);
  }

  private async meeting(manager: EntityManager, communityId: string, meetingId: string, lock: boolean): Promise<Meeting> {
    const meeting = await manager.findOne(Meeting, {
      where: { id: meetingId, communityId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!meeting) throw new NotFound('会议 meeting');
    if (!confirmsMinutes(meeting.stage))
      throw new Conflict(
        `${labelOf(STAGE_LABELS_ZH_ALL, meeting.stage)}的记录不由与会人员确认（按用章规则处理）`,
        'minutes_not_confirmed_by_attendees',
      );
    return meeting;
  }

  private async status(manager: EntityManager, meeting: Meeting): Promise<MinutesStatus> {
    const rows = await manager.query<FactRow[]>(
      'SELECT round, attendee_index, kind, actor_id, at, comment FROM minutes_confirmations WHERE meeting_id = $1 AND community_id = $2 AND round = $3',
      [meeting.id, meeting.communityId, meeting.minutesRound],
    );
    const facts: ConfirmationFact[] = rows.map((r) => ({
      round: r.round,
      attendeeIndex: r.attendee_index,
      kind: r.kind,
      actorId: r.actor_id,
      at: new Date(r.at),
      comment: r.comment,
    }));
    return minutesStatus(meeting.attendees, facts, meeting.minutesRound);
  }

  private async insert(manager: EntityManager, meeting: Meeting, index: number, kind: ConfirmationKind, actorId: string, comment: string) {
    await manager.query(
      `INSERT INTO minutes_confirmations (community_id, meeting_id, round, attendee_index, kind, actor_id, comment, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [meeting.communityId, meeting.id, meeting.minutesRound, index, kind, actorId, comment, this.clock.now()],
    );
  }

  private async zone(manager: EntityManager, communityId: string): Promise<string> {
    const [row] = await manager.query<{ time_zone: string }[]>('SELECT time_zone FROM communities WHERE id = $1', [communityId]);
    return row?.time_zone ?? 'Asia/Shanghai';
  }
}
