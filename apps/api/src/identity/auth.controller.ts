import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { RateLimit } from '../common/rate-limit';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthService } from './auth.service';
import { AllowedWithOneTimePassword, Authenticated, type AuthUser, CurrentUser, Public } from './decorators';
import { ChangePasswordDto, LoginDto } from './dto/auth.dto';
import { LoginResultDto, MeDto } from './dto/identity-responses.dto';
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
  @RateLimit('login')
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: '登录 (login name or mobile + password)' })
  @ApiOkResponse({ type: LoginResultDto })
  login(@Body() body: LoginDto, @Ip() client: string) {
    return this.auth.login(body.login, body.password, client);
  }

  @Authenticated()
  @AllowedWithOneTimePassword()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: '退出登录 (revokes this token)' })
  @ApiNoContentResponse({ description: '已退出' })
  async logout(@CurrentUser() user: AuthUser) {
    await this.auth.logout(user);
  }

  @Authenticated()
  @AllowedWithOneTimePassword()
  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: '修改密码 (ends other sessions)' })
  @ApiNoContentResponse({ description: '已修改' })
  async changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto) {
    await this.auth.changePassword(user, body.currentPassword, body.newPassword);
  }

  @Authenticated()
  @AllowedWithOneTimePassword()
  @Get('me')
  @ApiOperation({ summary: '当前账号及各小区角色' })
  @ApiOkResponse({ type: MeDto })
  async me(@CurrentUser() user: AuthUser): Promise<MeDto> {
    const account = await this.users.get(user.id);
    return {
      ...toPublicUser(account),
      mustChangePassword: account.mustChangePassword,
      communities: await this.roles.communitiesOf(user.id),
    };
  }
}
