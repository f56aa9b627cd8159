import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommunityItemParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentRoles, CurrentUser } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_MEMBERS, type CommunityRole } from '../identity/roles';
import { AnswerObjectionDto, FileObjectionDto, IssueFinalResultDto, ObjectionParam } from './dto/objection.dto';
import { VoteObjectionsService } from './vote-objections.service';
import { FinalResultIssuedDto, VoteObjectionDto, VoteObjectionsStatusDto } from './dto/objection-responses.dto';

@ApiTags('voting')
@Controller('communities/:communityId/votes/:id')
export class VoteObjectionsController {
  constructor(private readonly objections: VoteObjectionsService) {}

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Get('objections')
  @ApiOperation({ summary: '初步统计结果的询异情况：阶段、询异期、异议及答复、可进行的操作' })
  @ApiOkResponse({ type: VoteObjectionsStatusDto })
  status(@CurrentUser() user: AuthUser, @CurrentRoles() roles: CommunityRole[], @Param() { communityId, id }: CommunityItemParam) {
    return this.objections.status(communityId, id, { userId: user.id, roles });
  }

  @CommunityAccess(['owner'])
  @Post('objections')
  @ApiOperation({ summary: '询异期内，本次表决名册上的业主对初步统计结果提出异议' })
  @ApiCreatedResponse({ type: VoteObjectionDto })
  file(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: FileObjectionDto) {
    return this.objections.file(user.id, communityId, id, body);
  }

  @CommunityAccess(COMMITTEE)
  @Post('objections/:objectionId/answer')
  @ApiOperation({ summary: '业主委员会答复一件异议（答复后不可更改）' })
  @ApiCreatedResponse({ type: VoteObjectionDto })
  answer(@CurrentUser() user: AuthUser, @Param() { communityId, id, objectionId }: ObjectionParam, @Body() body: AnswerObjectionDto) {
    return this.objections.answer(user.id, communityId, id, objectionId, body);
  }

  @CommunityAccess(COMMITTEE)
  @Post('final-result')
  @ApiOperation({ summary: '询异期满、异议全部答复后发布表决结果公告，并申请加盖双章' })
  @ApiCreatedResponse({ type: FinalResultIssuedDto })
  issueFinal(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: IssueFinalResultDto) {
    return this.objections.issueFinal(user.id, communityId, id, body);
  }
}
