import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertPassedDecision } from '@gongyi/domain/finance/decision-reference';
import { needsDecision } from '@gongyi/domain/finance/ledger';
import { assertEntryDate, openFrom } from '@gongyi/domain/finance/periods';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, NotFound } from '../common/app-error';
import { RecordService } from '../record/record.service';
import { RulebookService } from '../rulebook/rulebook.service';
import { LedgerEntryDto, LedgerQueryDto } from './dto/finance.dto';
import { LedgerEntry } from './entities/ledger-entry.entity';
import { PeriodCalendar } from './period-calendar';
import type { LedgerEntryResponseDto } from './dto/finance-responses.dto';

@Injectable()
export class LedgerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rulebook: RulebookService,
    private readonly record: RecordService,
    private readonly calendar: PeriodCalendar,
  ) {}

  async add(actorId: string, communityId: string, input: LedgerEntryDto): Promise<LedgerEntry> {
    return this.dataSource.transaction(async (manager) => {
      const rules = await this.rulebook.current(communityId, manager);
      const amount = BigInt(input.amountFen);
      // Any cited decision must be a passed one of this community; above the limit one is required.
      if (input.decisionItemId) await this.assertApprovedDecision(manager, communityId, input.decisionItemId);
      else if (needsDecision(input.kind, amount, BigInt(rules.settings.spendingLimitFen))) {
        const limit = `¥${Number(BigInt(rules.settings.spendingLimitFen) / 100n).toLocaleString('zh-CN')}`;
        throw new Conflict(`超过 ${limit} 的支出须引用已通过的议题（业主大会表决或业委会决议）`, 'decision_required');
      }
      return this.insert(manager, actorId, communityId, {
        kind: input.kind,
        category: input.category.trim(),
        amountFen: input.amountFen,
        entryDate: input.entryDate,
        counterparty: input.counterparty.trim(),
        counterpartyKind: input.counterpartyKind ?? 'organisation',
        evidenceRef: input.evidenceRef.trim(),
        note: input.note ?? '',
        reversesId: null,
        decisionItemId: input.decisionItemId ?? null,
      });
    });
  }

  /**
   * A correction: the same amount with the opposite effect, citing the entry it corrects. It is dated in the
   * open period: on the original's date while that period is open, otherwise today unless a date is given.
   */
  async reverse(actorId: string, communityId: string, entryId: string, reason: string, entryDate?: string): Promise<LedgerEntry> {
    return this.dataSource.transaction(async (manager) => {
      const original = await manager.findOneBy(LedgerEntry, { id: entryId, communityId });
      if (!original) throw new NotFound('台账分录 ledger entry');
      if (original.reversesId) throw new Conflict('冲正分录不能再冲正，请另记一笔 (a reversal cannot be reversed)', 'reverse_reversal');
      const already = await manager.findOneBy(LedgerEntry, { communityId, reversesId: entryId });
      if (already) throw new Conflict('该分录已被冲正 (entry already reversed)', 'already_reversed');
      const calendar = await this.calendar.of(manager, communityId);
      const defaultDate = original.entryDate >= openFrom(calendar) ? original.entryDate : calendar.today;
      return this.insert(manager, actorId, communityId, {
        kind: original.kind,
        category: original.category,
        amountFen: original.amountFen,
        entryDate: entryDate ?? defaultDate,
        counterparty: original.counterparty,
        counterpartyKind: original.counterpartyKind,
        evidenceRef: original.evidenceRef,
        note: `冲正第 ${original.seq} 号分录：${reason}`,
        reversesId: original.id,
        decisionItemId: original.decisionItemId,
      });
    });
  }

  async list(communityId: string, query: LedgerQueryDto): Promise<LedgerEntryResponseDto[]> {
    const qb = this.dataSource.getRepository(LedgerEntry).createQueryBuilder('e').where('e.community_id = :communityId', { communityId });
    if (query.from) qb.andWhere('e.entry_date >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.entry_date <= :to', { to: query.to });
    if (query.kind) qb.andWhere('e.kind = :kind', { kind: query.kind });
    if (query.category) qb.andWhere('e.category = :category', { category: query.category });
    return qb.orderBy('e.entry_date', 'ASC').addOrderBy('e.seq', 'ASC').getMany();
  }

  private async insert(
    manager: EntityManager,
    actorId: string,
    communityId: string,
    entry: Omit<LedgerEntry, 'id' | 'communityId' | 'seq' | 'recordedBy' | 'createdAt'>,
  ) {
    await manager.query('SELECT pg_advisory_xact_lock(46, hashtext($1))', [communityId]);
    assertEntryDate(entry.entryDate, await this.calendar.of(manager, communityId));
    const [{ next }] = await manager.query<{ next: number }[]>(
      'SELECT coalesce(max(seq), 0) + 1 AS next FROM ledger_entries WHERE community_id = $1',
      [communityId],
    );
    const saved = await manager.save(LedgerEntry, { ...entry, communityId, seq: next, recordedBy: actorId });
    await this.record.append(manager, {
      communityId,
      actorId,
      action: entry.reversesId ? 'finance.entry_reversed' : 'finance.entry_recorded',
      subjectType: 'ledger_entry',
      subjectId: saved.id,
      payload: {
        seq: saved.seq,
        kind: saved.kind,
        category: saved.category,
        amountFen: saved.amountFen,
        entryDate: saved.entryDate,
        evidenceRef: saved.evidenceRef,
        reversesId: saved.reversesId,
        decisionItemId: saved.decisionItemId,
      },
    });
    return saved;
  }

  /** The cited item must be a passed decision (assembly vote or committee resolution) of this community. */
  private async assertApprovedDecision(manager: EntityManager, communityId: string, itemId: string) {
    const [item] = await manager.query<{ category: string; status: string; state: { stages: Record<string, string> } }[]>(
      'SELECT category, status, chain_state AS state FROM agenda_items WHERE id = $1 AND community_id = $2',
      [itemId, communityId],
    );
    assertPassedDecision(item ? { category: item.category, status: item.status, stages: item.state.stages } : null);
  }
}
