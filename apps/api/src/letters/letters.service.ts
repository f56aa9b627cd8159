import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatZhDateTime } from '@gongyi/domain/labels';
import { LETTER_TODO_DAYS } from '@gongyi/domain/documents/owner-letters';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { NotFound } from '../common/app-error';
import { OwnerLetterDto, OwnerLettersDto } from './letters.dto';
import { ownerLetters, type OwnerLetterRow } from './owner-letters.query';

/** 公告信件: the sealed documents addressed to all owners, and which of them this owner has opened. */
@Injectable()
export class LettersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(communityId: string, userId: string): Promise<OwnerLettersDto> {
    const zone = await this.zone(communityId);
    const letters = (await ownerLetters(this.dataSource, communityId, userId)).map((l) => this.dto(l, zone));
    return { unread: letters.filter((l) => !l.readAt).length, letters };
  }

  /** The first opening is kept (written once; a second opening changes nothing). */
  async markRead(communityId: string, userId: string, documentId: string): Promise<OwnerLetterDto> {
    const [letter] = await ownerLetters(this.dataSource, communityId, userId, { documentId, limit: 1 });
    if (!letter) throw new NotFound('公告信件', 'letter_not_found');
    if (!letter.readAt) {
      const now = this.clock.now();
      await this.dataSource.query(
        `INSERT INTO document_reads (community_id, document_id, user_id, read_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (document_id, user_id) DO NOTHING`,
        [communityId, documentId, userId, now],
      );
      const [kept] = await this.dataSource.query<{ read_at: Date }[]>(
        'SELECT read_at FROM document_reads WHERE document_id = $1 AND user_id = $2',
        [documentId, userId],
      );
      letter.readAt = new Date(kept.read_at);
    }
    return this.dto(letter, await this.zone(communityId));
  }

  /** For 我的待办: letters sealed in the last LETTER_TODO_DAYS days that this owner has not opened. */
  async unreadRecent(communityId: string, userId: string): Promise<OwnerLetterRow[]> {
    const since = new Date(this.clock.now().getTime() - LETTER_TODO_DAYS * 24 * 3600 * 1000);
    return (await ownerLetters(this.dataSource, communityId, userId, { since })).filter((l) => !l.readAt);
  }

  private dto(letter: OwnerLetterRow, zone: string): OwnerLetterDto {
    return {
      ...letter,
      finalisedAt: letter.finalisedAt.toISOString(),
      finalisedAtText: formatZhDateTime(letter.finalisedAt, zone),
      readAt: letter.readAt?.toISOString() ?? null,
      readAtText: letter.readAt ? formatZhDateTime(letter.readAt, zone) : null,
    };
  }

  private async zone(communityId: string): Promise<string> {
    const [row] = await this.dataSource.query<{ time_zone: string }[]>('SELECT time_zone FROM communities WHERE id = $1', [communityId]);
    return row?.time_zone ?? 'Asia/Shanghai';
  }
}
