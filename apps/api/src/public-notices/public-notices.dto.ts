import { ApiProperty } from '@nestjs/swagger';
import { CHANNELS } from '../voting/dto/vote.dto';

/** Response shapes of the public notice routes; the web app's types are generated from them (npm run openapi). */

export class PublicCommunityDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: '阳光花园' })
  name: string;

  @ApiProperty({ description: '所在街道/区（未填为空字符串）', example: '朝阳区 望京街道' })
  district: string;
}

export class PublicNoticeOptionDto {
  @ApiProperty({ example: 'A' })
  id: string;

  @ApiProperty({ example: '甲公司：￥1,250,000，保修 24 个月' })
  label: string;
}

export class PublicNoticeMotionDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: '议案序号' })
  seq: number;

  @ApiProperty()
  title: string;

  @ApiProperty({ description: '议案全文（公告中完整刊登）' })
  fullText: string;

  @ApiProperty({ enum: ['yes_no', 'options'] })
  kind: 'yes_no' | 'options';

  @ApiProperty({ type: [PublicNoticeOptionDto], description: '选项（yes_no 议案为空）' })
  options: PublicNoticeOptionDto[];
}

export class PublicNoticeDocumentDto {
  @ApiProperty({ description: '盖章文件编号' })
  number: string;

  @ApiProperty({ description: '盖章 PDF 可下载' })
  pdf: boolean;
}

export class PublicNoticeTextDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ description: '会议地点或表决方式（公告原文）' })
  method: string;

  @ApiProperty({ enum: CHANNELS, isArray: true })
  channels: (typeof CHANNELS)[number][];

  @ApiProperty({ enum: ['noticed', 'closed'] })
  status: 'noticed' | 'closed';

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  noticedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  opensAt: string;

  @ApiProperty({ format: 'date-time' })
  closesAt: string;

  @ApiProperty({ type: [PublicNoticeMotionDto] })
  motions: PublicNoticeMotionDto[];

  @ApiProperty({
    type: PublicNoticeDocumentDto,
    nullable: true,
    description: '盖章的业主大会会议公告（两枚印章都已盖上后才有）',
  })
  document: PublicNoticeDocumentDto | null;
}
