import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ASSEMBLY_NOTICE_TYPE,
  MINUTES_TYPE,
  RESOLUTION_TYPE,
  STAGE_NAMES,
  type AssemblyNoticeInput,
  type ChainStage,
  type MeetingMinutesInput,
  type ResolutionAnnouncementInput,
  type ResolutionMotion,
  type SealKind,
} from '@gongyi/pdf';
import { isArt278Category, MATTER_LABELS_ZH, thresholdKindFor, type MatterCategory } from '@gongyi/domain/voting/matter';
import { passingRule } from '@gongyi/domain/voting/thresholds';
import { DataSource } from 'typeorm';
import { AgendaService } from '../agenda/agenda.service';
import { Conflict, NotFound } from '../common/app-error';
import { RegistryService } from '../registry/registry.service';
import { VoteNoticeService } from '../voting/vote-notice.service';
import { VoteResultsService } from '../voting/vote-results.service';
import { DOCUMENT_NUMBER_LOCK, DocumentsService, type RegisterDocument } from './documents.service';
import { Document } from './entities/document.entity';

export const SOURCE_DOCUMENT_TYPES = [ASSEMBLY_NOTICE_TYPE, MINUTES_TYPE, RESOLUTION_TYPE] as const;
export type SourceDocumentType = (typeof SOURCE_DOCUMENT_TYPES)[number];

const CHANNELS: Record<string, string> = {
  online: '网上投票（业主实名登录本平台）',
  paper: '书面征求意见（纸质表决票）',
  proxy: '书面委托代理人投票',
};

interface Opinion {
  representative: string;
  for: number;
  against: number;
  concerns?: string;
}

interface TallyChoice {
  choice: string;
  heads: number;
  areaHundredths: string;
}

interface StoredTally {
  category: MatterCategory;
  outcome: string;
  reasonZh: string;
  winningOptionId: string | null;
  choices: TallyChoice[];
  abstain: { heads: number; areaHundredths: string };
  participation: { heads: number; areaHundredths: string; requiredHeads: number; requiredAreaHundredths: string };
  threshold: { descriptionZh: string; requiredHeads: number | null; requiredAreaHundredths: string | null };
  adjusted: unknown;
}

const sealsFor = (category: string): SealKind[] =>
  isArt278Category(category as MatterCategory) ? ['assembly', 'committee'] : ['committee'];

/** Builds template inputs from what other contexts recorded (a vote, a meeting, a closed vote) and registers them. */
@Injectable()
export class DocumentSourcesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
    private readonly agenda: AgendaService,
    private readonly notices: VoteNoticeService,
    private readonly results: VoteResultsService,
    private readonly registry: RegistryService,
  ) {}

  async create(actorId: string, communityId: string, type: SourceDocumentType, sourceId: string): Promise<Document> {
    const spec =
      type === ASSEMBLY_NOTICE_TYPE
        ? await this.notice(communityId, sourceId)
        : type === MINUTES_TYPE
          ? await this.minutes(communityId, sourceId)
          : await this.resolution(communityId, sourceId);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [DOCUMENT_NUMBER_LOCK, communityId]);
      const existing = await manager.findOne(Document, { where: { communityId, type, sourceId }, select: { id: true, number: true } });
      if (existing) {
        throw new Conflict(`已为该来源生成文书 ${existing.number} (a document already exists for this source)`, 'document_exists', {
          documentId: existing.id,
          number: existing.number,
        });
      }
      return this.documents.renderAndRegister(manager, communityId, { ...spec, actorId });
    });
  }

  private async notice(communityId: string, voteId: string): Promise<Omit<RegisterDocument, 'actorId'>> {
    const vote = await this.notices.get(communityId, voteId);
    if (vote.status === 'draft') throw new Conflict('公告尚未发布 (notice not yet published)', 'vote_not_noticed');
    const { name } = await this.registry.getCommunity(communityId);
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
    };
    return {
      type: ASSEMBLY_NOTICE_TYPE,
      title: `${vote.title}会议公告`,
      sourceType: 'assembly_vote',
      sourceId: voteId,
      agendaItemId: vote.agendaItemId,
      input,
      requiredSeals: ['committee'],
    };
  }

  private async minutes(communityId: string, meetingId: string): Promise<Omit<RegisterDocument, 'actorId'>> {
    const [row] = await this.dataSource.query<{ agenda_item_id: string }[]>(
      'SELECT agenda_item_id FROM meetings WHERE id = $1 AND community_id = $2',
      [meetingId, communityId],
    );
    if (!row) throw new NotFound('会议 meeting');
    const item = await this.agenda.get(communityId, row.agenda_item_id);
    const meeting = item.meetings.find((m) => m.id === meetingId)!;
    const { name } = await this.registry.getCommunity(communityId);
    const [recorder] = await this.dataSource.query<{ display_name: string }[]>('SELECT display_name FROM users WHERE id = $1', [
      meeting.recordedBy,
    ]);
    const stage = meeting.stage as ChainStage;
    const outcome = meeting.outcome as MeetingMinutesInput['outcome']['decision'];
    const details = meeting.details as { opinions?: Opinion[]; memberVotes?: { vote?: string; present: boolean }[] };
    const votes = details.memberVotes
      ? {
          for: details.memberVotes.filter((v) => v.vote === 'yes').length,
          against: details.memberVotes.filter((v) => v.vote === 'no').length,
          abstain: details.memberVotes.filter((v) => v.present && (v.vote === 'abstain' || !v.vote)).length,
        }
      : undefined;
    const input: MeetingMinutesInput = {
      communityName: name,
      stage,
      meetingTitle: `议题第${item.seq}号${STAGE_NAMES[stage]}`,
      agendaItemTitle: item.title,
      startedAt: meeting.heldAt,
      place: meeting.place,
      chair: meeting.chair || '—',
      recorder: recorder?.display_name ?? '—',
      attendees: meeting.attendees.map((a) => ({ name: a.name, role: a.party, present: a.present })),
      agenda: [`议题第${item.seq}号：${item.title}`],
      discussion: meeting.minutes,
      opinions: details.opinions?.map((o) => ({
        speaker: o.representative,
        role: '居民代表',
        stance: `赞成${o.for}户、反对${o.against}户`,
        content: o.concerns || '无其他意见',
      })),
      outcome: { decision: outcome, text: meeting.outcomeReason || '与会各方一致同意。', votes },
      signatures: meeting.attendees.filter((a) => a.present).map((a) => ({ name: a.name, role: a.party })),
    };
    return {
      type: MINUTES_TYPE,
      title: `${item.title}${STAGE_NAMES[stage]}纪要`,
      sourceType: 'meeting',
      sourceId: meetingId,
      agendaItemId: item.id,
      input,
      requiredSeals: ['committee'],
    };
  }

  private async resolution(communityId: string, voteId: string): Promise<Omit<RegisterDocument, 'actorId'>> {
    const vote = await this.notices.get(communityId, voteId);
    const results = await this.results.results(communityId, voteId);
    const { name } = await this.registry.getCommunity(communityId);
    const motions: ResolutionMotion[] = results.motions.map((m) => {
      const tally = m.tally as unknown as StoredTally;
      const label = (choice: string) =>
        choice === 'yes' ? '同意' : choice === 'no' ? '反对' : `选项「${m.options.find((o) => o.id === choice)?.label ?? choice}」`;
      const passed = tally.outcome === 'passed';
      const fullText = vote.motions.find((v) => v.id === m.motionId)?.fullText ?? '';
      return {
        title: m.title,
        thresholdText: `${MATTER_LABELS_ZH[tally.category]}：${tally.threshold.descriptionZh}`,
        required:
          tally.threshold.requiredHeads === null
            ? undefined
            : { heads: tally.threshold.requiredHeads, areaHundredths: tally.threshold.requiredAreaHundredths! },
        choices: tally.choices.map((c) => ({ label: label(c.choice), heads: c.heads, areaHundredths: c.areaHundredths })),
        abstain: tally.abstain,
        outcome: passed ? 'passed' : tally.outcome === 'no_quorum' ? 'no_quorum' : 'failed',
        explanation: tally.reasonZh,
        resolutionText: passed ? (tally.winningOptionId ? `通过${label(tally.winningOptionId)}。${fullText}` : fullText) : undefined,
      };
    });
    const first = results.motions[0].tally as unknown as StoredTally;
    const input: ResolutionAnnouncementInput = {
      communityName: name,
      meetingTitle: vote.title,
      votingOpenedAt: vote.opensAt,
      votingClosedAt: vote.closedAt ?? vote.closesAt,
      totals: { heads: vote.totalHeadcount!, areaHundredths: vote.totalAreaHundredths! },
      participation: { heads: first.participation.heads, areaHundredths: first.participation.areaHundredths },
      quorumRequired: { heads: first.participation.requiredHeads, areaHundredths: first.participation.requiredAreaHundredths },
      nonVoterRuleText: first.adjusted ? '按本小区议事规则，未参与表决的业主计入多数意见（见各议案说明）。' : undefined,
      motions,
      publishedAt: results.motions[0].publishedAt,
    };
    const item = await this.agenda.get(communityId, vote.agendaItemId);
    return {
      type: RESOLUTION_TYPE,
      title: `${vote.title}决议公告`,
      sourceType: 'assembly_vote',
      sourceId: voteId,
      agendaItemId: vote.agendaItemId,
      input,
      requiredSeals: sealsFor(item.category),
    };
  }

  private thresholdText(category: string): string {
    const kind = thresholdKindFor(category as MatterCategory);
    return kind
      ? `${MATTER_LABELS_ZH[category as MatterCategory]}，须${passingRule(kind).descriptionZh}`
      : MATTER_LABELS_ZH[category as MatterCategory];
  }
}
