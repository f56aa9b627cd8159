import { ApiProperty, PickType } from '@nestjs/swagger';
import { MATTER_CATEGORIES, type MatterCategory } from '@gongyi/domain/voting/matter';
import { VOTE_STATUSES } from '../../agenda/dto/agenda-responses.dto';
import { BallotIssueDto } from '../../record/dto/record-responses.dto';
import { CommunityTotalsDto } from '../../registry/dto/registry-responses.dto';
import { ElectorateDto } from './electorate.dto';
import { CHANNELS, MotionOptionDto, NoticeDetailsDto } from './vote.dto';

/** Response shapes of the voting routes; the web app's types are generated from them (npm run openapi). */

type Channel = (typeof CHANNELS)[number];
type VoteStatus = (typeof VOTE_STATUSES)[number];
const PROXY_STATUSES = ['pending', 'confirmed', 'revoked', 'void'] as const;
const BALLOT_STATUSES = ['counted', 'pending', 'rejected'] as const;
const OUTCOMES = ['passed', 'failed', 'no_quorum', 'no_decision'] as const;
const RESULT_STAGES = ['preliminary', 'awaiting_final', 'final_issued', 'final'] as const;

/** The stored vote, as drafting and editing a draft answer (no motions yet joined). */
export class VoteRowDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ format: 'uuid' })
  agendaItemId: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ description: '表决方式' })
  method: string;

  @ApiProperty({ enum: CHANNELS, enumName: 'Channel', isArray: true })
  channels: Channel[];

  @ApiProperty({ description: '临时会议' })
  interim: boolean;

  @ApiProperty({ type: ElectorateDto, description: '表决范围（全体业主，或选定的楼栋/单元）' })
  electorate: ElectorateDto;

  @ApiProperty({ format: 'date-time' })
  opensAt: string;

  @ApiProperty({ format: 'date-time' })
  closesAt: string;

  @ApiProperty({ type: NoticeDetailsDto, description: '公告的实务部分（未填的由小区与议事规则补足）' })
  noticeDetails: NoticeDetailsDto;

  @ApiProperty({ enum: VOTE_STATUSES, enumName: 'VoteStatus' })
  status: VoteStatus;

  @ApiProperty({ format: 'uuid' })
  createdBy: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  noticedAt: string | null;

  @ApiProperty({ type: 'integer', nullable: true, description: '公告时冻结的议事规则版本' })
  rulebookVersion: number | null;

  @ApiProperty({ type: String, nullable: true, description: '公告时冻结的总面积（百分之一平方米）', example: '34000' })
  totalAreaHundredths: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  totalHeadcount: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  objectionEndsAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finalIssuedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resultFinalAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '公告用章时间（用章即发布）' })
  noticeSealedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class MotionResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ format: 'uuid' })
  voteId: string;

  @ApiProperty({ type: 'integer' })
  seq: number;

  @ApiProperty()
  title: string;

  @ApiProperty()
  fullText: string;

  @ApiProperty({ enum: MATTER_CATEGORIES, enumName: 'MatterCategory' })
  category: MatterCategory;

  @ApiProperty({ enum: ['yes_no', 'options'], enumName: 'MotionKind' })
  kind: 'yes_no' | 'options';

  @ApiProperty({ type: [MotionOptionDto] })
  options: MotionOptionDto[];
}

/** A vote with its motions (GET votes/:id, publishing, rescheduling). */
export class AssemblyVoteDto extends VoteRowDto {
  @ApiProperty({ description: '现在是否在投票时间内' })
  isOpen: boolean;

  @ApiProperty({ type: [MotionResponseDto] })
  motions: MotionResponseDto[];
}

export class DeletedDto {
  @ApiProperty({ enum: [true] })
  deleted: true;
}

/** GET votes/:id/totals: the vote's electorate and base figures (frozen once noticed). */
export class VoteTotalsDto extends CommunityTotalsDto {
  @ApiProperty({ description: '公告后冻结' })
  frozen: boolean;

  @ApiProperty({ type: ElectorateDto })
  electorate: ElectorateDto;

  @ApiProperty({ example: '本小区全体业主' })
  electorateText: string;
}

export class ElectorShareDto {
  @ApiProperty({ type: [String], example: ['1-1-101'] })
  unitNumbers: string[];

  @ApiProperty({ example: '10000', description: '专有面积（百分之一平方米）' })
  areaHundredths: string;
}

export class MyElectorDto extends ElectorShareDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
}

export class MyBallotLineDto {
  @ApiProperty({ format: 'uuid' })
  motionId: string;

  @ApiProperty()
  choice: string;

  @ApiProperty({ enum: CHANNELS, enumName: 'Channel' })
  channel: Channel;

  @ApiProperty({ enum: BALLOT_STATUSES, enumName: 'BallotStatus' })
  status: (typeof BALLOT_STATUSES)[number];

  @ApiProperty({ format: 'date-time' })
  castAt: string;

  @ApiProperty()
  receiptCode: string;
}

/** An owner whose confirmed written proxy this person holds. */
export class HeldProxyDto extends ElectorShareDto {
  @ApiProperty({ format: 'uuid' })
  electorId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ description: '是否已代为投票' })
  voted: boolean;
}

/** A written proxy as the committee sees it (entered by one member, confirmed by another). */
export class ProxyEntryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: PROXY_STATUSES, enumName: 'ProxyStatus' })
  status: (typeof PROXY_STATUSES)[number];

  @ApiProperty({ format: 'uuid' })
  electorId: string;

  @ApiProperty()
  grantorName: string;

  @ApiProperty({ type: [String] })
  unitNumbers: string[];

  @ApiProperty({ format: 'uuid' })
  holderUserId: string;

  @ApiProperty()
  holderName: string;

  @ApiProperty({ description: '书面委托书编号或存档位置' })
  authorisation: string;

  @ApiProperty({ format: 'uuid' })
  recordedBy: string;

  @ApiProperty()
  recordedByName: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  confirmedBy: string | null;

  @ApiProperty({ type: String, nullable: true })
  confirmedByName: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  confirmedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  usedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endedAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: '委托书扫描件文件名' })
  scanName: string | null;
}

/** What entering a proxy answers: it waits for a second member. */
export class ProxyEnteredDto extends PickType(ProxyEntryDto, ['id', 'status', 'electorId', 'holderUserId'] as const) {}

/** The written proxy this owner gave (latest). */
export class ProxyGivenDto extends PickType(ProxyEntryDto, [
  'id',
  'status',
  'authorisation',
  'holderName',
  'recordedAt',
  'confirmedAt',
  'usedAt',
  'endedAt',
] as const) {}

export class MyBallotDto {
  @ApiProperty({ type: AssemblyVoteDto })
  vote: AssemblyVoteDto;

  @ApiProperty({ type: MyElectorDto, nullable: true, description: '不在本次表决名册上为空' })
  elector: MyElectorDto | null;

  @ApiProperty({ type: [MyBallotLineDto] })
  ballots: MyBallotLineDto[];

  @ApiProperty({ type: [HeldProxyDto] })
  proxies: HeldProxyDto[];

  @ApiProperty({ type: ProxyGivenDto, nullable: true })
  proxyGiven: ProxyGivenDto | null;
}

export class MotionRefDto {
  @ApiProperty({ format: 'uuid' })
  motionId: string;

  @ApiProperty({ type: 'integer' })
  seq: number;

  @ApiProperty()
  title: string;
}

export class ReceiptMotionDto extends MotionRefDto {
  @ApiProperty({ description: '选择的承诺值（不显示选择本身）' })
  commitment: string;
}

export class ReceiptDto {
  @ApiProperty({ example: '23C1-4AAD-RNA0' })
  receiptCode: string;

  @ApiProperty({ format: 'date-time' })
  castAt: string;

  @ApiProperty({ enum: CHANNELS, enumName: 'Channel' })
  channel: Channel;

  @ApiProperty({ enum: BALLOT_STATUSES, enumName: 'BallotStatus' })
  status: (typeof BALLOT_STATUSES)[number];

  @ApiProperty({ type: [ReceiptMotionDto] })
  motions: ReceiptMotionDto[];
}

export class PaperConfirmationDto {
  @ApiProperty()
  receiptCode: string;

  @ApiProperty({ enum: ['counted', 'rejected'] })
  status: 'counted' | 'rejected';

  @ApiProperty({ format: 'date-time' })
  confirmedAt: string;
}

export class PendingChoiceDto extends MotionRefDto {
  @ApiProperty()
  choice: string;
}

export class PendingPaperDto {
  @ApiProperty()
  receiptCode: string;

  @ApiProperty({ description: '纸质表决票编号' })
  paperRef: string;

  @ApiProperty({ format: 'uuid' })
  enteredBy: string;

  @ApiProperty()
  enteredByName: string;

  @ApiProperty({ format: 'date-time' })
  enteredAt: string;

  @ApiProperty({ format: 'uuid' })
  electorId: string;

  @ApiProperty({ type: [String] })
  unitNumbers: string[];

  @ApiProperty({ type: [PendingChoiceDto] })
  choices: PendingChoiceDto[];
}

/** How far a motion is from the two-thirds participation line (no one's choice). */
export class MotionGapDto extends MotionRefDto {
  @ApiProperty({ type: 'integer' })
  headsMissing: number;

  @ApiProperty({ example: '0.00' })
  areaMissing: string;

  @ApiProperty()
  met: boolean;
}

export class ParticipationLineDto extends MotionGapDto {
  @ApiProperty({ type: 'integer', description: '待核对的纸质票' })
  pendingPaper: number;

  @ApiProperty({ type: 'integer' })
  heads: number;

  @ApiProperty({ example: '260.00' })
  area: string;

  @ApiProperty({ type: 'integer' })
  requiredHeads: number;

  @ApiProperty({ example: '226.67' })
  requiredArea: string;
}

export class ParticipationDto {
  @ApiProperty({ format: 'uuid' })
  voteId: string;

  @ApiProperty({ enum: VOTE_STATUSES, enumName: 'VoteStatus' })
  status: VoteStatus;

  @ApiProperty({ type: 'integer' })
  totalHeadcount: number;

  @ApiProperty({ example: '340.00' })
  totalArea: string;

  @ApiProperty({ type: [ParticipationLineDto] })
  motions: ParticipationLineDto[];
}

export class CanvassElectorDto {
  @ApiProperty({ format: 'uuid' })
  electorId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: [String] })
  unitNumbers: string[];

  @ApiProperty({ example: '80.00' })
  area: string;

  @ApiProperty({ type: 'integer', description: '已投的议案数' })
  motionsVoted: number;
}

export class CanvassBuildingDto {
  @ApiProperty({ example: '1幢' })
  building: string;

  @ApiProperty({ type: 'integer' })
  notVotedHeads: number;

  @ApiProperty()
  notVotedArea: string;

  @ApiProperty({ type: [CanvassElectorDto] })
  electors: CanvassElectorDto[];
}

export class CanvassingDto {
  @ApiProperty({ type: [MotionGapDto] })
  motions: MotionGapDto[];

  @ApiProperty({ type: [CanvassBuildingDto] })
  buildings: CanvassBuildingDto[];
}

/** A count of heads and area (hundredths of m², decimal string). */
export class TallyCountDto {
  @ApiProperty({ type: 'integer' })
  heads: number;

  @ApiProperty({ example: '34000' })
  areaHundredths: string;
}

/** Heads and area each against a line, and both. */
export class DualTestDto {
  @ApiProperty()
  heads: boolean;

  @ApiProperty()
  area: boolean;

  @ApiProperty()
  met: boolean;
}

export class TallyParticipationDto extends TallyCountDto {
  @ApiProperty({ type: DualTestDto })
  quorum: DualTestDto;

  @ApiProperty({ type: 'integer' })
  requiredHeads: number;

  @ApiProperty()
  requiredAreaHundredths: string;
}

export class TallyChoiceDto extends TallyCountDto {
  @ApiProperty({ description: 'yes、no 或选项 id' })
  choice: string;

  @ApiProperty({ type: DualTestDto })
  passing: DualTestDto;
}

export class TallyThresholdDto {
  @ApiProperty({ enum: ['ordinary', 'special'] })
  kind: 'ordinary' | 'special';

  @ApiProperty({ example: '1' })
  numerator: string;

  @ApiProperty({ example: '2' })
  denominator: string;

  @ApiProperty({ enum: ['gt', 'gte'] })
  comparison: 'gt' | 'gte';

  @ApiProperty()
  descriptionZh: string;

  @ApiProperty({ enum: ['participants', 'participants_and_non_voters'] })
  basis: 'participants' | 'participants_and_non_voters';

  @ApiProperty({ type: 'integer' })
  baseHeads: number;

  @ApiProperty()
  baseAreaHundredths: string;

  @ApiProperty({ type: 'integer', nullable: true })
  requiredHeads: number | null;

  @ApiProperty({ type: String, nullable: true })
  requiredAreaHundredths: string | null;
}

/** Present only when the rulebook counts non-voters with the majority. */
export class TallyAdjustedDto {
  @ApiProperty({ type: TallyCountDto })
  nonVoters: TallyCountDto;

  @ApiProperty({ type: String, nullable: true })
  majorityChoice: string | null;

  @ApiProperty({ type: [TallyChoiceDto] })
  choices: TallyChoiceDto[];

  @ApiProperty({ type: TallyCountDto })
  base: TallyCountDto;
}

export class TallyResultDto {
  @ApiProperty({ enum: ['yes_no', 'options'], enumName: 'MotionKind' })
  motionKind: 'yes_no' | 'options';

  @ApiProperty({ enum: MATTER_CATEGORIES, enumName: 'MatterCategory' })
  category: MatterCategory;

  @ApiProperty({ type: TallyCountDto })
  totals: TallyCountDto;

  @ApiProperty({ type: TallyParticipationDto })
  participation: TallyParticipationDto;

  @ApiProperty({ type: [TallyChoiceDto] })
  choices: TallyChoiceDto[];

  @ApiProperty({ type: TallyCountDto })
  abstain: TallyCountDto;

  @ApiProperty({ type: TallyThresholdDto })
  threshold: TallyThresholdDto;

  @ApiProperty({ type: TallyAdjustedDto, nullable: true })
  adjusted: TallyAdjustedDto | null;

  @ApiProperty({ enum: OUTCOMES, enumName: 'TallyOutcome' })
  outcome: (typeof OUTCOMES)[number];

  @ApiProperty({ type: String, nullable: true })
  winningOptionId: string | null;

  @ApiProperty()
  reasonZh: string;
}

export class ResultDocumentRefDto {
  @ApiProperty()
  number: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  sealed: boolean;
}

export class PublicObjectionDto {
  @ApiProperty({ type: String, nullable: true })
  unitNumber: string | null;

  @ApiProperty()
  text: string;

  @ApiProperty({ format: 'date-time' })
  filedAt: string;

  @ApiProperty({ type: String, nullable: true })
  answer: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt: string | null;
}

export class ResultParticipantDto {
  @ApiProperty({ type: [String] })
  unitNumbers: string[];

  @ApiProperty({ example: '100.00' })
  area: string;

  @ApiProperty({ enum: CHANNELS, enumName: 'Channel' })
  channel: Channel;
}

export class MotionResultDto extends MotionRefDto {
  @ApiProperty({ type: [MotionOptionDto] })
  options: MotionOptionDto[];

  @ApiProperty({ enum: OUTCOMES, enumName: 'TallyOutcome' })
  outcome: (typeof OUTCOMES)[number];

  @ApiProperty({ format: 'date-time' })
  publishedAt: string;

  @ApiProperty({ description: '结果摘要（SHA-256）' })
  resultDigest: string;

  @ApiProperty({ type: TallyResultDto })
  tally: TallyResultDto;

  @ApiProperty({ type: [ResultParticipantDto], description: '参与表决的房号与面积（不列姓名）' })
  participants: ResultParticipantDto[];
}

/** GET votes/:id/results (public): 初步统计结果 until the final announcement is sealed. */
export class VoteResultsDto {
  @ApiProperty({ format: 'uuid' })
  voteId: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ format: 'date-time' })
  closedAt: string;

  @ApiProperty({ enum: RESULT_STAGES, enumName: 'ResultStage' })
  stage: (typeof RESULT_STAGES)[number];

  @ApiProperty()
  final: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  objectionEndsAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resultFinalAt: string | null;

  @ApiProperty({ type: ResultDocumentRefDto, nullable: true })
  preliminaryDocument: ResultDocumentRefDto | null;

  @ApiProperty({ type: ResultDocumentRefDto, nullable: true })
  finalDocument: ResultDocumentRefDto | null;

  @ApiProperty({ type: [PublicObjectionDto] })
  objections: PublicObjectionDto[];

  @ApiProperty({ type: [MotionResultDto] })
  motions: MotionResultDto[];
}

export class RecountMotionDto {
  @ApiProperty({ format: 'uuid' })
  motionId: string;

  @ApiProperty()
  matches: boolean;

  @ApiProperty({ enum: OUTCOMES, enumName: 'TallyOutcome' })
  storedOutcome: (typeof OUTCOMES)[number];

  @ApiProperty({ enum: OUTCOMES, enumName: 'TallyOutcome' })
  recountedOutcome: (typeof OUTCOMES)[number];
}

export class RecountDto {
  @ApiProperty({ format: 'uuid' })
  voteId: string;

  @ApiProperty()
  matches: boolean;

  @ApiProperty({ type: [RecountMotionDto] })
  motions: RecountMotionDto[];

  @ApiProperty({ type: [BallotIssueDto] })
  ballotIssues: BallotIssueDto[];
}
