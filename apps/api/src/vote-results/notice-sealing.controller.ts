import { Controller, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CommunityItemParam } from '../common/params';
import { type AuthUser, CommunityAccess, CurrentUser } from '../identity/decorators';
import { COMMITTEE } from '../identity/roles';
import { NoticeSealingService } from './notice-sealing.service';

export class NoticeSealingDto {
  @ApiProperty({ format: 'uuid', description: '公告文书' })
  documentId: string;

  @ApiProperty({ description: '公告文书编号' })
  documentNumber: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '待处理的用章申请（系统随发布申请）' })
  requestId: string | null;
}

@ApiTags('voting')
@Controller('communities/:communityId/votes/:id')
export class NoticeSealingController {
  constructor(private readonly sealing: NoticeSealingService) {}

  @CommunityAccess(COMMITTEE)
  @Post('notice/seal-request')
  @ApiOperation({
    summary: '公告发布后才刻制印章、或用章申请被拒绝时：由系统重新为公告申请双章（发布时已自动申请，一般无需调用）',
  })
  @ApiCreatedResponse({ type: NoticeSealingDto })
  request(@CurrentUser() user: AuthUser, @Param() { communityId, id }: CommunityItemParam): Promise<NoticeSealingDto> {
    return this.sealing.request(user.id, communityId, id);
  }
}
