import { Body, Controller, Get, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommunityAccess, CurrentRoles, CurrentUser, type AuthUser } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_MEMBERS, type CommunityRole } from '../identity/roles';
import {
  CommunityItemParam,
  CommunityParam,
  DispatchDto,
  FileRequestDto,
  NoteDto,
  PhotoPurposeDto,
  PromoteDto,
  RateDto,
  RequestDetailDto,
  RequestFormDto,
  RequestListDto,
  RequestListQuery,
  RequestPhotoParam,
  RequestStatsDto,
  StatsQuery,
  WriteOffDto,
} from './requests.dto';
import { MAX_PHOTO_BYTES, RequestsService } from './requests.service';

const DISPATCHERS: CommunityRole[] = ['party_secretary', ...COMMITTEE, 'residents_committee'];

/** 居民诉求: 点单 → 派单 → 接单 → 评单. Who may take each step is decided by the state machine, per request. */
@ApiTags('requests')
@Controller('communities/:communityId/requests')
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Get('form')
  @ApiOperation({ summary: '提出诉求所需：类别与响应时限（议事规则）、楼栋、本人房屋、可接单人' })
  @ApiOkResponse({ type: RequestFormDto })
  form(
    @Param() { communityId }: CommunityParam,
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
  ): Promise<RequestFormDto> {
    return this.requests.form(communityId, { userId: user.id, roles });
  }

  @CommunityAccess([...DISPATCHERS, 'property_company'])
  @Get('stats')
  @ApiOperation({ summary: '某月各类诉求：受理、办结、办理中、按时、超时（社区时区）' })
  @ApiOkResponse({ type: RequestStatsDto })
  stats(@Param() { communityId }: CommunityParam, @Query() { month }: StatsQuery): Promise<RequestStatsDto> {
    return this.requests.stats(communityId, month);
  }

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Get()
  @ApiOperation({ summary: '诉求列表：我提出的（mine）、交我办理的（assigned）、全部（派单人）' })
  @ApiOkResponse({ type: RequestListDto })
  list(
    @Param() { communityId }: CommunityParam,
    @Query() query: RequestListQuery,
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
  ): Promise<RequestListDto> {
    return this.requests.list(communityId, { userId: user.id, roles }, query);
  }

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Post()
  @ApiOperation({ summary: '居民点单（业主或租户本人）；工作人员填写居民姓名即为代为登记' })
  @ApiCreatedResponse({ type: RequestDetailDto })
  file(
    @Param() { communityId }: CommunityParam,
    @Body() body: FileRequestDto,
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
  ): Promise<RequestDetailDto> {
    return this.requests.file(communityId, { userId: user.id, roles }, body) as Promise<RequestDetailDto>;
  }

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Get(':id')
  @ApiOperation({ summary: '诉求详情：进程、照片、当前用户可做的操作' })
  @ApiOkResponse({ type: RequestDetailDto })
  detail(
    @Param() { communityId, id }: CommunityItemParam,
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
  ): Promise<RequestDetailDto> {
    return this.requests.detail(communityId, { userId: user.id, roles }, id);
  }

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Post(':id/photos')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_PHOTO_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'purpose'],
      properties: { file: { type: 'string', format: 'binary' }, purpose: { type: 'string', enum: ['filing', 'progress', 'evidence'] } },
    },
  })
  @ApiOperation({ summary: '上传照片：居民在接单前补充现场照片（filing）；接单人上传进展（progress）或办结证据（evidence）' })
  @ApiCreatedResponse({ type: RequestDetailDto })
  photo(
    @Param() { communityId, id }: CommunityItemParam,
    @UploadedFile() file: { buffer: Buffer; mimetype: string } | undefined,
    @Body() body: PhotoPurposeDto,
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
  ): Promise<RequestDetailDto> {
    return this.requests.addPhoto(communityId, { userId: user.id, roles }, id, file, body?.purpose ?? 'filing');
  }

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Get(':id/photos/:photoId')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOperation({ summary: '照片原图' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: '照片' })
  async photoFile(
    @Param() { communityId, id, photoId }: RequestPhotoParam,
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
    @Res() res: Response,
  ) {
    const { mime, bytes } = await this.requests.photo(communityId, { userId: user.id, roles }, id, photoId);
    res.setHeader('Content-Type', mime);
    res.setHeader('Cache-Control', 'private, max-age=3600');
    res.end(bytes);
  }

  @CommunityAccess(DISPATCHERS)
  @Post(':id/dispatch')
  @ApiOperation({ summary: '派单：交楼栋长、物业或职能部门办理（接单时限自此起算）' })
  @ApiCreatedResponse({ type: RequestDetailDto })
  dispatch(
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: DispatchDto,
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
  ): Promise<RequestDetailDto> {
    return this.requests.dispatch(communityId, { userId: user.id, roles }, id, body);
  }

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Post(':id/accept')
  @ApiOperation({ summary: '接单（办结时限自此起算）' })
  @ApiCreatedResponse({ type: RequestDetailDto })
  accept(
    @Param() { communityId, id }: CommunityItemParam,
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
  ): Promise<RequestDetailDto> {
    return this.requests.accept(communityId, { userId: user.id, roles }, id);
  }

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Post(':id/progress')
  @ApiOperation({ summary: '报告办理进展' })
  @ApiCreatedResponse({ type: RequestDetailDto })
  progress(
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: NoteDto,
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
  ): Promise<RequestDetailDto> {
    return this.requests.progress(communityId, { userId: user.id, roles }, id, body.note ?? '');
  }

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Post(':id/close')
  @ApiOperation({ summary: '办结（须附说明或已上传的办结照片）' })
  @ApiCreatedResponse({ type: RequestDetailDto })
  close(
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: NoteDto,
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
  ): Promise<RequestDetailDto> {
    return this.requests.close(communityId, { userId: user.id, roles }, id, body.note ?? '');
  }

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Post(':id/rate')
  @ApiOperation({ summary: '居民评单：1–5 星与评价（即居民确认销号）' })
  @ApiCreatedResponse({ type: RequestDetailDto })
  rate(
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: RateDto,
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
  ): Promise<RequestDetailDto> {
    return this.requests.rate(communityId, { userId: user.id, roles }, id, body.rating, body.comment ?? '');
  }

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Post(':id/reopen')
  @ApiOperation({ summary: '居民在议事规则规定的期限内重新打开（未解决）' })
  @ApiCreatedResponse({ type: RequestDetailDto })
  reopen(
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: NoteDto,
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
  ): Promise<RequestDetailDto> {
    return this.requests.reopen(communityId, { userId: user.id, roles }, id, body.note ?? '');
  }

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Post(':id/cancel')
  @ApiOperation({ summary: '接单前撤销（居民本人或派单人）' })
  @ApiCreatedResponse({ type: RequestDetailDto })
  cancel(
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: NoteDto,
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
  ): Promise<RequestDetailDto> {
    return this.requests.cancel(communityId, { userId: user.id, roles }, id, body.note ?? '');
  }

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Post(':id/write-off')
  @ApiOperation({ summary: '销号：居民本人确认，或工作人员记录回访' })
  @ApiCreatedResponse({ type: RequestDetailDto })
  writeOff(
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: WriteOffDto,
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
  ): Promise<RequestDetailDto> {
    return this.requests.writeOff(communityId, { userId: user.id, roles }, id, body);
  }

  @CommunityAccess([...COMMITTEE, 'party_secretary'])
  @Post(':id/promote')
  @ApiOperation({ summary: '转为议题：进入议事链（支部先议起），诉求与议题互相关联' })
  @ApiCreatedResponse({ type: RequestDetailDto })
  promote(
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: PromoteDto,
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
  ): Promise<RequestDetailDto> {
    return this.requests.promote(communityId, { userId: user.id, roles }, id, body);
  }
}
