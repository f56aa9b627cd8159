import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService } from './auth.service';
import { Authenticated, type AuthUser, CurrentUser, Public } from './decorators';
import { ChangePasswordDto, LoginDto } from './dto/auth.dto';
import { RolesService } from './roles.service';
import { toPublicUser, UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly roles: RolesService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: '登录 (login name or mobile + password)' })
  login(@Body() body: LoginDto) {
    return this.auth.login(body.login, body.password);
  }

  @Authenticated()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录 (revokes this token)' })
  async logout(@CurrentUser() user: AuthUser) {
    await this.auth.logout(user);
  }

  @Authenticated()
  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: '修改密码 (ends other sessions)' })
  async changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto) {
    await this.auth.changePassword(user, body.currentPassword, body.newPassword);
  }

  @Authenticated()
  @Get('me')
  @ApiOperation({ summary: '当前账号及各小区角色' })
  async me(@CurrentUser() user: AuthUser) {
    const account = await this.users.get(user.id);
    return {
      ...toPublicUser(account),
      mustChangePassword: account.mustChangePassword,
      communities: await this.roles.communitiesOf(user.id),
    };
  }
}
