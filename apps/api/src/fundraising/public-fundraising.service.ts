import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFound } from '../common/app-error';
import { FundraisingService } from './fundraising.service';
import type { PublicFundraisingListDto, PublicFundraisingProjectDto } from './fundraising-responses.dto';

/** The public view of fund-raising: no names, no account data, no contribution details beyond unit totals. */
@Injectable()
export class PublicFundraisingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fundraising: FundraisingService,
  ) {}

  private async community(communityId: string) {
    const [community] = await this.dataSource.query<{ name: string }[]>('SELECT name FROM communities WHERE id = $1', [communityId]);
    if (!community) throw new NotFound('小区 community');
    return community;
  }

  async list(communityId: string): Promise<PublicFundraisingListDto> {
    const community = await this.community(communityId);
    const projects = await this.fundraising.list(communityId);
    return {
      community,
      projects: projects.map((p) => ({
        id: p.id,
        seq: p.seq,
        title: p.title,
        status: p.status,
        shareBasis: p.shareBasis,
        totals: p.totals,
      })),
    };
  }

  async detail(communityId: string, projectId: string): Promise<PublicFundraisingProjectDto> {
    const community = await this.community(communityId);
    const manager = this.dataSource.manager;
    const project = await this.fundraising.project(manager, communityId, projectId);
    const progress = await this.fundraising.progress(manager, communityId, projectId);
    const disclosures = await manager.query(
      `SELECT id, period_start::text AS "periodStart", period_end::text AS "periodEnd", published_at AS "publishedAt"
       FROM fundraising_disclosures WHERE project_id = $1 AND community_id = $2 AND published_at IS NOT NULL ORDER BY period_start DESC`,
      [projectId, communityId],
    );
    const [item] = await manager.query<{ seq: number; title: string }[]>('SELECT seq, title FROM agenda_items WHERE id = $1', [
      project.agendaItemId,
    ]);
    return {
      community,
      project: {
        id: project.id,
        seq: project.seq,
        title: project.title,
        description: project.description,
        shareBasis: project.shareBasis,
        status: project.status,
      },
      approvedBy: item ? `议题第 ${item.seq} 号「${item.title}」（业主大会表决通过）` : null,
      groups: progress.groups,
      units: progress.units.map((u) => ({ unitNumber: u.unitNumber, targetId: u.targetId, shareFen: u.shareFen, paidFen: u.paidFen })),
      totals: progress.totals,
      disclosures,
    };
  }
}
