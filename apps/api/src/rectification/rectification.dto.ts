import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { RECTIFICATION_ACTIONS, RECTIFICATION_SOURCES, RECTIFICATION_STATUSES } from '@gongyi/domain/rectification/rectification';

export class CommunityParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'communityId 必须是 UUID' })
  communityId: string;
}

export class RectificationParam extends CommunityParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id 必须是 UUID' })
  id: string;
}

export class RaiseRectificationDto {
  @ApiProperty({ description: '整改事项标题，如「东门路灯不亮」' })
  @IsString()
  @MinLength(2, { message: '请写明整改事项标题（至少 2 字）' })
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ description: '问题描述与整改要求' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @ApiPropertyOptional({ description: '位置（楼栋、单元或公共区域）' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;

  @ApiPropertyOptional({ description: '类别，如「环境卫生」「设施维修」' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  category?: string;

  @ApiProperty({ enum: RECTIFICATION_SOURCES, description: '四方联席会议提出，或检查发现' })
  @IsIn(RECTIFICATION_SOURCES, { message: 'source 须为 joint_meeting（四方联席会议）或 inspection（检查）' })
  source: (typeof RECTIFICATION_SOURCES)[number];

  @ApiPropertyOptional({ format: 'uuid', description: '提出该事项的联席会议记录（会议须属于本小区）' })
  @IsOptional()
  @IsUUID('all', { message: 'meetingId 必须是 UUID' })
  meetingId?: string;

  @ApiPropertyOptional({ description: '检查情况说明（何时、何人检查）' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  sourceNote?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '负责整改的物业人员账号（不填则由本小区物业共同负责）' })
  @IsOptional()
  @IsUUID('all', { message: 'assigneeUserId 必须是 UUID' })
  assigneeUserId?: string;

  @ApiProperty({ example: '2026-12-15', description: '整改期限（小区时区的日期）' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '整改期限格式应为 YYYY-MM-DD' })
  dueOn: string;
}

export class EvidenceDto {
  @ApiProperty({ description: '证据名称，如「整改后照片」' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ description: '说明或存放位置' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class RectificationActionDto {
  @ApiProperty({ enum: RECTIFICATION_ACTIONS })
  @IsIn(RECTIFICATION_ACTIONS, { message: 'action 须为 start / progress / submit / accept / reject' })
  action: (typeof RECTIFICATION_ACTIONS)[number];

  @ApiPropertyOptional({ description: '进展说明、完成说明或退回理由' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  text?: string;

  @ApiPropertyOptional({ type: [EvidenceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence?: EvidenceDto[];
}

export class RectificationEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() action: string;
  @ApiProperty() actionLabel: string;
  @ApiProperty({ nullable: true, type: String }) fromStatus: string | null;
  @ApiProperty() toStatus: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: [EvidenceDto] }) evidence: EvidenceDto[];
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() atText: string;
}

export class RectificationItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() location: string;
  @ApiProperty() category: string;
  @ApiProperty({ enum: RECTIFICATION_SOURCES }) source: string;
  @ApiProperty() sourceLabel: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) meetingId: string | null;
  @ApiProperty({ nullable: true, type: String, description: '联席会议时间（小区时区）' }) meetingText: string | null;
  @ApiProperty() sourceNote: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) assigneeUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) assigneeName: string | null;
  @ApiProperty({ example: '2026-12-15' }) dueOn: string;
  @ApiProperty({ enum: RECTIFICATION_STATUSES }) status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ format: 'date-time' }) raisedAt: string;
  @ApiProperty() raisedAtText: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) acceptedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) acceptedAtText: string | null;
}

export class RectificationPhotoDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: '照片原图地址（须登录）' }) url: string;
  @ApiProperty({ description: '照片说明' }) caption: string;
  @ApiProperty() uploadedByName: string;
  @ApiProperty({ example: '2026年12月1日 09:00' }) atText: string;
}

export class RectificationDetailDto extends RectificationItemDto {
  @ApiProperty({ type: [RectificationEventDto] }) events: RectificationEventDto[];
  @ApiProperty({ type: [String], description: '当前账号此刻可执行的操作' }) allowedActions: string[];
  @ApiProperty({ type: [RectificationPhotoDto], description: '整改照片（只增不改）' }) photos: RectificationPhotoDto[];
  @ApiProperty({ description: '当前账号此刻可上传整改照片' }) mayAddPhoto: boolean;
}

export class RectificationPhotoParam extends RectificationParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'photoId 必须是 UUID' })
  photoId: string;
}

export class RectificationPhotoCaptionDto {
  @ApiProperty({ required: false, description: '照片说明，如：整改后' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  caption?: string;
}

export class RectificationListDto {
  @ApiProperty({ type: [RectificationItemDto] }) items: RectificationItemDto[];
  @ApiProperty({ type: 'integer' }) open: number;
  @ApiProperty({ type: 'integer' }) overdue: number;
  @ApiProperty({ type: 'integer' }) accepted: number;
}
