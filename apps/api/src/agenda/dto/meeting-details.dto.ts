import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** What a stage's meeting records beyond the minutes: sent with the meeting, answered with it (agenda-responses.dto.ts). */

export class MemberVoteDto {
  @ApiProperty({ format: 'uuid' })
  userId: string;

  @ApiProperty()
  present: boolean;

  @ApiPropertyOptional({ enum: ['yes', 'no', 'abstain'] })
  vote?: 'yes' | 'no' | 'abstain';

  @ApiPropertyOptional()
  signed?: boolean;

  @ApiPropertyOptional()
  byProxy?: boolean;
}

export class OpinionDto {
  @ApiProperty()
  representative: string;

  @ApiProperty({ type: 'integer' })
  for: number;

  @ApiProperty({ type: 'integer' })
  against: number;

  @ApiPropertyOptional()
  concerns?: string;
}

export class VoteTotalsLineDto {
  @ApiProperty({ type: 'integer' })
  for: number;

  @ApiProperty({ type: 'integer' })
  against: number;
}

/** 业委会决议: the decision computed from the members' votes. */
export class MeetingDecisionDto {
  @ApiProperty({ example: 'passed' })
  outcome: string;

  @ApiProperty()
  reasonZh: string;

  @ApiPropertyOptional({ type: 'integer' })
  yes?: number;
  @ApiPropertyOptional({ type: 'integer' })
  no?: number;
  @ApiPropertyOptional({ type: 'integer' })
  abstain?: number;
  @ApiPropertyOptional()
  rule?: string;
  @ApiPropertyOptional()
  quorumMet?: boolean;
  @ApiPropertyOptional({ type: 'integer' })
  memberCount?: number;
  @ApiPropertyOptional({ type: 'integer' })
  presentCount?: number;
  @ApiPropertyOptional({ type: 'integer' })
  requiredYes?: number;
  @ApiPropertyOptional({ type: 'integer' })
  requiredPresent?: number;
  @ApiPropertyOptional({ type: [String] })
  signatories?: string[];
}

/** What a stage's meeting recorded beyond the minutes (plan and options, opinions, member votes…). */
export class MeetingDetailsDto {
  @ApiPropertyOptional()
  plan?: string;

  @ApiPropertyOptional({ type: [String] })
  options?: string[];

  @ApiPropertyOptional({ type: [OpinionDto] })
  opinions?: OpinionDto[];

  @ApiPropertyOptional({ type: VoteTotalsLineDto })
  totals?: VoteTotalsLineDto;

  @ApiPropertyOptional({ type: [MemberVoteDto] })
  memberVotes?: MemberVoteDto[];

  @ApiPropertyOptional({ type: MeetingDecisionDto })
  decision?: MeetingDecisionDto;
}
