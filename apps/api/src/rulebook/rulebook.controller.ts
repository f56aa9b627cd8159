import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommunityParam } from '../common/params';
import { CommunityAccess } from '../identity/decorators';
import { COMMUNITY_MEMBERS } from '../identity/roles';
import { RulebookVersionDto } from './dto/rulebook-responses.dto';
import { RulebookService } from './rulebook.service';

@ApiTags('rulebook')
@Controller('communities/:communityId/rulebook')
export class RulebookController {
  constructor(private readonly rulebook: RulebookService) {}

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get()
  @ApiOperation({ summary: '现行议事规则' })
  @ApiOkResponse({ type: RulebookVersionDto })
  current(@Param() { communityId }: CommunityParam) {
    return this.rulebook.current(communityId);
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get('versions')
  @ApiOperation({ summary: '议事规则各版本' })
  @ApiOkResponse({ type: [RulebookVersionDto], description: '最新版本在前' })
  history(@Param() { communityId }: CommunityParam) {
    return this.rulebook.history(communityId);
  }
  // No route makes a version directly: drafts take effect through a decision (rulebook-drafts.controller.ts).
}
