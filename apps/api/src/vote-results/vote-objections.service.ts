import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RESOLUTION_TYPE } from '@gongyi/pdf';
import { checkAnswer, checkFinalAnnouncement, checkObjection, resultStage } from '@gongyi/domain/voting/objections';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, Forbidden, Invalid, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { DocumentsService } from '../documents/documents.service';
import { Document } from '../documents/entities/document.entity';
import { COMMITTEE, type CommunityRole } from '../identity/roles';
import { NotificationsService } from '../notifications/notifications.service';
import { RecordService } from '../record/record.service';
import { SealRequestsService } from '../seals/seal-requests.service';
import { AgendaService } from '../agenda/agenda.service';
import type { TallyResult } from '@gongyi/domain/voting/tally';
import { Motion } from '../voting/entities/motion.entity';
import { TallyRecord } from '../voting/entities/tally-record.entity';
import { AssemblyVote } from '../voting/entities/assembly-vote.entity';
import { VoteObjection } from '../voting/entities/vote-objection.entity';
import { resultDocumentInput } from '../voting/result-document';
import { PRELIMINARY_SOURCE } from '../voting/vote-closing.service';

export interface Viewer {
  userId: string;
  roles: CommunityRole[];
}

const isCommittee = (v: Viewer) => v.roles.some((r) => COMMITTEE.includes(r));

/**
 * 询异 after the preliminary count: owners of the electorate object, the committee answers each objection once,
 * and after the period the committee issues the final announcement (表决结果公告) — registered, its seal request
 * made in the same transaction; the result is final when both seals are on it (onFinalised below).
 */
@Injectable()
export class VoteObjectionsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly documents: DocumentsService,
    private readonly sealRequests: SealRequestsService,
    private readonly notifications: NotificationsService,
    private readonly record: RecordService,
    private readonly agenda: AgendaService,
  ) {}

  onModuleInit(): void {
    this.documents.onFinalised('assembly_vote', async (manager, document) => {
      if (document.type !== RESOLUTION_TYPE || !document.sourceId) return;
      const now = this.clock.now();
      await manager.update(AssemblyVote, { id: document.sourceId, communityId: document.communityId }, { resultFinalAt: now });
      await this.record.append(manager, {
        communityId: document.communityId,
        actorId: null,
        action: 'voting.result_final',
        subjectType: 'assembly_vote',
        subjectId: document.sourceId,
        payload: { documentId: document.id, documentNumber: document.number, finalAt: now },
      });
    });
  }

  private async closedVote(manager: EntityManager, communityId: string, voteId: string, lock = false): Promise<AssemblyVote> {
    const vote = await manager.findOne(AssemblyVote, {
      where: { id: voteId, communityId },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!vote || vote.status === 'draft') throw new NotFound('表决 vote');
    if (vote.status !== 'closed' || !vote.closedAt) throw new Conflict('表决尚未结束，尚无初步统计结果', 'vote_not_closed');
    // Closed before results were posted preliminarily: its announcement was made the older way, without 询异.
    if (!vote.objectionEndsAt) throw new Conflict('该表决结束时尚无询异期，结果已按原方式公告', 'no_objection_period');
    return vote;
  }

  private async electorOf(manager: EntityManager, voteId: string, userId: string) {
    const [elector] = await manager.query<{ id: string; unit_numbers: string[] }[]>(
      `SELECT e.id, e.unit_numbers FROM electors e JOIN owners o ON o.id::text = e.voter_key
        WHERE e.vote_id = $1 AND o.user_id = $2 LIMIT 1`,
      [voteId, userId],
    );
    return elector ?? null;
  }

  private async documentOf(manager: EntityManager, voteId: string, sourceType: string) {
    const doc = await manager.findOne(Document, {
      where: { sourceId: voteId, sourceType, type: RESOLUTION_TYPE },
      select: { id: true, number: true, status: true, title: true },
    });
    return doc ? { id: doc.id, number: doc.number, status: doc.status, title: doc.title } : null;
  }

  /** Where the result stands, the objections (names only to the committee) and what this viewer may do. */
  async status(communityId: string, voteId: string, viewer: Viewer) {
    const manager = this.dataSource.manager;
    const vote = await this.closedVote(manager, communityId, voteId);
    const objections = await manager.find(VoteObjection, { where: { voteId }, order: { filedAt: 'ASC' } });
    const committee = isCommittee(viewer);
    const names = committee
      ? new Map(
          (await manager.query<{ id: string; name: string }[]>('SELECT id, name FROM electors WHERE vote_id = $1', [voteId])).map((e) => [
            e.id,
            e.name,
          ]),
        )
      : new Map<string, string>();
    const elector = await this.electorOf(manager, voteId, viewer.userId);
    const now = this.clock.now();
    const preliminary = await this.documentOf(manager, voteId, PRELIMINARY_SOURCE);
    const final = await this.documentOf(manager, voteId, 'assembly_vote');
    const stage = resultStage({
      now,
      objectionEndsAt: vote.objectionEndsAt!,
      finalIssued: vote.finalIssuedAt !== null,
      finalSealed: vote.resultFinalAt !== null,
    });
    return {
      voteId,
      title: vote.title,
      stage,
      closedAt: vote.closedAt,
      objectionEndsAt: vote.objectionEndsAt,
      finalIssuedAt: vote.finalIssuedAt,
      resultFinalAt: vote.resultFinalAt,
      preliminaryDocument: preliminary,
      finalDocument: final,
      canObject: elector !== null && now < vote.objectionEndsAt!,
      myUnits: elector?.unit_numbers ?? [],
      canIssueFinal: committee && stage === 'awaiting_final' && objections.every((o) => o.answer !== null),
      objections: objections.map((o) => ({
        id: o.id,
        unitNumber: o.unitNumber,
        text: o.text,
        filedAt: o.filedAt,
        mine: o.filedBy === viewer.userId,
        filedByName: committee ? (names.get(o.electorId) ?? null) : null,
        answer: o.answer,
        answeredAt: o.answeredAt,
      })),
    };
  }

  async file(userId: string, communityId: string, voteId: string, body: { text: string; unitNumber?: string }) {
    return this.dataSource.transaction(async (manager) => {
      const vote = await this.closedVote(manager, communityId, voteId);
      const now = this.clock.now();
      const text = checkObjection(now, vote.objectionEndsAt!, body.text);
      const elector = await this.electorOf(manager, voteId, userId);
      if (!elector) throw new Forbidden('只有本次表决名册上的业主可以提出异议', 'not_in_electorate');
      const unit = body.unitNumber?.trim() || null;
      if (unit && !elector.unit_numbers.includes(unit))
        throw new Invalid(`房号「${unit}」不是您在本次表决名册上的房屋`, 'unit_not_yours', { units: elector.unit_numbers });
      const objection = await manager.save(VoteObjection, {
        communityId,
        voteId,
        electorId: elector.id,
        filedBy: userId,
        unitNumber: unit,
        text,
        filedAt: now,
        answer: null,
        answeredBy: null,
        answeredAt: null,
      });
      await this.record.append(manager, {
        communityId,
        actorId: userId,
        action: 'voting.objection_filed',
        subjectType: 'assembly_vote',
        subjectId: voteId,
        payload: { objectionId: objection.id, unitNumber: unit, text, filedAt: now },
      });
      await this.notifications.notify(manager, {
        communityId,
        role: 'committee_director',
        subject: `表决结果异议：${vote.title}`,
        body: `业主${unit ? `（${unit}）` : ''}在询异期内提出异议，请答复：${text.slice(0, 60)}`,
        subjectType: 'assembly_vote',
        subjectId: voteId,
      });
      return objection;
    });
  }

  async answer(userId: string, communityId: string, voteId: string, objectionId: string, body: { answer: string }) {
    return this.dataSource.transaction(async (manager) => {
      const vote = await this.closedVote(manager, communityId, voteId);
      const objection = await manager.findOne(VoteObjection, {
        where: { id: objectionId, voteId, communityId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!objection) throw new NotFound('异议 objection');
      if (vote.finalIssuedAt) throw new Conflict('表决结果公告已发布，异议处理已结束', 'final_result_issued');
      const answer = checkAnswer(objection.answer !== null, body.answer);
      const now = this.clock.now();
      await manager.update(VoteObjection, { id: objection.id }, { answer, answeredBy: userId, answeredAt: now });
      await this.record.append(manager, {
        communityId,
        actorId: userId,
        action: 'voting.objection_answered',
        subjectType: 'assembly_vote',
        subjectId: voteId,
        payload: { objectionId, answer, answeredAt: now },
      });
      await this.notifications.notify(manager, {
        communityId,
        role: 'owner',
        userId: objection.filedBy,
        subject: `您的异议已答复：${vote.title}`,
        body: answer.slice(0, 100),
        subjectType: 'assembly_vote',
        subjectId: voteId,
      });
      return manager.findOneByOrFail(VoteObjection, { id: objection.id });
    });
  }

  /** 表决结果公告: after the period, every objection answered; registered and sent for both seals at once. */
  async issueFinal(userId: string, communityId: string, voteId: string, body: { scrutineers?: string[]; counters?: string[] }) {
    return this.dataSource.transaction(async (manager) => {
      const vote = await this.closedVote(manager, communityId, voteId, true);
      const objections = await manager.find(VoteObjection, { where: { voteId } });
      const now = this.clock.now();
      checkFinalAnnouncement({
        now,
        objectionEndsAt: vote.objectionEndsAt!,
        finalIssued: vote.finalIssuedAt !== null,
        objections: objections.map((o) => ({ answered: o.answer !== null })),
      });
      const clean = (names?: string[]) => names?.map((n) => n.trim()).filter(Boolean);
      const input = await resultDocumentInput(manager, communityId, voteId, {
        stage: 'final',
        publishedAt: now,
        scrutineers: clean(body.scrutineers),
        counters: clean(body.counters),
      });
      const document = await this.documents.renderAndRegister(manager, communityId, {
        type: RESOLUTION_TYPE,
        title: `${vote.title}表决结果公告`,
        sourceType: 'assembly_vote',
        sourceId: voteId,
        agendaItemId: vote.agendaItemId,
        input,
        actorId: userId,
      });
      await manager.update(AssemblyVote, { id: voteId }, { finalIssuedAt: now });
      await this.record.append(manager, {
        communityId,
        actorId: userId,
        action: 'voting.final_result_issued',
        subjectType: 'assembly_vote',
        subjectId: voteId,
        payload: {
          documentId: document.id,
          documentNumber: document.number,
          objections: objections.length,
          issuedAt: now,
          // The 监票人/计票人 the announcement prints (those the notice named, unless the committee names others).
          ...(input.counting?.scrutineers.length ? { scrutineers: input.counting.scrutineers } : {}),
          ...(input.counting?.counters.length ? { tellers: input.counting.counters } : {}),
        },
      });
      // The item advances (or returns) now, on the final result, not on the preliminary count at the close; the
      // announcement's seals then cite a decision that exists.
      const motions = await manager.find(Motion, { where: { voteId }, order: { seq: 'ASC' } });
      const tallies = await manager.find(TallyRecord, { where: { voteId, communityId } });
      await this.agenda.recordAssemblyOutcome(
        manager,
        vote,
        motions.map((m) => ({
          motionId: m.id,
          title: m.title,
          options: m.options,
          result: tallies.find((t) => t.motionId === m.id)!.result as unknown as TallyResult,
        })),
      );
      // Publishing asks for the seals (system request): any custodian of each seal may apply it, the publisher
      // too, but never one person both seals.
      const request = await this.sealRequests.create(userId, communityId, { documentId: document.id, onPublication: true }, manager);
      return {
        document: { id: document.id, number: document.number, title: document.title, requiredSeals: document.requiredSeals },
        sealRequest: { id: request.id, status: request.status },
      };
    });
  }
}
