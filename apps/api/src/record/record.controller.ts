import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommunityParam } from '../common/params';
import { CommunityAccess } from '../identity/decorators';
import { COMMUNITY_MEMBERS } from '../identity/roles';
import { RecordQueryDto } from './dto/record-query.dto';
import { ChainVerdictDto, RecordEntryDto, RecordSentencePageDto } from './dto/record-responses.dto';
import { RecordService } from './record.service';
import { RecordSearchDto } from './dto/record-search.dto';
import { RecordSentencesService } from './record-sentences.service';

@ApiTags('record')
@Controller('communities/:communityId/record')
export class RecordController {
  constructor(
    private readonly record: RecordService,
    private readonly sentences: RecordSentencesService,
  ) {}

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get()
  @ApiOperation({ summary: '决策记录（按序号）' })
  @ApiOkResponse({ type: [RecordEntryDto] })
  list(@Param() { communityId }: CommunityParam, @Query() query: RecordQueryDto) {
    return this.record.list(communityId, BigInt(query.after ?? 0), query.limit ?? 100);
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get('sentences')
  @ApiOperation({ summary: '决策记录（按句子阅读）：按类别、日期、议题筛选，可搜索；最新的在前' })
  @ApiOkResponse({ type: RecordSentencePageDto })
  search(@Param() { communityId }: CommunityParam, @Query() query: RecordSearchDto): Promise<RecordSentencePageDto> {
    return this.sentences.search(communityId, query);
  }

  @CommunityAccess(COMMUNITY_MEMBERS, { admin: true })
  @Get('verify')
  @ApiOperation({ summary: '校验哈希链，报告第一条被篡改的记录' })
  @ApiOkResponse({ type: ChainVerdictDto })
  verify(@Param() { communityId }: CommunityParam): Promise<ChainVerdictDto> {
    return this.record.verify(communityId);
  }
}
