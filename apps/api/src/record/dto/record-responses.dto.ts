import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Response shapes of the decision record routes; the web app's types are generated from them (npm run openapi). */

export class RecordEntryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ description: '序号（十进制字符串，bigint）', example: '42' })
  seq: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '开标前的投标记录不公开时间（null）' })
  occurredAt: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorId: string | null;

  @ApiProperty({ example: 'registry.roster_imported' })
  action: string;

  @ApiProperty()
  subjectType: string;

  @ApiProperty({ type: String, nullable: true })
  subjectId: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true, description: '记录内容（JSON）' })
  payload: Record<string, unknown>;

  @ApiProperty()
  payloadDigest: string;

  @ApiProperty()
  prevHash: string;

  @ApiProperty()
  hash: string;
}

export class RecordSentenceDto {
  @ApiProperty({ example: '42' })
  seq: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;

  @ApiProperty({ description: '小区时区的时间', example: '2026年12月1日 16:22' })
  occurredText: string;

  @ApiProperty()
  action: string;

  @ApiProperty()
  actionName: string;

  @ApiProperty({ description: '类别（action 的前缀）', example: 'seals' })
  kind: string;

  @ApiProperty({ example: '业委会主任陈主任申请用章：文书 GY-2026-000003' })
  sentence: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  itemId: string | null;

  @ApiProperty({ type: String, nullable: true })
  itemTitle: string | null;

  @ApiProperty()
  hash: string;
}

export class RecordSentencePageDto {
  @ApiProperty({ type: [RecordSentenceDto], description: '最新的在前' })
  entries: RecordSentenceDto[];

  @ApiProperty()
  hasMore: boolean;
}

export const CHAIN_BREAKS = ['seq_gap', 'prev_hash_mismatch', 'payload_digest_mismatch', 'hash_mismatch', 'head_mismatch'] as const;

export class ChainBreakDto {
  @ApiProperty({ example: '42' })
  seq: string;

  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: CHAIN_BREAKS })
  reason: (typeof CHAIN_BREAKS)[number];
}

export class BallotIssueDto {
  @ApiProperty({ format: 'uuid' })
  voteId: string;

  @ApiProperty({ format: 'uuid' })
  motionId: string;

  @ApiProperty({ type: 'integer', nullable: true })
  motionSeq: number | null;

  @ApiProperty({ type: [String] })
  unitNumbers: string[];

  @ApiProperty({ enum: ['ballot_changed', 'ballot_missing'] })
  reason: 'ballot_changed' | 'ballot_missing';
}

export class ChainVerdictDto {
  @ApiProperty()
  ok: boolean;

  @ApiProperty({ type: 'integer', description: '校验过的记录条数' })
  checked: number;

  @ApiPropertyOptional({ type: ChainBreakDto, description: '第一条被篡改的记录（链完好时没有）' })
  firstBroken?: ChainBreakDto;

  @ApiPropertyOptional({ type: [BallotIssueDto], description: '与记录中的承诺不符的选票（都相符时没有）' })
  ballotIssues?: BallotIssueDto[];
}
