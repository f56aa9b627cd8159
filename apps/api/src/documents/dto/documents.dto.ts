import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DOCUMENT_TYPES } from '../document-input';
import { SOURCE_DOCUMENT_TYPES, type SourceDocumentType } from '../document-sources.service';

export class CreateDocumentDto {
  @ApiProperty({
    enum: SOURCE_DOCUMENT_TYPES,
    description:
      'assembly_notice：业主大会公告（sourceId = 表决 id）；meeting_minutes：会议纪要（sourceId = 会议 id）；resolution_announcement：决议公告（sourceId = 已结束的表决 id）',
  })
  @IsIn(SOURCE_DOCUMENT_TYPES)
  type: SourceDocumentType;

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'sourceId 必须是 UUID' })
  sourceId: string;
}

export class DocumentQueryDto {
  @ApiPropertyOptional({ enum: DOCUMENT_TYPES })
  @IsOptional()
  @IsIn(DOCUMENT_TYPES)
  type?: string;

  @ApiPropertyOptional({ enum: ['draft', 'final'] })
  @IsOptional()
  @IsIn(['draft', 'final'])
  status?: string;
}

export class DocumentNumberParam {
  @ApiProperty({ example: 'GY-3F9A2C1B-2026-000001' })
  @IsString()
  @MaxLength(64)
  documentNumber: string;
}
