import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentUser } from '../identity/decorators';
import { OwnerLetterDto, OwnerLettersDto } from './letters.dto';
import { LettersService } from './letters.service';

@ApiTags('letters')
@Controller('communities/:communityId/letters')
export class LettersController {
  constructor(private readonly letters: LettersService) {}

  @CommunityAccess(['owner'])
  @Get()
  @ApiOperation({ summary: '公告信件：致全体业主的已盖章文书（公告、结果、报告、公示），以及我是否已读' })
  @ApiOkResponse({ type: OwnerLettersDto })
  list(@Param() { communityId }: CommunityParam, @CurrentUser() user: AuthUser): Promise<OwnerLettersDto> {
    return this.letters.list(communityId, user.id);
  }

  @CommunityAccess(['owner'])
  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: '记下我已打开这封公告信件（只记第一次打开的时间）' })
  @ApiOkResponse({ type: OwnerLetterDto })
  read(@Param() { communityId, id }: CommunityItemParam, @CurrentUser() user: AuthUser): Promise<OwnerLetterDto> {
    return this.letters.markRead(communityId, user.id, id);
  }
}
