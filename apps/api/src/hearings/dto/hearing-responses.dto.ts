import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import { VoteRowDto } from '../../voting/dto/voting-responses.dto';
import { PANEL_KINDS, type PanelKind } from '@gongyi/domain/hearings/panel';

/**
 * Response shapes of the hearing routes; the web app's types are generated from them (npm run openapi).
 * Times are ISO strings on the wire (Date in the services). Money is integer fen as a string.
 */

export const HEARING_STATUSES = ['bidding', 're_tender', 'opened', 'result_published'] as const;

export class CriterionViewDto {
  @ApiProperty({ example: 'price' })
  key: string;

  @ApiProperty({ example: '价格' })
  label: string;

  @ApiProperty({ type: 'integer', description: '权重（百分比整数，合计 100）' })
  weight: number;
}

export class HearingSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  agendaItemId: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  place: string;

  @ApiProperty({ enum: HEARING_STATUSES })
  status: (typeof HEARING_STATUSES)[number];

  @ApiProperty({ type: String, format: 'date-time' })
  bidDeadline: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  openingAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  openedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  resultPublishedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  objectionEndsAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class BidAttachmentDto {
  @ApiProperty({ description: '文件名' })
  name: string;

  @ApiProperty({ description: '上传时的 MIME 类型' })
  type: string;

  @ApiProperty({ type: 'integer', description: '字节数' })
  size: number;

  @ApiProperty({ description: 'SHA-256（十六进制）' })
  sha256: string;
}

/** Before the opening only who/when/how many versions; the content keys are absent, never null. */
export class HearingBidDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  vendorName: string;

  @ApiProperty({ type: 'integer', description: '已提交的版本数' })
  versions: number;

  @ApiProperty({ type: String, format: 'date-time' })
  firstSubmittedAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  lastSubmittedAt: Date;

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: '开标时开启的版本（开标前不出现）' })
  revealedVersion?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '报价（分，整数字符串；开标前不出现）' })
  amountFen?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true })
  warrantyMonths?: number | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true })
  deliveryDays?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  proposal?: string | null;

  @ApiPropertyOptional({ type: BidAttachmentDto, nullable: true })
  attachment?: BidAttachmentDto | null;
}

export class PanelSeatViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: PANEL_KINDS })
  kind: PanelKind;

  @ApiProperty()
  declared: boolean;

  @ApiProperty({ type: String, nullable: true })
  conflict: string | null;

  @ApiProperty()
  recused: boolean;

  @ApiProperty()
  scored: boolean;
}

export class HearingVendorDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  vendorName: string;

  @ApiProperty({ type: String, format: 'date-time' })
  invitedAt: Date;

  @ApiPropertyOptional({ description: '是否已投标（开标后才出现）' })
  submitted?: boolean;
}

export class CriterionMeanDto {
  @ApiProperty()
  key: string;

  @ApiProperty({ description: '平均分（小数字符串）' })
  mean: string;
}

export class RankedBidDto {
  @ApiProperty({ format: 'uuid' })
  bidId: string;

  @ApiProperty()
  vendorName: string;

  @ApiProperty({ type: 'integer' })
  rank: number;

  @ApiProperty({ description: '平均分（小数字符串）' })
  mean: string;

  @ApiProperty({ description: '加权总分（小数字符串）' })
  weightedSum: string;

  @ApiProperty({ type: 'integer' })
  scorers: number;

  @ApiProperty({ description: '报价（分，整数字符串）' })
  amountFen: string;

  @ApiProperty({ type: 'integer' })
  warrantyMonths: number;

  @ApiProperty({ type: 'integer' })
  deliveryDays: number;

  @ApiProperty({ type: [CriterionMeanDto] })
  criteria: CriterionMeanDto[];
}

export class AttendanceDto {
  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: PANEL_KINDS })
  kind: PanelKind;

  @ApiProperty({ enum: ['present', 'recused'] })
  status: 'present' | 'recused';

  @ApiProperty({ type: String, nullable: true })
  conflict: string | null;
}

export class ScoreCellViewDto {
  @ApiProperty({ format: 'uuid' })
  bidId: string;

  @ApiProperty()
  criterion: string;

  @ApiProperty({ type: 'integer' })
  score: number;
}

export class ScoreSheetViewDto {
  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: PANEL_KINDS })
  kind: PanelKind;

  @ApiProperty({ type: [ScoreCellViewDto] })
  scores: ScoreCellViewDto[];
}

export class DocumentRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: '文书编号' })
  number: string;
}

/** The result as published (stored with the hearing and in the decision record). */
export class HearingResultDto {
  @ApiProperty({ format: 'date-time' })
  heldAt: string;

  @ApiProperty()
  minutes: string;

  @ApiProperty({ type: [CriterionViewDto] })
  criteria: CriterionViewDto[];

  @ApiProperty({ type: [RankedBidDto] })
  ranking: RankedBidDto[];

  @ApiProperty({ type: [AttendanceDto] })
  attendance: AttendanceDto[];

  @ApiProperty({ type: [ScoreSheetViewDto] })
  sheets: ScoreSheetViewDto[];

  @ApiProperty({ type: 'integer' })
  shortlistSize: number;

  @ApiProperty({ description: '监督人' })
  supervisor: string;

  @ApiProperty({ type: 'integer' })
  objectionDays: number;

  @ApiProperty({ type: 'integer' })
  rulebookVersion: number;

  @ApiProperty({ type: DocumentRefDto })
  document: DocumentRefDto;
}

export class ShortlistEntryDto {
  @ApiProperty({ format: 'uuid' })
  bidId: string;

  @ApiProperty({ description: '表决选项编号（投标 id 去掉连字符）' })
  optionId: string;

  @ApiProperty({ type: 'integer' })
  rank: number;

  @ApiProperty()
  label: string;
}

export class HearingObjectionViewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  text: string;

  @ApiProperty({ type: String, format: 'date-time' })
  filedAt: Date;

  @ApiProperty({ type: String, nullable: true, description: '业主委员会的答复（未答复时为 null）' })
  answer: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt: Date | null;
}

export class HearingAssemblyVoteDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  status: string;

  @ApiProperty({ type: String, format: 'date-time' })
  opensAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  closesAt: Date;
}

export class ChosenBidDto {
  @ApiProperty({ format: 'uuid' })
  bidId: string;

  @ApiProperty()
  label: string;
}

export class HearingDetailDto extends HearingSummaryDto {
  @ApiProperty()
  description: string;

  @ApiProperty({ type: [CriterionViewDto] })
  criteria: CriterionViewDto[];

  @ApiProperty({ description: '开标前（或流标后）投标内容仍密封' })
  sealed: boolean;

  @ApiPropertyOptional({ type: 'integer', description: '收到的投标数（开标前对投标方不出现）' })
  bidCount?: number;

  @ApiProperty({ type: [HearingBidDto] })
  bids: HearingBidDto[];

  @ApiPropertyOptional({ type: [PanelSeatViewDto], description: '评审组（对供应商不出现）' })
  panel?: PanelSeatViewDto[];

  @ApiPropertyOptional({ type: [HearingVendorDto], description: '受邀供应商（对供应商不出现）' })
  vendors?: HearingVendorDto[];

  @ApiProperty({ type: HearingResultDto, nullable: true })
  result: HearingResultDto | null;

  @ApiProperty({ type: [ShortlistEntryDto], nullable: true })
  shortlist: ShortlistEntryDto[] | null;

  @ApiPropertyOptional({ type: [HearingObjectionViewDto] })
  objections?: HearingObjectionViewDto[];

  @ApiProperty({ type: HearingAssemblyVoteDto, nullable: true })
  assemblyVote: HearingAssemblyVoteDto | null;

  @ApiProperty({ type: ChosenBidDto, nullable: true })
  chosenBid: ChosenBidDto | null;
}

/** The hearing row itself, as POST /hearings and POST /result answer. */
export class HearingRecordDto extends HearingSummaryDto {
  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: [CriterionViewDto] })
  criteria: CriterionViewDto[];

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  openedBy: string | null;

  @ApiProperty({ type: HearingResultDto, nullable: true })
  result: HearingResultDto | null;

  @ApiProperty({ type: [ShortlistEntryDto], nullable: true })
  shortlist: ShortlistEntryDto[] | null;

  @ApiProperty({ format: 'uuid' })
  createdBy: string;

  @ApiProperty({ type: 'integer', description: '乐观锁版本' })
  version: number;
}

/** A panel seat row (PUT /panel answers the list, POST /declarations the caller's seat). */
export class PanelMemberDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ format: 'uuid' })
  hearingId: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: PANEL_KINDS })
  kind: PanelKind;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  declaredAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  conflict: string | null;

  @ApiProperty()
  recused: boolean;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ format: 'uuid' })
  hearingId: string;

  @ApiProperty({ format: 'uuid' })
  vendorUserId: string;

  @ApiProperty()
  vendorName: string;

  @ApiProperty({ format: 'uuid' })
  invitedBy: string;

  @ApiProperty({ type: String, format: 'date-time' })
  invitedAt: Date;
}

export class BidReceiptDto {
  @ApiProperty({ format: 'uuid' })
  bidId: string;

  @ApiProperty({ type: 'integer' })
  version: number;

  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt: Date;

  @ApiProperty({ description: '密封承诺值（SHA-256 十六进制）' })
  commitment: string;
}

export class BidVersionViewDto {
  @ApiProperty({ type: 'integer' })
  version: number;

  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt: Date;

  @ApiProperty()
  commitment: string;
}

export class BidContentDto {
  @ApiProperty({ type: 'integer' })
  version: number;

  @ApiProperty({ description: '报价（分，整数字符串）' })
  amountFen: string;

  @ApiProperty({ type: 'integer' })
  warrantyMonths: number;

  @ApiProperty({ type: 'integer' })
  deliveryDays: number;

  @ApiProperty()
  proposal: string;

  @ApiProperty({ type: BidAttachmentDto, nullable: true })
  attachment: BidAttachmentDto | null;
}

export class MyBidDto {
  @ApiPropertyOptional({ format: 'uuid', description: '尚未投标时不出现' })
  bidId?: string;

  @ApiProperty()
  vendorName: string;

  @ApiProperty()
  submitted: boolean;

  @ApiProperty({ type: [BidVersionViewDto] })
  versions: BidVersionViewDto[];

  @ApiProperty({ type: BidContentDto, nullable: true })
  current: BidContentDto | null;
}

export class ScoreReceiptDto {
  @ApiProperty({ format: 'uuid' })
  memberId: string;

  @ApiProperty({ type: 'integer', description: '本次提交的评分格数' })
  cells: number;

  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt: Date;
}

export class HearingObjectionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ format: 'uuid' })
  hearingId: string;

  @ApiProperty({ format: 'uuid' })
  filedBy: string;

  @ApiProperty()
  text: string;

  @ApiProperty({ type: String, format: 'date-time' })
  filedAt: Date;

  @ApiProperty({ type: String, nullable: true, description: '业主委员会的答复（未答复时为 null）' })
  answer: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  answeredBy: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  answeredAt: Date | null;
}

/**
 * The assembly vote draft just saved (the row as inserted: columns never set are absent): the vote row of the
 * voting context, its notice columns optional.
 */
export class HearingVoteDraftDto extends IntersectionType(
  PickType(VoteRowDto, [
    'id',
    'communityId',
    'agendaItemId',
    'title',
    'method',
    'channels',
    'interim',
    'electorate',
    'opensAt',
    'closesAt',
    'status',
    'createdBy',
    'createdAt',
  ] as const),
  PartialType(
    PickType(VoteRowDto, [
      'noticedAt',
      'rulebookVersion',
      'totalAreaHundredths',
      'totalHeadcount',
      'closedAt',
      'objectionEndsAt',
      'finalIssuedAt',
      'resultFinalAt',
    ] as const),
  ),
) {}
