import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RulebookSettings } from '@gongyi/domain/rulebook/rulebook';
import { CommunityParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentUser } from '../identity/decorators';
import { COMMUNITY_MEMBERS } from '../identity/roles';
import { ReviseRulebookDto } from './dto/rulebook.dto';
import { RulebookService } from './rulebook.service';

@ApiTags('rulebook')
@Controller('communities/:communityId/rulebook')
export class RulebookController {
  constructor(private readonly rulebook: RulebookService) {}

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get()
  @ApiOperation({ summary: '现行议事规则' })
  current(@Param() { communityId }: CommunityParam) {
    return this.rulebook.current(communityId);
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get('versions')
  @ApiOperation({ summary: '议事规则各版本' })
  history(@Param() { communityId }: CommunityParam) {
    return this.rulebook.history(communityId);
  }

  @CommunityAccess(['committee_director'], { admin: true })
  @Post('versions')
  @ApiOperation({ summary: '登记新版议事规则（业主大会通过后），在办议题仍按原版本' })
  revise(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam, @Body() body: ReviseRulebookDto) {
    return this.rulebook.revise(user.id, communityId, body.change as Partial<RulebookSettings>, body.note);
  }
}
