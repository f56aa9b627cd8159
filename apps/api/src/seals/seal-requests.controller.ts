import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentUser } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_MEMBERS, COMMUNITY_STAFF } from '../identity/roles';
import { ApplySealDto, CreateSealRequestDto, RefuseSealDto, SealLogQueryDto, SealLogReportDto, SealRequestQueryDto } from './dto/seals.dto';
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
  create(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam, @Body() body: CreateSealRequestDto) {
    return this.requests.create(user.id, communityId, body);
  }

  @CommunityAccess(COMMUNITY_STAFF, { admin: true })
  @Get('seal-requests')
  @ApiOperation({ summary: '用章申请列表' })
  list(@Param() { communityId }: CommunityParam, @Query() query: SealRequestQueryDto) {
    return this.requests.list(communityId, query);
  }

  @CommunityAccess(COMMUNITY_STAFF, { admin: true })
  @Get('seal-requests/:id')
  @ApiOperation({ summary: '用章申请详情与用章记录' })
  get(@Param() { communityId, id }: CommunityItemParam) {
    return this.requests.get(communityId, id);
  }

  @CommunityAccess(COMMUNITY_STAFF)
  @Post('seal-requests/:id/applications')
  @ApiOperation({ summary: '保管人用章：对 PDF 数字签名（第二枚印章以增量更新追加，第一枚签名保持有效）' })
  apply(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: ApplySealDto) {
    return this.requests.apply(user.id, communityId, id, body.kind);
  }

  @CommunityAccess(COMMUNITY_STAFF)
  @Post('seal-requests/:id/refusals')
  @ApiOperation({ summary: '保管人拒绝用章（须说明理由）' })
  refuse(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: RefuseSealDto) {
    return this.requests.refuse(user.id, communityId, id, body.kind, body.reason);
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get('seal-log')
  @ApiOperation({ summary: '用章登记（含拒绝用章）' })
  sealLog(@Param() { communityId }: CommunityParam, @Query() query: SealLogQueryDto) {
    return this.log.list(communityId, query);
  }

  @CommunityAccess(COMMITTEE)
  @Post('seal-log/reports')
  @ApiOperation({ summary: '生成半年度用章登记公示 PDF（登记为文书，经业委会章用章后公示）' })
  report(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam, @Body() body: SealLogReportDto) {
    return this.log.report(user.id, communityId, body.year, body.half);
  }
}
