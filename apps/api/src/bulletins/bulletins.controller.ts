import { Body, Controller, Get, Header, Param, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type AuthUser, CommunityAccess, CurrentUser, Public } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_STAFF } from '../identity/roles';
import {
  BulletinDto,
  BulletinListDto,
  BulletinParam,
  BulletinSealRequestDto,
  CommunityParam,
  ComposeBulletinDto,
  PublicBulletinListDto,
} from './bulletins.dto';
import { BulletinsService } from './bulletins.service';
import { sendPublicDownload } from '../common/public-download';

@ApiTags('bulletins')
@Controller()
export class BulletinsController {
  constructor(private readonly bulletins: BulletinsService) {}

  @CommunityAccess([...COMMUNITY_STAFF, 'representative'], { admin: true })
  @Get('communities/:communityId/bulletins')
  @ApiOperation({ summary: '四方联席工作简报（每月一份）：待盖章、用章申请中、已发布' })
  @ApiOkResponse({ type: BulletinListDto })
  list(@Param() { communityId }: CommunityParam) {
    return this.bulletins.list(communityId);
  }

  @CommunityAccess(COMMITTEE)
  @Post('communities/:communityId/bulletins')
  @ApiOperation({ summary: '编制某月四方联席工作简报（会议、整改事项、居民诉求统计、按时办结率），登记为待盖章文书' })
  @ApiCreatedResponse({ type: BulletinDto })
  compose(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam, @Body() body: ComposeBulletinDto) {
    return this.bulletins.compose(user.id, communityId, body.month);
  }

  @CommunityAccess([...COMMUNITY_STAFF, 'representative'], { admin: true })
  @Get('communities/:communityId/bulletins/:id')
  @ApiOperation({ summary: '一份简报的状态与数字' })
  @ApiOkResponse({ type: BulletinDto })
  get(@Param() { communityId, id }: BulletinParam) {
    return this.bulletins.get(communityId, id);
  }

  @CommunityAccess(COMMITTEE)
  @Post('communities/:communityId/bulletins/:id/seal-request')
  @ApiOperation({ summary: '为简报申请加盖业委会章（由申请人以外的保管人用章）' })
  @ApiCreatedResponse({ type: BulletinSealRequestDto })
  requestSeal(@CurrentUser() user: AuthUser, @Param() { communityId, id }: BulletinParam) {
    return this.bulletins.requestSeal(user.id, communityId, id);
  }

  @Public()
  @Get('public/communities/:communityId/bulletins')
  @ApiOperation({ summary: '公开：已盖章发布的四方联席工作简报' })
  @ApiOkResponse({ type: PublicBulletinListDto })
  published(@Param() { communityId }: CommunityParam) {
    return this.bulletins.published(communityId);
  }

  @Public()
  @Get('public/communities/:communityId/bulletins/:id/pdf')
  @Header('Content-Type', 'application/pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: '公开：下载盖章的四方联席工作简报（PDF，可验证签章）' })
  async pdf(@Param() { communityId, id }: BulletinParam, @Req() req: Request, @Res() res: Response) {
    sendPublicDownload(req, res, await this.bulletins.publishedPdf(communityId, id));
  }
}
