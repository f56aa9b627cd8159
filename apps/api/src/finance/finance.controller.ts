import { Body, Controller, Get, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Invalid } from '../common/app-error';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentRoles, CurrentUser } from '../identity/decorators';
import { COMMITTEE, type CommunityRole } from '../identity/roles';
import { ExplainDto, LedgerEntryDto, LedgerQueryDto, ReverseEntryDto, ReviewDto, SubmitStatementDto } from './dto/finance.dto';
import {
  LedgerEntryResponseDto,
  PublicationRequestDto,
  ReconciliationDto,
  StatementDetailDto,
  StatementReviewResultDto,
  StatementSummaryDto,
  SubmittedStatementDto,
} from './dto/finance-responses.dto';
import { LedgerService } from './ledger.service';
import { PublicationService } from './publication.service';
import { ReconciliationService } from './reconciliation.service';
import { StatementsService } from './statements.service';

const AUDITORS: CommunityRole[] = ['residents_committee', 'bank_officer', 'auditor'];
const FINANCE_READERS: CommunityRole[] = [...COMMITTEE, 'property_company', 'party_secretary', ...AUDITORS];

@ApiTags('finance')
@Controller('communities/:communityId')
export class FinanceController {
  constructor(
    private readonly ledger: LedgerService,
    private readonly statements: StatementsService,
    private readonly reconciliation: ReconciliationService,
    private readonly publication: PublicationService,
  ) {}

  @CommunityAccess(COMMITTEE)
  @Post('statements/:id/publication')
  @ApiOperation({ summary: '申请公示：生成报表 PDF 并申请业委会章；盖章后即公示（公示期按议事规则）' })
  @ApiCreatedResponse({ type: PublicationRequestDto })
  publish(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam): Promise<PublicationRequestDto> {
    return this.publication.requestPublication(user.id, communityId, id);
  }

  @CommunityAccess([...COMMITTEE, 'property_company'])
  @Post('ledger-entries')
  @ApiOperation({ summary: '记一笔公共收益台账（收入、支出或转入维修资金）' })
  @ApiCreatedResponse({ type: LedgerEntryResponseDto })
  add(
    @CurrentUser() user: AuthUser,
    @Param() { communityId }: CommunityParam,
    @Body() body: LedgerEntryDto,
  ): Promise<LedgerEntryResponseDto> {
    return this.ledger.add(user.id, communityId, body);
  }

  @CommunityAccess([...COMMITTEE, 'property_company'])
  @Post('ledger-entries/:id/reversal')
  @ApiOperation({ summary: '冲正：以反向分录更正，原分录保留' })
  @ApiCreatedResponse({ type: LedgerEntryResponseDto })
  reverse(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: ReverseEntryDto,
  ): Promise<LedgerEntryResponseDto> {
    return this.ledger.reverse(user.id, communityId, id, body.reason, body.entryDate);
  }

  @CommunityAccess(FINANCE_READERS, { admin: true })
  @Get('ledger-entries')
  @ApiOperation({ summary: '台账（可按日期、类型、类别筛选）' })
  @ApiOkResponse({ type: [LedgerEntryResponseDto] })
  list(@Param() { communityId }: CommunityParam, @Query() query: LedgerQueryDto): Promise<LedgerEntryResponseDto[]> {
    return this.ledger.list(communityId, query);
  }

  @CommunityAccess(COMMITTEE)
  @Post('statements')
  @ApiOperation({ summary: '编制并提交期间报表（提交后期间锁定）' })
  @ApiCreatedResponse({ type: SubmittedStatementDto })
  submit(
    @CurrentUser() user: AuthUser,
    @Param() { communityId }: CommunityParam,
    @Body() body: SubmitStatementDto,
  ): Promise<SubmittedStatementDto> {
    return this.statements.submit(user.id, communityId, body.periodDate);
  }

  @CommunityAccess(FINANCE_READERS, { admin: true })
  @Get('statements')
  @ApiOperation({ summary: '报表列表（含历次版本）' })
  @ApiOkResponse({ type: [StatementSummaryDto] })
  statementsOf(@Param() { communityId }: CommunityParam): Promise<StatementSummaryDto[]> {
    return this.statements.list(communityId);
  }

  @CommunityAccess(FINANCE_READERS, { admin: true })
  @Get('statements/:id')
  @ApiOperation({ summary: '报表详情与审核记录' })
  @ApiOkResponse({ type: StatementDetailDto })
  statement(@Param() { communityId, id }: CommunityItemParam): Promise<StatementDetailDto> {
    return this.statements.get(communityId, id);
  }

  @CommunityAccess(AUDITORS)
  @Post('statements/:id/reviews')
  @ApiOperation({ summary: '三审：居委会审核 → 银行对账 → 审计机构审计；通过或提出意见退回' })
  @ApiCreatedResponse({ type: StatementReviewResultDto })
  review(
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: ReviewDto,
  ): Promise<StatementReviewResultDto> {
    return this.statements.review(user.id, roles, communityId, id, body.decision, body.findings);
  }

  @CommunityAccess(['bank_officer'])
  @Post('statements/:id/bank-statement')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 5 * 1024 * 1024, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: '银行上传本期账户流水（CSV），系统与台账逐笔核对' })
  @ApiCreatedResponse({ type: ReconciliationDto })
  upload(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id }: CommunityItemParam,
    @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined,
  ): Promise<ReconciliationDto> {
    if (!file) throw new Invalid('请上传文件字段 file (multipart field "file" required)', 'file_required');
    return this.reconciliation.upload(user.id, communityId, id, file);
  }

  @CommunityAccess([...COMMITTEE, ...AUDITORS])
  @Get('statements/:id/reconciliation')
  @ApiOperation({ summary: '对账结果：已匹配、双方未匹配及说明' })
  @ApiOkResponse({ type: ReconciliationDto })
  reconciliationOf(@Param() { communityId, id }: CommunityItemParam): Promise<ReconciliationDto> {
    return this.reconciliation.get(communityId, id);
  }

  @CommunityAccess(['bank_officer'])
  @Post('statements/:id/reconciliation/explanations')
  @ApiOperation({ summary: '说明一笔差异' })
  @ApiCreatedResponse({ type: ReconciliationDto })
  explain(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: ExplainDto,
  ): Promise<ReconciliationDto> {
    return this.reconciliation.explain(user.id, communityId, id, body.itemId, body.explanation);
  }
}
