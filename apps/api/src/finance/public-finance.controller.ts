import { Controller, Get, Header, Param, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { Public } from '../identity/decorators';
import { PublicationService } from './publication.service';

/** What residents see without logging in: published statements, never a private person's name or number. */
@ApiTags('public')
@Controller('public/communities/:communityId')
export class PublicFinanceController {
  constructor(private readonly publication: PublicationService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '小区公示首页：已公示的报表与公告' })
  overview(@Param() { communityId }: CommunityParam) {
    return this.publication.publicOverview(communityId);
  }

  @Public()
  @Get('statements/:id/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: '下载公示报表（CSV，UTF-8 带 BOM，Excel 可直接打开）' })
  async csv(@Param() { communityId, id }: CommunityItemParam, @Req() req: Request, @Res() res: Response) {
    send(req, res, await this.publication.publicCsv(communityId, id));
  }

  @Public()
  @Get('statements/:id/pdf')
  @Header('Content-Type', 'application/pdf')
  @ApiOperation({ summary: '下载盖章的公示报表（PDF，可验证签章）' })
  async pdf(@Param() { communityId, id }: CommunityItemParam, @Req() req: Request, @Res() res: Response) {
    send(req, res, await this.publication.publicPdf(communityId, id));
  }
}

/** A download with its ETag; a client that already has these bytes gets 304. */
function send(req: Request, res: Response, file: { body: Buffer; filename: string; etag: string }): void {
  res.setHeader('ETag', file.etag);
  res.setHeader('Cache-Control', 'public, max-age=300');
  if (req.headers['if-none-match'] === file.etag) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
  res.send(file.body);
}
