import { Body, Controller, Get, Param, Post, Put, Delete } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommunityItemParam } from '../common/params';
import { PublicCache } from '../common/public-cache';
import { type AuthUser, CommunityAccess, CurrentUser, Public } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_MEMBERS } from '../identity/roles';
import { BallotsService } from './ballots.service';
import { CastBallotDto, ConfirmPaperDto, CreateVoteDto, PaperBallotDto, ReceiptParam, VoteWindowDto } from './dto/vote.dto';
import { VoteNoticeService } from './vote-notice.service';
import { VoteResultsService } from './vote-results.service';
import {
  AssemblyVoteDto,
  CanvassingDto,
  DeletedDto,
  MyBallotDto,
  PaperConfirmationDto,
  ParticipationDto,
  PendingPaperDto,
  ReceiptDto,
  RecountDto,
  VoteResultsDto,
  VoteRowDto,
  VoteTotalsDto,
} from './dto/voting-responses.dto';

@ApiTags('voting')
@Controller('communities/:communityId')
export class VotingController {
  constructor(
    private readonly notices: VoteNoticeService,
    private readonly ballots: BallotsService,
    private readonly results: VoteResultsService,
  ) {}

  @CommunityAccess(COMMITTEE)
  @Post('agenda-items/:id/votes')
  @ApiOperation({ summary: '起草业主大会表决公告（议题须已进入业主大会表决环节）' })
  @ApiCreatedResponse({ type: VoteRowDto })
  draft(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: CreateVoteDto) {
    return this.notices.createDraft(user.id, communityId, id, body);
  }

  @CommunityAccess(COMMITTEE)
  @Put('votes/:id')
  @ApiOperation({ summary: '修改表决草稿（公告发布前）' })
  @ApiOkResponse({ type: VoteRowDto })
  updateDraft(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: CreateVoteDto) {
    return this.notices.updateDraft(user.id, communityId, id, body);
  }

  @CommunityAccess(COMMITTEE)
  @Delete('votes/:id')
  @ApiOperation({ summary: '删除表决草稿（公告发布前）' })
  @ApiOkResponse({ type: DeletedDto })
  deleteDraft(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam) {
    return this.notices.deleteDraft(user.id, communityId, id);
  }

  @CommunityAccess(COMMITTEE)
  @Post('votes/:id/notice')
  @ApiOperation({ summary: '发布公告：冻结议案与选民名册，通知居委会（须早于投票开始至少公告期天数）' })
  @ApiCreatedResponse({ type: AssemblyVoteDto })
  publish(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam) {
    return this.notices.publish(user.id, communityId, id);
  }

  @CommunityAccess(COMMITTEE)
  @Put('votes/:id/window')
  @ApiOperation({ summary: '调整投票时间（公告已发布但尚未用章时；公告以用章之日为发布日）' })
  @ApiOkResponse({ type: AssemblyVoteDto })
  reschedule(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: VoteWindowDto) {
    return this.notices.reschedule(user.id, communityId, id, body);
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get('votes/:id')
  @ApiOperation({ summary: '表决公告与议案' })
  @ApiOkResponse({ type: AssemblyVoteDto })
  get(@Param() { communityId, id }: CommunityItemParam) {
    return this.notices.get(communityId, id);
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get('votes/:id/totals')
  @ApiOperation({ summary: '本次表决的范围与基数（总面积、总人数、三分之二线；按议事规则的车位计算方式）' })
  @ApiOkResponse({ type: VoteTotalsDto })
  totals(@Param() { communityId, id }: CommunityItemParam) {
    return this.notices.totals(communityId, id);
  }

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Get('votes/:id/my-ballot')
  @ApiOperation({ summary: '我的表决票：房屋、面积、已投议案、受托代理' })
  @ApiOkResponse({ type: MyBallotDto })
  mine(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam) {
    return this.ballots.mySheet(user.id, communityId, id);
  }

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Post('votes/:id/ballots')
  @ApiOperation({ summary: '网上投票（本人，或凭书面委托代理投票）；返回回执码' })
  @ApiCreatedResponse({ type: ReceiptDto })
  cast(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: CastBallotDto) {
    return this.ballots.castOnline(user.id, communityId, id, body.choices, body.onBehalfOf);
  }

  @CommunityAccess(COMMITTEE)
  @Post('votes/:id/paper-ballots')
  @ApiOperation({ summary: '录入纸质表决票（须另一位委员核对后计入）' })
  @ApiCreatedResponse({ type: ReceiptDto })
  enterPaper(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: PaperBallotDto) {
    return this.ballots.enterPaper(user.id, communityId, id, body.electorId, body.choices, body.paperRef);
  }

  @CommunityAccess(COMMITTEE)
  @Get('votes/:id/paper-ballots/pending')
  @ApiOperation({ summary: '待核对的纸质表决票' })
  @ApiOkResponse({ type: [PendingPaperDto] })
  pending(@Param() { communityId, id }: CommunityItemParam) {
    return this.ballots.pendingPaper(communityId, id);
  }

  @CommunityAccess(COMMITTEE)
  @Post('votes/:id/paper-ballots/:code/confirmation')
  @ApiOperation({ summary: '第二位委员核对纸质表决票：一致则计入，不一致则退回' })
  @ApiCreatedResponse({ type: PaperConfirmationDto })
  confirm(@CurrentUser() user: AuthUser, @Param() { communityId, id, code }: ReceiptParam, @Body() body: ConfirmPaperDto) {
    return this.ballots.confirmPaper(user.id, communityId, id, code, body.confirm, body.reason);
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get('votes/:id/receipts/:code')
  @ApiOperation({ summary: '核对回执：何时以何种方式记录（不显示选择）' })
  @ApiOkResponse({ type: ReceiptDto })
  receipt(@Param() { communityId, id, code }: ReceiptParam) {
    return this.ballots.receipt(communityId, id, code);
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get('votes/:id/participation')
  @ApiOperation({ summary: '实时参与情况（面积与人数对照三分之二线，不显示个人选择）' })
  @ApiOkResponse({ type: ParticipationDto })
  participation(@Param() { communityId, id }: CommunityItemParam) {
    return this.results.participation(communityId, id);
  }

  @CommunityAccess([...COMMITTEE, 'representative'])
  @Get('votes/:id/canvassing')
  @ApiOperation({ summary: '扫楼名单：按楼栋列出尚未投票的业主，及距三分之二线的差额' })
  @ApiOkResponse({ type: CanvassingDto })
  canvassing(@Param() { communityId, id }: CommunityItemParam) {
    return this.results.canvassing(communityId, id);
  }

  @Public()
  @Get('votes/:id/results')
  @PublicCache()
  @ApiOperation({ summary: '表决结果公告（只列房号与面积，不列姓名）' })
  @ApiOkResponse({ type: VoteResultsDto })
  resultsOf(@Param() { communityId, id }: CommunityItemParam) {
    return this.results.results(communityId, id);
  }

  @CommunityAccess([...COMMITTEE, 'residents_committee', 'party_secretary'], { admin: true })
  @Post('votes/:id/recount')
  @ApiOperation({ summary: '按选票重新计票，并与封存结果比对' })
  @ApiCreatedResponse({ type: RecountDto })
  recount(@Param() { communityId, id }: CommunityItemParam) {
    return this.results.recount(communityId, id);
  }
}
