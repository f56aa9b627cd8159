import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ASSEMBLY_NOTICE_TYPE,
  MINUTES_TYPE,
  RESOLUTION_TYPE,
  STAGE_NAMES,
  formatAreaHundredths,
  type AssemblyNoticeInput,
  type ChainStage,
  type ExecutionReportDetails,
  type MeetingMinutesInput,
  type MinutesSignature,
} from '@gongyi/pdf';
import { MATTER_LABELS_ZH, thresholdKindFor, type MatterCategory } from '@gongyi/domain/voting/matter';
import { passingRule } from '@gongyi/domain/voting/thresholds';
import { BALLOT_CHOICE_LABELS_ZH, ROLE_LABELS_ZH, SEAL_KIND_FULL_NAMES_ZH, VOTE_CHANNEL_LABELS_ZH } from '@gongyi/domain/labels';
import { confirmsMinutes } from '@gongyi/domain/minutes/kinds';
import { minutesStatus, type ConfirmationKind } from '@gongyi/domain/minutes/confirmation';
import { noticeDetailsFor } from '@gongyi/domain/voting/notice-details';
import { DataSource, EntityManager } from 'typeorm';
import { AgendaService } from '../agenda/agenda.service';
import { AgendaItem } from '../agenda/entities/agenda-item.entity';
import { Meeting } from '../agenda/entities/meeting.entity';
import { Conflict, NotFound } from '../common/app-error';
import { RegistryService } from '../registry/registry.service';
import { RulebookService } from '../rulebook/rulebook.service';
import { itemDecision } from '../seals/seal-requests.service';
import { VoteNoticeService } from '../voting/vote-notice.service';
import { DOCUMENT_NUMBER_LOCK, DocumentsService, type RegisterDocument } from './documents.service';
import { Document } from './entities/document.entity';

export const SOURCE_DOCUMENT_TYPES = [ASSEMBLY_NOTICE_TYPE, MINUTES_TYPE, RESOLUTION_TYPE] as const;
export type SourceDocumentType = (typeof SOURCE_DOCUMENT_TYPES)[number];

const CHANNELS = VOTE_CHANNEL_LABELS_ZH;

interface Opinion {
  representative: string;
  for: number;
  against: number;
  concerns?: string;
}

/** Builds template inputs from what other contexts recorded (a vote, a meeting, a closed vote) and registers them. */
@Injectable()
export class DocumentSourcesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly agenda: AgendaService,
    private readonly notices: VoteNoticeService,
    private readonly registry: RegistryService,
    private readonly rulebook: RulebookService,
  ) {}

  /** Publishing is the sealing: the notice is sealed in time or not at all, and is public from its sealing. */
  onModuleInit(): void {
    this.documents.onSealing('assembly_vote', async (manager, document, at) => {
      // A notice registered without a vote (samples) has no window to check.
      if (document.type === ASSEMBLY_NOTICE_TYPE && document.sourceId)
        await this.notices.assertSealable(manager, document.communityId, document.sourceId!, at);
    });
    this.documents.onFinalised('assembly_vote', async (manager, document) => {
      if (document.type === ASSEMBLY_NOTICE_TYPE && document.sourceId)
        await this.notices.markSealed(manager, document.communityId, document.sourceId!, document.finalisedAt!);
    });
    // The window of an unsealed notice moved: its registered draft follows, unless a seal is already on it.
    this.notices.onRescheduled(async (manager, vote, actorId) => {
      const document = await manager.findOne(Document, {
        where: { communityId: vote.communityId, type: ASSEMBLY_NOTICE_TYPE, sourceId: vote.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!document) return;
      const [applied] = await manager.query<{ kind: string }[]>(
        `SELECT l.seal_kind AS kind FROM seal_log_entries l JOIN seal_requests r ON r.id = l.request_id
         WHERE r.document_id = $1 AND r.status = 'pending' AND l.outcome = 'applied' LIMIT 1`,
        [document.id],
      );
      if (applied)
        throw new Conflict(
          `公告 ${document.number} 已加盖${SEAL_KIND_FULL_NAMES_ZH[applied.kind as keyof typeof SEAL_KIND_FULL_NAMES_ZH]}：请该印章保管人先拒绝当前用章申请，再调整投票时间`,
          'notice_partly_sealed',
        );
      const spec = await this.notice(vote.communityId, vote.id, manager);
      await this.documents.reviseDraft(manager, document, spec.input, actorId);
    });
  }

  /** Registers the document of a source; with `inTx`, in the caller's transaction (the notice, by publishing). */
  async create(actorId: string, communityId: string, type: SourceDocumentType, sourceId: string, inTx?: EntityManager): Promise<Document> {
    const spec =
      type === ASSEMBLY_NOTICE_TYPE
        ? await this.notice(communityId, sourceId, inTx)
        : type === MINUTES_TYPE
          ? await this.minutes(communityId, sourceId, inTx)
          : this.resolution();
    const run = <T>(work: (manager: EntityManager) => Promise<T>) => (inTx ? work(inTx) : this.dataSource.transaction(work));
    return run(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [DOCUMENT_NUMBER_LOCK, communityId]);
      const existing = await manager.findOne(Document, {
        where: { communityId, type, sourceId, sourceType: spec.sourceType },
        select: { id: true, number: true },
      });
      if (existing) {
        throw new Conflict(`已为该来源生成文书 ${existing.number} (a document already exists for this source)`, 'document_exists', {
          documentId: existing.id,
          number: existing.number,
        });
      }
      return this.documents.renderAndRegister(manager, communityId, { ...spec, actorId });
    });
  }

  private async notice(communityId: string, voteId: string, manager?: EntityManager): Promise<Omit<RegisterDocument, 'actorId'>> {
    const vote = await this.notices.get(communityId, voteId, manager);
    if (vote.status === 'draft') throw new Conflict('公告尚未发布 (notice not yet published)', 'vote_not_noticed');
    const { name, district, timeZone } = await this.registry.getCommunity(communityId);
    const totals = await this.notices.totals(communityId, voteId);
    const rules = await this.rulebook.version(communityId, vote.rulebookVersion!);
    const d = noticeDetailsFor(vote.noticeDetails, {
      communityName: name,
      district,
      closesAt: vote.closesAt,
      channels: vote.channels,
      proxyCap: rules.settings.proxyCap,
      timeZone,
    });
    const input: AssemblyNoticeInput = {
      communityName: name,
      meetingTitle: vote.title,
      votingOpensAt: vote.opensAt,
      votingClosesAt: vote.closesAt,
      methods: vote.channels.map((c) => CHANNELS[c] ?? c),
      channelDetails: [vote.method],
      motions: vote.motions.map((m) => ({
        title: m.title,
        fullText: m.fullText,
        thresholdText: this.thresholdText(m.category),
        options: m.kind === 'options' ? m.options.map((o) => `${o.id}. ${o.label}`) : undefined,
      })),
      noticeDate: vote.noticedAt!,
      contact: { name: `${name}业主委员会` },
      notes: vote.interim ? ['本次为临时业主大会会议。'] : undefined,
      base: {
        electorate: totals.electorateText,
        // The frozen roll's figures: the same the tally divides by.
        totalArea: formatAreaHundredths(vote.totalAreaHundredths!),
        totalHeadcount: vote.totalHeadcount!,
        twoThirdsArea: formatAreaHundredths(((BigInt(vote.totalAreaHundredths!) * 2n + 2n) / 3n).toString()),
        twoThirdsHeadcount: Math.ceil((vote.totalHeadcount! * 2) / 3),
        countParkingAsArea: totals.countParkingAsArea,
      },
      practical: {
        paperReturn: vote.channels.includes('paper') ? { place: d.paperReturnPlace, deadline: d.paperReturnDeadline } : undefined,
        proxyProcedure: vote.channels.includes('proxy') ? d.proxyProcedure : undefined,
        countingAt: d.countingAt,
        countingPlace: d.countingPlace,
        scrutineers: d.scrutineers,
        tellers: d.tellers,
        supervision: d.supervision,
        resultAnnouncementDate: d.resultAnnouncementDate,
        contacts: d.contacts,
        copyTo: d.copyTo,
      },
    };
    return {
      type: ASSEMBLY_NOTICE_TYPE,
      title: `${vote.title}会议公告`,
      sourceType: 'assembly_vote',
      sourceId: voteId,
      agendaItemId: vote.agendaItemId,
      input,
    };
  }

  /**
   * The minutes document of a meeting whose record the attendees confirm: registered when missing, its input
   * refreshed with the confirmations so far, and made final (no seal) once `final`. Runs in the caller's transaction.
   */
  async syncMinutesDocument(manager: EntityManager, communityId: string, meetingId: string, actorId: string, final: boolean) {
    await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [DOCUMENT_NUMBER_LOCK, communityId]);
    const spec = await this.minutes(communityId, meetingId, manager);
    let doc = await manager.findOne(Document, { where: { communityId, type: MINUTES_TYPE, sourceId: meetingId } });
    if (!doc && !final) return null;
    if (!doc) doc = await this.documents.renderAndRegister(manager, communityId, { ...spec, actorId });
    else if (doc.status === 'draft') doc = await this.documents.updateDraftInput(manager, doc, spec.input);
    else return doc;
    return final ? this.documents.finaliseUnsealed(manager, doc, actorId) : doc;
  }

  private async minutes(
    communityId: string,
    meetingId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Omit<RegisterDocument, 'actorId'>> {
    const meeting = await manager.findOneBy(Meeting, { id: meetingId, communityId });
    if (!meeting) throw new NotFound('会议 meeting');
    const item = await manager.findOneByOrFail(AgendaItem, { id: meeting.agendaItemId, communityId });
    const { name } = await this.registry.getCommunity(communityId);
    const [recorder] = await manager.query<{ display_name: string }[]>('SELECT display_name FROM users WHERE id = $1', [
      meeting.recordedBy,
    ]);
    const stage = meeting.stage as ChainStage;
    const outcome = meeting.outcome as MeetingMinutesInput['outcome']['decision'];
    const details = meeting.details as {
      opinions?: Opinion[];
      plan?: string;
      options?: string[];
      resolutionText?: string;
      memberVotes?: { userId: string; vote?: string; present: boolean; signed?: boolean }[];
      decision?: { rule: string; memberCount: number; requiredYes: number; yes: number; no: number; abstain: number; reasonZh: string };
    };
    const attendees = meeting.attendees.map((a) => ({ name: a.name, role: a.party, present: a.present }));
    const base = {
      communityName: name,
      stage,
      meetingTitle: `议题第${item.seq}号${STAGE_NAMES[stage]}`,
      agendaItemTitle: item.title,
      startedAt: meeting.heldAt,
      place: meeting.place,
      chair: meeting.chair || '—',
      recorder: recorder?.display_name ?? '—',
      agenda: [`议题第${item.seq}号：${item.title}`],
      discussion: meeting.minutes,
      opinions: details.opinions?.map((o) => ({
        speaker: o.representative,
        role: ROLE_LABELS_ZH.representative,
        stance: `赞成${o.for}户、反对${o.against}户`,
        content: o.concerns || '无其他意见',
      })),
    };
    let input: MeetingMinutesInput;
    if (stage === 'committee_resolution' && details.memberVotes && details.decision) {
      // 业委会决议: members only (应到/实到 from the committee), each member's vote, the rule, the resolution text.
      const ids = details.memberVotes.map((v) => v.userId);
      const users = await this.dataSource.query<{ id: string; display_name: string }[]>(
        'SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])',
        [ids],
      );
      const nameOf = (id: string) => users.find((u) => u.id === id)?.display_name ?? '（委员）';
      const memberNames = new Set(ids.map(nameOf));
      const d = details.decision;
      const voteText: Record<string, string> = BALLOT_CHOICE_LABELS_ZH;
      input = {
        ...base,
        documentTitle: `${name}业主委员会决议`,
        attendees: details.memberVotes.map((v) => ({ name: nameOf(v.userId), role: ROLE_LABELS_ZH.committee_member, present: v.present })),
        observers: attendees.filter((a) => a.present && !memberNames.has(a.name)),
        memberVotes: details.memberVotes.map((v) => ({ name: nameOf(v.userId), present: v.present, vote: voteText[v.vote ?? 'abstain'] })),
        rule:
          d.rule === 'national'
            ? `全体委员半数以上同意（${d.memberCount} 名委员中至少 ${d.requiredYes} 人）`
            : `全体委员过半数同意（${d.memberCount} 名委员中至少 ${d.requiredYes} 人）`,
        outcome: { decision: outcome, text: meeting.outcomeReason || d.reasonZh, votes: { for: d.yes, against: d.no, abstain: d.abstain } },
        resolutionText: outcome === 'advance' ? details.resolutionText || `同意「${item.title}」：${item.description}` : undefined,
        publicationNote: '本决议自作出之日起 3 日内在小区公告栏及本平台公布。',
        signatures: details.memberVotes
          .filter((v) => v.present)
          .map((v) => ({
            name: nameOf(v.userId),
            role: ROLE_LABELS_ZH.committee_member,
            ...(v.signed ? { confirmedAt: meeting.heldAt } : {}),
          })),
      };
    } else if (stage === 'execution') {
      // 决定执行情况报告: a report (the property company's progress, the committee's acceptance), not minutes.
      input = {
        ...base,
        attendees,
        outcome: { decision: outcome, text: meeting.outcomeReason || '' },
        signatures: [],
        executionReport: await this.executionReport(manager, communityId, item, meeting, recorder?.display_name ?? '—'),
      };
    } else {
      input = {
        ...base,
        attendees,
        plan: details.plan ? { text: details.plan, options: details.options } : undefined,
        // No invented consensus: only the recorded reason, if any.
        outcome: { decision: outcome, text: meeting.outcomeReason || '' },
        signatures: confirmsMinutes(stage)
          ? await this.confirmations(manager, meeting)
          : attendees.filter((a) => a.present).map((a) => ({ name: a.name, role: a.role })),
      };
    }
    return {
      type: MINUTES_TYPE,
      title:
        stage === 'committee_resolution'
          ? `${item.title}业主委员会决议`
          : stage === 'execution'
            ? `${item.title}决定执行情况报告`
            : `${item.title}${STAGE_NAMES[stage]}纪要`,
      sourceType: 'meeting',
      sourceId: meetingId,
      agendaItemId: item.id,
      input,
    };
  }

  /**
   * The execution stage's report: who did the work (the progress reports' authors), the decision executed, the
   * period, budget, progress, the acceptance recorded by the committee, the item's final documents as 附件, and who
   * submitted and who accepted, with the times.
   */
  private async executionReport(
    manager: EntityManager,
    communityId: string,
    item: AgendaItem,
    meeting: Meeting,
    recorderName: string,
  ): Promise<ExecutionReportDetails> {
    const reports = await manager.query<
      { percent: number; text: string; amount_fen: string | null; at: Date; by: string; role: string | null }[]
    >(
      `SELECT r.progress_percent AS percent, r.text, r.amount_fen, r.reported_at AS at, u.display_name AS by,
              (SELECT ra.role FROM role_assignments ra WHERE ra.community_id = r.community_id AND ra.user_id = r.reported_by
                ORDER BY (ra.role = 'property_company') DESC, ra.starts_on DESC LIMIT 1) AS role
         FROM execution_reports r JOIN users u ON u.id = r.reported_by
        WHERE r.community_id = $1 AND r.agenda_item_id = $2 ORDER BY r.reported_at, r.id`,
      [communityId, item.id],
    );
    const [accepter] = await manager.query<{ role: string }[]>(
      `SELECT role FROM role_assignments WHERE community_id = $1 AND user_id = $2
        ORDER BY (role = 'committee_director') DESC, (role = 'committee_member') DESC, starts_on DESC LIMIT 1`,
      [communityId, meeting.recordedBy],
    );
    const documents = await manager.query<{ number: string; issue_number: string | null; title: string; source_id: string | null }[]>(
      `SELECT d.number, d.issue_number, d.title, d.source_id FROM documents d
        WHERE d.community_id = $1 AND d.agenda_item_id = $2 AND d.status = 'final' AND d.source_id IS DISTINCT FROM $3 ORDER BY d.seq`,
      [communityId, item.id, meeting.id],
    );
    const [resolution] = await manager.query<{ id: string }[]>(
      `SELECT id FROM meetings WHERE community_id = $1 AND agenda_item_id = $2 AND stage = 'committee_resolution' AND outcome = 'advance'
        ORDER BY held_at DESC LIMIT 1`,
      [communityId, item.id],
    );
    const resolutionDoc = resolution && documents.find((d) => d.source_id === resolution.id);
    const roleName = (role: string | null | undefined) => (role ? (ROLE_LABELS_ZH[role as keyof typeof ROLE_LABELS_ZH] ?? role) : '');
    const last = reports[reports.length - 1];
    const reporters = [...new Set(reports.map((r) => `${roleName(r.role)}（${r.by}）`))];
    const decision = itemDecision(item, 'execution_report').text;
    const chosen = item.chosenOption as { label?: string | null } | null;
    return {
      reportingParty: reporters.join('、') || '（未报告）',
      item: `议题第${item.seq}号「${item.title}」`,
      decision: resolutionDoc
        ? `${decision}；业主委员会决议（${resolutionDoc.issue_number ? `${resolutionDoc.issue_number}，` : ''}${resolutionDoc.number}）`
        : decision,
      // From the first report (or the acceptance) to the acceptance (or a report made after it).
      period: {
        from: new Date(Math.min(meeting.heldAt.getTime(), ...reports.map((r) => new Date(r.at).getTime()))),
        to: new Date(Math.max(meeting.heldAt.getTime(), ...reports.map((r) => new Date(r.at).getTime()))),
      },
      budget: item.budgetFen ? { amountFen: item.budgetFen, source: item.fundingSource } : undefined,
      chosenOption: chosen?.label ?? null,
      progress: reports.map((r) => ({
        at: new Date(r.at),
        percent: r.percent,
        text: r.text,
        by: r.by,
        ...(r.amount_fen !== null ? { amountFen: BigInt(r.amount_fen) } : {}),
      })),
      acceptance: {
        at: meeting.heldAt,
        place: meeting.place,
        attendees: meeting.attendees.filter((a) => a.present).map((a) => `${a.name}（${a.party}）`),
        text: [meeting.minutes, meeting.outcomeReason].filter((t) => t?.trim()).join('\n'),
      },
      attachments: documents.map((d) => `《${d.title}》（${d.issue_number ? `${d.issue_number}，` : ''}${d.number}）`),
      submittedBy: last ? { name: last.by, role: roleName(last.role), at: new Date(last.at) } : undefined,
      acceptedBy: { name: recorderName, role: roleName(accepter?.role), at: meeting.heldAt },
    };
  }

  /** 签字 column of minutes the attendees confirm: who confirmed and when, or how the paper signature was checked. */
  private async confirmations(manager: EntityManager, meeting: Meeting): Promise<MinutesSignature[]> {
    const facts = await manager.query<
      { round: number; attendee_index: number; kind: ConfirmationKind; actor_id: string; at: Date; comment: string }[]
    >('SELECT round, attendee_index, kind, actor_id, at, comment FROM minutes_confirmations WHERE meeting_id = $1 AND round = $2', [
      meeting.id,
      meeting.minutesRound,
    ]);
    const status = minutesStatus(
      meeting.attendees,
      facts.map((f) => ({
        round: f.round,
        attendeeIndex: f.attendee_index,
        kind: f.kind,
        actorId: f.actor_id,
        at: new Date(f.at),
        comment: f.comment,
      })),
      meeting.minutesRound,
    );
    const ids = facts.map((f) => f.actor_id);
    const users = await manager.query<{ id: string; display_name: string }[]>(
      'SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])',
      [ids],
    );
    const nameOf = (id: string) => users.find((u) => u.id === id)?.display_name ?? '—';
    return status.attendees
      .filter((a) => a.present)
      .map((a) => {
        if (a.state !== 'confirmed') return { name: a.name, role: a.party };
        return {
          name: a.name,
          role: a.party,
          confirmedAt: a.at,
          note: a.channel === 'paper' ? `纸面签字，${nameOf(a.by)}登记、${nameOf(a.countersignedBy!)}核对` : '本人在平台确认',
        };
      });
  }

  /**
   * The result announcement is not made from here: the preliminary result is posted at the close, and the final
   * announcement only after the objection period, through votes/:id/final-result (which also requests the seals).
   */
  private resolution(): never {
    throw new Conflict(
      '表决结果公告须在询异期届满、异议全部答复后，在「表决结果」页发布（初步统计结果已在表决结束时公示）',
      'use_final_result',
    );
  }

  private thresholdText(category: string): string {
    const kind = thresholdKindFor(category as MatterCategory);
    return kind
      ? `${MATTER_LABELS_ZH[category as MatterCategory]}，须${passingRule(kind).descriptionZh}`
      : MATTER_LABELS_ZH[category as MatterCategory];
  }
}
