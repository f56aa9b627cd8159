import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertPanel } from '@gongyi/domain/hearings/panel';
import { assertCompleteSheets } from '@gongyi/domain/hearings/ranking';
import { canonicalJson } from '@gongyi/domain/record/canonical-json';
import { sha256Hex } from '@gongyi/domain/record/hash-chain';
import { DataSource } from 'typeorm';
import { Conflict, Forbidden, Invalid, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { WorkNotices } from '../notifications/work-notices';
import { RecordService } from '../record/record.service';
import { ScoreCellDto } from './dto/hearing.dto';
import { Objection } from './entities/objection.entity';
import { PanelMember } from './entities/panel-member.entity';
import { Score } from './entities/score.entity';
import { findHearing, findVisibleHearing, openedBids, type Viewer } from './hearing-access';

/** Scoring by the sitting panel, and objections to the published result. */
@Injectable()
export class ScoringService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly record: RecordService,
    private readonly notices: WorkNotices,
  ) {}

  /** A member's complete sheet (every opened bid × every criterion); resubmitting replaces it until publication. */
  async submit(userId: string, communityId: string, hearingId: string, cells: ScoreCellDto[]) {
    return this.dataSource.transaction(async (manager) => {
      const hearing = await findHearing(manager, communityId, hearingId, 'pessimistic_read');
      if (hearing.status !== 'opened')
        throw new Conflict('只能在开标后、结果公示前评分 (scoring is open only between opening and publication)', 'scoring_closed');
      const member = await manager.findOne(PanelMember, { where: { hearingId, userId }, lock: { mode: 'pessimistic_write' } });
      if (!member) throw new Forbidden('您不是本次听证会的评审 (you are not on this panel)', 'not_panel_member');
      if (member.recused) throw new Forbidden('您已申报利益冲突并回避，不能评分 (a recused member cannot score)', 'panel_recused');
      if (!member.declaredAt) throw new Conflict('请先申报有无利益冲突 (declare your interests first)', 'declaration_required');
      assertPanel(await manager.findBy(PanelMember, { hearingId }), 'conflict');
      const bids = await openedBids(manager, hearingId);
      const entries = cells.map((c) => ({ memberId: member.id, bidId: c.bidId, criterion: c.criterion, score: c.score }));
      assertCompleteSheets(
        hearing.criteria,
        bids.map((b) => b.id),
        entries,
      );
      const now = this.clock.now();
      await manager.delete(Score, { memberId: member.id });
      await manager.insert(
        Score,
        entries.map((e) => ({ ...e, communityId, hearingId, submittedAt: now })),
      );
      // Only a digest goes to the record now, so members score independently; the sheets are published with the result.
      const sheet = entries
        .map(({ bidId, criterion, score }) => ({ bidId, criterion, score }))
        .sort((a, b) => (a.bidId + a.criterion < b.bidId + b.criterion ? -1 : 1));
      await this.record.append(manager, {
        communityId,
        actorId: userId,
        action: 'hearing.scores_submitted',
        subjectType: 'hearing',
        subjectId: hearingId,
        payload: {
          memberId: member.id,
          name: member.name,
          cells: entries.length,
          sheetDigest: sha256Hex(canonicalJson(sheet)),
          submittedAt: now,
        },
      });
      return { memberId: member.id, cells: entries.length, submittedAt: now };
    });
  }

  async object(userId: string, communityId: string, hearingId: string, text: string, viewer: Viewer) {
    return this.dataSource.transaction(async (manager) => {
      const { hearing } = await findVisibleHearing(manager, communityId, hearingId, viewer);
      const now = this.clock.now();
      if (hearing.status !== 'result_published' || !hearing.objectionEndsAt || now >= hearing.objectionEndsAt) {
        throw new Conflict('不在异议期内 (no objection period is running)', 'objection_period_closed');
      }
      const objection = await manager.save(Objection, { communityId, hearingId, filedBy: userId, text, filedAt: now });
      await this.record.append(manager, {
        communityId,
        actorId: userId,
        action: 'hearing.objection_filed',
        subjectType: 'hearing',
        subjectId: hearingId,
        payload: { objectionId: objection.id, text, filedAt: now },
      });
      return objection;
    });
  }

  /** The committee answers an objection once, in Chinese; the answer goes to the record and to the objector. */
  async answer(userId: string, communityId: string, hearingId: string, objectionId: string, body: unknown) {
    const answer = typeof body === 'string' ? body.trim() : '';
    if (!answer) throw new Invalid('请填写处理意见', 'answer_text_invalid');
    if (!/\p{Script=Han}/u.test(answer)) throw new Invalid('处理意见须用中文填写', 'answer_text_invalid');
    if (answer.length > 2000) throw new Invalid('处理意见不能超过 2000 字', 'answer_text_invalid');
    return this.dataSource.transaction(async (manager) => {
      const hearing = await findHearing(manager, communityId, hearingId);
      const objection = await manager.findOne(Objection, {
        where: { id: objectionId, hearingId, communityId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!objection) throw new NotFound('异议 objection');
      if (objection.answer !== null) throw new Conflict('该异议已答复，答复不可更改', 'objection_answered');
      const now = this.clock.now();
      await manager.update(Objection, { id: objection.id, communityId }, { answer, answeredBy: userId, answeredAt: now });
      await this.record.append(manager, {
        communityId,
        actorId: userId,
        action: 'hearing.objection_answered',
        subjectType: 'hearing',
        subjectId: hearingId,
        payload: { objectionId, answer, answeredAt: now },
      });
      // Addressed to the objector under a role they hold today (the notice list is read by role).
      await this.notices.toPerson(manager, communityId, objection.filedBy, {
        subject: `您对听证结果的异议已答复：${hearing.title}`,
        body: answer.slice(0, 100),
        subjectType: 'hearing',
        subjectId: hearingId,
      });
      return manager.findOneByOrFail(Objection, { id: objection.id, communityId });
    });
  }
}
