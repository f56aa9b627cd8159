/**
 * Types of public income, statements, the three-party audit and 集资, taken from the API's OpenAPI document
 * (apps/web/src/api/generated, written by `npm run openapi` from apps/api/src/finance/dto/finance-responses.dto.ts,
 * apps/api/src/fundraising/fundraising-responses.dto.ts and the request DTOs). Not hand-written copies: a DTO
 * change that breaks a page fails the web type check. Money is integer fen as a string ("1200000").
 */
import type { components, operations } from './generated/schema';

type Schemas = components['schemas'];

export type EntryKind = Schemas['LedgerEntryResponseDto']['kind'];
export type StatementStatus = Schemas['StatementSummaryDto']['status'];
export type AuditStage = Schemas['StatementReviewResponseDto']['stage'];

/** 台账 */
export type LedgerEntry = Schemas['LedgerEntryResponseDto'];
export type NewLedgerEntry = Schemas['LedgerEntryDto'];
export type LedgerQuery = NonNullable<operations['FinanceController_list']['parameters']['query']>;

/** 报表 */
/** The five balances every statement shape carries. */
export type StatementTotals = Pick<Schemas['StatementSummaryDto'], 'openingFen' | 'incomeFen' | 'costFen' | 'transferFen' | 'closingFen'>;
/** A row of the statement list (every version). */
export type StatementSummary = Schemas['StatementSummaryDto'];
export type StatementLine = Schemas['StatementLineDto'];
export type StatementReview = Schemas['StatementReviewResponseDto'];
/** A statement version with its lines and the reviews so far. */
export type Statement = Schemas['StatementDetailDto'];
/** What submitting answers: the stored version (no reviews yet). */
export type SubmittedStatement = Schemas['SubmittedStatementDto'];
export type StatementReviewResult = Schemas['StatementReviewResultDto'];
export type PublicationRequest = Schemas['PublicationRequestDto'];

/** 银行对账 */
export type BankLine = Schemas['BankLineDto'];
export type Reconciliation = Schemas['ReconciliationDto'];

/** 小区公示首页 */
export type PublicStatement = Schemas['PublicStatementDto'];
export type PublicNotice = Schemas['PublicOverviewNoticeDto'];
export type PublicOverview = Schemas['PublicOverviewDto'];

/** 集资 */
export type FundraisingGroup = Schemas['FundraisingGroupDto'];
export type FundraisingUnit = Schemas['FundraisingUnitDto'];
export type PublicFundraisingUnit = Schemas['PublicFundraisingUnitDto'];
export type FundraisingTotals = Schemas['FundraisingTotalsDto'];
/** A project as created (no totals yet). */
export type FundraisingProjectCreated = Schemas['FundraisingProjectDto'];
export type FundraisingProjectSummary = Schemas['FundraisingProjectSummaryDto'];
export type FundraisingContribution = Schemas['FundraisingContributionDto'];
export type FundraisingDisclosure = Schemas['FundraisingDisclosureDto'];
export type PublicFundraisingDisclosure = Schemas['PublicFundraisingDisclosureDto'];
export type FundraisingProject = Schemas['FundraisingProjectDetailDto'];
export type NewFundraisingProject = Schemas['CreateFundraisingDto'];
export type NewContribution = Schemas['ContributionDto'];
export type NewRefund = Schemas['RefundDto'];
export type ReceiptSealRequest = Schemas['ReceiptSealRequestDto'];
export type DisclosureRequest = Schemas['DisclosureRequestDto'];
export type PublicFundraisingList = Schemas['PublicFundraisingListDto'];
export type PublicFundraisingProject = Schemas['PublicFundraisingProjectDto'];
