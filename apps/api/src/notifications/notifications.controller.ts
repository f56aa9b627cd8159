import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommunityParam } from '../common/params';
import { CommunityAccess, CurrentRoles } from '../identity/decorators';
import { COMMUNITY_MEMBERS, type CommunityRole } from '../identity/roles';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('communities/:communityId/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Get()
  @ApiOperation({ summary: '发给我所任角色的通知（如居委会收到的业主大会公告）' })
  list(@Param() { communityId }: CommunityParam, @CurrentRoles() roles: CommunityRole[]) {
    return this.notifications.forRoles(communityId, roles);
  }
}
