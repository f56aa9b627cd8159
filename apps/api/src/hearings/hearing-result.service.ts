import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MINUTES_TYPE } from '@gongyi/pdf/templates/minutes';
import { formatFen } from '@gongyi/pdf/money';
import { assertPanel } from '@gongyi/domain/hearings/panel';
import { rankBids, shortlist } from '@gongyi/domain/hearings/ranking';
import { objectionEndsAt } from '@gongyi/domain/hearings/tender';
import { DataSource, In } from 'typeorm';
import { Conflict } from '../common/app-error';
import { Clock } from '../common/clock';
import { AgendaService } from '../agenda/agenda.service';
import { DocumentsService } from '../documents/documents.service';
import { COMMUNITY_STAFF } from '../identity/roles';
import { RecordService } from '../record/record.service';
import { RegistryService } from '../registry/registry.service';
import { RulebookService } from '../rulebook/rulebook.service';
import { PublishResultDto } from './dto/hearing.dto';
import { Hearing, type ShortlistEntry } from './entities/hearing.entity';
import { Invitation } from './entities/invitation.entity';
import { PanelMember } from './entities/panel-member.entity';
import { Score } from './entities/score.entity';
import { findHearing, findVisibleHearing, openedBids, type Viewer } from './hearing-access';
import { hearingMinutesInput, supervisorOf } from './hearing-document';

const DEFAULT_SHORTLIST = 3;

/**
 * Publishing the result: the weighted ranking over every sitting member's sheet, the shortlist, attendance and
 * minutes, the objection period from the item's rulebook, and the minutes registered with the documents engine
 * (numbered draft awaiting the committee seal) — all in one transaction with the record entry.
 */
@Injectable()
export class HearingResultService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly agenda: AgendaService,
    private readonly rulebook: RulebookService,
    private readonly registry: RegistryService,
    private readonly documents: DocumentsService,
    private readonly record: RecordService,
  ) {}

  async publish(actorId: string, communityId: string, hearingId: string, input: PublishResultDto) {
    return this.dataSource.transaction(async (manager) => {
      const hearing = await findHearing(manager, communityId, hearingId, 'pessimistic_write');
      if (hearing.status !== 'opened')
        throw new Conflict('只能在开标后公示一次评审结果 (the result can be published once, after the opening)', 'not_scoring');
      const panel = await manager.find(PanelMember, { where: { hearingId }, order: { kind: 'ASC', name: 'ASC' } });
      assertPanel(panel, 'conflict');
      const sitting = panel.filter((m) => !m.recused);
      const scores = await manager.findBy(Score, { hearingId, memberId: In(sitting.map((m) => m.id)) });
      const missing = sitting.filter((m) => !m.declaredAt || !scores.some((s) => s.memberId === m.id));
      if (missing.length) {
        throw new Conflict(`尚有评审未申报或未评分：${missing.map((m) => m.name).join('、')} (scores incomplete)`, 'scores_incomplete', {
          missing: missing.map((m) => m.id),
        });
      }
      const bids = await openedBids(manager, hearingId);
      const names = new Map((await manager.findBy(Invitation, { hearingId })).map((i) => [i.vendorUserId, i.vendorName]));
      const byId = new Map(bids.map((b) => [b.id, b]));
      const ranked = rankBids({
        criteria: hearing.criteria,
        bids: bids.map((b) => ({ bidId: b.id, amountFen: BigInt(b.amountFen!) })),
        scores,
      });
      const ranking = ranked.map((r) => {
        const bid = byId.get(r.bidId)!;
        return {
          bidId: r.bidId,
          vendorName: names.get(bid.vendorUserId) ?? '',
          rank: r.rank,
          mean: r.mean,
          weightedSum: r.weightedSum.toString(),
          scorers: r.scorers,
          amountFen: bid.amountFen!,
          warrantyMonths: bid.warrantyMonths!,
          deliveryDays: bid.deliveryDays!,
          criteria: r.criteria.map((c) => ({ key: c.key, mean: c.mean })),
        };
      });
      const size = input.shortlistSize ?? DEFAULT_SHORTLIST;
      const chosen: ShortlistEntry[] = shortlist(ranking, size).map((r) => ({
        bidId: r.bidId,
        // The bid's own id (hex without dashes, 32 characters): the owners' choice names the bid itself.
        optionId: r.bidId.replace(/-/g, ''),
        rank: r.rank,
        label: `${r.vendorName}：${formatFen(r.amountFen)}，质保 ${r.warrantyMonths} 个月，工期 ${r.deliveryDays} 天`,
      }));
      const [item, community] = await Promise.all([
        this.agenda.get(communityId, hearing.agendaItemId),
        this.registry.getCommunity(communityId),
      ]);
      const rules = await this.rulebook.version(communityId, item.rulebookVersion, manager);
      const now = this.clock.now();
      const objectionEnds = objectionEndsAt(now, rules.settings.objectionDays);
      const heldAt = new Date(input.heldAt);
      const scoredAt = new Map(scores.map((s) => [s.memberId, s.submittedAt]));
      const supervisor = input.supervisor?.trim() || (await supervisorOf(manager, communityId, community.name));
      const document = await this.documents.renderAndRegister(manager, communityId, {
        type: MINUTES_TYPE,
        title: `听证会评审结果公示：${hearing.title}`,
        sourceType: 'hearing',
        sourceId: hearingId,
        agendaItemId: hearing.agendaItemId,
        input: hearingMinutesInput({
          communityName: community.name,
          itemTitle: item.title,
          hearing: { title: hearing.title, place: hearing.place, openedAt: hearing.openedAt!, criteria: hearing.criteria },
          heldAt,
          minutes: input.minutes,
          publishedAt: now,
          objectionEndsAt: objectionEnds,
          panel: panel.map((m) => ({
            name: m.name,
            kind: m.kind,
            recused: m.recused,
            conflict: m.conflict,
            scoredAt: scoredAt.get(m.id) ?? null,
          })),
          ranking,
          shortlist: chosen,
          supervisor,
          sheets: sitting.map((m) => ({
            name: m.name,
            kind: m.kind,
            submittedAt: scoredAt.get(m.id) ?? null,
            scores: scores.filter((s) => s.memberId === m.id).map((s) => ({ bidId: s.bidId, criterion: s.criterion, score: s.score })),
          })),
          bids: ranking.map((r) => ({ bidId: r.bidId, vendorName: r.vendorName })),
        }),
        requiredSeals: ['committee'],
        actorId,
      });
      const result = {
        heldAt: heldAt.toISOString(),
        minutes: input.minutes,
        criteria: hearing.criteria,
        ranking,
        attendance: panel.map((m) => ({
          memberId: m.id,
          name: m.name,
          kind: m.kind,
          status: m.recused ? 'recused' : 'present',
          conflict: m.conflict,
        })),
        sheets: sitting.map((m) => ({
          memberId: m.id,
          name: m.name,
          kind: m.kind,
          scores: scores.filter((s) => s.memberId === m.id).map((s) => ({ bidId: s.bidId, criterion: s.criterion, score: s.score })),
        })),
        shortlistSize: size,
        supervisor,
        objectionDays: rules.settings.objectionDays,
        rulebookVersion: rules.version,
        document: { id: document.id, number: document.number },
      };
      await manager.update(
        Hearing,
        { id: hearingId },
        { status: 'result_published', result, resultPublishedAt: now, objectionEndsAt: objectionEnds, shortlist: chosen },
      );
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'hearing.result_published',
        subjectType: 'hearing',
        subjectId: hearingId,
        payload: { publishedAt: now, objectionEndsAt: objectionEnds, result, shortlist: chosen },
      });
      return manager.findOneByOrFail(Hearing, { id: hearingId });
    });
  }

  /**
   * The result as the documents engine renders it: the sealed file once the committee seal is applied; before
   * that the draft, to staff only, as the engine shows drafts.
   */
  async pdf(communityId: string, hearingId: string, viewer: Viewer): Promise<{ bytes: Buffer; filename: string }> {
    const { hearing } = await findVisibleHearing(this.dataSource.manager, communityId, hearingId, viewer);
    const document = (hearing.result as { document?: { id: string } } | null)?.document;
    if (hearing.status !== 'result_published' || !document)
      throw new Conflict('评审结果尚未公示 (the result is not published)', 'result_not_published');
    const staff = viewer.isAdmin || viewer.roles.some((r) => COMMUNITY_STAFF.includes(r));
    const meta = await this.documents.get(communityId, document.id);
    if (meta.status === 'final') return this.documents.finalFile(communityId, document.id);
    if (!staff) throw new Conflict('评审结果公示文书尚待业委会用章 (the result document awaits the committee seal)', 'document_not_final');
    return this.documents.preview(communityId, document.id);
  }
}
