import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { SEAL_KINDS, type SealKind } from '../entities/seal.entity';

export class IssueSealsDto {
  @ApiProperty({ example: 3, description: '届别（第几届）' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(99)
  term: number;

  @ApiPropertyOptional({ enum: SEAL_KINDS, isArray: true, description: '默认两枚都刻制' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(SEAL_KINDS, { each: true })
  kinds?: SealKind[];
}

export class RetireSealDto {
  @ApiProperty({ example: '第三届业委会任期届满' })
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason: string;
}

export class CustodiansDto {
  @ApiProperty({ type: [String], format: 'uuid', description: '保管人（须在本小区任职）' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  userIds: string[];
}

export class CustodyProposalDto extends CustodiansDto {
  @ApiPropertyOptional({ example: '业委会第3次会议决定', description: '决定的说明' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  note?: string;
}

export class SealPinDto {
  @ApiProperty({ description: '新的用章密码（8 至 64 个字符）' })
  @IsString()
  @MaxLength(64)
  pin: string;

  @ApiPropertyOptional({ description: '修改密码时须输入原密码' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  currentPin?: string;
}

export class HandOverDto {
  @ApiProperty({ description: '交接人本人的用章密码' })
  @IsString()
  @MaxLength(64)
  pin: string;
}

export class CreateSealRequestDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  documentId: string;

  @ApiPropertyOptional({ format: 'uuid', description: '依据的议题（决定）；默认取文书所依据的议题' })
  @IsOptional()
  @IsUUID()
  agendaItemId?: string;

  @ApiPropertyOptional({ example: '2026年第一次业主大会决议', description: '用章依据的文字说明；有议题时默认为「议题第N号「标题」」' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  decision?: string;
}

export class SealRequestQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'completed', 'refused'] })
  @IsOptional()
  @IsIn(['pending', 'completed', 'refused'])
  status?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  documentId?: string;
}

export class SealKindDto {
  @ApiProperty({ enum: SEAL_KINDS })
  @IsIn(SEAL_KINDS)
  kind: SealKind;
}

export class ApplySealDto extends SealKindDto {
  @ApiProperty({ description: '保管人本人的用章密码（电子签名法第十三条：签名制作数据仅由电子签名人控制）' })
  @IsString()
  @MaxLength(64)
  pin: string;
}

export class RefuseSealDto extends SealKindDto {
  @ApiProperty({ example: '所附决议与文书内容不符' })
  @IsString()
  @MinLength(2)
  @MaxLength(1000)
  reason: string;
}

export class SealLogQueryDto {
  @ApiPropertyOptional({ example: '2026-01-01T00:00:00+08:00' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-07-01T00:00:00+08:00' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
}

export class SealLogReportDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2999)
  year: number;

  @ApiProperty({ enum: [1, 2], description: '1 = 上半年，2 = 下半年' })
  @Type(() => Number)
  @IsIn([1, 2])
  half: 1 | 2;
}
