import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { COMMUNITY_ROLES, type CommunityRole } from '../roles';

export class UserQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;
}

export class AssignRoleDto {
  @ApiProperty()
  @IsUUID()
  userId: string;

  @ApiProperty({ enum: COMMUNITY_ROLES })
  @IsIn(COMMUNITY_ROLES)
  role: CommunityRole;

  @ApiPropertyOptional({ example: '2026-01-01' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startsOn: YYYY-MM-DD' })
  startsOn?: string;

  @ApiPropertyOptional({ example: '2030-12-31' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'endsOn: YYYY-MM-DD' })
  endsOn?: string;
}

export class EndRoleDto {
  @ApiPropertyOptional({ description: '默认昨天（今天起失效）', example: '2026-12-31' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'endsOn: YYYY-MM-DD' })
  endsOn?: string;
}

/** Self-registration: the holder chooses the password; at least one of login name and mobile. */
export class RegisterDto {
  @ApiPropertyOptional({ example: 'wang.min' })
  @IsOptional()
  @Matches(/^[a-zA-Z][a-zA-Z0-9._-]{2,31}$/, { message: 'loginName: 3–32 个字母、数字或 ._- ，以字母开头' })
  loginName?: string;

  @ApiPropertyOptional({ example: '13800138000' })
  @IsOptional()
  @Matches(/^1\d{10}$/, { message: 'mobile: 请输入 11 位手机号 (11-digit mobile number)' })
  mobile?: string;

  @ApiProperty({ example: '王敏' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  displayName: string;

  @ApiProperty({ description: '至少 10 位，含字母和数字' })
  @IsString()
  @MaxLength(200)
  password: string;
}

export class DecideRoleRequestDto {
  @ApiPropertyOptional({ description: '驳回理由（驳回时必填）', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
