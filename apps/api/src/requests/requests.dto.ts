import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { MATTER_CATEGORIES, type MatterCategory } from '@gongyi/domain/voting/matter';
import { REQUEST_STATES } from '@gongyi/domain/requests/requests';
import { CommunityItemParam, CommunityParam } from '../common/params';
import { ASSIGNEE_KINDS, PLACE_KINDS, type AssigneeKind, type PlaceKind } from './entities/service-request.entity';

export class RequestPhotoParam extends CommunityItemParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'photoId 必须是 UUID' })
  photoId: string;
}
export { CommunityItemParam, CommunityParam };

export class PlaceDto {
  @ApiProperty({ enum: PLACE_KINDS, description: '房屋、楼栋或公共区域' })
  @IsIn(PLACE_KINDS, { message: '地点应为房屋（unit）、楼栋（building）或公共区域（common）' })
  placeKind: PlaceKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'unitId 必须是 UUID' })
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'buildingId 必须是 UUID' })
  buildingId?: string;

  @ApiPropertyOptional({ example: '3号楼电梯', description: '公共区域的位置，或对房屋/楼栋的补充说明' })
  @IsOptional()
  @IsString({ message: '位置说明应为文字' })
  @MaxLength(200, { message: '位置说明不超过 200 字' })
  placeText?: string;
}

export class FileRequestDto extends PlaceDto {
  @ApiProperty({ example: 'repair', description: '议事规则中的诉求类别' })
  @IsString({ message: '请选择诉求类别' })
  @MaxLength(40, { message: '诉求类别有误' })
  category: string;

  @ApiProperty({ example: '3号楼2单元楼道灯不亮' })
  @IsString({ message: '请填写标题' })
  @MinLength(2, { message: '标题至少 2 个字' })
  @MaxLength(100, { message: '标题不超过 100 字' })
  title: string;

  @ApiPropertyOptional({ example: '晚上楼道一片漆黑，老人上下楼不方便' })
  @IsOptional()
  @IsString({ message: '说明应为文字' })
  @MaxLength(2000, { message: '说明不超过 2000 字' })
  description?: string;

  @ApiPropertyOptional({ description: '工作人员代为登记时：居民姓名（居民本人提交时不填）', example: '王阿姨' })
  @IsOptional()
  @IsString({ message: '居民姓名应为文字' })
  @MinLength(1, { message: '请填写居民姓名' })
  @MaxLength(40, { message: '居民姓名不超过 40 字' })
  filerName?: string;

  @ApiPropertyOptional({ example: '13800000000' })
  @IsOptional()
  @Matches(/^1\d{10}$/, { message: '手机号应为 11 位数字' })
  filerMobile?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '工作人员代为登记时：居民的账号（如有）' })
  @IsOptional()
  @IsUUID('all', { message: 'filerUserId 必须是 UUID' })
  filerUserId?: string;
}

export class PhotoPurposeDto {
  @ApiPropertyOptional({ enum: ['filing', 'progress', 'evidence'] })
  @IsOptional()
  @IsIn(['filing', 'progress', 'evidence'], { message: '照片用途应为 filing（现场）、progress（进展）或 evidence（办结）' })
  purpose?: 'filing' | 'progress' | 'evidence';
}

export class DispatchDto {
  @ApiProperty({ enum: ASSIGNEE_KINDS, description: '楼栋长、物业或职能部门' })
  @IsIn(ASSIGNEE_KINDS, { message: '接单方应为楼栋长、物业或职能部门' })
  assigneeKind: AssigneeKind;

  @ApiPropertyOptional({ format: 'uuid', description: '楼栋长或物业的账号' })
  @IsOptional()
  @IsUUID('all', { message: 'assigneeUserId 必须是 UUID' })
  assigneeUserId?: string;

  @ApiPropertyOptional({ example: '街道城管科', description: '职能部门名称' })
  @IsOptional()
  @IsString({ message: '部门名称应为文字' })
  @MinLength(2, { message: '请填写部门名称' })
  @MaxLength(60, { message: '部门名称不超过 60 字' })
  department?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: '派单说明不超过 500 字' })
  note?: string;
}

export class NoteDto {
  @ApiPropertyOptional({ example: '已联系电工，明早更换' })
  @IsOptional()
  @IsString({ message: '说明应为文字' })
  @MaxLength(2000, { message: '说明不超过 2000 字' })
  note?: string;
}

export class RateDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 5 })
  @Type(() => Number)
  @IsInt({ message: '评价须为 1–5 星' })
  @Min(1, { message: '评价须为 1–5 星' })
  @Max(5, { message: '评价须为 1–5 星' })
  rating: number;

  @ApiPropertyOptional({ example: '处理及时，谢谢' })
  @IsOptional()
  @IsString({ message: '评价内容应为文字' })
  @MaxLength(500, { message: '评价内容不超过 500 字' })
  comment?: string;
}

export class PromoteDto {
  @ApiProperty({ enum: MATTER_CATEGORIES, description: '议题的事项类别（民法典第278条或业委会自行决定）' })
  @IsIn(MATTER_CATEGORIES, { message: '请选择议题的事项类别' })
  matterCategory: MatterCategory;

  @ApiPropertyOptional({ description: '议题标题（默认沿用诉求标题）' })
  @IsOptional()
  @IsString()
  @MinLength(2, { message: '标题至少 2 个字' })
  @MaxLength(200, { message: '标题不超过 200 字' })
  title?: string;
}

export class WriteOffDto {
  @ApiProperty({ enum: ['resident', 'return_visit'], description: '居民本人确认，或工作人员记录的回访' })
  @IsIn(['resident', 'return_visit'], { message: '销号方式应为居民确认或回访确认' })
  kind: 'resident' | 'return_visit';

  @ApiPropertyOptional({ example: '6月3日电话回访，王阿姨表示满意' })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: '回访记录不超过 1000 字' })
  note?: string;
}

export class RequestListQuery {
  @ApiPropertyOptional({ enum: ['mine', 'assigned', 'all'], description: '我提出的、交我办理的、全部（派单人）' })
  @IsOptional()
  @IsIn(['mine', 'assigned', 'all'], { message: 'scope 应为 mine、assigned 或 all' })
  scope?: 'mine' | 'assigned' | 'all';

  @ApiPropertyOptional({ enum: REQUEST_STATES })
  @IsOptional()
  @IsIn(REQUEST_STATES, { message: '状态有误' })
  status?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '由此诉求转成的议题' })
  @IsOptional()
  @IsUUID('all', { message: 'agendaItemId 必须是 UUID' })
  agendaItemId?: string;
}

// ------------------------------------------------------------------ responses

export class RequestCategoryDto {
  @ApiProperty() category: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: 'integer' }) acceptMinutes: number;
  @ApiProperty({ type: 'integer' }) resolveMinutes: number;
  @ApiProperty({ enum: ['fix', 'plan'] }) resolveKind: 'fix' | 'plan';
  @ApiProperty({ example: '5 分钟内接单，20 分钟内解决' }) ruleText: string;
}

export class NamedIdDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class AssigneeOptionDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['building_leader', 'property_company'] }) kind: 'building_leader' | 'property_company';
  @ApiProperty() kindLabel: string;
}

export class RequestFormDto {
  @ApiProperty({ type: RequestCategoryDto, isArray: true }) categories: RequestCategoryDto[];
  @ApiProperty({ type: NamedIdDto, isArray: true }) buildings: NamedIdDto[];
  @ApiProperty({ type: NamedIdDto, isArray: true, description: '本人名下的房屋（名称为房号）' }) myUnits: NamedIdDto[];
  @ApiProperty({ type: AssigneeOptionDto, isArray: true, description: '可接单的楼栋长与物业（派单人可见）' })
  assignees: AssigneeOptionDto[];
  @ApiProperty({ type: 'integer' }) reopenDays: number;
}

export class RequestSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty() title: string;
  @ApiProperty() category: string;
  @ApiProperty() categoryLabel: string;
  @ApiProperty({ enum: REQUEST_STATES }) status: string;
  @ApiProperty() statusLabel: string;
  @ApiProperty() placeLabel: string;
  @ApiProperty() filerName: string;
  @ApiProperty({ enum: ['online', 'reception'] }) channel: string;
  @ApiProperty({ nullable: true, type: String }) assigneeLabel: string | null;
  @ApiProperty({ format: 'date-time' }) filedAt: string;
  @ApiProperty() filedAtText: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) acceptDueAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) resolveDueAt: string | null;
  @ApiProperty({ nullable: true, type: String }) dueText: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ nullable: true, type: 'integer' }) rating: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) agendaItemId: string | null;
  @ApiProperty({ description: '已销号（居民确认或回访）' }) writtenOff: boolean;
}

export class RequestEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() kind: string;
  @ApiProperty() kindLabel: string;
  @ApiProperty({ nullable: true, type: String }) actorName: string | null;
  @ApiProperty() note: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() atText: string;
}

export class RequestPhotoDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['filing', 'progress', 'evidence'] }) purpose: string;
  @ApiProperty() mime: string;
  @ApiProperty() sha256: string;
  @ApiProperty({ type: 'integer' }) size: number;
  @ApiProperty({ description: '图片地址（需登录）' }) url: string;
}

export class RequestDetailDto extends RequestSummaryDto {
  @ApiProperty() description: string;
  @ApiProperty() ratingComment: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) filerUserId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) assigneeUserId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: '可重新打开至（社区时区）' }) reopenUntilText: string | null;
  @ApiProperty({ nullable: true, type: String }) writeOffText: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) receptionDayId: string | null;
  @ApiProperty({ isArray: true, type: String, description: '当前用户可做的操作' }) actions: string[];
  @ApiProperty({ type: RequestEventDto, isArray: true }) events: RequestEventDto[];
  @ApiProperty({ type: RequestPhotoDto, isArray: true }) photos: RequestPhotoDto[];
}

export class RequestListDto {
  @ApiProperty({ type: RequestSummaryDto, isArray: true }) items: RequestSummaryDto[];
}

export class RequestStatsRowDto {
  @ApiProperty() category: string;
  @ApiProperty() categoryLabel: string;
  @ApiProperty({ type: 'integer' }) filed: number;
  @ApiProperty({ type: 'integer' }) solved: number;
  @ApiProperty({ type: 'integer' }) inProgress: number;
  @ApiProperty({ type: 'integer' }) onTime: number;
  @ApiProperty({ type: 'integer' }) overdue: number;
}

export class RequestStatsDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: RequestStatsRowDto, isArray: true }) rows: RequestStatsRowDto[];
}

export class StatsQuery {
  @ApiProperty({ example: '2026-12', description: '月份 YYYY-MM（社区时区）' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' })
  month: string;
}
