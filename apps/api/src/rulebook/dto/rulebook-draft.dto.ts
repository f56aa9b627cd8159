import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class AdoptDraftDto {
  @ApiProperty({ format: 'uuid', description: '依据的业主大会表决（本小区、「制定和修改议事规则」事项、已通过）' })
  @IsUUID('all', { message: 'voteId 必须是 UUID' })
  voteId: string;
}
