import { ApiProperty } from '@nestjs/swagger';
import { COMMUNITY_ROLES, type CommunityRole } from '../roles';

/** Response shapes of the auth, users and roles routes; the web app's types are generated from them (npm run openapi). */

export class SessionUserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty()
  isPlatformAdmin: boolean;

  @ApiProperty({ description: '须先修改一次性密码' })
  mustChangePassword: boolean;
}

export class LoginResultDto {
  @ApiProperty({ description: 'Bearer 令牌' })
  token: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt: string;

  @ApiProperty({ type: SessionUserDto })
  user: SessionUserDto;
}

export class PublicUserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, nullable: true })
  loginName: string | null;

  @ApiProperty({ type: String, nullable: true })
  mobile: string | null;

  @ApiProperty()
  displayName: string;

  @ApiProperty()
  isPlatformAdmin: boolean;
}

export class MyCommunityRolesDto {
  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: COMMUNITY_ROLES, enumName: 'CommunityRole', isArray: true })
  roles: CommunityRole[];
}

export class MeDto extends PublicUserDto {
  @ApiProperty()
  mustChangePassword: boolean;

  @ApiProperty({ type: [MyCommunityRolesDto], description: '今天持有角色的小区' })
  communities: MyCommunityRolesDto[];
}

export class RegisteredUserDto {
  @ApiProperty({ type: PublicUserDto })
  user: PublicUserDto;
}

export class RoleAssignmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ type: String, nullable: true })
  loginName: string | null;

  @ApiProperty({ enum: COMMUNITY_ROLES, enumName: 'CommunityRole' })
  role: CommunityRole;

  @ApiProperty({ format: 'date', example: '2026-01-01' })
  startsOn: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endsOn: string | null;

  @ApiProperty({ description: '今天（小区时区）是否有效' })
  active: boolean;
}

export class RoleGrantRequestDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  displayName: string;

  @ApiProperty({ type: String, nullable: true })
  loginName: string | null;

  @ApiProperty({ enum: COMMUNITY_ROLES, enumName: 'CommunityRole' })
  role: CommunityRole;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: '不填则确认当天起' })
  startsOn: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  endsOn: string | null;

  @ApiProperty({ enum: ['pending', 'confirmed', 'rejected'], description: '待确认 / 已确认 / 已驳回' })
  status: 'pending' | 'confirmed' | 'rejected';

  @ApiProperty({ description: '申请人（平台管理员）姓名' })
  requestedByName: string;

  @ApiProperty({ format: 'date-time' })
  requestedAt: string;

  @ApiProperty({ type: String, nullable: true, description: '确认或驳回的居委会人员' })
  decidedByName: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: '驳回理由' })
  reason: string | null;
}

export class RoleGrantRequestsDto {
  @ApiProperty({ description: '本小区已有在任居委会人员：授予角色须提交申请，由居委会确认' })
  confirmationRequired: boolean;

  @ApiProperty({ type: [RoleGrantRequestDto], description: '待确认的在前，其后是最近处理的 50 项' })
  requests: RoleGrantRequestDto[];
}
