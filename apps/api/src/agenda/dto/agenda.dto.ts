import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MATTER_CATEGORIES, type MatterCategory } from '@gongyi/domain/voting/matter';
import { MeetingDetailsDto } from './meeting-details.dto';

export const STAGES = [
  'party_prediscussion',
  'joint_meeting',
  'representatives_meeting',
  'assembly_vote',
  'committee_resolution',
  'execution',
] as const;
export type StageName = (typeof STAGES)[number];

export class CreateAgendaItemDto {
  @ApiProperty({ example: '3 幢电梯更新' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ enum: MATTER_CATEGORIES, description: '民法典第278条事项（一至九）或业委会自行决定事项' })
  @IsIn(MATTER_CATEGORIES)
  category: MatterCategory;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  description: string;

  @ApiPropertyOptional({ description: '预算（分）', example: '125000000' })
  @IsOptional()
  @Matches(/^\d{1,15}$/, { message: 'budgetFen: 以分计的整数' })
  budgetFen?: string;

  @ApiPropertyOptional({ example: '维修资金' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  fundingSource?: string;
}

export class AttendeeDto {
  @ApiProperty({ example: '郑书记' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  name: string;

  @ApiProperty({ example: '党支部', description: '党支部 / 居委会 / 业委会 / 物业 / 居民代表 / 专家 …' })
  @IsString()
  @MinLength(1)
  @MaxLength(32)
  party: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  userId?: string;

  @ApiProperty()
  @IsBoolean()
  present: boolean;
}

export class RecordMeetingDto {
  @ApiProperty({ example: '2026-11-20T19:00:00+08:00' })
  // Not in the future: checked once, by assertMeetingDate (libs/domain/src/chain/meeting-date.ts), code date_in_future.
  @IsDateString({ strict: true })
  heldAt: string;

  @ApiProperty({ example: '社区党群服务中心 2 楼会议室' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  place: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  chair?: string;

  @ApiProperty({ type: [AttendeeDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  attendees: AttendeeDto[];

  @ApiProperty({ description: '会议纪要' })
  @IsString()
  @MinLength(1)
  @MaxLength(100000)
  minutes: string;

  @ApiPropertyOptional({
    type: MeetingDetailsDto,
    description: '阶段专有内容：联席会议 {plan, options[]}；居民代表会议 {opinions[]}；业委会决议 {memberVotes[]}',
  })
  @IsOptional()
  @IsObject()
  details?: Record<string, unknown>;

  @ApiPropertyOptional({ enum: ['advance', 'return', 'reject'], description: '业委会决议阶段由委员表决自动得出' })
  @IsOptional()
  @IsIn(['advance', 'return', 'reject'])
  outcome?: 'advance' | 'return' | 'reject';

  @ApiPropertyOptional({ description: '退回或否决的理由' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  reason?: string;
}

export class SkipStageDto {
  @ApiProperty({ enum: STAGES })
  @IsIn(STAGES)
  stage: StageName;

  @ApiProperty({ description: '跳过理由（记录在案）' })
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  reason: string;
}

export class ProgressReportDto {
  @ApiProperty({ minimum: 0, maximum: 100 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  progressPercent: number;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  text: string;

  @ApiPropertyOptional({ description: '本次执行发生的金额（以分计的非负整数，可不填），列入决定执行情况报告', example: '12000000' })
  @IsOptional()
  @Matches(/^(0|[1-9]\d{0,14})$/, { message: 'amountFen: 以分计的非负整数' })
  amountFen?: string;
}

export class AgendaQueryDto {
  @ApiPropertyOptional({ enum: ['in_stage', 'returned', 'rejected', 'done'] })
  @IsOptional()
  @IsIn(['in_stage', 'returned', 'rejected', 'done'])
  status?: string;
}

export class StageParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  communityId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ enum: STAGES })
  @IsIn(STAGES)
  stage: StageName;
}
