import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Conflict } from '../common/app-error';
import { Clock } from '../common/clock';
import { AgendaService } from '../agenda/agenda.service';
import { VoteNoticeService } from '../voting/vote-notice.service';
import { AssemblyMotionDto } from './dto/hearing.dto';
import type { Hearing } from './entities/hearing.entity';
import { findHearing } from './hearing-access';

interface PublishedResult {
  ranking: { bidId: string; mean: string }[];
}

/** The published shortlist put to the owners: the assembly motion whose options are the shortlisted bids. */
@Injectable()
export class HearingMotionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly agenda: AgendaService,
    private readonly votes: VoteNoticeService,
  ) {}

  /**
   * Drafts the assembly vote with one options motion whose options are the shortlisted bids (option id = the bid
   * id without dashes), once the objection period has run. The vote context checks the item waits at the
   * assembly stage and records the draft; the tally at close records the chosen option on the item.
   */
  async draftMotion(actorId: string, communityId: string, hearingId: string, input: AssemblyMotionDto) {
    const hearing = await findHearing(this.dataSource.manager, communityId, hearingId);
    const result = this.published(hearing);
    if (this.clock.now() < hearing.objectionEndsAt!) {
      throw new Conflict(
        `异议期至 ${hearing.objectionEndsAt!.toISOString()} 届满，届满后方可提交业主大会 (the objection period is still running)`,
        'objection_period_open',
      );
    }
    const item = await this.agenda.get(communityId, hearing.agendaItemId);
    const shortlist = hearing.shortlist!;
    const means = new Map(result.ranking.map((r) => [r.bidId, r.mean]));
    const fullText = [
      `就议题「${item.title}」，听证会「${hearing.title}」公开开标，评审组按公布的评分标准评分，评审结果已公示且异议期届满。`,
      `入围投标 ${shortlist.length} 份，请业主从中选择一家：`,
      ...shortlist.map((s, i) => `${String.fromCharCode(65 + i)}. ${s.label}（评审第 ${s.rank} 名，加权得分 ${means.get(s.bidId)}）`),
      '某一选项单独达到法定同意比例的，该投标人中选；均未达到的，本议案不通过。',
    ].join('\n');
    const { motionTitle, ...vote } = input;
    return this.votes.createDraft(actorId, communityId, hearing.agendaItemId, {
      ...vote,
      motions: [
        {
          title: motionTitle ?? `关于「${item.title}」选定供应商的议案`,
          fullText,
          kind: 'options',
          options: shortlist.map((s) => ({ id: s.optionId, label: s.label })),
        },
      ],
    });
  }

  private published(hearing: Hearing): PublishedResult {
    if (hearing.status !== 'result_published' || !hearing.result || !hearing.shortlist) {
      throw new Conflict('评审结果尚未公示 (the result is not published)', 'result_not_published');
    }
    return hearing.result as unknown as PublishedResult;
  }
}
