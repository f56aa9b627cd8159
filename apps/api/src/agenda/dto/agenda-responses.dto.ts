import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MATTER_CATEGORIES, type MatterCategory } from '@gongyi/domain/voting/matter';
import type { ItemStatus, StageStatus } from '@gongyi/domain/chain/state-machine';
import { AttendeeDto, STAGES, type StageName } from './agenda.dto';
import { MeetingDetailsDto } from './meeting-details.dto';

/** Response shapes of the agenda (chain, meetings) routes; the web app's types are generated from them (npm run openapi). */

const ITEM_STATUSES: ItemStatus[] = ['draft', 'in_stage', 'returned', 'rejected', 'done'];
const STAGE_STATUSES: StageStatus[] = ['pending', 'advanced', 'skipped', 'passed_over'];
const OUTCOMES = ['advance', 'return', 'reject'] as const;
const VOTE_STATUSES = ['draft', 'noticed', 'closed'] as const;

/** A row of the agenda board (GET …/agenda-items). */
export class AgendaItemSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: 'integer', description: '本小区议题序号' })
  seq: number;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: MATTER_CATEGORIES, enumName: 'MatterCategory' })
  category: MatterCategory;

  @ApiProperty({ enum: ITEM_STATUSES, enumName: 'ItemStatus' })
  status: ItemStatus;

  @ApiProperty({ enum: STAGES, enumName: 'StageName', nullable: true })
  currentStage: StageName | null;

  @ApiProperty({ type: String, nullable: true, description: '预算（分，整数字符串）', example: '98000000' })
  budgetFen: string | null;

  @ApiProperty({ format: 'uuid' })
  proposerId: string;

  @ApiProperty({ type: 'integer', description: '提出时适用的议事规则版本' })
  rulebookVersion: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

export class ChainStagesDto {
  @ApiProperty({ enum: STAGE_STATUSES, enumName: 'StageStatus' })
  party_prediscussion: StageStatus;
  @ApiProperty({ enum: STAGE_STATUSES, enumName: 'StageStatus' })
  joint_meeting: StageStatus;
  @ApiProperty({ enum: STAGE_STATUSES, enumName: 'StageStatus' })
  representatives_meeting: StageStatus;
  @ApiProperty({ enum: STAGE_STATUSES, enumName: 'StageStatus' })
  assembly_vote: StageStatus;
  @ApiProperty({ enum: STAGE_STATUSES, enumName: 'StageStatus' })
  committee_resolution: StageStatus;
  @ApiProperty({ enum: STAGE_STATUSES, enumName: 'StageStatus' })
  execution: StageStatus;
}

export class ChainEventDto {
  @ApiProperty({ example: 'advanced', description: 'submitted, advanced, returned, rejected, skipped, resubmitted…' })
  type: string;

  @ApiProperty({ enum: STAGES, enumName: 'StageName' })
  stage: StageName;

  @ApiProperty({ format: 'uuid' })
  by: string;

  @ApiPropertyOptional({ type: [String] })
  reasons?: string[];
}

/** The chain's state machine as stored with the item. */
export class ChainStateDto {
  @ApiProperty({ enum: MATTER_CATEGORIES, enumName: 'MatterCategory' })
  category: MatterCategory;

  @ApiProperty({ enum: ITEM_STATUSES, enumName: 'ItemStatus' })
  status: ItemStatus;

  @ApiProperty({ enum: STAGES, enumName: 'StageName', nullable: true })
  stage: StageName | null;

  @ApiProperty({ type: ChainStagesDto })
  stages: ChainStagesDto;

  @ApiProperty({ type: [ChainEventDto] })
  events: ChainEventDto[];
}

export class ChosenOptionDto {
  @ApiProperty({ format: 'uuid' })
  motionId: string;

  @ApiProperty()
  optionId: string;

  @ApiProperty({ type: String, nullable: true })
  label: string | null;
}

/** The stored item, as creating, skipping and resubmitting answer. */
export class AgendaItemRowDto extends AgendaItemSummaryDto {
  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty()
  description: string;

  @ApiProperty({ type: String, nullable: true })
  fundingSource: string | null;

  @ApiProperty({ type: ChainStateDto })
  chainState: ChainStateDto;

  @ApiProperty({ type: ChosenOptionDto, nullable: true, description: '多选项表决选定的方案' })
  chosenOption: ChosenOptionDto | null;

  @ApiProperty({ type: 'integer' })
  version: number;
}

export class MeetingDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ format: 'uuid' })
  agendaItemId: string;

  @ApiProperty({ enum: STAGES, enumName: 'StageName' })
  stage: StageName;

  @ApiProperty({ format: 'date-time' })
  heldAt: string;

  @ApiProperty()
  place: string;

  @ApiProperty()
  chair: string;

  @ApiProperty({ type: [AttendeeDto] })
  attendees: AttendeeDto[];

  @ApiProperty()
  minutes: string;

  @ApiProperty({ type: MeetingDetailsDto })
  details: MeetingDetailsDto;

  @ApiProperty({ enum: OUTCOMES, enumName: 'MeetingOutcome' })
  outcome: (typeof OUTCOMES)[number];

  @ApiProperty()
  outcomeReason: string;

  @ApiProperty({ format: 'uuid' })
  recordedBy: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '全体出席人员确认纪要的时间' })
  minutesFinalAt: string | null;

  @ApiProperty({ type: 'integer', description: '纪要确认轮次（修改后重新开始）' })
  minutesRound: number;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

/** POST …/stages/:stage/meeting: the meeting and the item after it. */
export class RecordedMeetingDto {
  @ApiProperty({ type: MeetingDto })
  meeting: MeetingDto;

  @ApiProperty({ type: AgendaItemRowDto })
  item: AgendaItemRowDto;
}

export class TransitionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ format: 'uuid' })
  agendaItemId: string;

  @ApiProperty({ enum: STAGES, enumName: 'StageName', nullable: true })
  stage: StageName | null;

  @ApiProperty({ example: 'advance', description: 'submitted, advance, return, reject, skip, resubmit, done' })
  kind: string;

  @ApiProperty()
  reason: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  meetingId: string | null;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;
}

export class ExecutionReportDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  communityId: string;

  @ApiProperty({ format: 'uuid' })
  agendaItemId: string;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: 100 })
  progressPercent: number;

  @ApiProperty()
  text: string;

  @ApiProperty({ type: 'string', nullable: true, description: '本次执行发生的金额（分）' })
  amountFen: string | null;

  @ApiProperty({ format: 'uuid' })
  reportedBy: string;

  @ApiProperty({ format: 'date-time' })
  reportedAt: string;
}

export class VoteBriefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: VOTE_STATUSES, enumName: 'VoteStatus' })
  status: (typeof VOTE_STATUSES)[number];

  @ApiProperty({ format: 'date-time' })
  opensAt: string;

  @ApiProperty({ format: 'date-time' })
  closesAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '询异期届满时间（表决结束时确定）' })
  objectionEndsAt: string | null;

  @ApiProperty({
    description: '表决已结束但表决结果公告尚未发布（询异期内或届满待发布）：此时不能再次起草表决',
  })
  finalResultPending: boolean;
}

export class StageLineDto {
  @ApiProperty({ enum: STAGES, enumName: 'StageName' })
  stage: StageName;

  @ApiProperty({ example: '支部先议' })
  label: string;

  @ApiProperty({ enum: STAGE_STATUSES, enumName: 'StageStatus' })
  status: StageStatus;
}

/** The resident's request an item was promoted from (诉求转议题): the link back. */
export class SourceRequestDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 12 })
  seq: number;

  @ApiProperty({ example: '3幢电梯经常停运' })
  title: string;
}

/** GET …/agenda-items/:id: the item with its timeline. */
export class AgendaItemDto extends AgendaItemRowDto {
  @ApiProperty({ type: SourceRequestDto, nullable: true, description: '由居民诉求转为议题时，来源诉求' })
  fromRequest: SourceRequestDto | null;

  @ApiProperty({ type: [StageLineDto] })
  stages: StageLineDto[];

  @ApiProperty({ type: [TransitionDto] })
  transitions: TransitionDto[];

  @ApiProperty({ type: [MeetingDto] })
  meetings: MeetingDto[];

  @ApiProperty({ type: [ExecutionReportDto] })
  executionReports: ExecutionReportDto[];

  @ApiProperty({ type: [VoteBriefDto] })
  votes: VoteBriefDto[];
}

// Re-exported so the voting DTOs name one status enum.
export { VOTE_STATUSES };
