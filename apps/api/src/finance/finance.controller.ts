import { Body, Controller, Get, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Invalid } from '../common/app-error';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentRoles, CurrentUser } from '../identity/decorators';
import { COMMITTEE, type CommunityRole } from '../identity/roles';
import { ExplainDto, LedgerEntryDto, LedgerQueryDto, ReverseEntryDto, ReviewDto, SubmitStatementDto } from './dto/finance.dto';
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
  publish(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam) {
    return this.publication.requestPublication(user.id, communityId, id);
  }

  @CommunityAccess([...COMMITTEE, 'property_company'])
  @Post('ledger-entries')
  @ApiOperation({ summary: '记一笔公共收益台账（收入、支出或转入维修资金）' })
  add(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam, @Body() body: LedgerEntryDto) {
    return this.ledger.add(user.id, communityId, body);
  }

  @CommunityAccess([...COMMITTEE, 'property_company'])
  @Post('ledger-entries/:id/reversal')
  @ApiOperation({ summary: '冲正：以反向分录更正，原分录保留' })
  reverse(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: ReverseEntryDto) {
    return this.ledger.reverse(user.id, communityId, id, body.reason, body.entryDate);
  }

  @CommunityAccess(FINANCE_READERS, { admin: true })
  @Get('ledger-entries')
  @ApiOperation({ summary: '台账（可按日期、类型、类别筛选）' })
  list(@Param() { communityId }: CommunityParam, @Query() query: LedgerQueryDto) {
    return this.ledger.list(communityId, query);
  }

  @CommunityAccess(COMMITTEE)
  @Post('statements')
  @ApiOperation({ summary: '编制并提交期间报表（提交后期间锁定）' })
  submit(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam, @Body() body: SubmitStatementDto) {
    return this.statements.submit(user.id, communityId, body.periodDate);
  }

  @CommunityAccess(FINANCE_READERS, { admin: true })
  @Get('statements')
  @ApiOperation({ summary: '报表列表（含历次版本）' })
  statementsOf(@Param() { communityId }: CommunityParam) {
    return this.statements.list(communityId);
  }

  @CommunityAccess(FINANCE_READERS, { admin: true })
  @Get('statements/:id')
  @ApiOperation({ summary: '报表详情与审核记录' })
  statement(@Param() { communityId, id }: CommunityItemParam) {
    return this.statements.get(communityId, id);
  }

  @CommunityAccess(AUDITORS)
  @Post('statements/:id/reviews')
  @ApiOperation({ summary: '三审：居委会审核 → 银行对账 → 审计机构审计；通过或提出意见退回' })
  review(
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: ReviewDto,
  ) {
    return this.statements.review(user.id, roles, communityId, id, body.decision, body.findings);
  }

  @CommunityAccess(['bank_officer'])
  @Post('statements/:id/bank-statement')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 5 * 1024 * 1024, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: '银行上传本期账户流水（CSV），系统与台账逐笔核对' })
  upload(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id }: CommunityItemParam,
    @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined,
  ) {
    if (!file) throw new Invalid('请上传文件字段 file (multipart field "file" required)', 'file_required');
    return this.reconciliation.upload(user.id, communityId, id, file);
  }

  @CommunityAccess([...COMMITTEE, ...AUDITORS])
  @Get('statements/:id/reconciliation')
  @ApiOperation({ summary: '对账结果：已匹配、双方未匹配及说明' })
  reconciliationOf(@Param() { communityId, id }: CommunityItemParam) {
    return this.reconciliation.get(communityId, id);
  }

  @CommunityAccess(['bank_officer'])
  @Post('statements/:id/reconciliation/explanations')
  @ApiOperation({ summary: '说明一笔差异' })
  explain(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: ExplainDto) {
    return this.reconciliation.explain(user.id, communityId, id, body.itemId, body.explanation);
  }
}
