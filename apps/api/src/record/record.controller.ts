import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommunityParam } from '../common/params';
import { CommunityAccess } from '../identity/decorators';
import { COMMUNITY_MEMBERS } from '../identity/roles';
import { RecordQueryDto } from './dto/record-query.dto';
import { RecordService } from './record.service';

@ApiTags('record')
@Controller('communities/:communityId/record')
export class RecordController {
  constructor(private readonly record: RecordService) {}

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get()
  @ApiOperation({ summary: '决策记录（按序号）' })
  list(@Param() { communityId }: CommunityParam, @Query() query: RecordQueryDto) {
    return this.record.list(communityId, BigInt(query.after ?? 0), query.limit ?? 100);
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get('verify')
  @ApiOperation({ summary: '校验哈希链，报告第一条被篡改的记录' })
  verify(@Param() { communityId }: CommunityParam) {
    return this.record.verify(communityId);
  }
}
