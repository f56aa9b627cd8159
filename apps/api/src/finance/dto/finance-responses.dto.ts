import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * Response shapes of the finance routes (ledger, statements, the three-party audit, reconciliation, the public
 * statement pages). The web app's types are generated from them (npm run openapi). Money is integer fen as a
 * decimal string ("1200000"); dates are "YYYY-MM-DD", instants ISO 8601.
 */

export const ENTRY_KINDS = ['income', 'cost', 'transfer'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const COUNTERPARTY_KINDS = ['organisation', 'person'] as const;
export const STATEMENT_STATUSES = ['submitted', 'bank_review', 'audit_review', 'approved', 'returned', 'superseded', 'published'] as const;
export const AUDIT_STAGES = ['residents_committee', 'bank', 'audit_firm'] as const;
export const REVIEW_DECISIONS = ['approve', 'findings'] as const;

const FEN = { description: '金额（分，整数字符串）', example: '1200000' };
const DAY = { format: 'date', example: '2026-11-20' };

export class LedgerEntryResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: '台账序号' })
  seq: number;

  @ApiProperty({ enum: ENTRY_KINDS, description: '收入 / 支出 / 转入维修资金（冲正分录沿用原分录类型）' })
  kind: string;

  @ApiProperty()
  category: string;

  @ApiProperty(FEN)
  amountFen: string;

  @ApiProperty(DAY)
  entryDate: string;

  @ApiProperty()
  counterparty: string;

  @ApiProperty({ enum: COUNTERPARTY_KINDS })
  counterpartyKind: string;

  @ApiProperty({ type: String, nullable: true, description: '发票、合同或银行流水号' })
  evidenceRef: string | null;

  @ApiProperty()
  note: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '冲正的原分录' })
  reversesId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '超过开支限额时引用的已通过议题' })
  decisionItemId: string | null;

  @ApiProperty({ format: 'uuid' })
  recordedBy: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class StatementTotalsDto {
  @ApiProperty(FEN)
  openingFen: string;

  @ApiProperty(FEN)
  incomeFen: string;

  @ApiProperty(FEN)
  costFen: string;

  @ApiProperty(FEN)
  transferFen: string;

  @ApiProperty(FEN)
  closingFen: string;
}

export class StatementLineDto {
  @ApiProperty({ format: 'uuid' })
  entryId: string;

  @ApiProperty({ type: 'integer' })
  seq: number;

  @ApiProperty(DAY)
  entryDate: string;

  @ApiProperty({ enum: ENTRY_KINDS })
  kind: string;

  @ApiProperty()
  category: string;

  @ApiProperty(FEN)
  amountFen: string;

  @ApiProperty({ ...FEN, description: '带符号金额（分）：收入为正，支出与转出为负' })
  signedFen: string;

  @ApiProperty()
  counterparty: string;

  @ApiProperty({ enum: COUNTERPARTY_KINDS })
  counterpartyKind: string;

  @ApiProperty({ type: String, nullable: true })
  evidenceRef: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  reversesId: string | null;

  @ApiProperty()
  note: string;
}

export class StatementCategoryDto {
  @ApiProperty({ enum: ENTRY_KINDS })
  kind: string;

  @ApiProperty()
  category: string;

  @ApiProperty(FEN)
  netFen: string;
}

/** A row of the statement list (every version). */
export class StatementSummaryDto extends StatementTotalsDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty(DAY)
  periodStart: string;

  @ApiProperty(DAY)
  periodEnd: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  version: number;

  @ApiProperty({ enum: STATEMENT_STATUSES })
  status: string;

  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: Date | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: '公示期截止日' })
  postedUntil: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  previousStatementId: string | null;

  @ApiProperty({ example: '2026年第四季度' })
  periodLabel: string;
}

export class StatementReviewResponseDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ format: 'uuid' })
  statementId: string;

  @ApiProperty({ enum: AUDIT_STAGES })
  stage: string;

  @ApiProperty({ format: 'uuid' })
  reviewerId: string;

  @ApiProperty({ enum: REVIEW_DECISIONS })
  decision: string;

  @ApiProperty({ description: '审核意见（通过时为空字符串）' })
  findings: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

/** The fields every stored statement version has. */
class StatementFieldsDto extends StatementTotalsDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty(DAY)
  periodStart: string;

  @ApiProperty(DAY)
  periodEnd: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  version: number;

  @ApiProperty({ enum: STATEMENT_STATUSES })
  status: string;

  @ApiProperty({ type: [StatementLineDto] })
  lines: StatementLineDto[];

  @ApiProperty({ type: [StatementCategoryDto] })
  byCategory: StatementCategoryDto[];

  @ApiProperty({ description: '报表内容的 SHA-256（审核所通过的内容）' })
  contentDigest: string;

  @ApiProperty({ format: 'uuid' })
  compiledBy: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  previousStatementId: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  submittedAt: Date;
}

/** The statement just compiled and submitted (not yet published, so no publication fields). */
export class SubmittedStatementDto extends StatementFieldsDto {
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  publishedAt?: Date | null;

  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  postedUntil?: string | null;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  documentId?: string | null;
}

/** A statement version with its lines and the reviews so far. */
export class StatementDetailDto extends StatementFieldsDto {
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: Date | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: '公示期截止日' })
  postedUntil: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '盖章的公示 PDF（公示后）' })
  documentId: string | null;

  @ApiProperty({ example: '2026年第四季度' })
  periodLabel: string;

  @ApiProperty({ type: [StatementReviewResponseDto] })
  reviews: StatementReviewResponseDto[];
}

export class StatementReviewResultDto {
  @ApiProperty({ enum: STATEMENT_STATUSES, description: '审核后的报表状态' })
  status: string;

  @ApiProperty({ type: StatementReviewResponseDto })
  review: StatementReviewResponseDto;
}

export class BankLineDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ format: 'uuid' })
  statementId: string;

  @ApiProperty({ type: 'integer', description: '上传 CSV 中的行号' })
  line: number;

  @ApiProperty(DAY)
  valueDate: string;

  @ApiProperty({ ...FEN, description: '带符号金额（分）：入账为正，出账为负' })
  signedFen: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: String, nullable: true })
  reference: string | null;

  @ApiProperty({ description: '上传文件的 SHA-256' })
  uploadSha256: string;

  @ApiProperty({ format: 'uuid' })
  uploadedBy: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}

export class ReconciliationMatchDto {
  @ApiProperty({ type: StatementLineDto })
  ledger: StatementLineDto;

  @ApiProperty({ type: BankLineDto })
  bank: BankLineDto;
}

export class UnmatchedLedgerDto {
  @ApiProperty({ format: 'uuid', description: '台账分录 id' })
  id: string;

  @ApiProperty({ type: StatementLineDto })
  entry: StatementLineDto;

  @ApiProperty({ type: String, nullable: true, description: '银行的说明' })
  explanation: string | null;
}

export class UnmatchedBankDto {
  @ApiProperty({ format: 'uuid', description: '银行流水行 id' })
  id: string;

  @ApiProperty({ type: BankLineDto })
  line: BankLineDto;

  @ApiProperty({ type: String, nullable: true, description: '银行的说明' })
  explanation: string | null;
}

export class ReconciliationDto {
  @ApiProperty({ format: 'uuid' })
  statementId: string;

  @ApiProperty({ description: '已上传本期银行流水' })
  uploaded: boolean;

  @ApiProperty({ type: [ReconciliationMatchDto] })
  matched: ReconciliationMatchDto[];

  @ApiProperty({ type: [UnmatchedLedgerDto] })
  unmatchedLedger: UnmatchedLedgerDto[];

  @ApiProperty({ type: [UnmatchedBankDto] })
  unmatchedBank: UnmatchedBankDto[];

  @ApiProperty({ type: [String], description: '尚未说明的差异（台账分录或流水行 id）' })
  unexplained: string[];
}

export class PublicationRequestDto {
  @ApiProperty({ format: 'uuid' })
  statementId: string;

  @ApiProperty({ format: 'uuid' })
  documentId: string;

  @ApiProperty({ description: '登记的文书编号' })
  documentNumber: string;

  @ApiProperty({ format: 'uuid', description: '待保管人盖章的用章申请' })
  sealRequestId: string;
}

export class PublicOverviewCommunityDto {
  @ApiProperty({ example: '阳光花园' })
  name: string;

  @ApiProperty({ description: '所在街道/区（未填为空字符串）' })
  district: string;
}

/** A published statement as residents see it (totals only: never a private counterparty). */
export class PublicStatementDto extends StatementTotalsDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty(DAY)
  periodStart: string;

  @ApiProperty(DAY)
  periodEnd: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  version: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: Date | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: '公示期截止日' })
  postedUntil: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '盖章的公示 PDF' })
  documentId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  previousStatementId: string | null;

  @ApiProperty({ example: '2026年第四季度' })
  periodLabel: string;
}

export class PublicOverviewNoticeDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  noticedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  opensAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  closesAt: Date;

  @ApiProperty({ enum: ['noticed', 'closed'] })
  status: 'noticed' | 'closed';
}

export class PublicOverviewDto {
  @ApiProperty({ type: PublicOverviewCommunityDto })
  community: PublicOverviewCommunityDto;

  @ApiProperty({ type: [PublicStatementDto], description: '已公示的报表（新的在前）' })
  statements: PublicStatementDto[];

  @ApiProperty({ type: [PublicOverviewNoticeDto], description: '业主大会公告（最近 50 则）' })
  notices: PublicOverviewNoticeDto[];
}
