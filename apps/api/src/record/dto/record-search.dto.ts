import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { RECORD_KIND_LABELS_ZH } from '@gongyi/domain/labels';

export const RECORD_KINDS = Object.keys(RECORD_KIND_LABELS_ZH);

/** The record page's filters: kind, date range, agenda item, words; newest first, paged by sequence number. */
export class RecordSearchDto {
  @ApiPropertyOptional({ enum: RECORD_KINDS, description: '记录类别（如 seals、voting）' })
  @IsOptional()
  @IsIn(RECORD_KINDS)
  kind?: string;

  @ApiPropertyOptional({ description: '起始日期（含），YYYY-MM-DD，按小区时区' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: '截止日期（含），YYYY-MM-DD，按小区时区' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: '只看与此议题有关的记录' })
  @IsOptional()
  @IsUUID()
  itemId?: string;

  @ApiPropertyOptional({ description: '搜索（在记录的句子中查找）' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: '只看序号小于此值的记录（翻页）' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  before?: number;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}
