import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentRoles, CurrentUser } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_MEMBERS, COMMUNITY_STAFF, type CommunityRole } from '../identity/roles';
import { DocumentSourcesService } from './document-sources.service';
import { DocumentsService } from './documents.service';
import { DocumentDetailDto, DocumentRecordDto, DocumentSummaryDto } from './dto/document-responses.dto';
import { CreateDocumentDto, DocumentQueryDto } from './dto/documents.dto';

/** Staff see drafts; owners and others see final (sealed) documents only. */
const isStaff = (user: AuthUser, roles: CommunityRole[]) => user.isPlatformAdmin || roles.some((r) => COMMUNITY_STAFF.includes(r));

export function sendPdf(req: Request, res: Response, file: { bytes: Buffer; filename: string; sha256?: string }) {
  res.setHeader('Content-Type', 'application/pdf');
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
  if (file.sha256) {
    const etag = `"${file.sha256}"`;
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'private, no-cache');
    const wanted = req.headers['if-none-match'];
    if (wanted && wanted.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
      res.status(304).end();
      return;
    }
  } else {
    res.setHeader('Cache-Control', 'no-store');
  }
  res.send(file.bytes);
}

@ApiTags('documents')
@Controller('communities/:communityId/documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly sources: DocumentSourcesService,
  ) {}

  @CommunityAccess(COMMITTEE)
  @Post()
  @ApiOperation({ summary: '由表决公告、会议记录或已结束的表决生成文书（登记编号，草稿）' })
  @ApiCreatedResponse({ type: DocumentRecordDto, description: '登记的文书记录（草稿）' })
  create(
    @CurrentUser() user: AuthUser,
    @Param() { communityId }: CommunityParam,
    @Body() body: CreateDocumentDto,
  ): Promise<DocumentRecordDto> {
    return this.sources.create(user.id, communityId, body.type, body.sourceId);
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get()
  @ApiOperation({ summary: '文书列表（业主只见已用章的定稿）' })
  @ApiOkResponse({ type: [DocumentSummaryDto] })
  list(
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
    @Param() { communityId }: CommunityParam,
    @Query() query: DocumentQueryDto,
  ): Promise<DocumentSummaryDto[]> {
    return this.documents.list(communityId, query, isStaff(user, roles));
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get(':id')
  @ApiOperation({ summary: '文书详情：编号、状态、各次用章后的文件摘要' })
  @ApiOkResponse({ type: DocumentDetailDto })
  get(
    @CurrentUser() user: AuthUser,
    @CurrentRoles() roles: CommunityRole[],
    @Param() { communityId, id }: CommunityItemParam,
  ): Promise<DocumentDetailDto> {
    return this.documents.get(communityId, id, isStaff(user, roles));
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get(':id/file')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: '下载已用章的定稿 PDF（ETag = 文件 SHA-256，支持 If-None-Match）' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: '盖章定稿 PDF' })
  async file(@Param() { communityId, id }: CommunityItemParam, @Req() req: Request, @Res() res: Response) {
    sendPdf(req, res, await this.documents.finalFile(communityId, id));
  }

  @CommunityAccess(COMMUNITY_STAFF, { admin: true })
  @Get(':id/preview')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: '草稿预览（不含印章与签名）' })
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: '草稿 PDF' })
  async preview(@Param() { communityId, id }: CommunityItemParam, @Req() req: Request, @Res() res: Response) {
    sendPdf(req, res, await this.documents.preview(communityId, id));
  }
}
