import { ApiProperty } from '@nestjs/swagger';
import { COMMUNITY_ROLES, type CommunityRole } from '../identity/roles';

/** Response shapes of the in-app notification routes; the web app's types are generated from them (npm run openapi). */
export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ enum: COMMUNITY_ROLES, enumName: 'CommunityRole', description: '发给担任该角色的人' })
  recipientRole: CommunityRole;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '只发给此人（否则发给担任该角色的所有人）' })
  recipientUserId: string | null;

  @ApiProperty()
  subject: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ description: '所涉事项的类型', example: 'assembly_vote' })
  subjectType: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  subjectId: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ description: '本人是否已读' })
  read: boolean;
}

export class MarkedReadDto {
  @ApiProperty({ type: 'integer', description: '新标为已读的条数' })
  marked: number;
}
