import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SEAL_LOG_TYPE, type SealKind, type SealLogReportInput } from '@gongyi/pdf';
import { startOfLocalDay } from '@gongyi/domain/voting/notice';
import { Between, DataSource, EntityManager, LessThan, MoreThanOrEqual } from 'typeorm';
import { Conflict, Invalid } from '../common/app-error';
import { Clock } from '../common/clock';
import { DocumentsService } from '../documents/documents.service';
import { Document } from '../documents/entities/document.entity';
import { RegistryService } from '../registry/registry.service';
import { SealLogEntry } from './entities/seal-log-entry.entity';

/** Advisory-lock namespace of the half-year report (the second key is the community, year and half). */
const SEAL_LOG_REPORT_LOCK = 71;

/** 用章登记: every application and refusal, listed, and published half-yearly as a sealed PDF. */
@Injectable()
export class SealLogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly documents: DocumentsService,
    private readonly registry: RegistryService,
  ) {}

  async list(communityId: string, query: { from?: string; to?: string }) {
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    if (from && to && to <= from) throw new Invalid('结束时间须晚于开始时间 (to must be after from)', 'invalid_range');
    const usedAt = from && to ? Between(from, to) : from ? MoreThanOrEqual(from) : to ? LessThan(to) : undefined;
    return this.dataSource
      .getRepository(SealLogEntry)
      .find({ where: { communityId, ...(usedAt ? { usedAt } : {}) }, order: { usedAt: 'DESC' }, take: 2000 });
  }

  /** Registers the half-year report as a draft document; it is sealed (committee seal) through a seal request. */
  async report(actorId: string, communityId: string, year: number, half: 1 | 2): Promise<Document> {
    const community = await this.registry.getCommunity(communityId);
    const periodFrom = startOfLocalDay({ year, month: half === 1 ? 1 : 7, day: 1 }, community.timeZone);
    const periodEnd = startOfLocalDay(half === 1 ? { year, month: 7, day: 1 } : { year: year + 1, month: 1, day: 1 }, community.timeZone);
    const now = this.clock.now();
    if (periodEnd > now) throw new Conflict('该半年尚未结束 (the half-year has not ended yet)', 'period_not_ended');
    const entries = await this.dataSource.getRepository(SealLogEntry).find({
      where: { communityId, usedAt: Between(periodFrom, new Date(periodEnd.getTime() - 1)) },
      order: { usedAt: 'ASC' },
    });
    const periodLabel = `${year}年${half === 1 ? '上' : '下'}半年`;
    const title = `${periodLabel}用章登记公示`;
    return this.dataSource.transaction(async (manager) => {
      // One report per half-year: a second would be a competing version of the same record. The check and the
      // registration run under one lock per community and half-year, so two requests at once make one report.
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SEAL_LOG_REPORT_LOCK, `${communityId}:${year}:${half}`]);
      const [existing] = await manager.query<{ id: string; number: string }[]>(
        `SELECT id, number FROM documents WHERE community_id = $1 AND source_type = 'seal_log' AND title = $2 LIMIT 1`,
        [communityId, title],
      );
      if (existing)
        throw new Conflict(`${periodLabel}的用章登记公示已生成（${existing.number}），每半年只出一份`, 'report_exists', {
          documentId: existing.id,
          number: existing.number,
        });
      return this.register(manager, actorId, communityId, {
        title,
        periodLabel,
        periodFrom,
        periodEnd,
        entries,
        now,
        communityName: community.name,
      });
    });
  }

  private register(
    manager: EntityManager,
    actorId: string,
    communityId: string,
    r: { title: string; periodLabel: string; periodFrom: Date; periodEnd: Date; entries: SealLogEntry[]; now: Date; communityName: string },
  ): Promise<Document> {
    const { title, periodLabel, periodFrom, periodEnd, entries, now } = r;
    const community = { name: r.communityName };
    const input: SealLogReportInput = {
      communityName: community.name,
      periodLabel,
      periodFrom,
      periodTo: new Date(periodEnd.getTime() - 1000),
      entries: entries.map((e) => ({
        usedAt: e.usedAt,
        sealKind: e.sealKind as SealKind,
        documentNumber: e.documentNumber,
        documentTitle: e.documentTitle,
        authorisation: e.decision,
        requestedBy: e.requestedByName,
        custodian: e.custodianName,
        outcome: e.outcome === 'refused' ? 'refused' : 'applied',
        reason: e.reason || undefined,
      })),
      publishedAt: now,
    };
    return this.documents.renderAndRegister(manager, communityId, {
      type: SEAL_LOG_TYPE,
      title,
      sourceType: 'seal_log',
      sourceId: null,
      input,
      requiredSeals: ['committee'],
      actorId,
    });
  }
}
