import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiFileResponse } from '../common/binary-response';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { Public } from '../identity/decorators';
import { FundraisingDocumentsService } from './fundraising-documents.service';
import { DisclosureParam } from './fundraising.dto';
import { PublicFundraisingListDto, PublicFundraisingProjectDto } from './fundraising-responses.dto';
import { PublicFundraisingService } from './public-fundraising.service';

/** Fund-raising progress for everyone, without logging in: unit numbers and amounts, never names. */
@ApiTags('public')
@Controller('public/communities/:communityId/fundraising')
export class PublicFundraisingController {
  constructor(
    private readonly fundraising: PublicFundraisingService,
    private readonly documents: FundraisingDocumentsService,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '集资公示：各项目与各楼栋进度' })
  @ApiOkResponse({ type: PublicFundraisingListDto })
  list(@Param() { communityId }: CommunityParam): Promise<PublicFundraisingListDto> {
    return this.fundraising.list(communityId);
  }

  @Public()
  @Get(':id')
  @ApiOperation({ summary: '集资项目公示：各楼栋进度、每户（房号）应缴与已缴、已盖章的各期公示' })
  @ApiOkResponse({ type: PublicFundraisingProjectDto })
  detail(@Param() { communityId, id }: CommunityItemParam): Promise<PublicFundraisingProjectDto> {
    return this.fundraising.detail(communityId, id);
  }

  @Public()
  @Get(':id/disclosures/:disclosureId/pdf')
  @Header('Content-Type', 'application/pdf')
  @ApiFileResponse('盖章的集资情况公示 PDF', 'application/pdf')
  @ApiOperation({ summary: '下载盖章的集资情况公示（PDF）' })
  async pdf(@Param() { communityId, id, disclosureId }: DisclosureParam, @Res() res: Response) {
    const file = await this.documents.publicDisclosurePdf(communityId, id, disclosureId);
    res.setHeader('ETag', file.etag);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    res.send(file.body);
  }
}
