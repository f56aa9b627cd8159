import { Body, Controller, Get, Header, Param, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiFileResponse } from '../common/binary-response';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentUser } from '../identity/decorators';
import { COMMITTEE, type CommunityRole } from '../identity/roles';
import { FundraisingDocumentsService } from './fundraising-documents.service';
import { ContributionDto, ContributionParam, CreateFundraisingDto, DisclosureDto, RefundDto } from './fundraising.dto';
import {
  DisclosureRequestDto,
  FundraisingContributionDto,
  FundraisingProjectDetailDto,
  FundraisingProjectDto,
  FundraisingProjectSummaryDto,
  ReceiptSealRequestDto,
} from './fundraising-responses.dto';
import { FundraisingService } from './fundraising.service';

const READERS: CommunityRole[] = [...COMMITTEE, 'property_company', 'party_secretary', 'residents_committee', 'bank_officer', 'auditor'];
const CASHIERS: CommunityRole[] = [...COMMITTEE, 'property_company'];

@ApiTags('fundraising')
@Controller('communities/:communityId/fundraising-projects')
export class FundraisingController {
  constructor(
    private readonly fundraising: FundraisingService,
    private readonly documents: FundraisingDocumentsService,
  ) {}

  @CommunityAccess(COMMITTEE)
  @Post()
  @ApiOperation({ summary: '新建集资项目：引用业主大会通过的筹集维修资金议题，按楼栋/单元设目标，按面积或固定金额分摊到户' })
  @ApiCreatedResponse({ type: FundraisingProjectDto })
  create(
    @CurrentUser() user: AuthUser,
    @Param() { communityId }: CommunityParam,
    @Body() body: CreateFundraisingDto,
  ): Promise<FundraisingProjectDto> {
    return this.fundraising.create(user.id, communityId, body);
  }

  @CommunityAccess(READERS, { admin: true })
  @Get()
  @ApiOperation({ summary: '集资项目列表与总进度' })
  @ApiOkResponse({ type: [FundraisingProjectSummaryDto] })
  list(@Param() { communityId }: CommunityParam): Promise<FundraisingProjectSummaryDto[]> {
    return this.fundraising.list(communityId);
  }

  @CommunityAccess(READERS, { admin: true })
  @Get(':id')
  @ApiOperation({ summary: '集资项目详情：各楼栋进度、每户应缴与已缴、缴款记录、公示' })
  @ApiOkResponse({ type: FundraisingProjectDetailDto })
  detail(@Param() { communityId, id }: CommunityItemParam): Promise<FundraisingProjectDetailDto> {
    return this.fundraising.detail(communityId, id);
  }

  @CommunityAccess(CASHIERS)
  @Post(':id/contributions')
  @ApiOperation({ summary: '登记认缴或缴款（缴款开具收据）' })
  @ApiCreatedResponse({ type: FundraisingContributionDto })
  contribute(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: ContributionDto,
  ): Promise<FundraisingContributionDto> {
    return this.fundraising.contribute(user.id, communityId, id, body);
  }

  @CommunityAccess(CASHIERS)
  @Post(':id/contributions/:contributionId/refund')
  @ApiOperation({ summary: '退款：以反向记录退还一笔缴款（全部或部分），原记录保留' })
  @ApiCreatedResponse({ type: FundraisingContributionDto })
  refund(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id, contributionId }: ContributionParam,
    @Body() body: RefundDto,
  ): Promise<FundraisingContributionDto> {
    return this.fundraising.refund(user.id, communityId, id, contributionId, body);
  }

  @CommunityAccess(READERS)
  @Get(':id/contributions/:contributionId/receipt')
  @Header('Content-Type', 'application/pdf')
  @ApiFileResponse('收据 PDF（未盖章时为草稿）', 'application/pdf')
  @ApiOperation({ summary: '缴款收据 / 退款凭证（PDF）：登记的文书，盖业委会章后为定稿，未盖章时为草稿' })
  async receipt(@Param() { communityId, id, contributionId }: ContributionParam, @Res() res: Response) {
    const file = await this.documents.receipt(communityId, id, contributionId);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    res.send(file.body);
  }

  @CommunityAccess(CASHIERS)
  @Post(':id/contributions/:contributionId/receipt/seal-request')
  @ApiOperation({ summary: '为收据申请业委会章（登记缴款时尚无可用的印章或保管人时补申请）；盖章后收据可按编号验真' })
  @ApiCreatedResponse({ type: ReceiptSealRequestDto })
  requestReceiptSeal(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id, contributionId }: ContributionParam,
  ): Promise<ReceiptSealRequestDto> {
    return this.documents.requestReceiptSeal(user.id, communityId, id, contributionId);
  }

  @CommunityAccess(COMMITTEE)
  @Post(':id/disclosures')
  @ApiOperation({ summary: '申请公示某期集资情况：生成 PDF 并申请业委会章，盖章后公示' })
  @ApiCreatedResponse({ type: DisclosureRequestDto })
  disclose(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: DisclosureDto,
  ): Promise<DisclosureRequestDto> {
    return this.documents.requestDisclosure(user.id, communityId, id, body.periodDate);
  }
}
