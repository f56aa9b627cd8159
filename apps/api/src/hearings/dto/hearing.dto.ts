import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
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
import { PANEL_KINDS, type PanelKind } from '@gongyi/domain/hearings/panel';
import { CreateVoteDto } from '../../voting/dto/vote.dto';

export class CriterionDto {
  @ApiProperty({ example: 'price' })
  @Matches(/^[a-z][a-z0-9_]{0,31}$/, { message: 'key: lower-case letters, digits or _' })
  key: string;

  @ApiProperty({ example: '价格' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  label: string;

  @ApiProperty({ example: 40, description: '权重（百分比整数，合计 100）' })
  @IsInt()
  @Min(1)
  @Max(100)
  weight: number;
}

export class PanelSeatDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;

  @ApiProperty({ enum: PANEL_KINDS })
  @IsIn(PANEL_KINDS)
  kind: PanelKind;
}

export class VendorInviteDto {
  @ApiProperty({ format: 'uuid', description: '供应商账号（须在本小区持有供应商角色）' })
  @IsUUID()
  userId: string;

  @ApiProperty({ example: '甲电梯工程有限公司' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  vendorName: string;
}

export class PanelDto {
  @ApiProperty({ type: [PanelSeatDto], description: '评审组：居民代表、业委会委员、物业、技术专家；回避后不少于 5 人且为单数' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(25)
  @ValidateNested({ each: true })
  @Type(() => PanelSeatDto)
  panel: PanelSeatDto[];
}

export class CreateHearingDto extends PanelDto {
  @ApiProperty({ format: 'uuid', description: '所属议题' })
  @IsUUID()
  agendaItemId: string;

  @ApiProperty({ example: '3 幢电梯更新现场竞标听证会' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ description: '招标内容与要求' })
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  description: string;

  @ApiProperty({ example: '社区党群服务中心 2 楼会议室' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  place: string;

  @ApiProperty({ type: [CriterionDto], description: '评分标准与权重（公开）' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CriterionDto)
  criteria: CriterionDto[];

  @ApiProperty({ type: [VendorInviteDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => VendorInviteDto)
  vendors: VendorInviteDto[];

  @ApiProperty({ example: '2026-12-01T17:00:00+08:00', description: '投标截止时间' })
  @IsDateString({ strict: true })
  bidDeadline: string;

  @ApiProperty({ example: '2026-12-02T19:00:00+08:00', description: '开标时间（不早于截止时间）' })
  @IsDateString({ strict: true })
  openingAt: string;
}

export class DeclarationDto {
  @ApiPropertyOptional({ description: '利益冲突说明；无冲突则不填。申报冲突即回避' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(2000)
  conflict?: string;
}

export class SubmitBidDto {
  @ApiProperty({ description: '报价（分，整数）', example: '125000000' })
  @Matches(/^\d{1,15}$/, { message: 'amountFen: 以分计的整数' })
  amountFen: string;

  @ApiProperty({ description: '质保期（月）', example: 24 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(600)
  warrantyMonths: number;

  @ApiProperty({ description: '交付工期（天）', example: 90 })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3650)
  deliveryDays: number;

  @ApiProperty({ description: '技术方案' })
  @IsString()
  @MinLength(1)
  @MaxLength(50000)
  proposal: string;
}

export class ScoreCellDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  bidId: string;

  @ApiProperty({ example: 'price' })
  @Matches(/^[a-z][a-z0-9_]{0,31}$/)
  criterion: string;

  @ApiProperty({ minimum: 0, maximum: 100 })
  @IsInt()
  @Min(0)
  @Max(100)
  score: number;
}

export class ScoreSheetDto {
  @ApiProperty({ type: [ScoreCellDto], description: '对每一份投标的每一评分项打分（0–100 整数）' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ScoreCellDto)
  scores: ScoreCellDto[];
}

export class PublishResultDto {
  @ApiProperty({ example: '2026-12-02T19:00:00+08:00', description: '评审会议时间' })
  @IsDateString({ strict: true })
  heldAt: string;

  @ApiProperty({ description: '会议纪要' })
  @IsString()
  @MinLength(1)
  @MaxLength(100000)
  minutes: string;

  @ApiPropertyOptional({ description: '入围数（并列者一并入围），默认 3', minimum: 2, maximum: 10 })
  @IsOptional()
  @IsInt()
  @Min(2)
  @Max(10)
  shortlistSize?: number;

  @ApiPropertyOptional({ description: '监督人（默认：本小区居委会的在任人员）', example: '居委会王主任' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  supervisor?: string;
}

export class ObjectionDto {
  @ApiProperty({ description: '异议内容与理由' })
  @IsString()
  @MinLength(2)
  @MaxLength(10000)
  text: string;
}

export class AnswerHearingObjectionDto {
  @ApiProperty({ description: '业主委员会对异议的处理意见（中文，1–2000 字），答复后不可更改' })
  @IsString({ message: '请填写处理意见' })
  @MaxLength(2000, { message: '处理意见不能超过 2000 字' })
  answer: string;
}

export class HearingObjectionParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'communityId 必须是 UUID' })
  communityId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id 必须是 UUID' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'objectionId 必须是 UUID' })
  objectionId: string;
}

export class AssemblyMotionDto extends OmitType(CreateVoteDto, ['motions'] as const) {
  @ApiPropertyOptional({ example: '关于选定 3 幢电梯更新供应商的议案' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  motionTitle?: string;
}

export class HearingBidParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'communityId 必须是 UUID' })
  communityId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id 必须是 UUID' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'bidId 必须是 UUID' })
  bidId: string;
}
