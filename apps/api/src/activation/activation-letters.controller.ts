import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { Response } from 'express';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentUser } from '../identity/decorators';
import { COMMITTEE } from '../identity/roles';
import { ActivationLettersService } from './activation-letters.service';
import { ActivationListQueryDto, IssueLettersDto } from './dto/activation.dto';
import { BuildingActivationDto, IssuedLettersDto, OwnerActivationDto, OwnerActivationPageDto } from './dto/activation-responses.dto';

/** The committee prints letters and follows who has activated; the residents' committee may look too. */
@ApiTags('activation')
@Controller('communities/:communityId')
export class ActivationLettersController {
  constructor(private readonly letters: ActivationLettersService) {}

  @CommunityAccess([...COMMITTEE, 'residents_committee'])
  @Get('activation-letters')
  @ApiOperation({ summary: '业主激活情况（未发放/已发放/已激活/已过期）' })
  @ApiOkResponse({ type: OwnerActivationPageDto })
  list(@Param() { communityId }: CommunityParam, @Query() query: ActivationListQueryDto): Promise<OwnerActivationPageDto> {
    return this.letters.list(communityId, query);
  }

  @CommunityAccess([...COMMITTEE, 'residents_committee'])
  @Get('activation-letters/buildings')
  @ApiOperation({ summary: '各楼栋激活情况（扫楼用）' })
  @ApiOkResponse({ type: [BuildingActivationDto] })
  buildings(@Param() { communityId }: CommunityParam) {
    return this.letters.buildingCounts(communityId);
  }

  @CommunityAccess(COMMITTEE)
  @Post('activation-letters')
  @HttpCode(201)
  @ApiProduces('application/pdf', 'application/json')
  @ApiOperation({ summary: '发放激活通知书（按业主、楼栋或全小区；一人一页 A4 PDF）' })
  @ApiExtraModels(IssuedLettersDto)
  @ApiCreatedResponse({
    description: '一人一页 A4 PDF（默认）；format=json 时为发放的激活码',
    headers: { 'X-Letters-Issued': { description: '发放的通知书份数', schema: { type: 'integer' } } },
    content: {
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
      'application/json': { schema: { $ref: getSchemaPath(IssuedLettersDto) } },
    },
  })
  async issue(
    @CurrentUser() user: AuthUser,
    @Param() { communityId }: CommunityParam,
    @Body() body: IssueLettersDto,
    @Res() res: Response,
  ) {
    const issued = await this.letters.issue(user.id, communityId, body);
    res.setHeader('Cache-Control', 'no-store');
    if (body.format === 'json') {
      const reply: IssuedLettersDto = { issued: issued.letters.length, letters: issued.letters };
      res.status(201).json(reply);
      return;
    }
    const pdf = await issued.pdf();
    res
      .status(201)
      .setHeader('Content-Type', 'application/pdf')
      .setHeader('Content-Disposition', `attachment; filename="activation-letters.pdf"`)
      .setHeader('X-Letters-Issued', String(issued.letters.length))
      .end(pdf);
  }

  @CommunityAccess(['residents_committee'])
  @Post('owners/:id/activation-letter/unlock')
  @HttpCode(200)
  @ApiOperation({ summary: '居委会当面核实后解除激活锁定（核验信息累计输错过多）' })
  @ApiOkResponse({ type: OwnerActivationDto })
  unlock(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam): Promise<OwnerActivationDto> {
    return this.letters.unlock(user.id, communityId, id);
  }

  @CommunityAccess(COMMITTEE)
  @Post('owners/:id/activation-letter/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: '作废业主当前的激活码' })
  @ApiOkResponse({ type: OwnerActivationDto })
  revoke(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam): Promise<OwnerActivationDto> {
    return this.letters.revoke(user.id, communityId, id);
  }
}
