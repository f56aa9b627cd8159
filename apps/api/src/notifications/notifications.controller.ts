import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommunityParam } from '../common/params';
import { CommunityAccess, CurrentRoles, CurrentUser, type AuthUser } from '../identity/decorators';
import { COMMUNITY_ROLES, type CommunityRole } from '../identity/roles';
import { NotificationsService } from './notifications.service';
import { MarkedReadDto, NotificationDto } from './notification-responses.dto';

/** Vendors too: they read only what is addressed to them personally (an invitation, an answer), see the service. */
@ApiTags('notifications')
@Controller('communities/:communityId/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @CommunityAccess(COMMUNITY_ROLES)
  @Get()
  @ApiOperation({ summary: '发给我（或我所任角色）的通知，含是否已读' })
  @ApiOkResponse({ type: [NotificationDto] })
  list(@Param() { communityId }: CommunityParam, @CurrentRoles() roles: CommunityRole[], @CurrentUser() user: AuthUser) {
    return this.notifications.forRoles(communityId, roles, 100, user.id);
  }

  @CommunityAccess(COMMUNITY_ROLES)
  @Post('read')
  @HttpCode(200)
  @ApiOperation({ summary: '把我的通知全部标为已读' })
  @ApiOkResponse({ type: MarkedReadDto })
  markRead(@Param() { communityId }: CommunityParam, @CurrentRoles() roles: CommunityRole[], @CurrentUser() user: AuthUser) {
    return this.notifications.markAllRead(communityId, roles, user.id);
  }
}
