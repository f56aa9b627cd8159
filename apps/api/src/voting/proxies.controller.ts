import { Body, Controller, Get, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Invalid } from '../common/app-error';
import { CommunityItemParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentUser } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_MEMBERS } from '../identity/roles';
import { ProxyParam } from './dto/proxy-param.dto';
import { ProxyDto } from './dto/vote.dto';
import { ProxiesService, SCAN_MAX_BYTES } from './proxies.service';
import { ProxyEnteredDto, ProxyEntryDto } from './dto/voting-responses.dto';

@ApiTags('voting')
@Controller('communities/:communityId')
export class ProxiesController {
  constructor(private readonly proxies: ProxiesService) {}

  @CommunityAccess(COMMITTEE)
  @Post('votes/:id/proxies')
  @ApiOperation({ summary: '录入书面委托（须另一位委员核对后生效；录入人、核对人都不能是受托人；受托上限、物业人员不得受托）' })
  @ApiCreatedResponse({ type: ProxyEnteredDto })
  add(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam, @Body() body: ProxyDto) {
    return this.proxies.add(user.id, communityId, id, body);
  }

  @CommunityAccess(COMMITTEE)
  @Post('votes/:id/proxies-with-scan')
  @UseInterceptors(FileInterceptor('scan', { limits: { fileSize: SCAN_MAX_BYTES, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['electorId', 'holderUserId', 'authorisation', 'scan'],
      properties: {
        electorId: { type: 'string', format: 'uuid' },
        holderUserId: { type: 'string', format: 'uuid' },
        authorisation: { type: 'string' },
        scan: { type: 'string', format: 'binary' },
      },
    },
  })
  @ApiOperation({ summary: '录入书面委托并附扫描件（PDF/JPEG/PNG，5 MB 以内）' })
  @ApiCreatedResponse({ type: ProxyEnteredDto })
  addWithScan(
    @CurrentUser() user: AuthUser,
    @Param() { communityId, id }: CommunityItemParam,
    @Body() body: ProxyDto,
    @UploadedFile() scan: { buffer: Buffer; originalname: string; mimetype: string } | undefined,
  ) {
    if (!scan) throw new Invalid('请上传委托书扫描件（字段 scan）', 'file_required');
    return this.proxies.add(user.id, communityId, id, body, scan);
  }

  @CommunityAccess(COMMITTEE)
  @Get('votes/:id/proxies')
  @ApiOperation({ summary: '书面委托列表（待核对、已生效、已撤销、已作废）' })
  @ApiOkResponse({ type: [ProxyEntryDto] })
  list(@Param() { communityId, id }: CommunityItemParam) {
    return this.proxies.list(communityId, id);
  }

  @CommunityAccess(COMMITTEE)
  @Post('votes/:id/proxies/:proxyId/confirmation')
  @ApiOperation({ summary: '另一位委员核对书面委托，核对后受托人方可代为投票' })
  @ApiCreatedResponse({ type: ProxyEntryDto })
  confirm(@CurrentUser() user: AuthUser, @Param() { communityId, id, proxyId }: ProxyParam) {
    return this.proxies.confirm(user.id, communityId, id, proxyId);
  }

  @CommunityAccess(COMMITTEE)
  @Get('votes/:id/proxies/:proxyId/scan')
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOperation({ summary: '下载委托书扫描件' })
  @ApiOkResponse({
    description: '委托书扫描件（PDF、JPEG 或 PNG）',
    content: {
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
      'image/jpeg': { schema: { type: 'string', format: 'binary' } },
      'image/png': { schema: { type: 'string', format: 'binary' } },
    },
  })
  async scan(@Param() { communityId, id, proxyId }: ProxyParam, @Res() res: Response) {
    const file = await this.proxies.scan(communityId, id, proxyId);
    res.setHeader('Content-Type', file.type);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    res.send(file.bytes);
  }

  @CommunityAccess(COMMUNITY_MEMBERS)
  @Post('votes/:id/my-proxy/revocation')
  @ApiOperation({ summary: '委托人撤销自己的书面委托（受托人投票前）' })
  @ApiCreatedResponse({ type: ProxyEntryDto })
  revoke(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam) {
    return this.proxies.revoke(user.id, communityId, id);
  }
}
