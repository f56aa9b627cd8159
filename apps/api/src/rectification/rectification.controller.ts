import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { RECTIFICATION_STATUSES } from '@gongyi/domain/rectification/rectification';
import { Invalid } from '../common/app-error';
import { type AuthUser, CommunityAccess, CurrentRoles, CurrentUser } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_STAFF, type CommunityRole } from '../identity/roles';
import {
  CommunityParam,
  RaiseRectificationDto,
  RectificationActionDto,
  RectificationDetailDto,
  RectificationListDto,
  RectificationParam,
} from './rectification.dto';
import { RectificationService } from './rectification.service';

@ApiTags('rectification')
@Controller('communities/:communityId/rectifications')
export class RectificationController {
  constructor(private readonly rectification: RectificationService) {}

  @CommunityAccess([...COMMUNITY_STAFF, 'representative'], { admin: true })
  @Get()
  @ApiOperation({ summary: '整改事项清单（交办、整改中、待验收、已验收；逾期标出）' })
  @ApiQuery({ name: 'status', required: false, enum: RECTIFICATION_STATUSES })
  @ApiOkResponse({ type: RectificationListDto })
  list(@Param() { communityId }: CommunityParam, @Query('status') status?: string) {
    if (status !== undefined && !(RECTIFICATION_STATUSES as readonly string[]).includes(status)) {
      throw new Invalid('status 须为 assigned / in_progress / submitted / accepted', 'invalid_status');
    }
    return this.rectification.list(communityId, status);
  }

  @CommunityAccess([...COMMITTEE, 'party_secretary', 'residents_committee'])
  @Post()
  @ApiOperation({ summary: '提出整改事项（四方联席会议或检查），交办物业并定整改期限' })
  @ApiCreatedResponse({ type: RectificationDetailDto })
  raise(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam, @Body() body: RaiseRectificationDto) {
    return this.rectification.raise(user.id, communityId, body);
  }

  @CommunityAccess([...COMMUNITY_STAFF, 'representative'], { admin: true })
  @Get(':id')
  @ApiOperation({ summary: '整改事项详情：进展、证据与验收记录' })
  @ApiOkResponse({ type: RectificationDetailDto })
  detail(@CurrentUser() user: AuthUser, @CurrentRoles() roles: CommunityRole[], @Param() { communityId, id }: RectificationParam) {
    return this.rectification.detail(communityId, id, user.id, roles);
  }

  @CommunityAccess([...COMMITTEE, 'property_company'])
  @Post(':id/actions')
  @ApiOperation({ summary: '物业开始整改、报告进展、提交完成；业委会验收或退回（物业不能验收自己的事项）' })
  @ApiCreatedResponse({ type: RectificationDetailDto })
  act(
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
    @Param() { communityId, id }: RectificationParam,
    @Body() body: RectificationActionDto,
  ) {
    return this.rectification.act(user.id, roles, communityId, id, body);
  }
}
