import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentUser } from './decorators';
import { RoleAssignmentDto, RoleGrantRequestDto, RoleGrantRequestsDto } from './dto/identity-responses.dto';
import { AssignRoleDto, DecideRoleRequestDto, EndRoleDto } from './dto/user.dto';
import { RoleRequestsService } from './role-requests.service';
import { COMMITTEE } from './roles';
import { RolesService } from './roles.service';

@ApiTags('roles')
@Controller('communities/:communityId/roles')
export class RolesController {
  constructor(
    private readonly roles: RolesService,
    private readonly requests: RoleRequestsService,
  ) {}

  @CommunityAccess([...COMMITTEE, 'residents_committee'], { admin: true })
  @Get()
  @ApiOperation({ summary: '小区角色列表' })
  @ApiOkResponse({ type: [RoleAssignmentDto] })
  list(@Param() { communityId }: CommunityParam) {
    return this.roles.list(communityId);
  }

  @CommunityAccess([], { admin: true })
  @Post()
  @ApiOperation({ summary: '授予角色（平台管理员；本小区已有在任居委会人员时须改为提交申请）' })
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

  @CommunityAccess([...COMMITTEE, 'residents_committee'], { admin: true })
  @Get('requests')
  @ApiOperation({ summary: '角色授予申请（待居委会确认）' })
  @ApiOkResponse({ type: RoleGrantRequestsDto })
  listRequests(@Param() { communityId }: CommunityParam) {
    return this.requests.list(communityId);
  }

  @CommunityAccess([], { admin: true })
  @Post('requests')
  @ApiOperation({ summary: '申请授予角色（平台管理员），居委会确认后生效' })
  @ApiCreatedResponse({ type: RoleGrantRequestDto })
  request(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam, @Body() body: AssignRoleDto) {
    return this.requests.request(user.id, communityId, body);
  }

  @CommunityAccess(['residents_committee'])
  @Post('requests/:id/confirm')
  @ApiOperation({ summary: '确认角色授予申请（居委会；不能是被授予人或申请人）' })
  @ApiCreatedResponse({ type: RoleAssignmentDto })
  confirm(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam) {
    return this.requests.confirm(user.id, communityId, id);
  }

  @CommunityAccess(['residents_committee'])
  @Post('requests/:id/reject')
  @ApiOperation({ summary: '驳回角色授予申请（居委会，须写明理由）' })
  @ApiCreatedResponse({ type: RoleGrantRequestDto })
  reject(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: DecideRoleRequestDto) {
    return this.requests.reject(user.id, communityId, id, body.reason);
  }
}
