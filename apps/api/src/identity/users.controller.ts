import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService } from './auth.service';
import { PlatformAdmin, Public } from './decorators';
import { PublicUserDto, RegisteredUserDto } from './dto/identity-responses.dto';
import { RegisterDto, UserQueryDto } from './dto/user.dto';
import { UsersService } from './users.service';

/**
 * Nobody creates a login for someone else: staff register their own account (and choose their own password),
 * then the platform admin finds it and grants the role; owners activate theirs from an activation letter.
 * So no reply ever carries another person's credential.
 */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly auth: AuthService,
  ) {}

  @Public()
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: '注册账号（本人设置密码；角色由平台管理员或业主激活授予）' })
  @ApiCreatedResponse({ type: RegisteredUserDto })
  @ApiHeader({ name: 'authorization', required: false, description: '平台管理员代为注册时带上登录令牌；本人注册不带' })
  async register(@Body() body: RegisterDto, @Headers('authorization') authorization?: string): Promise<RegisteredUserDto> {
    const { user } = await this.users.create({
      createdBy: await this.signedInAs(authorization),
      loginName: body.loginName,
      mobile: body.mobile,
      displayName: body.displayName,
      password: body.password,
    });
    return { user };
  }

  /**
   * An account registered from someone's signed-in session is that person's doing (created_by): the platform
   * admin may not grant roles to accounts it registered itself.
   */
  private async signedInAs(authorization: string | undefined): Promise<string | undefined> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return undefined;
    try {
      return (await this.auth.authenticate(token)).id;
    } catch {
      return undefined;
    }
  }

  @PlatformAdmin()
  @Get()
  @ApiOperation({ summary: '查找账号' })
  @ApiOkResponse({ type: [PublicUserDto] })
  search(@Query() query: UserQueryDto): Promise<PublicUserDto[]> {
    return this.users.search(query.q);
  }
}
