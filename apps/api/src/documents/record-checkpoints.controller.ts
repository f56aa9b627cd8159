import { Body, Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CommunityParam } from '../common/params';
import { CommunityAccess, Public } from '../identity/decorators';
import { COMMUNITY_STAFF } from '../identity/roles';
import { CheckpointFileDto, KeptHeadResultDto, SignedCheckpointDto } from './dto/document-responses.dto';
import { RecordHeadDto } from './dto/record-checkpoint.dto';
import { RecordCheckpointsService } from './record-checkpoints.service';

@ApiTags('record')
@Controller()
export class RecordCheckpointsController {
  constructor(
    private readonly checkpoints: RecordCheckpointsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Public()
  @Get('public/communities/:communityId/record-checkpoints')
  @ApiOperation({ summary: '决策记录检查点（根证书签名的记录头：序号与哈希）' })
  @ApiOkResponse({ type: CheckpointFileDto })
  list(@Param() { communityId }: CommunityParam): Promise<CheckpointFileDto> {
    return this.checkpoints.file(communityId);
  }

  @Public()
  @Get('public/communities/:communityId/record-checkpoints/download')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="gongyi-record-checkpoints.json"')
  @ApiOperation({ summary: '下载检查点文件（留存后可随时核对历史未被改写）' })
  @ApiProduces('application/json')
  @ApiOkResponse({ type: CheckpointFileDto, description: '检查点文件（以附件下载）' })
  async download(@Param() { communityId }: CommunityParam) {
    return JSON.stringify(await this.checkpoints.file(communityId), null, 2);
  }

  @Public()
  @Post('public/communities/:communityId/record-checkpoints/check')
  @HttpCode(200)
  @ApiOperation({ summary: '核对留存的检查点：根密钥签名是否有效（附 signedAt、signature 时），今天的决策记录是否仍包含它' })
  @ApiOkResponse({ type: KeptHeadResultDto })
  check(@Param() { communityId }: CommunityParam, @Body() head: RecordHeadDto): Promise<KeptHeadResultDto> {
    return this.checkpoints.checkKept({ communityId, seq: head.seq, hash: head.hash, signedAt: head.signedAt, signature: head.signature });
  }

  @CommunityAccess(COMMUNITY_STAFF)
  @Post('communities/:communityId/record/checkpoints')
  @ApiOperation({ summary: '发布检查点：以根证书签署当前决策记录头' })
  @ApiCreatedResponse({ type: SignedCheckpointDto })
  publish(@Param() { communityId }: CommunityParam): Promise<SignedCheckpointDto> {
    return this.dataSource.transaction((manager) => this.checkpoints.create(manager, communityId));
  }
}
