import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches } from 'class-validator';

export class CommunityParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'communityId 必须是 UUID' })
  communityId: string;
}

export class BulletinParam extends CommunityParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id 必须是 UUID' })
  id: string;
}

export class ComposeBulletinDto {
  @ApiProperty({ example: '2026-11', description: '简报所属月份（小区时区）' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM，如 2026-11' })
  month: string;
}

export class BulletinFiguresDto {
  @ApiProperty({ type: 'integer' }) meetings: number;
  @ApiProperty({ type: 'integer' }) studied: number;
  @ApiProperty({ type: 'integer' }) solved: number;
  @ApiProperty({ type: 'integer' }) inProgress: number;
  @ApiProperty({ type: 'integer' }) requestsFiled: number;
  @ApiProperty({ type: 'integer' }) requestsSolved: number;
  @ApiProperty({ type: 'integer' }) requestsOnTime: number;
  @ApiProperty({ type: 'integer', nullable: true, description: '按时办结率（千分比）' }) compliancePerMille: number | null;
}

export class BulletinDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ example: '2026年11月' }) monthLabel: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'uuid' }) documentId: string;
  @ApiProperty() documentNumber: string;
  @ApiProperty({ enum: ['draft', 'final'], description: 'draft：待盖章；final：已盖章发布' }) documentStatus: string;
  @ApiProperty({ description: '待盖章 / 用章申请中 / 已发布' }) statusLabel: string;
  @ApiProperty({ description: '已有待处理的用章申请' }) sealRequested: boolean;
  @ApiProperty({ type: BulletinFiguresDto }) figures: BulletinFiguresDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() createdAtText: string;
}

export class BulletinListDto {
  @ApiProperty({ type: [BulletinDto] }) items: BulletinDto[];
}

export class BulletinSealRequestDto {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ type: BulletinDto }) bulletin: BulletinDto;
}

export class PublicBulletinDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() month: string;
  @ApiProperty() monthLabel: string;
  @ApiProperty() title: string;
  @ApiProperty() documentNumber: string;
  @ApiProperty({ type: BulletinFiguresDto }) figures: BulletinFiguresDto;
  @ApiProperty({ description: '盖章 PDF 下载地址' }) pdfUrl: string;
}

export class PublicBulletinListDto {
  @ApiProperty({ type: [PublicBulletinDto] }) items: PublicBulletinDto[];
}
