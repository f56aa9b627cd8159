import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { ElectorateDto } from './electorate.dto';

export const CHANNELS = ['online', 'paper', 'proxy'] as const;

export class MotionOptionDto {
  @ApiProperty({ example: 'A' })
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'option id: 1–32 letters, digits, _ or -' })
  id: string;

  @ApiProperty({ example: '甲公司：￥1,250,000，保修 24 个月' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  label: string;
}

export class MotionDto {
  @ApiProperty({ example: '关于更换 3 幢电梯的议案' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ description: '议案全文（公告中完整刊登）' })
  @IsString()
  @MinLength(1)
  @MaxLength(50000)
  fullText: string;

  @ApiProperty({ enum: ['yes_no', 'options'] })
  @IsIn(['yes_no', 'options'])
  kind: 'yes_no' | 'options';

  @ApiPropertyOptional({ type: [MotionOptionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => MotionOptionDto)
  options?: MotionOptionDto[];
}

export class NoticeContactDto {
  @ApiProperty({ example: '张三（业委会委员）' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ example: '0571-88888888' })
  @Matches(/^[0-9+\-() ]{5,30}$/, { message: '联系电话格式不正确' })
  phone: string;
}

/** 公告的实务事项 (each optional: what is left empty is filled from the community and the rulebook). */
export class NoticeDetailsDto {
  @ApiPropertyOptional({ description: '纸质表决票交回地点', example: '物业服务中心一楼业委会票箱' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  paperReturnPlace?: string;

  @ApiPropertyOptional({ description: '纸质表决票交回截止时间（默认投票截止时间）' })
  @IsOptional()
  @IsDateString({ strict: true })
  paperReturnDeadline?: string;

  @ApiPropertyOptional({ description: '委托投票办法（默认按议事规则的受托上限生成）' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  proxyProcedure?: string;

  @ApiPropertyOptional({ description: '计票时间（默认投票截止次日 9:00）' })
  @IsOptional()
  @IsDateString({ strict: true })
  countingAt?: string;

  @ApiPropertyOptional({ description: '计票地点' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  countingPlace?: string;

  @ApiPropertyOptional({ description: '监票人', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  scrutineers?: string[];

  @ApiPropertyOptional({ description: '计票人', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tellers?: string[];

  @ApiPropertyOptional({ description: '居委会监督（默认：社区居民委员会派员全程监督计票）' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  supervision?: string;

  @ApiPropertyOptional({ description: '结果公布日期（默认计票后第一个工作日）' })
  @IsOptional()
  @IsDateString({ strict: true })
  resultAnnouncementDate?: string;

  @ApiPropertyOptional({ type: [NoticeContactDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @ValidateNested({ each: true })
  @Type(() => NoticeContactDto)
  contacts?: NoticeContactDto[];

  @ApiPropertyOptional({ description: '抄送（默认：社区居民委员会、街道办事处）', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  copyTo?: string[];
}

export class CreateVoteDto {
  @ApiProperty({ example: '2026 年第一次业主大会' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @ApiProperty({ example: '网上投票与书面征求意见相结合；纸质表决票由楼栋长送达' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  method: string;

  @ApiProperty({ enum: CHANNELS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(CHANNELS, { each: true })
  channels: (typeof CHANNELS)[number][];

  @ApiPropertyOptional({ description: '临时会议（适用较短的公告期）' })
  @IsOptional()
  @IsBoolean()
  interim?: boolean;

  @ApiProperty({ example: '2026-12-20T00:00:00+08:00' })
  @IsDateString({ strict: true })
  opensAt: string;

  @ApiProperty({ example: '2027-01-10T00:00:00+08:00' })
  @IsDateString({ strict: true })
  closesAt: string;

  @ApiProperty({ type: [MotionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => MotionDto)
  motions: MotionDto[];

  @ApiPropertyOptional({ type: ElectorateDto, description: '表决范围：默认全体业主；加装电梯等由所在楼栋/单元业主表决' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ElectorateDto)
  electorate?: ElectorateDto;

  @ApiPropertyOptional({
    type: NoticeDetailsDto,
    description: '纸质票交回、委托办法、计票、监票人/计票人、居委会监督、结果公布、联系人、抄送',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => NoticeDetailsDto)
  noticeDetails?: NoticeDetailsDto;
}

export class VoteWindowDto {
  @ApiProperty({ example: '2026-12-27T00:00:00+08:00' })
  @IsDateString({ strict: true })
  opensAt: string;

  @ApiProperty({ example: '2027-01-17T00:00:00+08:00' })
  @IsDateString({ strict: true })
  closesAt: string;
}

export class ChoiceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  motionId: string;

  @ApiProperty({ description: 'yes | no | abstain，或多选项议案的选项 id', example: 'yes' })
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'choice: yes, no, abstain or an option id' })
  choice: string;
}

export class CastBallotDto {
  @ApiProperty({ type: [ChoiceDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => ChoiceDto)
  choices: ChoiceDto[];

  @ApiPropertyOptional({ format: 'uuid', description: '代理投票：委托人的选民编号 (elector id)' })
  @IsOptional()
  @IsUUID()
  onBehalfOf?: string;
}

export class PaperBallotDto extends CastBallotDto {
  @ApiProperty({ format: 'uuid', description: '表决票所属选民 (elector id)' })
  @IsUUID()
  electorId: string;

  @ApiProperty({ description: '纸质表决票编号', example: '3幢-017' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  paperRef: string;
}

export class ConfirmPaperDto {
  @ApiProperty({ description: '与纸质票核对一致则 true；不一致则 false 并说明' })
  @IsBoolean()
  confirm: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class ProxyDto {
  @ApiProperty({ format: 'uuid', description: '委托人 (elector id)' })
  @IsUUID()
  electorId: string;

  @ApiProperty({ format: 'uuid', description: '受托人账号' })
  @IsUUID()
  holderUserId: string;

  @ApiProperty({ description: '书面委托书编号或存档位置', example: '委托书 2026-015' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  authorisation: string;
}

export class ReceiptParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  communityId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty()
  @Matches(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/, { message: 'receipt code: XXXX-XXXX-XXXX' })
  code: string;
}
