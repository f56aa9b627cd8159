import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { sha256Hex } from '@gongyi/domain/record/hash-chain';
import { DataSource } from 'typeorm';
import { NotFound } from '../common/app-error';
import { Statement } from './entities/statement.entity';
import { statementCsv } from './statement-export';

/** Publication of approved statements and the public pages that list them. */
@Injectable()
export class PublicationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async publicOverview(communityId: string) {
    const [community] = await this.dataSource.query<{ name: string; district: string }[]>(
      'SELECT name, district FROM communities WHERE id = $1',
      [communityId],
    );
    if (!community) throw new NotFound('小区 community');
    const statements = await this.dataSource.getRepository(Statement).find({
      where: { communityId, status: 'published' },
      order: { periodStart: 'DESC' },
      select: {
        id: true,
        periodStart: true,
        periodEnd: true,
        version: true,
        openingFen: true,
        incomeFen: true,
        costFen: true,
        transferFen: true,
        closingFen: true,
        publishedAt: true,
        postedUntil: true,
        documentId: true,
      },
    });
    const notices = await this.dataSource.query(
      `SELECT v.id, v.title, v.noticed_at AS "noticedAt", v.opens_at AS "opensAt", v.closes_at AS "closesAt", v.status
       FROM assembly_votes v WHERE v.community_id = $1 AND v.status <> 'draft' ORDER BY v.noticed_at DESC LIMIT 50`,
      [communityId],
    );
    return { community, statements, notices };
  }

  async publicCsv(communityId: string, statementId: string) {
    const statement = await this.dataSource.getRepository(Statement).findOneBy({ id: statementId, communityId, status: 'published' });
    if (!statement) throw new NotFound('公示报表 published statement');
    const [community] = await this.dataSource.query<{ name: string }[]>('SELECT name FROM communities WHERE id = $1', [communityId]);
    const body = statementCsv(statement, community.name);
    return {
      body,
      filename: `${community.name}-公共收益-${statement.periodStart}至${statement.periodEnd}.csv`,
      etag: `"${sha256Hex(body)}"`,
    };
  }
}
