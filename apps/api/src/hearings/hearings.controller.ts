import { Body, Controller, Get, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentRoles, CurrentUser } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_MEMBERS, COMMUNITY_ROLES, type CommunityRole } from '../identity/roles';
import { CreateHearingDto, DeclarationDto, PanelDto, VendorInviteDto } from './dto/hearing.dto';
import { HearingDetailDto, HearingRecordDto, HearingSummaryDto, InvitationDto, PanelMemberDto } from './dto/hearing-responses.dto';
import { HearingsService } from './hearings.service';

const viewer = (user: AuthUser, roles: CommunityRole[]) => ({ userId: user.id, roles, isAdmin: user.isPlatformAdmin });

@ApiTags('hearings')
@Controller('communities/:communityId/hearings')
export class HearingsController {
  constructor(private readonly hearings: HearingsService) {}

  @CommunityAccess(COMMITTEE)
  @Post()
  @ApiOperation({ summary: '发布听证会：评审组、受邀供应商、评分标准与权重、投标截止与开标时间' })
  @ApiCreatedResponse({ type: HearingRecordDto, description: '听证会记录本身（不是详情视图）' })
  create(
    @CurrentUser() user: AuthUser,
    @Param() { communityId }: CommunityParam,
    @Body() body: CreateHearingDto,
  ): Promise<HearingRecordDto> {
    return this.hearings.create(user.id, communityId, body);
  }

  @CommunityAccess(COMMUNITY_ROLES, { admin: true })
  @Get()
  @ApiOperation({ summary: '听证会列表（供应商只看到受邀的）' })
  @ApiOkResponse({ type: [HearingSummaryDto] })
  list(
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
    @Param() { communityId }: CommunityParam,
  ): Promise<HearingSummaryDto[]> {
    return this.hearings.list(communityId, viewer(user, roles));
  }

  @CommunityAccess(COMMUNITY_ROLES, { admin: true })
  @Get(':id')
  @ApiOperation({ summary: '听证会详情（开标前投标只显示谁、何时、第几版，任何人不见内容）' })
  @ApiOkResponse({ type: HearingDetailDto })
  get(@CurrentUser() user: AuthUser, @CurrentRoles() roles: CommunityRole[], @Param() { communityId, id }: CommunityItemParam) {
    return this.hearings.get(communityId, id, viewer(user, roles));
  }

  @CommunityAccess(COMMITTEE)
  @Put(':id/panel')
  @ApiOperation({ summary: '调整评审组（结果公示前；被替换者的评分作废）' })
  @ApiOkResponse({ type: [PanelMemberDto], description: '新的评审组' })
  panel(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: PanelDto,
  ): Promise<PanelMemberDto[]> {
    return this.hearings.replacePanel(user.id, communityId, id, body.panel);
  }

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Post(':id/declarations')
  @ApiOperation({ summary: '评审申报有无利益冲突（申报冲突即回避）' })
  @ApiCreatedResponse({ type: PanelMemberDto, description: '申报人的评审席位' })
  declare(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: DeclarationDto,
  ): Promise<PanelMemberDto> {
    return this.hearings.declare(user.id, communityId, id, body.conflict);
  }

  @CommunityAccess(COMMITTEE)
  @Post(':id/invitations')
  @ApiOperation({ summary: '邀请供应商投标（截止前）' })
  @ApiCreatedResponse({ type: InvitationDto })
  invite(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: VendorInviteDto,
  ): Promise<InvitationDto> {
    return this.hearings.invite(user.id, communityId, id, body);
  }
}
