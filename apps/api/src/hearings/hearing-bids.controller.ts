import { Body, Controller, Get, Param, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CommunityItemParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentRoles, CurrentUser } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_MEMBERS, COMMUNITY_ROLES, type CommunityRole } from '../identity/roles';
import { BidsService, type UploadedAttachment } from './bids.service';
import {
  AnswerHearingObjectionDto,
  AssemblyMotionDto,
  HearingBidParam,
  HearingObjectionParam,
  ObjectionDto,
  PublishResultDto,
  ScoreSheetDto,
  SubmitBidDto,
} from './dto/hearing.dto';
import {
  BidReceiptDto,
  HearingDetailDto,
  HearingObjectionDto,
  HearingRecordDto,
  HearingVoteDraftDto,
  MyBidDto,
  ScoreReceiptDto,
} from './dto/hearing-responses.dto';
import { HearingMotionService } from './hearing-motion.service';
import { HearingResultService } from './hearing-result.service';
import { ScoringService } from './scoring.service';

const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
const viewer = (user: AuthUser, roles: CommunityRole[]) => ({ userId: user.id, roles, isAdmin: user.isPlatformAdmin });

@ApiTags('hearings')
@Controller('communities/:communityId/hearings')
export class HearingBidsController {
  constructor(
    private readonly bids: BidsService,
    private readonly scoring: ScoringService,
    private readonly results: HearingResultService,
    private readonly motions: HearingMotionService,
  ) {}

  @CommunityAccess(['vendor'])
  @Post(':id/bids')
  @UseInterceptors(FileInterceptor('attachment', { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 }, defParamCharset: 'utf8' }))
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['amountFen', 'warrantyMonths', 'deliveryDays', 'proposal'],
      properties: {
        amountFen: { type: 'string' },
        warrantyMonths: { type: 'integer' },
        deliveryDays: { type: 'integer' },
        proposal: { type: 'string' },
        attachment: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiOperation({ summary: '受邀供应商投标或修改投标（截止前；每次提交为完整的一版，密封保存）' })
  @ApiCreatedResponse({ type: BidReceiptDto })
  submit(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: SubmitBidDto,
    @UploadedFile() file: UploadedAttachment | undefined,
  ): Promise<BidReceiptDto> {
    return this.bids.submit(user.id, communityId, id, body, file);
  }

  @CommunityAccess(['vendor'])
  @Get(':id/my-bid')
  @ApiOperation({ summary: '供应商查看本方投标（各版时间与承诺值，及当前版内容）' })
  @ApiOkResponse({ type: MyBidDto })
  mine(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam): Promise<MyBidDto> {
    return this.bids.mine(user.id, communityId, id);
  }

  @CommunityAccess(COMMITTEE)
  @Post(':id/opening')
  @ApiOperation({ summary: '开标：开标时间起，当场一次性开启全部投标；不足 3 份则流标重新招标' })
  @ApiCreatedResponse({ type: HearingDetailDto })
  open(@CurrentUser() user: AuthUser, @CurrentRoles() roles: CommunityRole[], @Param() { communityId, id }: CommunityItemParam) {
    return this.bids.open(user.id, communityId, id, viewer(user, roles));
  }

  @CommunityAccess(COMMUNITY_ROLES, { admin: true })
  @Get(':id/bids/:bidId/attachment')
  @ApiOperation({ summary: '下载投标附件（开标后）' })
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: '投标附件原文件（总是以下载方式发送）' })
  async attachment(
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
    @Param() { communityId, id, bidId }: HearingBidParam,
  ) {
    const file = await this.bids.attachment(communityId, id, bidId, viewer(user, roles));
    // Always a download, never rendered in our origin: the file came from a bidder.
    return new StreamableFile(file.buffer, {
      type: 'application/octet-stream',
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      length: file.buffer.length,
    });
  }

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Post(':id/scores')
  @ApiOperation({ summary: '评审提交评分表（每份投标每一评分项 0–100；回避者不得评分）' })
  @ApiCreatedResponse({ type: ScoreReceiptDto })
  score(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: ScoreSheetDto,
  ): Promise<ScoreReceiptDto> {
    return this.scoring.submit(user.id, communityId, id, body.scores);
  }

  @CommunityAccess(COMMITTEE)
  @Post(':id/result')
  @ApiOperation({ summary: '公示评审结果：排名、出席与评分、纪要；异议期按议事规则（默认 3 天）' })
  @ApiCreatedResponse({ type: HearingRecordDto, description: '听证会记录本身（不是详情视图）' })
  publish(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: PublishResultDto) {
    return this.results.publish(user.id, communityId, id, body);
  }

  @CommunityAccess(COMMUNITY_ROLES, { admin: true })
  @Get(':id/result.pdf')
  @ApiOperation({ summary: '评审结果公示 PDF（用章后为定稿；用章前仅工作人员可见草稿）' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'PDF' })
  async resultPdf(@CurrentUser() user: AuthUser, @CurrentRoles() roles: CommunityRole[], @Param() { communityId, id }: CommunityItemParam) {
    const { filename, bytes } = await this.results.pdf(communityId, id, viewer(user, roles));
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      disposition: `inline; filename*=UTF-8''${encodeURIComponent(filename)}`,
      length: bytes.length,
    });
  }

  @CommunityAccess(COMMUNITY_ROLES)
  @Post(':id/objections')
  @ApiOperation({ summary: '异议期内对评审结果提出异议' })
  @ApiCreatedResponse({ type: HearingObjectionDto })
  object(
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: ObjectionDto,
  ): Promise<HearingObjectionDto> {
    return this.scoring.object(user.id, communityId, id, body.text, viewer(user, roles));
  }

  @CommunityAccess(COMMITTEE)
  @Post(':id/objections/:objectionId/answer')
  @ApiOperation({ summary: '业主委员会答复听证结果异议（一次，记入决策记录并通知提出异议的人）' })
  @ApiCreatedResponse({ type: HearingObjectionDto })
  answer(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id, objectionId }: HearingObjectionParam,
    @Body() body: AnswerHearingObjectionDto,
  ): Promise<HearingObjectionDto> {
    return this.scoring.answer(user.id, communityId, id, objectionId, body.answer);
  }

  @CommunityAccess(COMMITTEE)
  @Post(':id/assembly-motion')
  @ApiOperation({ summary: '异议期满后，以入围投标为选项起草业主大会表决（议题须已进入业主大会表决环节）' })
  @ApiCreatedResponse({ type: HearingVoteDraftDto })
  motion(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: AssemblyMotionDto) {
    return this.motions.draftMotion(user.id, communityId, id, body);
  }
}
