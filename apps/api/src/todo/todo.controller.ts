import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommunityParam } from '../common/params';
import { CommunityAccess, CurrentRoles, CurrentUser, type AuthUser } from '../identity/decorators';
import { COMMUNITY_ROLES, type CommunityRole } from '../identity/roles';
import { TodoService } from './todo.service';
import { TodoListDto } from './todo-responses.dto';

@ApiTags('todo')
@Controller('communities/:communityId/todo')
export class TodoController {
  constructor(private readonly todo: TodoService) {}

  @CommunityAccess(COMMUNITY_ROLES)
  @Get()
  @ApiOperation({ summary: '我的待办：在本小区等待我处理的事项（由各事项的当前状态算出）' })
  @ApiOkResponse({ type: TodoListDto })
  list(@Param() { communityId }: CommunityParam, @CurrentUser() user: AuthUser, @CurrentRoles() roles: CommunityRole[]) {
    return this.todo.forUser(communityId, user.id, roles);
  }
}
