import { ApiProperty } from '@nestjs/swagger';

/**
 * Response shapes of the fund-raising (集资) routes, private and public; the web app's types are generated from
 * them (npm run openapi). Money is integer fen as a decimal string; the public shapes carry unit numbers, never names.
 */

const FEN = { description: '金额（分，整数字符串）', example: '500000' };
const DAY = { format: 'date', example: '2026-11-20' };
export const SHARE_BASES = ['area', 'fixed'] as const;
export const SCOPES = ['building', 'stairwell'] as const;
export const PROJECT_STATUSES = ['open', 'closed'] as const;
export const CONTRIBUTION_KINDS = ['pledge', 'payment', 'refund'] as const;

export class FundraisingTotalsDto {
  @ApiProperty(FEN)
  targetFen: string;

  @ApiProperty({ ...FEN, description: '已缴（缴款减退款，分）' })
  paidFen: string;

  @ApiProperty({ ...FEN, description: '认缴（分）' })
  pledgedFen: string;
}

/** A project as created (its targets and shares are stored with it). */
export class FundraisingProjectDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  seq: number;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ format: 'uuid', description: '批准集资的议题' })
  agendaItemId: string;

  @ApiProperty({ enum: SHARE_BASES })
  shareBasis: string;

  @ApiProperty({ enum: SCOPES })
  scope: string;

  @ApiProperty({ enum: PROJECT_STATUSES })
  status: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class FundraisingProjectSummaryDto extends FundraisingProjectDto {
  @ApiProperty({ type: FundraisingTotalsDto })
  totals: FundraisingTotalsDto;
}

/** Progress of one target (a building or a stairwell). */
export class FundraisingGroupDto {
  @ApiProperty({ format: 'uuid' })
  targetId: string;

  @ApiProperty({ example: '1号楼 1 单元' })
  label: string;

  @ApiProperty(FEN)
  targetFen: string;

  @ApiProperty(FEN)
  pledgedFen: string;

  @ApiProperty(FEN)
  paidFen: string;

  @ApiProperty({ type: 'integer' })
  units: number;

  @ApiProperty({ type: 'integer', description: '已缴足的户数' })
  paidUnits: number;

  @ApiProperty({ type: 'number', description: '已缴占目标的百分比（一位小数）', example: 42.5 })
  percent: number;
}

/** One unit's share, pledge and payments (the public page shows no unit id and no pledge). */
export class PublicFundraisingUnitDto {
  @ApiProperty({ example: '1-1-101' })
  unitNumber: string;

  @ApiProperty({ format: 'uuid' })
  targetId: string;

  @ApiProperty({ ...FEN, description: '应缴（分）' })
  shareFen: string;

  @ApiProperty({ ...FEN, description: '已缴（分）' })
  paidFen: string;
}

export class FundraisingUnitDto extends PublicFundraisingUnitDto {
  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ ...FEN, description: '最近一次认缴（分）' })
  pledgedFen: string;
}

export class FundraisingContributionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  seq: number;

  @ApiProperty({ format: 'uuid' })
  unitId: string;

  @ApiProperty({ example: '1-1-101' })
  unitNumber: string;

  @ApiProperty({ enum: CONTRIBUTION_KINDS })
  kind: 'pledge' | 'payment' | 'refund';

  @ApiProperty(FEN)
  amountFen: string;

  @ApiProperty(DAY)
  paidOn: string;

  @ApiProperty()
  method: string;

  @ApiProperty()
  note: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '退款所退的缴款' })
  reversesId: string | null;

  @ApiProperty({ type: String, nullable: true, description: '收据号（缴款 JZ-…，退款 TK-…；认缴无）' })
  receiptCode: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '登记的收据文书；盖业委会章后为定稿' })
  receiptDocumentId: string | null;

  @ApiProperty({ type: String, nullable: true })
  receiptNumber: string | null;

  @ApiProperty({ type: String, enum: ['draft', 'final'], nullable: true })
  receiptStatus: 'draft' | 'final' | null;

  @ApiProperty({ description: '收据的用章申请待盖章' })
  receiptSealPending: boolean;
}

/** A sealed disclosure of a period, as residents see it. */
export class PublicFundraisingDisclosureDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty(DAY)
  periodStart: string;

  @ApiProperty(DAY)
  periodEnd: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '盖章公示的时间（未盖章为空）' })
  publishedAt: Date | null;
}

export class FundraisingDisclosureDto extends PublicFundraisingDisclosureDto {
  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty()
  documentNumber: string;
}

export class FundraisingAgendaItemDto {
  @ApiProperty({ type: 'integer' })
  seq: number;

  @ApiProperty()
  title: string;
}

export class FundraisingProjectDetailDto extends FundraisingProjectDto {
  @ApiProperty({ type: FundraisingAgendaItemDto, description: '批准集资的议题' })
  agendaItem: FundraisingAgendaItemDto;

  @ApiProperty({ type: [FundraisingGroupDto] })
  groups: FundraisingGroupDto[];

  @ApiProperty({ type: [FundraisingUnitDto] })
  units: FundraisingUnitDto[];

  @ApiProperty({ type: FundraisingTotalsDto })
  totals: FundraisingTotalsDto;

  @ApiProperty({ type: [FundraisingContributionDto] })
  contributions: FundraisingContributionDto[];

  @ApiProperty({ type: [FundraisingDisclosureDto] })
  disclosures: FundraisingDisclosureDto[];
}

export class ReceiptSealRequestDto {
  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty({ format: 'uuid' })
  sealRequestId: string;
}

export class DisclosureRequestDto {
  @ApiProperty({ format: 'uuid' })
  disclosureId: string;

  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty()
  documentNumber: string;

  @ApiProperty({ format: 'uuid' })
  sealRequestId: string;
}

export class PublicFundraisingCommunityDto {
  @ApiProperty({ example: '阳光花园' })
  name: string;
}

export class PublicFundraisingListItemDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'integer' })
  seq: number;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: PROJECT_STATUSES })
  status: string;

  @ApiProperty({ enum: SHARE_BASES })
  shareBasis: string;

  @ApiProperty({ type: FundraisingTotalsDto })
  totals: FundraisingTotalsDto;
}

export class PublicFundraisingListDto {
  @ApiProperty({ type: PublicFundraisingCommunityDto })
  community: PublicFundraisingCommunityDto;

  @ApiProperty({ type: [PublicFundraisingListItemDto] })
  projects: PublicFundraisingListItemDto[];
}

export class PublicFundraisingProjectInfoDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'integer' })
  seq: number;

  @ApiProperty()
  title: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ enum: SHARE_BASES })
  shareBasis: string;

  @ApiProperty({ enum: PROJECT_STATUSES })
  status: string;
}

export class PublicFundraisingProjectDto {
  @ApiProperty({ type: PublicFundraisingCommunityDto })
  community: PublicFundraisingCommunityDto;

  @ApiProperty({ type: PublicFundraisingProjectInfoDto })
  project: PublicFundraisingProjectInfoDto;

  @ApiProperty({ type: String, nullable: true, description: '批准集资的议题（业主大会表决通过）' })
  approvedBy: string | null;

  @ApiProperty({ type: [FundraisingGroupDto] })
  groups: FundraisingGroupDto[];

  @ApiProperty({ type: [PublicFundraisingUnitDto] })
  units: PublicFundraisingUnitDto[];

  @ApiProperty({ type: FundraisingTotalsDto })
  totals: FundraisingTotalsDto;

  @ApiProperty({ type: [PublicFundraisingDisclosureDto], description: '已盖章公示的各期' })
  disclosures: PublicFundraisingDisclosureDto[];
}
