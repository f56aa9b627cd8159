import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotFound } from '../common/app-error';
import { InjectPublicReads } from '../database/public-reads';
import { DocumentsService } from '../documents/documents.service';
import { PublicCommunityDto, PublicNoticeTextDto } from './public-notices.dto';

/**
 * Published assembly notices as residents read them without logging in: full text, and the sealed PDF.
 * Every read here is public, so all of them go to the public-reads pool (the replica when configured).
 */
@Injectable()
export class PublicNoticesService {
  constructor(
    @InjectPublicReads() private readonly dataSource: DataSource,
    private readonly documents: DocumentsService,
  ) {}

  /** Communities by name, for the login page's 小区公示 link (only what the public page shows anyway). */
  async communities(): Promise<PublicCommunityDto[]> {
    return this.dataSource.query('SELECT id, name, district FROM communities ORDER BY name LIMIT 500');
  }

  async notice(communityId: string, voteId: string): Promise<PublicNoticeTextDto> {
    const [vote] = await this.dataSource.query<Omit<PublicNoticeTextDto, 'motions' | 'document'>[]>(
      // Publishing is the sealing: a notice without both seals is not public yet (its text may still change). Its
      // date is the sealing date.
      `SELECT id, title, method, channels, status, notice_sealed_at AS "noticedAt", opens_at AS "opensAt", closes_at AS "closesAt"
         FROM assembly_votes WHERE community_id = $1 AND id = $2 AND status <> 'draft' AND notice_sealed_at IS NOT NULL`,
      [communityId, voteId],
    );
    if (!vote) throw new NotFound('公告');
    const motions = await this.dataSource.query<PublicNoticeTextDto['motions']>(
      `SELECT seq, title, full_text AS "fullText", kind, options FROM motions WHERE vote_id = $1 ORDER BY seq`,
      [voteId],
    );
    const doc = await this.sealedNotice(communityId, voteId);
    return { ...vote, motions, document: doc ? { number: doc.number, pdf: true } : null };
  }

  async pdf(communityId: string, voteId: string) {
    await this.notice(communityId, voteId);
    const doc = await this.sealedNotice(communityId, voteId);
    if (!doc) throw new NotFound('盖章的公告文件');
    const file = await this.documents.finalFile(communityId, doc.id);
    return { body: file.bytes, filename: file.filename, etag: `"${file.sha256}"` };
  }

  private async sealedNotice(communityId: string, voteId: string): Promise<{ id: string; number: string } | null> {
    const [doc] = await this.dataSource.query<{ id: string; number: string }[]>(
      `SELECT id, number FROM documents
        WHERE community_id = $1 AND source_id = $2 AND type = 'assembly_notice' AND status = 'final'
        ORDER BY finalised_at DESC LIMIT 1`,
      [communityId, voteId],
    );
    return doc ?? null;
  }
}
