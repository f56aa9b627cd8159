import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../registry/dto/registry.dto';

export const ACTIVATION_STATUSES = ['not_issued', 'issued', 'activated', 'expired'] as const;

export class ActivationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'buildingId 必须是 UUID' })
  buildingId?: string;

  @ApiPropertyOptional({ enum: ACTIVATION_STATUSES, description: '未发放 / 已发放 / 已激活 / 已过期' })
  @IsOptional()
  @IsIn(ACTIVATION_STATUSES, { message: 'status: 应为 not_issued / issued / activated / expired' })
  status?: (typeof ACTIVATION_STATUSES)[number];

  @ApiPropertyOptional({ description: '姓名或房号' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;
}

export class IssueLettersDto {
  @ApiPropertyOptional({ type: [String], description: '指定业主（补发：旧码作废）；不填则按楼栋或全小区' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'ownerIds: 至少一位业主' })
  @ArrayMaxSize(20000)
  @IsUUID('all', { each: true, message: 'ownerIds: 必须是 UUID' })
  ownerIds?: string[];

  @ApiPropertyOptional({ format: 'uuid', description: '只发放该楼栋的业主' })
  @IsOptional()
  @IsUUID('all', { message: 'buildingId 必须是 UUID' })
  buildingId?: string;

  @ApiPropertyOptional({ description: '为仍有效的激活码也重新发放（旧码作废）', default: false })
  @IsOptional()
  @IsBoolean({ message: 'reissue: 应为 true 或 false' })
  reissue?: boolean;

  @ApiPropertyOptional({ description: '通知书上“需要帮助”一栏（例如业委会办公地点和时间）' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  help?: string;

  @ApiPropertyOptional({ enum: ['pdf', 'json'], default: 'pdf', description: 'pdf：可打印的通知书；json：激活码列表' })
  @IsOptional()
  @IsIn(['pdf', 'json'], { message: 'format: 应为 pdf 或 json' })
  format?: 'pdf' | 'json';
}

const CODE = /^[A-Za-z0-9\s-]{12,20}$/;
const CODE_MESSAGE = '激活码格式不正确，请输入激活通知书上的 12 位激活码';

export class CheckCodeDto {
  @ApiProperty({ example: 'ACDE-FGHJ-KMNP' })
  @IsString()
  @Matches(CODE, { message: CODE_MESSAGE })
  code: string;
}

export class LinkByCodeDto extends CheckCodeDto {
  @ApiProperty({ description: '登记手机号后 4 位，或身份证号后 6 位', example: '5678' })
  @IsString()
  @MinLength(4)
  @MaxLength(6)
  fact: string;
}

export class ActivateDto extends LinkByCodeDto {
  @ApiPropertyOptional({ description: '登录名（不填则用登记手机号登录）' })
  @IsOptional()
  @Matches(/^[a-zA-Z][a-zA-Z0-9._-]{2,31}$/, { message: 'loginName: 3–32 个字母、数字或 ._- ，以字母开头' })
  loginName?: string;

  @ApiPropertyOptional({ description: '手机号（不填则用花名册登记的手机号）' })
  @IsOptional()
  @Matches(/^1\d{10}$/, { message: 'mobile: 请输入 11 位手机号' })
  mobile?: string;

  @ApiProperty({ description: '至少 10 位，含字母和数字' })
  @IsString()
  @MaxLength(200)
  password: string;
}
