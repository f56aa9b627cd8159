import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { CommunityAccess, CurrentRoles, CurrentUser, type AuthUser } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_MEMBERS, type CommunityRole } from '../identity/roles';
import { LogVisitDto, ReceptionDayDetailDto, ReceptionDayListDto, ScheduleDayDto } from './reception.dto';
import { ReceptionService } from './reception.service';

const STAFF: CommunityRole[] = ['party_secretary', ...COMMITTEE, 'residents_committee', 'property_company'];

@ApiTags('reception')
@Controller('communities/:communityId/reception-days')
export class ReceptionController {
  constructor(private readonly reception: ReceptionService) {}

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Get()
  @ApiOperation({ summary: '接待日安排（书记接待日、物业经理接待日）' })
  @ApiOkResponse({ type: ReceptionDayListDto })
  list(@Param() { communityId }: CommunityParam): Promise<ReceptionDayListDto> {
    return this.reception.list(communityId);
  }

  @CommunityAccess(STAFF)
  @Post()
  @ApiOperation({ summary: '安排接待日' })
  @ApiCreatedResponse({ type: ReceptionDayDetailDto })
  schedule(
    @Param() { communityId }: CommunityParam,
    @Body() body: ScheduleDayDto,
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
  ): Promise<ReceptionDayDetailDto> {
    return this.reception.schedule(communityId, { userId: user.id, roles }, body) as Promise<ReceptionDayDetailDto>;
  }

  @CommunityAccess(STAFF)
  @Get(':id')
  @ApiOperation({ summary: '接待日台账：每件来访诉求及其办理、销号情况' })
  @ApiOkResponse({ type: ReceptionDayDetailDto })
  detail(@Param() { communityId, id }: CommunityItemParam): Promise<ReceptionDayDetailDto> {
    return this.reception.detail(communityId, id);
  }

  @CommunityAccess(STAFF)
  @Post(':id/visits')
  @ApiOperation({ summary: '登记列账：来访居民反映的问题登记为诉求（工作人员代为登记）' })
  @ApiCreatedResponse({ type: ReceptionDayDetailDto })
  logVisit(
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: LogVisitDto,
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
  ): Promise<ReceptionDayDetailDto> {
    return this.reception.logVisit(communityId, { userId: user.id, roles }, id, body);
  }
}
