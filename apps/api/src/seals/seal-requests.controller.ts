import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentUser } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_MEMBERS, COMMUNITY_STAFF } from '../identity/roles';
import { ApplySealDto, CreateSealRequestDto, RefuseSealDto, SealLogQueryDto, SealLogReportDto, SealRequestQueryDto } from './dto/seals.dto';
import { DocumentRecordDto } from '../documents/dto/document-responses.dto';
import { SealLogEntryDto, SealRequestRecordDto, SealRequestDetailDto, SealRequestViewDto } from './dto/seal-responses.dto';
import { SealLogService } from './seal-log.service';
import { SealRequestsService } from './seal-requests.service';

@ApiTags('seals')
@Controller('communities/:communityId')
export class SealRequestsController {
  constructor(
    private readonly requests: SealRequestsService,
    private readonly log: SealLogService,
  ) {}

  @CommunityAccess(COMMITTEE)
  @Post('seal-requests')
  @ApiOperation({ summary: '申请用章：写明文书与依据的决定（民法典第278条事项须业主大会章与业委会章双章）' })
  @ApiCreatedResponse({ type: SealRequestRecordDto, description: '用章申请记录' })
  create(
    @CurrentUser() user: AuthUser,
    @Param() { communityId }: CommunityParam,
    @Body() body: CreateSealRequestDto,
  ): Promise<SealRequestRecordDto> {
    return this.requests.create(user.id, communityId, body);
  }

  @CommunityAccess(COMMUNITY_STAFF, { admin: true })
  @Get('seal-requests')
  @ApiOperation({ summary: '用章申请列表' })
  @ApiOkResponse({ type: [SealRequestViewDto] })
  list(@Param() { communityId }: CommunityParam, @Query() query: SealRequestQueryDto): Promise<SealRequestViewDto[]> {
    return this.requests.list(communityId, query);
  }

  @CommunityAccess(COMMUNITY_STAFF, { admin: true })
  @Get('seal-requests/:id')
  @ApiOperation({ summary: '用章申请详情与用章记录' })
  @ApiOkResponse({ type: SealRequestDetailDto })
  get(@Param() { communityId, id }: CommunityItemParam): Promise<SealRequestDetailDto> {
    return this.requests.get(communityId, id);
  }

  @CommunityAccess(COMMUNITY_STAFF)
  @Post('seal-requests/:id/applications')
  @ApiOperation({ summary: '保管人用章：对 PDF 数字签名（第二枚印章以增量更新追加，第一枚签名保持有效）' })
  @ApiCreatedResponse({ type: SealRequestDetailDto })
  apply(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: ApplySealDto,
  ): Promise<SealRequestDetailDto> {
    return this.requests.apply(user.id, communityId, id, body.kind, body.pin);
  }

  @CommunityAccess(COMMUNITY_STAFF)
  @Post('seal-requests/:id/refusals')
  @ApiOperation({ summary: '保管人拒绝用章（须说明理由）' })
  @ApiCreatedResponse({ type: SealRequestDetailDto })
  refuse(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: RefuseSealDto,
  ): Promise<SealRequestDetailDto> {
    return this.requests.refuse(user.id, communityId, id, body.kind, body.reason);
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get('seal-log')
  @ApiOperation({ summary: '用章登记（含拒绝用章）' })
  @ApiOkResponse({ type: [SealLogEntryDto] })
  sealLog(@Param() { communityId }: CommunityParam, @Query() query: SealLogQueryDto) {
    return this.log.list(communityId, query);
  }

  @CommunityAccess(COMMITTEE)
  @Post('seal-log/reports')
  @ApiOperation({ summary: '生成半年度用章登记公示 PDF（登记为文书，经业委会章用章后公示）' })
  @ApiCreatedResponse({ type: DocumentRecordDto, description: '登记的公示文书（草稿）' })
  report(
    @CurrentUser() user: AuthUser,
    @Param() { communityId }: CommunityParam,
    @Body() body: SealLogReportDto,
  ): Promise<DocumentRecordDto> {
    return this.log.report(user.id, communityId, body.year, body.half);
  }
}
