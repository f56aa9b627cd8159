import { Body, Controller, Get, Header, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentUser } from '../identity/decorators';
import { COMMUNITY_MEMBERS, COMMUNITY_STAFF } from '../identity/roles';
import { CustodiansDto, IssueSealsDto, RetireSealDto } from './dto/seals.dto';
import { SealsService } from './seals.service';

@ApiTags('seals')
@Controller('communities/:communityId/seals')
export class SealsController {
  constructor(private readonly seals: SealsService) {}

  @CommunityAccess(COMMUNITY_STAFF, { admin: true })
  @Get()
  @ApiOperation({ summary: '本小区的印章（各届）及保管人' })
  list(@Param() { communityId }: CommunityParam) {
    return this.seals.list(communityId);
  }

  @CommunityAccess(['committee_director'], { admin: true })
  @Post()
  @ApiOperation({
    summary: '刻制第 N 届印章（证书由平台根证书签发；上一届同类印章同时停用；默认保管人：业主大会章—居委会，业委会章—业委会主任）',
  })
  issue(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam, @Body() body: IssueSealsDto) {
    return this.seals.issue(user.id, communityId, body.term, body.kinds);
  }

  @CommunityAccess(COMMUNITY_STAFF, { admin: true })
  @Get(':id')
  @ApiOperation({ summary: '印章详情' })
  get(@Param() { communityId, id }: CommunityItemParam) {
    return this.seals.get(communityId, id);
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get(':id/certificate')
  @Header('Content-Type', 'application/x-pem-file')
  @ApiProduces('application/x-pem-file')
  @ApiOperation({ summary: '下载印章证书（PEM）' })
  async certificate(@Param() { communityId, id }: CommunityItemParam) {
    return (await this.seals.certificate(communityId, id)).pem;
  }

  @CommunityAccess(['committee_director'], { admin: true })
  @Post(':id/retirement')
  @ApiOperation({ summary: '停用印章（如届满）' })
  retire(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: RetireSealDto) {
    return this.seals.retire(user.id, communityId, id, body.reason);
  }

  @CommunityAccess(['committee_director'], { admin: true })
  @Put(':id/custodians')
  @ApiOperation({ summary: '指定印章保管人（替换现有保管人，历史保留）' })
  custodians(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: CustodiansDto) {
    return this.seals.setCustodians(user.id, communityId, id, body.userIds);
  }
}
