import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, type AuthUser, CurrentUser } from '../../identity/decorators';
import { ChannelSettingsDto, UpdateChannelSettingsDto } from './channel-settings.dto';
import { ChannelSettingsService } from './channel-settings.service';

@ApiTags('notifications')
@Controller('me/notification-channels')
export class ChannelSettingsController {
  constructor(private readonly settings: ChannelSettingsService) {}

  @Authenticated()
  @Get()
  @ApiOperation({ summary: '我的通知方式（邮件、短信）及最近的发送记录' })
  @ApiOkResponse({ type: ChannelSettingsDto })
  get(@CurrentUser() user: AuthUser) {
    return this.settings.get(user.id);
  }

  @Authenticated()
  @Put()
  @ApiOperation({ summary: '设置我的通知方式（逐项开启，须留有邮箱或手机号）' })
  @ApiOkResponse({ type: ChannelSettingsDto })
  update(@CurrentUser() user: AuthUser, @Body() body: UpdateChannelSettingsDto) {
    return this.settings.update(user.id, body);
  }
}
