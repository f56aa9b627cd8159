import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
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
  async csv(@Param() { communityId, id }: CommunityItemParam, @Res() res: Response) {
    const { body, filename, etag } = await this.publication.publicCsv(communityId, id);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`);
    res.setHeader('ETag', etag);
    res.send(body);
  }
}
