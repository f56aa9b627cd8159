import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { ApiFileResponse, XLSX } from '../common/binary-response';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { CommunityAccess } from '../identity/decorators';
import { COMMITTEE, COMMUNITY_STAFF, type CommunityRole } from '../identity/roles';
import { ExportsService } from './exports.service';
import { render, type Table, type TableFormat } from './table-file';

class ExportQuery {
  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: TableFormat;
}

const FINANCE_READERS: CommunityRole[] = [
  ...COMMITTEE,
  'property_company',
  'party_secretary',
  'residents_committee',
  'bank_officer',
  'auditor',
];

async function send(res: Response, table: Table, format: TableFormat = 'xlsx'): Promise<void> {
  const file = await render(table, format);
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
  res.setHeader('Cache-Control', 'no-store');
  res.end(file.body);
}

/** Downloads (XLSX or CSV) of the lists people print: units, owners (masked), the ledger, the canvassing list. */
@ApiTags('exports')
@Controller('communities/:communityId')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @CommunityAccess(COMMUNITY_STAFF, { admin: true })
  @Get('exports/units')
  @ApiFileResponse('XLSX 工作簿（默认）或 CSV（format=csv，UTF-8 带 BOM）', XLSX, 'text/csv')
  @ApiOperation({ summary: '导出房屋列表（XLSX 或 CSV；房号按自然顺序，个人业主姓名脱敏）' })
  async units(@Param() { communityId }: CommunityParam, @Query() q: ExportQuery, @Res() res: Response) {
    await send(res, await this.exports.units(communityId), q.format);
  }

  @CommunityAccess(COMMITTEE, { admin: true })
  @Get('exports/owners')
  @ApiFileResponse('XLSX 工作簿（默认）或 CSV（format=csv，UTF-8 带 BOM）', XLSX, 'text/csv')
  @ApiOperation({ summary: '导出业主名册（手机号、证件号脱敏）' })
  async owners(@Param() { communityId }: CommunityParam, @Query() q: ExportQuery, @Res() res: Response) {
    await send(res, await this.exports.owners(communityId), q.format);
  }

  @CommunityAccess(FINANCE_READERS, { admin: true })
  @Get('exports/ledger')
  @ApiFileResponse('XLSX 工作簿（默认）或 CSV（format=csv，UTF-8 带 BOM）', XLSX, 'text/csv')
  @ApiOperation({ summary: '导出公共收益台账' })
  async ledger(@Param() { communityId }: CommunityParam, @Query() q: ExportQuery, @Res() res: Response) {
    await send(res, await this.exports.ledger(communityId), q.format);
  }

  @CommunityAccess([...COMMITTEE, 'representative'])
  @Get('votes/:id/canvassing/export')
  @ApiFileResponse('XLSX 工作簿（默认）或 CSV（format=csv，UTF-8 带 BOM）', XLSX, 'text/csv')
  @ApiOperation({ summary: '导出扫楼名单（尚未投票的业主，按楼栋、房号自然顺序）' })
  async canvassing(@Param() { communityId, id }: CommunityItemParam, @Query() q: ExportQuery, @Res() res: Response) {
    await send(res, await this.exports.canvassing(communityId, id), q.format);
  }
}
