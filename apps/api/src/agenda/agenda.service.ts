import { assertMeetingDate } from '@gongyi/domain/chain/meeting-date';
import { confirmsMinutes } from '@gongyi/domain/minutes/kinds';
import { WorkNotices } from '../notifications/work-notices';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TallyResult } from '@gongyi/domain/voting/tally';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, Forbidden, Invalid, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import type { CommunityRole } from '../identity/roles';
import { RecordService } from '../record/record.service';
import { RulebookService } from '../rulebook/rulebook.service';
import { applicableStages, type ChainRulebook, STAGE_LABELS_ZH } from '@gongyi/domain/chain/stages';
import { applyOutcome, assertCanRecord, type ChainState, createChainState, skipStage, submit } from '@gongyi/domain/chain/state-machine';
import { AgendaQueryDto, CreateAgendaItemDto, RecordMeetingDto, StageName } from './dto/agenda.dto';
import { AgendaItem } from './entities/agenda-item.entity';
import { AgendaTransition } from './entities/agenda-transition.entity';
import { ExecutionReport } from './entities/execution-report.entity';
import { Meeting } from './entities/meeting.entity';
import { StageMeetingRules } from './stage-meeting-rules';

/** Which roles may record each stage's meeting. The assembly stage closes through its vote. */
const STAGE_RECORDERS: Record<StageName, CommunityRole[]> = {
  party_prediscussion: ['party_secretary'],
  joint_meeting: ['committee_director', 'committee_member'],
  representatives_meeting: ['committee_director', 'committee_member', 'representative'],
  assembly_vote: [],
  committee_resolution: ['committee_director', 'committee_member'],
  execution: ['committee_director', 'committee_member'],
};

@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly rulebook: RulebookService,
    private readonly record: RecordService,
    private readonly meetingRules: StageMeetingRules,
    private readonly work: WorkNotices,
  ) {}

  /** `inTx`: another context's transaction (a resident's request promoted to an item), so both commit together. */
  async create(actorId: string, communityId: string, input: CreateAgendaItemDto, inTx?: EntityManager): Promise<AgendaItem> {
    if (!inTx) return this.dataSource.transaction((manager) => this.create(actorId, communityId, input, manager));
    const manager = inTx;
    await manager.query('SELECT pg_advisory_xact_lock(44, hashtext($1))', [communityId]);
    const rules = await this.rulebook.current(communityId, manager);
    const [{ next }] = await manager.query<{ next: number }[]>(
      'SELECT coalesce(max(seq), 0) + 1 AS next FROM agenda_items WHERE community_id = $1',
      [communityId],
    );
    const rulebook = RulebookService.chainRulebook(rules.settings);
    const state = submit(createChainState(input.category, rulebook), rulebook, { by: actorId });
    const item = await manager.save(AgendaItem, {
      communityId,
      seq: next,
      title: input.title,
      category: input.category,
      description: input.description,
      budgetFen: input.budgetFen ?? null,
      fundingSource: input.fundingSource ?? null,
      proposerId: actorId,
      rulebookVersion: rules.version,
      status: state.status,
      currentStage: state.stage,
      chainState: state,
      chosenOption: null,
    });
    await this.transition(manager, item, { stage: item.currentStage, kind: 'submitted', actorId, reason: '' });
    await this.work.itemAtStage(manager, item);
    await this.record.append(manager, {
      communityId,
      actorId,
      action: 'agenda.item_submitted',
      subjectType: 'agenda_item',
      subjectId: item.id,
      payload: {
        seq: item.seq,
        title: item.title,
        category: item.category,
        description: item.description,
        budgetFen: item.budgetFen,
        fundingSource: item.fundingSource,
        rulebookVersion: rules.version,
        stages: applicableStages(input.category, rulebook),
      },
    });
    return item;
  }

  async list(communityId: string, query: AgendaQueryDto) {
    return this.dataSource.getRepository(AgendaItem).find({
      where: { communityId, ...(query.status ? { status: query.status } : {}) },
      order: { seq: 'DESC' },
      select: {
        id: true,
        seq: true,
        title: true,
        category: true,
        status: true,
        currentStage: true,
        budgetFen: true,
        proposerId: true,
        rulebookVersion: true,
        createdAt: true,
        updatedAt: true,
      },
    });
  }

  async get(communityId: string, itemId: string) {
    const item = await this.dataSource.getRepository(AgendaItem).findOneBy({ id: itemId, communityId });
    if (!item) throw new NotFound('议题 agenda item');
    const [transitions, meetings, reports] = await Promise.all([
      this.dataSource.getRepository(AgendaTransition).find({ where: { agendaItemId: itemId }, order: { occurredAt: 'ASC' } }),
      this.dataSource.getRepository(Meeting).find({ where: { agendaItemId: itemId }, order: { heldAt: 'ASC' } }),
      this.dataSource.getRepository(ExecutionReport).find({ where: { agendaItemId: itemId }, order: { reportedAt: 'ASC' } }),
    ]);
    const votes = await this.dataSource.query(
      `SELECT id, title, status, opens_at AS "opensAt", closes_at AS "closesAt", objection_ends_at AS "objectionEndsAt",
              (status = 'closed' AND final_issued_at IS NULL) AS "finalResultPending"
       FROM assembly_votes WHERE community_id = $1 AND agenda_item_id = $2 ORDER BY opens_at, id`,
      [communityId, itemId],
    );
    const [fromRequest] = await this.dataSource.query<{ id: string; seq: number; title: string }[]>(
      'SELECT id, seq, title FROM service_requests WHERE community_id = $1 AND agenda_item_id = $2 LIMIT 1',
      [communityId, itemId],
    );
    const state = item.chainState as ChainState;
    const stages = Object.entries(state.stages).map(([stage, status]) => ({ stage, label: STAGE_LABELS_ZH[stage as StageName], status }));
    return { ...item, stages, transitions, meetings, executionReports: reports, votes, fromRequest: fromRequest ?? null };
  }

  /** Locks the item and checks it waits at `stage`; used by the voting context too. */
  async lockAtStage(manager: EntityManager, communityId: string, itemId: string, stage: StageName): Promise<AgendaItem> {
    const item = await manager.findOne(AgendaItem, { where: { id: itemId, communityId }, lock: { mode: 'pessimistic_write' } });
    if (!item) throw new NotFound('议题 agenda item');
    assertCanRecord(item.chainState as ChainState, stage, await this.chainRulebook(manager, item));
    return item;
  }

  async recordMeeting(
    actorId: string,
    roles: CommunityRole[],
    communityId: string,
    itemId: string,
    stage: StageName,
    input: RecordMeetingDto,
  ) {
    if (stage === 'assembly_vote') {
      throw new Conflict(
        '业主大会表决阶段由表决结果决定，请通过表决功能进行 (the assembly stage is decided by its vote)',
        'use_assembly_vote',
      );
    }
    if (!STAGE_RECORDERS[stage].some((role) => roles.includes(role))) {
      throw new Forbidden(`您的角色不能记录「${STAGE_LABELS_ZH[stage]}」 (your role cannot record this stage)`, 'stage_recorder');
    }
    return this.dataSource.transaction(async (manager) => {
      const item = await this.lockAtStage(manager, communityId, itemId, stage);
      const rules = await this.rulebook.version(communityId, item.rulebookVersion, manager);
      assertMeetingDate(new Date(input.heldAt), this.clock.now());
      const decided = await this.meetingRules.check(manager, communityId, stage, input, rules.settings);
      await this.assertAttendeeAccounts(manager, communityId, input.attendees);
      const meeting = await manager.save(Meeting, {
        communityId,
        agendaItemId: itemId,
        stage,
        heldAt: new Date(input.heldAt),
        place: input.place,
        chair: input.chair ?? '',
        attendees: input.attendees,
        minutes: input.minutes,
        details: decided.details,
        outcome: decided.outcome,
        outcomeReason: input.reason ?? '',
        recordedBy: actorId,
      });
      await this.applyOutcome(manager, item, stage, decided.outcome, input.reason ?? '', actorId, meeting.id);
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'agenda.meeting_recorded',
        subjectType: 'agenda_item',
        subjectId: itemId,
        payload: {
          meetingId: meeting.id,
          stage,
          heldAt: meeting.heldAt,
          place: meeting.place,
          chair: meeting.chair,
          attendees: meeting.attendees,
          minutes: meeting.minutes,
          details: meeting.details,
          outcome: meeting.outcome,
          reason: meeting.outcomeReason,
        },
      });
      if (confirmsMinutes(stage)) {
        const holders = meeting.attendees.filter((a) => a.present && a.userId).map((a) => a.userId!);
        await this.work.minutesToConfirm(manager, meeting, item.title, holders, false);
      }
      return { meeting, item: await manager.findOneByOrFail(AgendaItem, { id: itemId }) };
    });
  }

  /** An attendee linked to an account must hold a role in this community today (they confirm the minutes here). */
  private async assertAttendeeAccounts(manager: EntityManager, communityId: string, attendees: { userId?: string; name: string }[]) {
    const ids = [...new Set(attendees.map((a) => a.userId).filter((id): id is string => !!id))];
    if (!ids.length) return;
    if (ids.length !== attendees.filter((a) => a.userId).length) throw new Invalid('同一账号在出席名单中出现了两次', 'attendee_duplicate');
    const rows = await manager.query<{ user_id: string }[]>(
      `SELECT DISTINCT ra.user_id FROM role_assignments ra JOIN communities c ON c.id = ra.community_id
        WHERE ra.community_id = $1 AND ra.user_id = ANY($2::uuid[])
          AND ra.starts_on <= (now() AT TIME ZONE c.time_zone)::date AND (ra.ends_on IS NULL OR ra.ends_on >= (now() AT TIME ZONE c.time_zone)::date)`,
      [communityId, ids],
    );
    const known = new Set(rows.map((r) => r.user_id));
    const unknown = attendees.filter((a) => a.userId && !known.has(a.userId));
    if (unknown.length)
      throw new Invalid(`与会人员「${unknown.map((a) => a.name).join('、')}」关联的账号不在本小区`, 'attendee_not_in_community');
  }

  async skip(actorId: string, communityId: string, itemId: string, stage: StageName, reason: string) {
    return this.dataSource.transaction(async (manager) => {
      const item = await this.lockAtStage(manager, communityId, itemId, stage);
      const state = skipStage(item.chainState as ChainState, stage, reason, await this.chainRulebook(manager, item), { by: actorId });
      await this.save(manager, item, state);
      await this.transition(manager, item, { stage, kind: 'skip', reason, actorId });
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'agenda.stage_skipped',
        subjectType: 'agenda_item',
        subjectId: itemId,
        payload: { stage, reason },
      });
      return manager.findOneByOrFail(AgendaItem, { id: itemId });
    });
  }

  async resubmit(actorId: string, communityId: string, itemId: string, note: string) {
    return this.dataSource.transaction(async (manager) => {
      const item = await manager.findOne(AgendaItem, { where: { id: itemId, communityId }, lock: { mode: 'pessimistic_write' } });
      if (!item) throw new NotFound('议题 agenda item');
      const state = submit(item.chainState as ChainState, await this.chainRulebook(manager, item), { by: actorId });
      await this.save(manager, item, state);
      await this.transition(manager, item, { stage: state.stage, kind: 'resubmit', reason: note, actorId });
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'agenda.item_resubmitted',
        subjectType: 'agenda_item',
        subjectId: itemId,
        payload: { note, stage: state.stage },
      });
      return manager.findOneByOrFail(AgendaItem, { id: itemId });
    });
  }

  async reportProgress(actorId: string, communityId: string, itemId: string, progressPercent: number, text: string, amountFen?: string) {
    return this.dataSource.transaction(async (manager) => {
      const item = await this.lockAtStage(manager, communityId, itemId, 'execution');
      const report = await manager.save(ExecutionReport, {
        communityId,
        agendaItemId: item.id,
        progressPercent,
        text,
        amountFen: amountFen ?? null,
        reportedBy: actorId,
        reportedAt: this.clock.now(),
      });
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'agenda.progress_reported',
        subjectType: 'agenda_item',
        subjectId: itemId,
        payload: { reportId: report.id, progressPercent, text, ...(amountFen !== undefined ? { amountFen } : {}) },
      });
      return report;
    });
  }

  /** Called by the vote's close, in the same transaction: the tally decides the assembly stage. */
  async recordAssemblyOutcome(
    manager: EntityManager,
    vote: { id: string; communityId: string; agendaItemId: string },
    results: { motionId: string; title: string; options: { id: string; label: string }[]; result: TallyResult }[],
  ): Promise<void> {
    const item = await this.lockAtStage(manager, vote.communityId, vote.agendaItemId, 'assembly_vote');
    const passed = results.every((r) => r.result.outcome === 'passed');
    const reason = results.map((r) => `${r.title}：${r.result.reasonZh}`).join('；');
    const chosen = results.find((r) => r.result.winningOptionId);
    if (chosen) {
      const option = chosen.options.find((o) => o.id === chosen.result.winningOptionId);
      await manager.update(
        AgendaItem,
        { id: item.id },
        { chosenOption: { motionId: chosen.motionId, optionId: chosen.result.winningOptionId, label: option?.label ?? null } },
      );
    }
    // A vote that did not pass returns the item: it can be revised, resubmitted and put to the owners again
    // (a new vote of the same item); it does not end the item for good.
    await this.applyOutcome(
      manager,
      item,
      'assembly_vote',
      passed ? 'advance' : 'return',
      passed ? reason : `业主大会表决未通过：${reason}`,
      null,
      null,
    );
  }

  private async applyOutcome(
    manager: EntityManager,
    item: AgendaItem,
    stage: StageName,
    outcome: 'advance' | 'return' | 'reject',
    reason: string,
    actorId: string | null,
    meetingId: string | null,
  ) {
    if (outcome !== 'advance' && !reason.trim()) throw new Invalid('退回或否决须说明理由 (a reason is required)', 'reason_required');
    const decided =
      outcome === 'advance'
        ? { type: 'advance' as const }
        : outcome === 'return'
          ? { type: 'return' as const, reasons: [reason] }
          : { type: 'reject' as const, reason };
    const state = applyOutcome(item.chainState as ChainState, stage, decided, await this.chainRulebook(manager, item), {
      by: actorId ?? 'system',
    });
    await this.save(manager, item, state);
    await this.transition(manager, item, { stage, kind: outcome, reason, actorId, meetingId });
    if (state.status === 'done') {
      await this.transition(manager, item, { stage: null, kind: 'done', reason: '', actorId, meetingId });
    }
  }

  private async save(manager: EntityManager, item: AgendaItem, state: ChainState) {
    await manager.update(AgendaItem, { id: item.id }, { chainState: state, status: state.status, currentStage: state.stage });
    if (state.stage !== item.currentStage || state.status !== item.status) {
      await this.work.itemAtStage(manager, { ...item, currentStage: state.stage, status: state.status });
    }
  }

  private async chainRulebook(manager: EntityManager, item: AgendaItem): Promise<ChainRulebook> {
    const rules = await this.rulebook.version(item.communityId, item.rulebookVersion, manager);
    return RulebookService.chainRulebook(rules.settings);
  }

  private async transition(
    manager: EntityManager,
    item: AgendaItem,
    t: { stage: string | null; kind: string; reason: string; actorId: string | null; meetingId?: string | null },
  ) {
    await manager.insert(AgendaTransition, {
      communityId: item.communityId,
      agendaItemId: item.id,
      stage: t.stage,
      kind: t.kind,
      reason: t.reason,
      actorId: t.actorId,
      meetingId: t.meetingId ?? null,
      occurredAt: this.clock.now(),
    });
  }
}
