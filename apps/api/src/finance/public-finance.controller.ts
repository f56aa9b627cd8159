import { Controller, Get, Header, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { Public } from '../identity/decorators';
import { ApiFileResponse, XLSX } from '../common/binary-response';
import { PublicCache } from '../common/public-cache';
import { sendPublicDownload } from '../common/public-download';
import { PublicOverviewDto } from './dto/finance-responses.dto';
import { PublicationService } from './publication.service';

/** What residents see without logging in: published statements, never a private person's name or number. */
@ApiTags('public')
@Controller('public/communities/:communityId')
export class PublicFinanceController {
  constructor(private readonly publication: PublicationService) {}

  @Public()
  @Get()
  @PublicCache()
  @ApiOperation({ summary: '小区公示首页：已公示的报表与公告' })
  @ApiOkResponse({ type: PublicOverviewDto })
  overview(@Param() { communityId }: CommunityParam): Promise<PublicOverviewDto> {
    return this.publication.publicOverview(communityId);
  }

  @Public()
  @Get('statements/:id/csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiFileResponse('公示报表 CSV（未变化时 304）', 'text/csv')
  @ApiOperation({ summary: '下载公示报表（CSV，UTF-8 带 BOM，Excel 可直接打开）' })
  async csv(@Param() { communityId, id }: CommunityItemParam, @Req() req: Request, @Res() res: Response) {
    sendPublicDownload(req, res, await this.publication.publicCsv(communityId, id));
  }

  @Public()
  @Get('statements/:id/xlsx')
  @Header('Content-Type', XLSX)
  @ApiFileResponse('公示报表 Excel 工作簿（未变化时 304）', XLSX)
  @ApiOperation({ summary: '下载公示报表（Excel 工作簿）' })
  async xlsx(@Param() { communityId, id }: CommunityItemParam, @Req() req: Request, @Res() res: Response) {
    sendPublicDownload(req, res, await this.publication.publicXlsx(communityId, id));
  }

  @Public()
  @Get('statements/:id/pdf')
  @Header('Content-Type', 'application/pdf')
  @ApiFileResponse('盖章的公示报表 PDF（未变化时 304）', 'application/pdf')
  @ApiOperation({ summary: '下载盖章的公示报表（PDF，可验证签章）' })
  async pdf(@Param() { communityId, id }: CommunityItemParam, @Req() req: Request, @Res() res: Response) {
    sendPublicDownload(req, res, await this.publication.publicPdf(communityId, id));
  }
}
