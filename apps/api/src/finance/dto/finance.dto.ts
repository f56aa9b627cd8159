import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class LedgerEntryDto {
  @ApiProperty({ enum: ['income', 'cost', 'transfer'], description: '收入 / 支出 / 转入维修资金' })
  @IsIn(['income', 'cost', 'transfer'])
  kind: 'income' | 'cost' | 'transfer';

  @ApiProperty({ example: '电梯广告' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  category: string;

  @ApiProperty({ description: '金额（分），正整数', example: '1200000' })
  @Matches(/^[1-9]\d{0,14}$/, { message: 'amountFen: 以分计的正整数' })
  amountFen: string;

  @ApiProperty({ example: '2026-04-03' })
  @IsISO8601({ strict: true })
  @Matches(DATE, { message: 'entryDate: YYYY-MM-DD' })
  entryDate: string;

  @ApiProperty({ example: '某某传媒有限公司' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  counterparty: string;

  @ApiPropertyOptional({ enum: ['organisation', 'person'], default: 'organisation', description: '个人姓名不公开' })
  @IsOptional()
  @IsIn(['organisation', 'person'])
  counterpartyKind?: 'organisation' | 'person';

  @ApiProperty({ description: '凭证：发票、合同或银行流水号（每笔收支都须有凭证）', example: 'AD-2026-04' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  evidenceRef: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '超过支出限额时须引用已通过的议题' })
  @IsOptional()
  @IsUUID()
  decisionItemId?: string;
}

export class ReverseEntryDto {
  @ApiProperty({ description: '冲正原因' })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason: string;

  @ApiPropertyOptional({ description: '冲正日期，默认原分录日期' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(DATE, { message: 'entryDate: YYYY-MM-DD' })
  entryDate?: string;
}

export class LedgerQueryDto {
  @ApiPropertyOptional({ example: '2026-04-01' })
  @IsOptional()
  @Matches(DATE, { message: 'from: YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-06-30' })
  @IsOptional()
  @Matches(DATE, { message: 'to: YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ enum: ['income', 'cost', 'transfer'] })
  @IsOptional()
  @IsIn(['income', 'cost', 'transfer'])
  kind?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  category?: string;
}

export class SubmitStatementDto {
  @ApiProperty({ description: '报表期间内任一日期，期间按议事规则（默认按季度）', example: '2026-04-01' })
  @IsISO8601({ strict: true })
  @Matches(DATE, { message: 'periodDate: YYYY-MM-DD' })
  periodDate: string;
}

export class ReviewDto {
  @ApiProperty({ enum: ['approve', 'findings'] })
  @IsIn(['approve', 'findings'])
  decision: 'approve' | 'findings';

  @ApiPropertyOptional({ description: '审核意见（退回时必填）' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  findings?: string;
}

export class ExplainDto {
  @ApiProperty({ format: 'uuid', description: '未匹配的台账分录或银行流水 id' })
  @IsUUID()
  itemId: string;

  @ApiProperty({ example: '银行手续费，下期入账' })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  explanation: string;
}
