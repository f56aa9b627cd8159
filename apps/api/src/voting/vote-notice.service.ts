import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { groupUnitsByVoter } from '@gongyi/domain/registry/headcount';
import { assertNoticePeriod, assertVotingWindow, noticeDaysFor } from '@gongyi/domain/voting/notice';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, Invalid, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { AgendaService } from '../agenda/agenda.service';
import { NotificationsService } from '../notifications/notifications.service';
import { RecordService } from '../record/record.service';
import { RegistryService } from '../registry/registry.service';
import { RulebookService } from '../rulebook/rulebook.service';
import { CreateVoteDto } from './dto/vote.dto';
import { AssemblyVote } from './entities/assembly-vote.entity';
import { Elector } from './entities/elector.entity';
import { Motion } from './entities/motion.entity';
import { VoteClosingService } from './vote-closing.service';

export const VOTE_STAGE = 'assembly_vote';

/**
 * The assembly notice (公告): drafted with its motions while the item is at the
 * assembly-vote stage, then published at least the rulebook's notice days
 * before voting opens. Publishing freezes the motions and the electoral roll,
 * tells the residents' committee and schedules the close.
 */
@Injectable()
export class VoteNoticeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly agenda: AgendaService,
    private readonly rulebook: RulebookService,
    private readonly registry: RegistryService,
    private readonly record: RecordService,
    private readonly notifications: NotificationsService,
    private readonly closing: VoteClosingService,
  ) {}

  async createDraft(actorId: string, communityId: string, itemId: string, input: CreateVoteDto): Promise<AssemblyVote> {
    const opensAt = new Date(input.opensAt);
    const closesAt = new Date(input.closesAt);
    if (closesAt <= opensAt) throw new Invalid('投票截止时间必须晚于开始时间 (closesAt must be after opensAt)', 'invalid_window');
    for (const motion of input.motions) {
      const ids = (motion.options ?? []).map((o) => o.id);
      if (motion.kind === 'options' && ids.length < 2) throw new Invalid(`议案「${motion.title}」至少需要两个选项`, 'invalid_motion');
      if (motion.kind === 'yes_no' && ids.length > 0)
        throw new Invalid(`议案「${motion.title}」为赞成/反对表决，不应有选项`, 'invalid_motion');
      if (new Set(ids).size !== ids.length || ids.some((id) => ['yes', 'no', 'abstain'].includes(id))) {
        throw new Invalid(`议案「${motion.title}」的选项编号重复或使用了保留字`, 'invalid_motion');
      }
    }
    return this.dataSource.transaction(async (manager) => {
      const item = await this.agenda.lockAtStage(manager, communityId, itemId, VOTE_STAGE);
      const existing = await manager.findOneBy(AssemblyVote, { agendaItemId: itemId });
      if (existing) throw new Conflict('该议题已有业主大会表决 (this item already has an assembly vote)', 'vote_exists');
      const vote = await manager.save(AssemblyVote, {
        communityId,
        agendaItemId: itemId,
        title: input.title,
        method: input.method,
        channels: input.channels,
        interim: input.interim ?? false,
        opensAt,
        closesAt,
        status: 'draft',
        createdBy: actorId,
      });
      await manager.save(
        Motion,
        input.motions.map((m, i) => ({
          communityId,
          voteId: vote.id,
          seq: i + 1,
          title: m.title,
          fullText: m.fullText,
          category: item.category,
          kind: m.kind,
          options: m.options ?? [],
        })),
      );
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'voting.vote_drafted',
        subjectType: 'assembly_vote',
        subjectId: vote.id,
        payload: { agendaItemId: itemId, title: input.title, motions: input.motions.length, opensAt, closesAt },
      });
      return vote;
    });
  }

  async publish(actorId: string, communityId: string, voteId: string): Promise<AssemblyVote> {
    const vote = await this.dataSource.transaction(async (manager) => {
      const vote = await this.lockVote(manager, communityId, voteId);
      if (vote.status !== 'draft') throw new Conflict('公告已发布，议案不可再改 (notice already published)', 'notice_published');
      const item = await this.agenda.lockAtStage(manager, communityId, vote.agendaItemId, VOTE_STAGE);
      const rules = await this.rulebook.version(communityId, item.rulebookVersion, manager);
      const [{ time_zone: timeZone }] = await manager.query<{ time_zone: string }[]>('SELECT time_zone FROM communities WHERE id = $1', [
        communityId,
      ]);
      const now = this.clock.now();
      const noticeRules = { ...rules.settings, timeZone };
      const meeting = vote.interim ? 'interim' : 'regular';
      const noticeDays = noticeDaysFor(meeting, noticeRules);
      assertNoticePeriod(now, vote.opensAt, meeting, noticeRules);
      assertVotingWindow(vote.opensAt, vote.closesAt, noticeRules);

      const electors = await this.freezeRoll(manager, communityId, vote.id, rules.settings.countParkingAsArea);
      if (electors.count === 0) throw new Conflict('小区尚无房屋登记，无法发布公告 (no units registered)', 'empty_roll');
      await manager.update(
        AssemblyVote,
        { id: vote.id },
        {
          status: 'noticed',
          noticedAt: now,
          rulebookVersion: rules.version,
          totalAreaHundredths: electors.area.toString(),
          totalHeadcount: electors.count,
        },
      );
      const motions = await manager.find(Motion, { where: { voteId: vote.id }, order: { seq: 'ASC' } });
      await this.notifications.notify(manager, {
        communityId,
        role: 'residents_committee',
        subject: `业主大会公告：${vote.title}`,
        body: `投票时间 ${vote.opensAt.toISOString()} 至 ${vote.closesAt.toISOString()}；议案 ${motions.length} 项：${motions.map((m) => m.title).join('；')}`,
        subjectType: 'assembly_vote',
        subjectId: vote.id,
      });
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'voting.notice_published',
        subjectType: 'assembly_vote',
        subjectId: vote.id,
        payload: {
          noticedAt: now,
          opensAt: vote.opensAt,
          closesAt: vote.closesAt,
          noticeDays,
          rulebookVersion: rules.version,
          totalAreaHundredths: electors.area,
          totalHeadcount: electors.count,
          motions: motions.map((m) => ({ id: m.id, seq: m.seq, title: m.title, fullText: m.fullText, kind: m.kind, options: m.options })),
        },
      });
      return { ...vote, status: 'noticed' } as AssemblyVote;
    });
    await this.closing.scheduleClose(vote);
    return this.get(communityId, voteId);
  }

  async get(communityId: string, voteId: string) {
    const vote = await this.dataSource.getRepository(AssemblyVote).findOneBy({ id: voteId, communityId });
    if (!vote) throw new NotFound('表决 vote');
    const motions = await this.dataSource.getRepository(Motion).find({ where: { voteId }, order: { seq: 'ASC' } });
    const now = this.clock.now();
    return { ...vote, isOpen: vote.status === 'noticed' && vote.opensAt <= now && now < vote.closesAt, motions };
  }

  async listForItem(communityId: string, itemId: string) {
    return this.dataSource.getRepository(AssemblyVote).find({ where: { communityId, agendaItemId: itemId } });
  }

  async lockVote(
    manager: EntityManager,
    communityId: string,
    voteId: string,
    mode: 'pessimistic_write' | 'pessimistic_read' = 'pessimistic_write',
  ): Promise<AssemblyVote> {
    const vote = await manager.findOne(AssemblyVote, { where: { id: voteId, communityId }, lock: { mode } });
    if (!vote) throw new NotFound('表决 vote');
    return vote;
  }

  /** One elector per voter (headcount rules), with the summed area of the units they vote for. */
  private async freezeRoll(manager: EntityManager, communityId: string, voteId: string, countParkingAsArea: boolean) {
    const units = await this.registry.voterUnits(communityId, manager);
    const byId = new Map(units.map((u) => [u.unitId, u]));
    const groups = groupUnitsByVoter(units, { countParkingAsArea });
    const rows = [...groups.entries()].map(([voterKey, group]) => {
      const members = group.unitIds.map((id) => byId.get(id)!);
      const developer = voterKey === 'developer';
      const ownerId = developer || voterKey.startsWith('unit:') ? null : voterKey;
      return {
        communityId,
        voteId,
        voterKey,
        ownerId,
        name: developer ? '建设单位' : (members[0].ownerName ?? '（未登记业主）'),
        areaHundredths: group.areaHundredths.toString(),
        unitNumbers: members.map((m) => m.number),
        buildings: [...new Set(members.map((m) => m.building))],
      };
    });
    for (let i = 0; i < rows.length; i += 1000) await manager.insert(Elector, rows.slice(i, i + 1000));
    return { count: rows.length, area: [...groups.values()].reduce((sum, g) => sum + g.areaHundredths, 0n) };
  }
}
