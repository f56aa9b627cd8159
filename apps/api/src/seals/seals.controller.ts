import { Body, Controller, Get, Header, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { SealCustodyService } from './seal-custody.service';
import { type AuthUser, CommunityAccess, CurrentUser } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_MEMBERS, COMMUNITY_STAFF } from '../identity/roles';
import { CustodiansDto, CustodyProposalDto, HandOverDto, IssueSealsDto, RetireSealDto } from './dto/seals.dto';
import { ProposalParam } from './dto/proposal-param.dto';
import { CreatedIdDto, CustodyProposalViewDto, SealDto } from './dto/seal-responses.dto';
import { SealsService } from './seals.service';

@ApiTags('seals')
@Controller('communities/:communityId/seals')
export class SealsController {
  constructor(
    private readonly seals: SealsService,
    private readonly custody: SealCustodyService,
  ) {}

  @CommunityAccess(COMMUNITY_STAFF, { admin: true })
  @Get()
  @ApiOperation({ summary: '本小区的印章（各届）及保管人' })
  @ApiOkResponse({ type: [SealDto] })
  list(@Param() { communityId }: CommunityParam): Promise<SealDto[]> {
    return this.seals.list(communityId);
  }

  // Not the platform admin: cutting and retiring a community's seals is the community's act (issue 10 item 6).
  @CommunityAccess(['committee_director'])
  @Post()
  @ApiOperation({
    summary: '刻制第 N 届印章（证书由平台根证书签发；上一届同类印章同时停用；默认保管人：业主大会章—居委会，业委会章—业委会主任）',
  })
  @ApiCreatedResponse({ type: [SealDto], description: '本小区全部印章（含新刻制的）' })
  issue(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam, @Body() body: IssueSealsDto): Promise<SealDto[]> {
    return this.seals.issue(user.id, communityId, body.term, body.kinds);
  }

  @CommunityAccess(COMMUNITY_STAFF, { admin: true })
  @Get(':id')
  @ApiOperation({ summary: '印章详情' })
  @ApiOkResponse({ type: SealDto })
  get(@Param() { communityId, id }: CommunityItemParam): Promise<SealDto> {
    return this.seals.get(communityId, id);
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get(':id/certificate')
  @Header('Content-Type', 'application/x-pem-file')
  @ApiProduces('application/x-pem-file')
  @ApiOperation({ summary: '下载印章证书（PEM）' })
  @ApiOkResponse({ schema: { type: 'string' }, description: 'PEM 证书文本' })
  async certificate(@Param() { communityId, id }: CommunityItemParam) {
    return (await this.seals.certificate(communityId, id)).pem;
  }

  @CommunityAccess(['committee_director'])
  @Post(':id/retirement')
  @ApiOperation({ summary: '停用印章（如届满）' })
  @ApiCreatedResponse({ type: SealDto })
  retire(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: RetireSealDto): Promise<SealDto> {
    return this.seals.retire(user.id, communityId, id, body.reason);
  }

  @CommunityAccess(COMMUNITY_STAFF)
  @Put(':id/custodians')
  @ApiOperation({ summary: '居委会指定业主大会章保管人（替换现有保管人，历史保留；业委会章须两名委员决定）' })
  @ApiOkResponse({ type: SealDto })
  async custodians(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: CustodiansDto,
  ): Promise<SealDto> {
    await this.custody.appoint(user.id, communityId, id, body.userIds);
    return this.seals.get(communityId, id);
  }

  @CommunityAccess(COMMUNITY_STAFF)
  @Get(':id/custody-proposals')
  @ApiOperation({ summary: '业委会章保管人决定（提出与确认）' })
  @ApiOkResponse({ type: [CustodyProposalViewDto] })
  proposals(@Param() { communityId, id }: CommunityItemParam): Promise<CustodyProposalViewDto[]> {
    return this.custody.proposals(communityId, id);
  }

  @CommunityAccess(COMMITTEE)
  @Post(':id/custody-proposals')
  @ApiOperation({ summary: '一名委员提出业委会章保管人（须另一名委员确认后生效）' })
  @ApiCreatedResponse({ type: CreatedIdDto })
  propose(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: CustodyProposalDto,
  ): Promise<CreatedIdDto> {
    return this.custody.propose(user.id, communityId, id, body.userIds, body.note?.trim() ?? '');
  }

  @CommunityAccess(COMMITTEE)
  @Post(':id/custody-proposals/:proposalId/confirmation')
  @ApiOperation({ summary: '另一名委员确认业委会章保管人决定' })
  @ApiCreatedResponse({ type: SealDto })
  async confirm(@CurrentUser() user: AuthUser, @Param() { communityId, id, proposalId }: ProposalParam): Promise<SealDto> {
    await this.custody.confirm(user.id, communityId, id, proposalId);
    return this.seals.get(communityId, id);
  }

  @CommunityAccess(COMMITTEE)
  @Post(':id/custody-proposals/:proposalId/withdrawal')
  @HttpCode(200)
  @ApiOperation({ summary: '撤回待确认的保管人决定' })
  @ApiOkResponse({ type: [CustodyProposalViewDto] })
  async withdraw(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id, proposalId }: ProposalParam,
  ): Promise<CustodyProposalViewDto[]> {
    await this.custody.withdraw(user.id, communityId, id, proposalId);
    return this.custody.proposals(communityId, id);
  }

  @CommunityAccess(COMMUNITY_STAFF)
  @Post(':id/key-handovers')
  @ApiOperation({ summary: '保管人以用章密码向尚无密钥的共同保管人交接印章密钥' })
  @ApiCreatedResponse({ type: SealDto })
  async handOver(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: HandOverDto,
  ): Promise<SealDto> {
    await this.custody.handOver(user.id, communityId, id, body.pin);
    return this.seals.get(communityId, id);
  }
}
