import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PlatformAdmin } from './decorators';
import { CreateUserDto, UserQueryDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @PlatformAdmin()
  @Post()
  @ApiOperation({ summary: '创建账号（省略密码则返回一次性密码）' })
  create(@Body() body: CreateUserDto) {
    return this.users.create(body);
  }

  @PlatformAdmin()
  @Get()
  @ApiOperation({ summary: '查找账号' })
  search(@Query() query: UserQueryDto) {
    return this.users.search(query.q);
  }
}
