import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RulebookSettings } from '@gongyi/domain/rulebook/rulebook';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentUser } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_MEMBERS } from '../identity/roles';
import { AdoptDraftDto } from './dto/rulebook-draft.dto';
import { CitableVoteDto, RulebookDraftDto, RulebookDraftStateDto, RulebookVersionDto } from './dto/rulebook-responses.dto';
import { ReviseRulebookDto } from './dto/rulebook.dto';
import { RulebookDraftsService } from './rulebook-drafts.service';

@ApiTags('rulebook')
@Controller('communities/:communityId/rulebook')
export class RulebookDraftsController {
  constructor(private readonly drafts: RulebookDraftsService) {}

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get('drafts')
  @ApiOperation({ summary: '议事规则修订草案及其生效依据' })
  @ApiOkResponse({ type: [RulebookDraftDto], description: '最新的在前' })
  list(@Param() { communityId }: CommunityParam) {
    return this.drafts.list(communityId);
  }

  @CommunityAccess(COMMITTEE)
  @Get('citable-votes')
  @ApiOperation({ summary: '可作为议事规则生效依据的业主大会表决（本小区、「制定和修改议事规则」事项、已结束）' })
  @ApiOkResponse({ type: [CitableVoteDto] })
  citable(@Param() { communityId }: CommunityParam) {
    return this.drafts.citableVotes(communityId);
  }

  @CommunityAccess(COMMITTEE)
  @Post('drafts')
  @ApiOperation({ summary: '委员起草议事规则修订（须经业主大会表决通过或首版经居委会确认后生效）' })
  @ApiCreatedResponse({ type: RulebookDraftStateDto })
  draft(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam, @Body() body: ReviseRulebookDto) {
    return this.drafts.draft(user.id, communityId, body.change as Partial<RulebookSettings>, body.note.trim());
  }

  @CommunityAccess(COMMITTEE)
  @Post('drafts/:id/adoption')
  @ApiOperation({ summary: '依据已通过的业主大会表决使草案生效（成为新版议事规则）' })
  @ApiCreatedResponse({ type: RulebookVersionDto })
  adopt(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: AdoptDraftDto) {
    return this.drafts.adoptByVote(user.id, communityId, id, body.voteId);
  }

  @CommunityAccess(['residents_committee'])
  @Post('drafts/:id/confirmation')
  @ApiOperation({ summary: '居委会确认本小区首版议事规则' })
  @ApiCreatedResponse({ type: RulebookVersionDto })
  confirm(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam) {
    return this.drafts.confirmFirst(user.id, communityId, id);
  }

  @CommunityAccess(COMMITTEE)
  @Post('drafts/:id/withdrawal')
  @HttpCode(200)
  @ApiOperation({ summary: '撤回未生效的草案' })
  @ApiOkResponse({ type: RulebookDraftStateDto })
  withdraw(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam) {
    return this.drafts.withdraw(user.id, communityId, id);
  }
}
