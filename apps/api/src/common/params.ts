import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

/** Route ids are UUIDs; anything else is a 400 before a query runs. */
export class CommunityParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'communityId 必须是 UUID' })
  communityId: string;
}

export class CommunityItemParam extends CommunityParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id 必须是 UUID' })
  id: string;
}

export class IdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id 必须是 UUID' })
  id: string;
}
