import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { RequestSummaryDto } from '../requests/requests.dto';
import { PlaceDto } from '../requests/requests.dto';

export class ScheduleDayDto {
  @ApiProperty({ enum: ['party_secretary', 'property_manager'], description: '书记接待日或物业经理接待日' })
  @IsIn(['party_secretary', 'property_manager'], { message: '接待人应为党支部书记或物业经理' })
  hostKind: 'party_secretary' | 'property_manager';

  @ApiProperty({ example: '郑书记' })
  @IsString({ message: '请填写接待人姓名' })
  @MinLength(1, { message: '请填写接待人姓名' })
  @MaxLength(40, { message: '接待人姓名不超过 40 字' })
  hostName: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'hostUserId 必须是 UUID' })
  hostUserId?: string;

  @ApiProperty({ example: '2026-12-05', description: '日期（社区时区）' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  day: string;

  @ApiProperty({ example: '09:00' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '开始时间格式应为 HH:MM' })
  startTime: string;

  @ApiProperty({ example: '11:30' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '结束时间格式应为 HH:MM' })
  endTime: string;

  @ApiProperty({ example: '社区党群服务中心一楼' })
  @IsString({ message: '请填写接待地点' })
  @MinLength(2, { message: '请填写接待地点' })
  @MaxLength(100, { message: '接待地点不超过 100 字' })
  place: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: '备注不超过 500 字' })
  note?: string;
}

export class LogVisitDto extends PlaceDto {
  @ApiProperty({ example: '王阿姨' })
  @IsString({ message: '请填写来访居民姓名' })
  @MinLength(1, { message: '请填写来访居民姓名' })
  @MaxLength(40, { message: '姓名不超过 40 字' })
  visitorName: string;

  @ApiPropertyOptional({ example: '13800000000' })
  @IsOptional()
  @Matches(/^1\d{10}$/, { message: '手机号应为 11 位数字' })
  visitorMobile?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '来访居民的账号（如有），以便本人评价和确认' })
  @IsOptional()
  @IsUUID('all', { message: 'visitorUserId 必须是 UUID' })
  visitorUserId?: string;

  @ApiProperty({ example: 'repair' })
  @IsString({ message: '请选择诉求类别' })
  @MaxLength(40)
  category: string;

  @ApiProperty({ example: '3号楼地下车库渗水', description: '反映的问题（即诉求标题）' })
  @IsString({ message: '请填写反映的问题' })
  @MinLength(2, { message: '反映的问题至少 2 个字' })
  @MaxLength(100, { message: '反映的问题不超过 100 字' })
  concern: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: '详细情况不超过 2000 字' })
  description?: string;
}

export class ReceptionDayDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['party_secretary', 'property_manager'] }) hostKind: string;
  @ApiProperty() hostKindLabel: string;
  @ApiProperty() hostName: string;
  @ApiProperty({ format: 'date' }) day: string;
  @ApiProperty() timeText: string;
  @ApiProperty() place: string;
  @ApiProperty() note: string;
  @ApiProperty({ type: 'integer' }) visits: number;
  @ApiProperty({ type: 'integer', description: '已销号' }) writtenOff: number;
}

export class ReceptionDayListDto {
  @ApiProperty({ type: ReceptionDayDto, isArray: true }) items: ReceptionDayDto[];
}

export class ReceptionVisitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() visitorName: string;
  @ApiProperty() concern: string;
  @ApiProperty() atText: string;
  @ApiProperty({ type: RequestSummaryDto }) request: RequestSummaryDto;
}

export class ReceptionDayDetailDto extends ReceptionDayDto {
  @ApiProperty({ type: ReceptionVisitDto, isArray: true }) log: ReceptionVisitDto[];
}
