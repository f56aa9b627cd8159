import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CommunityItemParam } from '../common/params';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FEN = /^[1-9]\d{0,14}$/;

export class FundraisingTargetDto {
  @ApiProperty({ format: 'uuid', description: '楼栋' })
  @IsUUID()
  buildingId: string;

  @ApiPropertyOptional({ description: '单元（按单元集资时必填）', example: '1' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  stairwell?: string;

  @ApiPropertyOptional({ description: '该楼栋/单元的集资目标（分），按面积分摊时必填', example: '30000000' })
  @IsOptional()
  @Matches(FEN, { message: 'targetFen: 以分计的正整数' })
  targetFen?: string;

  @ApiPropertyOptional({ description: '每户固定分摊（分），固定分摊时必填', example: '500000' })
  @IsOptional()
  @Matches(FEN, { message: 'shareFen: 以分计的正整数' })
  shareFen?: string;
}

export class CreateFundraisingDto {
  @ApiProperty({ example: '1–9 幢电梯更新集资' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiProperty({ format: 'uuid', description: '批准集资的议题（民法典第二百七十八条第一款第六项，业主大会四分之三以上通过）' })
  @IsUUID()
  agendaItemId: string;

  @ApiProperty({ enum: ['area', 'fixed'], description: '按专有部分面积分摊，或每户固定金额' })
  @IsIn(['area', 'fixed'])
  shareBasis: 'area' | 'fixed';

  @ApiProperty({ enum: ['building', 'stairwell'], description: '目标按楼栋或按单元' })
  @IsIn(['building', 'stairwell'])
  scope: 'building' | 'stairwell';

  @ApiProperty({ type: [FundraisingTargetDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => FundraisingTargetDto)
  targets: FundraisingTargetDto[];
}

export class ContributionDto {
  @ApiProperty({ description: '房号（楼栋-单元-房号）', example: '1-1-101' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  unitNumber: string;

  @ApiProperty({ enum: ['pledge', 'payment'], description: '认缴承诺 / 实际缴款' })
  @IsIn(['pledge', 'payment'])
  kind: 'pledge' | 'payment';

  @ApiProperty({ example: '500000' })
  @Matches(FEN, { message: 'amountFen: 以分计的正整数' })
  amountFen: string;

  @ApiProperty({ example: '2026-11-20' })
  @IsISO8601({ strict: true })
  @Matches(DATE, { message: 'paidOn: YYYY-MM-DD' })
  paidOn: string;

  @ApiPropertyOptional({ example: '银行转账' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  method?: string;
}

export class RefundDto {
  @ApiProperty({ example: '500000' })
  @Matches(FEN, { message: 'amountFen: 以分计的正整数' })
  amountFen: string;

  @ApiProperty({ description: '退款原因' })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason: string;

  @ApiProperty({ example: '2026-11-25' })
  @IsISO8601({ strict: true })
  @Matches(DATE, { message: 'paidOn: YYYY-MM-DD' })
  paidOn: string;
}

export class DisclosureDto {
  @ApiProperty({ description: '公示期间内任一日期（期间按议事规则，默认季度）', example: '2026-09-30' })
  @IsISO8601({ strict: true })
  @Matches(DATE, { message: 'periodDate: YYYY-MM-DD' })
  periodDate: string;
}

export class ContributionParam extends CommunityItemParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'contributionId 必须是 UUID' })
  contributionId: string;
}

export class DisclosureParam extends CommunityItemParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'disclosureId 必须是 UUID' })
  disclosureId: string;
}
