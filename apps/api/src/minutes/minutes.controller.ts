import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CommunityAccess, CurrentRoles, CurrentUser } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_MEMBERS, type CommunityRole } from '../identity/roles';
import { AmendMinutesDto, AttendeeParam, MeetingParam, RespondDto } from './minutes.dto';
import { MinutesService } from './minutes.service';
import { MinutesConfirmationsDto } from './minutes-responses.dto';

@ApiTags('minutes')
@Controller('communities/:communityId/meetings/:meetingId')
export class MinutesController {
  constructor(private readonly minutes: MinutesService) {}

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get('confirmations')
  @ApiOperation({ summary: '会议纪要确认情况：每位与会人员（缺席、待确认、已确认、提出意见、纸面签字）' })
  @ApiOkResponse({ type: MinutesConfirmationsDto })
  view(@Param() { communityId, meetingId }: MeetingParam) {
    return this.minutes.view(communityId, meetingId);
  }

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Post('confirmations')
  @ApiOperation({ summary: '与会人员本人确认纪要或提出意见' })
  @ApiCreatedResponse({ type: MinutesConfirmationsDto })
  respond(@CurrentUser() user: AuthUser, @Param() { communityId, meetingId }: MeetingParam, @Body() body: RespondDto) {
    return this.minutes.respond(user.id, communityId, meetingId, body.decision, body.comment);
  }

  @CommunityAccess([...COMMITTEE, 'party_secretary', 'representative'])
  @Post('paper-confirmations/:index')
  @ApiOperation({ summary: '记录人登记无账号与会人员的纸面签字（须另一位委员核对）' })
  @ApiCreatedResponse({ type: MinutesConfirmationsDto })
  enterPaper(@CurrentUser() user: AuthUser, @Param() { communityId, meetingId, index }: AttendeeParam) {
    return this.minutes.enterPaper(user.id, communityId, meetingId, index);
  }

  @CommunityAccess(COMMITTEE)
  @Post('paper-confirmations/:index/countersignature')
  @ApiOperation({ summary: '另一位委员核对纸面签字（登记人本人不能核对）' })
  @ApiCreatedResponse({ type: MinutesConfirmationsDto })
  countersign(
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
    @Param() { communityId, meetingId, index }: AttendeeParam,
  ) {
    return this.minutes.countersign(user.id, roles, communityId, meetingId, index);
  }

  @CommunityAccess([...COMMITTEE, 'party_secretary', 'representative'])
  @Post('amendments')
  @ApiOperation({ summary: '记录人修改纪要（如按意见修改）：确认重新开始' })
  @ApiCreatedResponse({ type: MinutesConfirmationsDto })
  amend(@CurrentUser() user: AuthUser, @Param() { communityId, meetingId }: MeetingParam, @Body() body: AmendMinutesDto) {
    return this.minutes.amend(user.id, communityId, meetingId, body.minutes, body.reason);
  }
}
