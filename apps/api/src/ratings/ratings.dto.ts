import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

export class CommunityParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'communityId 必须是 UUID' })
  communityId: string;
}

export class QuarterParam extends CommunityParam {
  @ApiProperty({ example: '2026Q4' })
  @Matches(/^\d{4}Q[1-4]$/, { message: '季度格式应为 2026Q4' })
  quarter: string;
}

export class HearingParam extends CommunityParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'hearingId 必须是 UUID' })
  hearingId: string;
}

export class RateServiceDto {
  @ApiProperty({ format: 'uuid', description: '评价的房屋（本人名下的一户）' })
  @IsUUID('all', { message: 'unitId 必须是 UUID' })
  unitId: string;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer', minimum: 1, maximum: 5 }, description: '每个评价项目 1–5 星' })
  @IsObject({ message: 'scores 须为「评价项目 → 星数」' })
  scores: Record<string, number>;

  @ApiPropertyOptional({ description: '意见和建议' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

export class PublishQuarterDto {
  @ApiProperty({ description: '物业服务企业名称（红黑榜上显示，听证会按此名称查看供应商履约记录）' })
  @IsString()
  @MinLength(2, { message: '请填写物业服务企业名称' })
  @MaxLength(60)
  companyName: string;
}

export class RatingUnitDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() number: string;
  @ApiProperty({ description: '本季度本户是否已评价' }) rated: boolean;
}

export class RatingFormDto {
  @ApiProperty({ example: '2026Q4' }) quarter: string;
  @ApiProperty({ example: '2026年第四季度' }) quarterLabel: string;
  @ApiProperty({ type: [String] }) criteria: string[];
  @ApiProperty({ type: [RatingUnitDto] }) units: RatingUnitDto[];
  @ApiProperty({ description: '本季度结果已公布，评价已截止' }) closed: boolean;
}

export class RatingGivenDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() quarter: string;
  @ApiProperty() unitNumber: string;
  @ApiProperty({ type: 'integer', description: '本户平均星数 × 100' }) meanHundredths: number;
}

export class CriterionAverageDto {
  @ApiProperty() criterion: string;
  @ApiProperty({ type: 'integer', nullable: true, description: '平均星数 × 100' }) averageHundredths: number | null;
}

export class QuarterFiguresDto {
  @ApiProperty({ type: 'integer' }) households: number;
  @ApiProperty({ type: 'integer' }) requestsFiled: number;
  @ApiProperty({ type: 'integer' }) requestsSolved: number;
  @ApiProperty({ type: 'integer' }) requestsOnTime: number;
  @ApiProperty({ type: 'integer' }) rectificationsDue: number;
  @ApiProperty({ type: 'integer' }) rectificationsOnTime: number;
}

export class QuarterSummaryDto {
  @ApiProperty() quarter: string;
  @ApiProperty() quarterLabel: string;
  @ApiProperty({ type: QuarterFiguresDto }) figures: QuarterFiguresDto;
  @ApiProperty({ type: [CriterionAverageDto] }) criteria: CriterionAverageDto[];
  @ApiProperty({ type: 'integer', nullable: true }) averageHundredths: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '按时办结率（千分比）' }) compliancePerMille: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) starLevel: number | null;
  @ApiProperty({ enum: ['red', 'black', 'none'] }) board: string;
  @ApiProperty() boardLabel: string;
  @ApiProperty({ type: [String] }) reasons: string[];
  @ApiProperty() published: boolean;
}

export class BoardEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() quarter: string;
  @ApiProperty() quarterLabel: string;
  @ApiProperty() communityName: string;
  @ApiProperty() companyName: string;
  @ApiProperty({ type: 'integer' }) households: number;
  @ApiProperty({ type: 'integer', nullable: true }) averageHundredths: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) compliancePerMille: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) starLevel: number | null;
  @ApiProperty({ enum: ['red', 'black', 'none'] }) board: string;
  @ApiProperty() boardLabel: string;
  @ApiProperty({ type: [String] }) reasons: string[];
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty() publishedAtText: string;
}

export class ServiceBoardDto {
  @ApiProperty({ type: [BoardEntryDto] }) entries: BoardEntryDto[];
}

export class VendorTrackRecordDto {
  @ApiProperty() vendorName: string;
  @ApiProperty({ type: [BoardEntryDto], description: '该企业在各小区公布的季度星级与红黑榜记录' }) entries: BoardEntryDto[];
}

export class HearingTrackRecordDto {
  @ApiProperty({ type: [VendorTrackRecordDto] }) vendors: VendorTrackRecordDto[];
}
