import { ApiProperty } from '@nestjs/swagger';
import { OWNER_LETTER_KINDS } from '@gongyi/domain/documents/owner-letters';

/** Response shapes of …/letters; the web app's types are generated from them (npm run openapi). */
export class OwnerLetterDto {
  @ApiProperty({ format: 'uuid', description: '文书 id（下载：…/documents/:id/file）' })
  id: string;

  @ApiProperty({ example: 'GY-3F9A2C1B-2026-000001' })
  number: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: OWNER_LETTER_KINDS, enumName: 'OwnerLetterKind' })
  kind: string;

  @ApiProperty({ example: '业主大会会议公告' })
  kindLabel: string;

  @ApiProperty({ type: String, format: 'date-time', description: '用章定稿（公布）时间' })
  finalisedAt: string;

  @ApiProperty({ example: '2026年12月17日 09:00', description: '公布时间（小区时区，中文）' })
  finalisedAtText: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '我第一次打开的时间；未读为 null' })
  readAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: '第一次打开的时间（小区时区，中文）' })
  readAtText: string | null;
}

export class OwnerLettersDto {
  @ApiProperty({ type: 'integer', description: '未读的封数' })
  unread: number;

  @ApiProperty({ type: [OwnerLetterDto] })
  letters: OwnerLetterDto[];
}
