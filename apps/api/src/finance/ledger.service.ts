import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { needsDecision } from '@gongyi/domain/finance/ledger';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, Invalid, NotFound } from '../common/app-error';
import { RecordService } from '../record/record.service';
import { RulebookService } from '../rulebook/rulebook.service';
import { LedgerEntryDto, LedgerQueryDto } from './dto/finance.dto';
import { LedgerEntry } from './entities/ledger-entry.entity';

/** Statement states in which a period is closed to new entries. */
export const LOCKING_STATUSES = ['submitted', 'bank_review', 'audit_review', 'approved', 'published'];

@Injectable()
export class LedgerService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rulebook: RulebookService,
    private readonly record: RecordService,
  ) {}

  async add(actorId: string, communityId: string, input: LedgerEntryDto): Promise<LedgerEntry> {
    return this.dataSource.transaction(async (manager) => {
      const rules = await this.rulebook.current(communityId, manager);
      const amount = BigInt(input.amountFen);
      if (needsDecision(input.kind, amount, BigInt(rules.settings.spendingLimitFen))) {
        await this.assertApprovedDecision(manager, communityId, input.decisionItemId, rules.settings.spendingLimitFen);
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

  /** A correction: the same amount with the opposite effect, citing the entry it corrects. */
  async reverse(actorId: string, communityId: string, entryId: string, reason: string, entryDate?: string): Promise<LedgerEntry> {
    return this.dataSource.transaction(async (manager) => {
      const original = await manager.findOneBy(LedgerEntry, { id: entryId, communityId });
      if (!original) throw new NotFound('台账分录 ledger entry');
      if (original.reversesId) throw new Conflict('冲正分录不能再冲正，请另记一笔 (a reversal cannot be reversed)', 'reverse_reversal');
      const already = await manager.findOneBy(LedgerEntry, { communityId, reversesId: entryId });
      if (already) throw new Conflict('该分录已被冲正 (entry already reversed)', 'already_reversed');
      return this.insert(manager, actorId, communityId, {
        kind: original.kind,
        category: original.category,
        amountFen: original.amountFen,
        entryDate: entryDate ?? original.entryDate,
        counterparty: original.counterparty,
        counterpartyKind: original.counterpartyKind,
        evidenceRef: original.evidenceRef,
        note: `冲正第 ${original.seq} 号分录：${reason}`,
        reversesId: original.id,
        decisionItemId: original.decisionItemId,
      });
    });
  }

  async list(communityId: string, query: LedgerQueryDto) {
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
    const [locked] = await manager.query<{ period_start: string; status: string }[]>(
      `SELECT period_start::text, status FROM statements WHERE community_id = $1 AND $2::date BETWEEN period_start AND period_end AND status = ANY($3) LIMIT 1`,
      [communityId, entry.entryDate, LOCKING_STATUSES],
    );
    if (locked) {
      throw new Conflict(
        `该期间（自 ${locked.period_start} 起）的报表已提交，期间已锁定 (period locked by a submitted statement)`,
        'period_locked',
      );
    }
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

  /** The cited item must belong to the community and have passed the committee resolution. */
  private async assertApprovedDecision(manager: EntityManager, communityId: string, itemId: string | undefined, limitFen: string) {
    const limit = `¥${Number(BigInt(limitFen) / 100n).toLocaleString('zh-CN')}`;
    if (!itemId)
      throw new Conflict(
        `超过 ${limit} 的支出须引用已通过的议题 (cost above the spending limit needs an approved decision)`,
        'decision_required',
      );
    const [item] = await manager.query<{ state: { stages: Record<string, string> } }[]>(
      'SELECT chain_state AS state FROM agenda_items WHERE id = $1 AND community_id = $2',
      [itemId, communityId],
    );
    if (!item) throw new Invalid('引用的议题不存在 (cited agenda item not found)', 'decision_not_found');
    if (item.state.stages.committee_resolution !== 'advanced') {
      throw new Conflict('引用的议题尚未形成业委会决议 (the cited item has not been resolved)', 'decision_not_approved');
    }
  }
}
