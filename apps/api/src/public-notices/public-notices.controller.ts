import { Controller, Get, Header, Param, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CommunityItemParam } from '../common/params';
import { Public } from '../identity/decorators';
import { PublicCommunityDto, PublicNoticeTextDto } from './public-notices.dto';
import { PublicNoticesService } from './public-notices.service';

@ApiTags('public')
@Controller('public/communities')
export class PublicNoticesController {
  constructor(private readonly notices: PublicNoticesService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '可查看公示的小区（名称），供登录页的「小区公示」入口选择' })
  @ApiOkResponse({ type: [PublicCommunityDto] })
  communities(): Promise<PublicCommunityDto[]> {
    return this.notices.communities();
  }

  @Public()
  @Get(':communityId/notices/:id')
  @ApiOperation({ summary: '业主大会公告全文（议案全文、投票时间与方式）及盖章文件编号' })
  @ApiOkResponse({ type: PublicNoticeTextDto })
  notice(@Param() { communityId, id }: CommunityItemParam): Promise<PublicNoticeTextDto> {
    return this.notices.notice(communityId, id);
  }

  @Public()
  @Get(':communityId/notices/:id/pdf')
  @Header('Content-Type', 'application/pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: '下载盖章的业主大会公告（PDF，可验证签章）' })
  async pdf(@Param() { communityId, id }: CommunityItemParam, @Req() req: Request, @Res() res: Response) {
    const file = await this.notices.pdf(communityId, id);
    res.setHeader('ETag', file.etag);
    res.setHeader('Cache-Control', 'public, max-age=300');
    if (req.headers['if-none-match'] === file.etag) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    res.end(file.body);
  }
}
