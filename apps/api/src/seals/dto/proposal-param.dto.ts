import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { CommunityItemParam } from '../../common/params';

export class ProposalParam extends CommunityItemParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'proposalId 必须是 UUID' })
  proposalId: string;
}
