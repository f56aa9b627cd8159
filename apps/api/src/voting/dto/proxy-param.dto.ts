import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { CommunityItemParam } from '../../common/params';

export class ProxyParam extends CommunityItemParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'proxyId 必须是 UUID' })
  proxyId: string;
}
