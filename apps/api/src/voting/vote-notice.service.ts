import { formatArea } from '@gongyi/domain/area';
import { assertElectorate, describeElectorate, WHOLE_COMMUNITY } from '@gongyi/domain/voting/electorate';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { groupUnitsByVoter } from '@gongyi/domain/registry/headcount';
import { assertNoticePeriod, assertVotingWindow, noticeDaysFor } from '@gongyi/domain/voting/notice';
import { assertNoticeDetails, assertSealedInTime } from '@gongyi/domain/voting/notice-details';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { Conflict, Invalid, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { AgendaService } from '../agenda/agenda.service';
import { WorkNotices } from '../notifications/work-notices';
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

/** Told, inside the transaction, when an unsealed notice's window moved (the notice document follows it). */
export type RescheduledListener = (manager: EntityManager, vote: AssemblyVote, actorId: string) => Promise<void>;

/** Told, inside the publish transaction, that a notice was published (its document and seal request follow). */
export type PublishedListener = (manager: EntityManager, vote: AssemblyVote, actorId: string) => Promise<void>;

/**
 * The assembly notice (公告): drafted with its motions while the item is at the
 * assembly-vote stage, then published at least the rulebook's notice days
 * before voting opens. Publishing freezes the motions and the electoral roll,
 * tells the residents' committee and schedules the close.
 */
/** The 监票人/计票人 a draft names (as the record keeps them). */
const namedOfficers = (input: Pick<CreateVoteDto, 'noticeDetails'>) => ({
  scrutineers: (input.noticeDetails?.scrutineers ?? []).map((n) => n.trim()),
  tellers: (input.noticeDetails?.tellers ?? []).map((n) => n.trim()),
});

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
    private readonly work: WorkNotices,
    private readonly closing: VoteClosingService,
  ) {}

  private readonly rescheduled: RescheduledListener[] = [];

  onRescheduled(listener: RescheduledListener): void {
    this.rescheduled.push(listener);
  }

  private readonly published: PublishedListener[] = [];

  /** Publishing is the sealing: the listener registers the notice and requests its seals in the same transaction. */
  onPublished(listener: PublishedListener): void {
    this.published.push(listener);
  }

  /** The checks a draft's content passes, on creation and on every edit. */
  private checkDraft(input: CreateVoteDto): { opensAt: Date; closesAt: Date } {
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
    assertNoticeDetails(input.noticeDetails, opensAt, closesAt);
    return { opensAt, closesAt };
  }

  async createDraft(actorId: string, communityId: string, itemId: string, input: CreateVoteDto): Promise<AssemblyVote> {
    const { opensAt, closesAt } = this.checkDraft(input);
    const electorate = assertElectorate(input.electorate);
    return this.dataSource.transaction(async (manager) => {
      await this.registry.assertElectorateBuildings(communityId, electorate, manager);
      const item = await this.agenda.lockAtStage(manager, communityId, itemId, VOTE_STAGE);
      // Earlier votes of the item that closed (e.g. failed) are history; only an undecided one blocks a new draft.
      const existing = await manager.findOneBy(AssemblyVote, { agendaItemId: itemId, status: In(['draft', 'noticed']) });
      if (existing) throw new Conflict('该议题已有尚未结束的业主大会表决 (this item already has an open assembly vote)', 'vote_exists');
      // A closed vote decides the item only with its final result (after the objection period); until then no new vote.
      const undecided = await manager.findOneBy(AssemblyVote, { agendaItemId: itemId, status: 'closed', finalIssuedAt: IsNull() });
      if (undecided) throw new Conflict('该议题上一次表决的结果公告尚未发布（询异期后发布），发布后才能再次表决', 'final_result_pending');
      const vote = await manager.save(AssemblyVote, {
        communityId,
        agendaItemId: itemId,
        title: input.title,
        method: input.method,
        channels: input.channels,
        interim: input.interim ?? false,
        electorate,
        opensAt,
        closesAt,
        noticeDetails: { ...(input.noticeDetails ?? {}) },
        status: 'draft',
        createdBy: actorId,
      });
      await this.saveMotions(manager, communityId, vote.id, item.category, input.motions);
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'voting.vote_drafted',
        subjectType: 'assembly_vote',
        subjectId: vote.id,
        // 监票人/计票人 are named in the record, not only on the notice.
        payload: { agendaItemId: itemId, title: input.title, motions: input.motions.length, opensAt, closesAt, ...namedOfficers(input) },
      });
      return vote;
    });
  }

  /** A draft's motions, numbered in order; each carries the item's matter category (the threshold it is counted by). */
  private saveMotions(manager: EntityManager, communityId: string, voteId: string, category: string, motions: CreateVoteDto['motions']) {
    return manager.save(
      Motion,
      motions.map((m, i) => ({
        communityId,
        voteId,
        seq: i + 1,
        title: m.title,
        fullText: m.fullText,
        category,
        kind: m.kind,
        options: m.options ?? [],
      })),
    );
  }

  /** Replaces a draft's title, window, channels and motions; only while it is a draft (nothing published yet). */
  async updateDraft(actorId: string, communityId: string, voteId: string, input: CreateVoteDto): Promise<AssemblyVote> {
    const { opensAt, closesAt } = this.checkDraft(input);
    const electorate = assertElectorate(input.electorate);
    return this.dataSource.transaction(async (manager) => {
      await this.registry.assertElectorateBuildings(communityId, electorate, manager);
      const vote = await this.lockVote(manager, communityId, voteId);
      if (vote.status !== 'draft') throw new Conflict('公告已发布，表决不能再修改', 'notice_published');
      const item = await this.agenda.lockAtStage(manager, communityId, vote.agendaItemId, VOTE_STAGE);
      await manager.delete(Motion, { voteId: vote.id });
      await manager.update(
        AssemblyVote,
        { id: vote.id },
        {
          title: input.title,
          method: input.method,
          channels: input.channels,
          interim: input.interim ?? false,
          electorate,
          opensAt,
          closesAt,
          noticeDetails: { ...(input.noticeDetails ?? {}) },
        },
      );
      await this.saveMotions(manager, communityId, vote.id, item.category, input.motions);
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'voting.draft_updated',
        subjectType: 'assembly_vote',
        subjectId: vote.id,
        payload: {
          agendaItemId: vote.agendaItemId,
          title: input.title,
          motions: input.motions.length,
          opensAt,
          closesAt,
          ...namedOfficers(input),
        },
      });
      return manager.findOneByOrFail(AssemblyVote, { id: vote.id });
    });
  }

  /** Deletes a draft that was never published; the record keeps that it existed and was withdrawn. */
  async deleteDraft(actorId: string, communityId: string, voteId: string): Promise<{ deleted: true }> {
    return this.dataSource.transaction(async (manager) => {
      const vote = await this.lockVote(manager, communityId, voteId);
      if (vote.status !== 'draft') throw new Conflict('公告已发布，表决不能删除', 'notice_published');
      const [doc] = await manager.query<{ number: string }[]>(
        'SELECT number FROM documents WHERE community_id = $1 AND source_id = $2 LIMIT 1',
        [communityId, vote.id],
      );
      if (doc) throw new Conflict(`该草稿已生成文书 ${doc.number}，不能删除`, 'draft_has_document');
      await manager.delete(Motion, { voteId: vote.id });
      await manager.delete(AssemblyVote, { id: vote.id });
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'voting.draft_deleted',
        subjectType: 'assembly_vote',
        subjectId: vote.id,
        payload: { agendaItemId: vote.agendaItemId, title: vote.title },
      });
      return { deleted: true as const };
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

      const electors = await this.freezeRoll(manager, communityId, vote, rules.settings.countParkingAsArea);
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
        body: `投票时间 ${await this.work.when(manager, communityId, vote.opensAt)} 至 ${await this.work.when(manager, communityId, vote.closesAt)}；议案 ${motions.length} 项：${motions.map((m) => m.title).join('；')}`,
        subjectType: 'assembly_vote',
        subjectId: vote.id,
      });
      await this.work.voteNoticed(manager, vote);
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
          // The notice names them; so does its record entry.
          ...namedOfficers(vote),
          motions: motions.map((m) => ({ id: m.id, seq: m.seq, title: m.title, fullText: m.fullText, kind: m.kind, options: m.options })),
        },
      });
      const noticed = Object.assign(vote, { status: 'noticed', noticedAt: now, rulebookVersion: rules.version }) as AssemblyVote;
      for (const listener of this.published) await listener(manager, noticed, actorId);
      return noticed;
    });
    await this.closing.scheduleClose(vote);
    return this.get(communityId, voteId);
  }

  /**
   * Moves the voting window of a published notice that is not sealed yet: until it is sealed it is not public, so
   * moving the window is how a notice that can no longer be sealed in time is saved. The motions and the roll stay.
   */
  async reschedule(actorId: string, communityId: string, voteId: string, window: { opensAt: string; closesAt: string }) {
    const opensAt = new Date(window.opensAt);
    const closesAt = new Date(window.closesAt);
    if (closesAt <= opensAt) throw new Invalid('投票截止时间必须晚于开始时间 (closesAt must be after opensAt)', 'invalid_window');
    const vote = await this.dataSource.transaction(async (manager) => {
      const vote = await this.lockVote(manager, communityId, voteId);
      if (vote.status === 'draft') throw new Conflict('公告尚未发布：请直接修改草稿', 'vote_not_noticed');
      if (vote.status !== 'noticed' || vote.noticeSealedAt) throw new Conflict('公告已用章发布，投票时间不能再改', 'notice_sealed');
      const rules = await this.rulebook.version(communityId, vote.rulebookVersion!, manager);
      const [{ time_zone: timeZone }] = await manager.query<{ time_zone: string }[]>('SELECT time_zone FROM communities WHERE id = $1', [
        communityId,
      ]);
      const noticeRules = { ...rules.settings, timeZone };
      // The notice will be dated the day it is sealed, at the earliest today.
      assertNoticePeriod(this.clock.now(), opensAt, vote.interim ? 'interim' : 'regular', noticeRules);
      assertVotingWindow(opensAt, closesAt, noticeRules);
      assertNoticeDetails(vote.noticeDetails, opensAt, closesAt);
      await manager.update(AssemblyVote, { id: vote.id }, { opensAt, closesAt });
      const moved = Object.assign(vote, { opensAt, closesAt });
      for (const listener of this.rescheduled) await listener(manager, moved, actorId);
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'voting.notice_rescheduled',
        subjectType: 'assembly_vote',
        subjectId: vote.id,
        payload: { title: vote.title, opensAt, closesAt },
      });
      return moved;
    });
    // The close job of the old window finds the vote not due and re-schedules itself; this one is for the new time.
    await this.closing.scheduleClose(vote, `${vote.id}:${closesAt.getTime()}`);
    return this.get(communityId, voteId);
  }

  /**
   * Publishing is the sealing: called before each seal goes on the vote's notice. The notice counts from the day
   * it is sealed, so a seal later than the notice period before voting opens is refused (the window must move).
   */
  async assertSealable(manager: EntityManager, communityId: string, voteId: string, at: Date): Promise<void> {
    const vote = await this.lockVote(manager, communityId, voteId, 'pessimistic_read');
    const rules = await this.rulebook.version(communityId, vote.rulebookVersion!, manager);
    const [{ time_zone: timeZone }] = await manager.query<{ time_zone: string }[]>('SELECT time_zone FROM communities WHERE id = $1', [
      communityId,
    ]);
    assertSealedInTime(at, vote.opensAt, vote.interim ? 'interim' : 'regular', { ...rules.settings, timeZone });
  }

  /** The notice is sealed (final): from now on it is public, and this is its date. */
  async markSealed(manager: EntityManager, communityId: string, voteId: string, at: Date): Promise<void> {
    await manager.update(AssemblyVote, { id: voteId, communityId }, { noticeSealedAt: at });
  }

  async get(communityId: string, voteId: string, manager: EntityManager = this.dataSource.manager) {
    const vote = await manager.getRepository(AssemblyVote).findOneBy({ id: voteId, communityId });
    if (!vote) throw new NotFound('表决 vote');
    const motions = await manager.getRepository(Motion).find({ where: { voteId }, order: { seq: 'ASC' } });
    const now = this.clock.now();
    return {
      ...vote,
      isOpen: vote.status === 'noticed' && vote.noticeSealedAt !== null && vote.opensAt <= now && now < vote.closesAt,
      motions,
    };
  }

  /**
   * The base figures of a vote: once noticed, the frozen roll's; before, what the roll would be now — both from
   * RegistryService.totals with the vote's electorate and its rulebook's parking setting.
   */
  async totals(communityId: string, voteId: string) {
    const vote = await this.dataSource.getRepository(AssemblyVote).findOneBy({ id: voteId, communityId });
    if (!vote) throw new NotFound('表决 vote');
    const [item] = await this.dataSource.query<{ rulebook_version: number }[]>('SELECT rulebook_version FROM agenda_items WHERE id = $1', [
      vote.agendaItemId,
    ]);
    const rules = await this.rulebook.version(communityId, vote.rulebookVersion ?? item.rulebook_version);
    const electorate = vote.electorate ?? WHOLE_COMMUNITY;
    const totals = await this.registry.totals(communityId, { countParkingAsArea: rules.settings.countParkingAsArea, electorate });
    const buildings = await this.registry.buildings(communityId);
    const name = (id: string) => buildings.find((b) => b.id === id)?.name ?? '（未知楼栋）';
    const frozen = vote.status !== 'draft';
    if (frozen) {
      // After the notice the roll is frozen: its figures are the ones the tally divides by.
      const area = BigInt(vote.totalAreaHundredths!);
      Object.assign(totals, {
        totalArea: formatArea(area),
        totalHeadcount: vote.totalHeadcount!,
        twoThirdsArea: formatArea((area * 2n + 2n) / 3n),
        twoThirdsHeadcount: Math.ceil((vote.totalHeadcount! * 2) / 3),
      });
    }
    return {
      ...totals,
      frozen,
      electorate,
      electorateText: describeElectorate(electorate, name),
    };
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
  private async freezeRoll(manager: EntityManager, communityId: string, vote: AssemblyVote, countParkingAsArea: boolean) {
    const voteId = vote.id;
    // The same units RegistryService.totals counts for this electorate, so the notice, roll and tally agree.
    const units = await this.registry.electorateVoterUnits(communityId, vote.electorate ?? WHOLE_COMMUNITY, manager);
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
