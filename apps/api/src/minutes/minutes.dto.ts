import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';

export class MeetingParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'communityId 必须是 UUID' })
  communityId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'meetingId 必须是 UUID' })
  meetingId: string;
}

export class AttendeeParam extends MeetingParam {
  @ApiProperty({ description: '与会人员在纪要名单中的序号（从 0 起）' })
  @Type(() => Number)
  @IsInt({ message: '与会人员序号须是整数' })
  @Min(0)
  @Max(199)
  index: number;
}

export class RespondDto {
  @ApiProperty({ enum: ['confirm', 'object'], description: '确认无误，或提出意见' })
  @IsIn(['confirm', 'object'], { message: 'decision 须为 confirm 或 object' })
  decision: 'confirm' | 'object';

  @ApiPropertyOptional({ description: '提出意见时必填：哪里与会议情况不符' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class AmendMinutesDto {
  @ApiProperty({ description: '修改后的会议纪要全文' })
  @IsString()
  @MinLength(1)
  @MaxLength(100000)
  minutes: string;

  @ApiProperty({ description: '修改说明（如：按某某的意见补充）' })
  @IsString()
  @MinLength(2, { message: '请写明修改说明' })
  @MaxLength(2000)
  reason: string;
}
