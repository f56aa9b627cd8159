import { ApiProperty } from '@nestjs/swagger';
import { STAGES, type StageName } from '../agenda/dto/agenda.dto';

/** Response shapes of the minutes-confirmation routes; the web app's types are generated from them (npm run openapi). */

const ATTENDEE_STATES = ['absent', 'waiting', 'confirmed', 'objected', 'paper_entered'] as const;

export class MinutesAttendeeDto {
  @ApiProperty({ type: 'integer', description: '在与会名单中的位置（从 0 起）' })
  index: number;

  @ApiProperty()
  name: string;

  @ApiProperty()
  party: string;

  @ApiProperty({ description: '是否有本系统账号（无账号者纸面签字）' })
  hasAccount: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  userId: string | null;

  @ApiProperty()
  present: boolean;

  @ApiProperty({ enum: ATTENDEE_STATES, enumName: 'MinutesAttendeeState' })
  state: (typeof ATTENDEE_STATES)[number];

  @ApiProperty({ example: '已确认' })
  stateLabel: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  at: string | null;

  @ApiProperty({ type: String, nullable: true, description: '时间（小区时区，中文）' })
  atText: string | null;

  @ApiProperty({ enum: ['app', 'paper'], nullable: true })
  channel: 'app' | 'paper' | null;

  @ApiProperty({ type: String, nullable: true })
  comment: string | null;

  @ApiProperty({ type: String, nullable: true, description: '登记纸面签字的人' })
  enteredBy: string | null;

  @ApiProperty({ type: String, nullable: true, description: '核对纸面签字的人' })
  countersignedBy: string | null;
}

export class MinutesDocumentRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'GY-…-2026-000001' })
  number: string;

  @ApiProperty({ example: 'draft' })
  status: string;
}

/** 会议纪要确认: the minutes, where every attendee stands, and the record once final. */
export class MinutesConfirmationsDto {
  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty({ format: 'uuid' })
  itemId: string;

  @ApiProperty({ type: 'integer' })
  itemSeq: number;

  @ApiProperty()
  itemTitle: string;

  @ApiProperty({ example: '2026年11月20日 19:00' })
  heldAtText: string;

  @ApiProperty()
  place: string;

  @ApiProperty()
  minutes: string;

  @ApiProperty({ enum: STAGES, enumName: 'StageName' })
  stage: StageName;

  @ApiProperty({ example: '联席会议' })
  stageLabel: string;

  @ApiProperty({ type: 'integer', description: '确认轮次（修改纪要后重新开始）' })
  round: number;

  @ApiProperty({ format: 'uuid' })
  recordedBy: string;

  @ApiProperty()
  final: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finalAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  finalAtText: string | null;

  @ApiProperty({ type: 'integer', description: '尚未确认的出席人数' })
  outstanding: number;

  @ApiProperty({ type: 'integer' })
  objections: number;

  @ApiProperty({ type: MinutesDocumentRefDto, nullable: true })
  document: MinutesDocumentRefDto | null;

  @ApiProperty({ type: [MinutesAttendeeDto] })
  attendees: MinutesAttendeeDto[];
}
