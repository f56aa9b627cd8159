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
