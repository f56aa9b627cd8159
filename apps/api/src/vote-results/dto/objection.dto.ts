import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CommunityItemParam } from '../../common/params';

export class FileObjectionDto {
  @ApiProperty({ description: '异议内容与理由（1–2000 字）' })
  @IsString({ message: '请填写异议内容' })
  @MaxLength(2000, { message: '异议内容不能超过 2000 字' })
  text: string;

  @ApiPropertyOptional({ description: '所涉房号（须是本人在本次表决名册上的房屋）', example: '1-1-101' })
  @IsOptional()
  @IsString({ message: '房号应为文本' })
  @MaxLength(40, { message: '房号过长' })
  unitNumber?: string;
}

export class AnswerObjectionDto {
  @ApiProperty({ description: '业主委员会的处理意见（1–2000 字），答复后不可更改' })
  @IsString({ message: '请填写处理意见' })
  @MaxLength(2000, { message: '处理意见不能超过 2000 字' })
  answer: string;
}

export class IssueFinalResultDto {
  @ApiPropertyOptional({ type: [String], description: '监票人（姓名），印在表决结果公告上' })
  @IsOptional()
  @IsArray({ message: '监票人应为名单' })
  @ArrayMaxSize(20)
  @IsString({ each: true, message: '监票人姓名应为文本' })
  @MaxLength(40, { each: true, message: '姓名过长' })
  scrutineers?: string[];

  @ApiPropertyOptional({ type: [String], description: '计票人（姓名）' })
  @IsOptional()
  @IsArray({ message: '计票人应为名单' })
  @ArrayMaxSize(20)
  @IsString({ each: true, message: '计票人姓名应为文本' })
  @MaxLength(40, { each: true, message: '姓名过长' })
  counters?: string[];
}

export class ObjectionParam extends CommunityItemParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'objectionId 必须是 UUID' })
  objectionId: string;
}
