import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentUser } from './decorators';
import { RoleAssignmentDto } from './dto/identity-responses.dto';
import { AssignRoleDto, EndRoleDto } from './dto/user.dto';
import { COMMITTEE } from './roles';
import { RolesService } from './roles.service';

@ApiTags('roles')
@Controller('communities/:communityId/roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @CommunityAccess([...COMMITTEE, 'residents_committee'], { admin: true })
  @Get()
  @ApiOperation({ summary: '小区角色列表' })
  @ApiOkResponse({ type: [RoleAssignmentDto] })
  list(@Param() { communityId }: CommunityParam) {
    return this.roles.list(communityId);
  }

  @CommunityAccess([], { admin: true })
  @Post()
  @ApiOperation({ summary: '授予角色（平台管理员）' })
  @ApiCreatedResponse({ type: RoleAssignmentDto })
  assign(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam, @Body() body: AssignRoleDto) {
    return this.roles.assign(user.id, communityId, body);
  }

  @CommunityAccess([], { admin: true })
  @Post(':id/end')
  @ApiOperation({ summary: '结束角色（保留历史）' })
  @ApiCreatedResponse({ type: RoleAssignmentDto })
  end(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: EndRoleDto) {
    return this.roles.end(user.id, communityId, id, body.endsOn);
  }
}
