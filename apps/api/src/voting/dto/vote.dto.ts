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
