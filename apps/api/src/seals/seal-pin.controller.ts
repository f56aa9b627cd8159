import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommunityParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentUser } from '../identity/decorators';
import { COMMUNITY_STAFF } from '../identity/roles';
import { SealPinDto } from './dto/seals.dto';
import { SealPinStatusDto } from './dto/seal-responses.dto';
import { SealKeysService } from './seal-keys.service';

/** The caller's own seal PIN in this community: only the custodian knows it, the server keeps no way to open it. */
@ApiTags('seals')
@Controller('communities/:communityId/my-seal-pin')
export class SealPinController {
  constructor(private readonly keys: SealKeysService) {}

  @CommunityAccess(COMMUNITY_STAFF)
  @Get()
  @ApiOperation({ summary: '我的用章密码状态及持有密钥的印章' })
  @ApiOkResponse({ type: SealPinStatusDto })
  status(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam): Promise<SealPinStatusDto> {
    return this.keys.status(communityId, user.id);
  }

  @CommunityAccess(COMMUNITY_STAFF)
  @Put()
  @ApiOperation({ summary: '设置或修改我的用章密码（旧印章在首次设置时改由密码保护）' })
  @ApiOkResponse({ type: SealPinStatusDto })
  set(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam, @Body() body: SealPinDto): Promise<SealPinStatusDto> {
    return this.keys.setPin(user.id, communityId, body.pin, body.currentPin);
  }

  @CommunityAccess(COMMUNITY_STAFF)
  @Delete()
  @ApiOperation({ summary: '忘记用章密码：作废我的密码及全部印章密钥副本（须由其他保管人交接或刻制新一届印章）' })
  @ApiOkResponse({ type: SealPinStatusDto })
  reset(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam): Promise<SealPinStatusDto> {
    return this.keys.resetPin(user.id, communityId);
  }
}
