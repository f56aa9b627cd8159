import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CommunityAccess, CurrentUser, Public } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_STAFF } from '../identity/roles';
import {
  BoardEntryDto,
  CommunityParam,
  HearingParam,
  HearingTrackRecordDto,
  PublishQuarterDto,
  QuarterParam,
  QuarterSummaryDto,
  RateServiceDto,
  RatingFormDto,
  RatingGivenDto,
  ServiceBoardDto,
} from './ratings.dto';
import { RatingsService } from './ratings.service';

@ApiTags('ratings')
@Controller()
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @CommunityAccess(['owner'])
  @Get('communities/:communityId/service-ratings/form')
  @ApiOperation({ summary: '本季度物业服务评价表：评价项目（议事规则公布）与本人名下各户是否已评' })
  @ApiOkResponse({ type: RatingFormDto })
  form(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam) {
    return this.ratings.form(user.id, communityId);
  }

  @CommunityAccess(['owner'])
  @Post('communities/:communityId/service-ratings')
  @ApiOperation({ summary: '业主为本户评价物业服务（每户每季度一次，每项 1–5 星）' })
  @ApiCreatedResponse({ type: RatingGivenDto })
  rate(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam, @Body() body: RateServiceDto) {
    return this.ratings.rate(user.id, communityId, body);
  }

  @CommunityAccess([...COMMUNITY_STAFF, 'representative'], { admin: true })
  @Get('communities/:communityId/service-ratings/quarters/:quarter')
  @ApiOperation({ summary: '季度评价汇总：住户评分、诉求办理与整改按时率、星级与红黑榜（公布前为预览）' })
  @ApiOkResponse({ type: QuarterSummaryDto })
  summary(@Param() { communityId, quarter }: QuarterParam) {
    return this.ratings.summary(communityId, quarter);
  }

  @CommunityAccess(COMMITTEE)
  @Post('communities/:communityId/service-ratings/quarters/:quarter/publication')
  @ApiOperation({ summary: '业委会公布季度星级与红黑榜（公布后本季度评价截止，不能重复公布）' })
  @ApiCreatedResponse({ type: BoardEntryDto })
  publish(@CurrentUser() user: AuthUser, @Param() { communityId, quarter }: QuarterParam, @Body() body: PublishQuarterDto) {
    return this.ratings.publish(user.id, communityId, quarter, body.companyName);
  }

  @CommunityAccess([...COMMUNITY_STAFF, 'representative'], { admin: true })
  @Get('communities/:communityId/hearings/:hearingId/vendor-track-record')
  @ApiOperation({ summary: '听证会受邀供应商的物业服务履约记录（各小区公布的季度星级与红黑榜，只读）' })
  @ApiOkResponse({ type: HearingTrackRecordDto })
  trackRecord(@Param() { communityId, hearingId }: HearingParam) {
    return this.ratings.hearingTrackRecord(communityId, hearingId);
  }

  @Public()
  @Get('public/communities/:communityId/service-board')
  @ApiOperation({ summary: '公开：物业服务红黑榜与季度星级' })
  @ApiOkResponse({ type: ServiceBoardDto })
  board(@Param() { communityId }: CommunityParam) {
    return this.ratings.board(communityId);
  }
}
