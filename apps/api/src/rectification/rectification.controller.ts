import { Body, Controller, Get, Param, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { MAX_PHOTO_BYTES } from '../common/photo-upload';
import { RECTIFICATION_STATUSES } from '@gongyi/domain/rectification/rectification';
import { Invalid } from '../common/app-error';
import { type AuthUser, CommunityAccess, CurrentRoles, CurrentUser } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_STAFF, type CommunityRole } from '../identity/roles';
import {
  CommunityParam,
  RaiseRectificationDto,
  RectificationActionDto,
  RectificationDetailDto,
  RectificationListDto,
  RectificationParam,
  RectificationPhotoCaptionDto,
  RectificationPhotoParam,
} from './rectification.dto';
import { RectificationService } from './rectification.service';

@ApiTags('rectification')
@Controller('communities/:communityId/rectifications')
export class RectificationController {
  constructor(private readonly rectification: RectificationService) {}

  @CommunityAccess([...COMMUNITY_STAFF, 'representative'], { admin: true })
  @Get()
  @ApiOperation({ summary: '整改事项清单（交办、整改中、待验收、已验收；逾期标出）' })
  @ApiQuery({ name: 'status', required: false, enum: RECTIFICATION_STATUSES })
  @ApiOkResponse({ type: RectificationListDto })
  list(@Param() { communityId }: CommunityParam, @Query('status') status?: string) {
    if (status !== undefined && !(RECTIFICATION_STATUSES as readonly string[]).includes(status)) {
      throw new Invalid('status 须为 assigned / in_progress / submitted / accepted', 'invalid_status');
    }
    return this.rectification.list(communityId, status);
  }

  @CommunityAccess([...COMMITTEE, 'party_secretary', 'residents_committee'])
  @Post()
  @ApiOperation({ summary: '提出整改事项（四方联席会议或检查），交办物业并定整改期限' })
  @ApiCreatedResponse({ type: RectificationDetailDto })
  raise(@CurrentUser() user: AuthUser, @Param() { communityId }: CommunityParam, @Body() body: RaiseRectificationDto) {
    return this.rectification.raise(user.id, communityId, body);
  }

  @CommunityAccess([...COMMUNITY_STAFF, 'representative'], { admin: true })
  @Get(':id')
  @ApiOperation({ summary: '整改事项详情：进展、证据与验收记录' })
  @ApiOkResponse({ type: RectificationDetailDto })
  detail(@CurrentUser() user: AuthUser, @CurrentRoles() roles: CommunityRole[], @Param() { communityId, id }: RectificationParam) {
    return this.rectification.detail(communityId, id, user.id, roles);
  }

  @CommunityAccess([...COMMITTEE, 'property_company'])
  @Post(':id/actions')
  @ApiOperation({ summary: '物业开始整改、报告进展、提交完成；业委会验收或退回（物业不能验收自己的事项）' })
  @ApiCreatedResponse({ type: RectificationDetailDto })
  act(
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
    @Param() { communityId, id }: RectificationParam,
    @Body() body: RectificationActionDto,
  ) {
    return this.rectification.act(user.id, roles, communityId, id, body);
  }

  @CommunityAccess([...COMMITTEE, 'property_company'])
  @Post(':id/photos')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_PHOTO_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' }, caption: { type: 'string', maxLength: 200 } },
    },
  })
  @ApiOperation({ summary: '上传整改照片：物业整改中上传，业委会验收时补充；只增不改' })
  @ApiCreatedResponse({ type: RectificationDetailDto })
  addPhoto(
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
    @Param() { communityId, id }: RectificationParam,
    @UploadedFile() file: { buffer: Buffer; mimetype: string } | undefined,
    @Body() body: RectificationPhotoCaptionDto,
  ) {
    return this.rectification.addPhoto(user.id, roles, communityId, id, file, body?.caption);
  }

  @CommunityAccess([...COMMUNITY_STAFF, 'representative'], { admin: true })
  @Get(':id/photos/:photoId')
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiOperation({ summary: '整改照片原图' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: '照片' })
  async photo(@Param() { communityId, id, photoId }: RectificationPhotoParam, @Res() res: Response) {
    const { mime, bytes } = await this.rectification.photo(communityId, id, photoId);
    res.setHeader('Content-Type', mime);
    res.setHeader('Cache-Control', 'private, max-age=3600');
    res.end(bytes);
  }
}
