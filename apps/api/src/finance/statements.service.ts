import { WorkNotices } from '../notifications/work-notices';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { review as reviewStep, type AuditStage, type StatementStatus } from '@gongyi/domain/finance/audit';
import { periodOf, signedAmount, statementTotals } from '@gongyi/domain/finance/ledger';
import { assertChained, assertCompilable, lengthOf, periodLabel } from '@gongyi/domain/finance/periods';
import { canonicalJson } from '@gongyi/domain/record/canonical-json';
import { sha256Hex } from '@gongyi/domain/record/hash-chain';
import { DataSource } from 'typeorm';
import { Conflict, Forbidden, Invalid, NotFound } from '../common/app-error';
import type { CommunityRole } from '../identity/roles';
import { RecordService } from '../record/record.service';
import { RulebookService } from '../rulebook/rulebook.service';
import { LedgerEntry } from './entities/ledger-entry.entity';
import { StatementReview } from './entities/statement-review.entity';
import { Statement, StatementLine } from './entities/statement.entity';
import { LOCKING_STATUSES, PeriodCalendar } from './period-calendar';
import { ReconciliationService } from './reconciliation.service';
import type { StatementDetailDto, StatementReviewResultDto, StatementSummaryDto } from './dto/finance-responses.dto';

/** Adds "2026年第四季度" to a statement as the pages and documents print it. */
export function withPeriodLabel<T extends Pick<Statement, 'periodStart' | 'periodEnd'>>(s: T): T & { periodLabel: string } {
  const period = { start: s.periodStart, end: s.periodEnd };
  return { ...s, periodLabel: periodLabel(period, lengthOf(period)) };
}

const STAGE_OF_ROLE: Partial<Record<CommunityRole, AuditStage>> = {
  residents_committee: 'residents_committee',
  bank_officer: 'bank',
  auditor: 'audit_firm',
};

/** Statements per period: compiled from the ledger, locked on submission, then audited by three parties. */
@Injectable()
export class StatementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rulebook: RulebookService,
    private readonly record: RecordService,
    private readonly reconciliation: ReconciliationService,
    private readonly calendar: PeriodCalendar,
    private readonly work: WorkNotices,
  ) {}

  async submit(actorId: string, communityId: string, periodDate: string): Promise<Statement> {
    return this.dataSource.transaction(async (manager) => {
      // Same lock as new ledger entries: nothing can slip into the period while it is compiled.
      await manager.query('SELECT pg_advisory_xact_lock(46, hashtext($1))', [communityId]);
      const rules = await this.rulebook.current(communityId, manager);
      const period = periodOf(periodDate, rules.settings.statementPeriod);
      const versions = await manager.find(Statement, { where: { communityId, periodStart: period.start }, order: { version: 'DESC' } });
      const calendar = await this.calendar.of(manager, communityId);
      const [{ earliest }] = await manager.query<{ earliest: string | null }[]>(
        `SELECT min(entry_date)::text AS earliest FROM ledger_entries WHERE community_id = $1 AND entry_date > coalesce($2::date, '-infinity')`,
        [communityId, calendar.lastClosedEnd],
      );
      // Only an ended period, only the next one in order (or the revision of a returned one).
      assertCompilable(period, {
        ...calendar,
        earliestOpenEntry: earliest,
        returnedPeriodStarts: versions[0]?.status === 'returned' ? [period.start] : [],
      });
      const [opening] = await manager.query<{ opening: string }[]>(
        `SELECT coalesce(sum(CASE WHEN kind = 'income' THEN 1 ELSE -1 END * CASE WHEN reverses_id IS NULL THEN 1 ELSE -1 END * amount_fen), 0)::text AS opening
         FROM ledger_entries WHERE community_id = $1 AND entry_date < $2`,
        [communityId, period.start],
      );
      // The previous statement: the closed one just before this period; its closing is this opening.
      const previous = await manager
        .getRepository(Statement)
        .createQueryBuilder('s')
        .where('s.community_id = :communityId AND s.period_end < :start AND s.status IN (:...locking)', {
          communityId,
          start: period.start,
          locking: LOCKING_STATUSES,
        })
        .orderBy('s.period_end', 'DESC')
        .getOne();
      assertChained(BigInt(opening.opening), previous ? BigInt(previous.closingFen) : null);
      const entries = await manager
        .getRepository(LedgerEntry)
        .createQueryBuilder('e')
        .where('e.community_id = :communityId AND e.entry_date BETWEEN :start AND :end', { communityId, ...period })
        .orderBy('e.entry_date', 'ASC')
        .addOrderBy('e.seq', 'ASC')
        .getMany();
      const ledger = entries.map((e) => ({
        id: e.id,
        kind: e.kind as 'income' | 'cost' | 'transfer',
        category: e.category,
        amountFen: BigInt(e.amountFen),
        reversesId: e.reversesId,
      }));
      const totals = statementTotals(BigInt(opening.opening), ledger);
      const lines: StatementLine[] = entries.map((e, i) => ({
        entryId: e.id,
        seq: e.seq,
        entryDate: e.entryDate,
        kind: e.kind,
        category: e.category,
        amountFen: e.amountFen,
        signedFen: signedAmount(ledger[i]).toString(),
        counterparty: e.counterparty,
        counterpartyKind: e.counterpartyKind,
        evidenceRef: e.evidenceRef,
        reversesId: e.reversesId,
        note: e.note,
      }));
      const content = {
        communityId,
        period,
        openingFen: totals.openingFen,
        incomeFen: totals.incomeFen,
        costFen: totals.costFen,
        transferFen: totals.transferFen,
        closingFen: totals.closingFen,
        lines,
      };
      if (versions[0]) await manager.update(Statement, { id: versions[0].id }, { status: 'superseded' });
      const statement = await manager.save(Statement, {
        communityId,
        periodStart: period.start,
        periodEnd: period.end,
        version: (versions[0]?.version ?? 0) + 1,
        status: 'submitted',
        openingFen: totals.openingFen.toString(),
        incomeFen: totals.incomeFen.toString(),
        costFen: totals.costFen.toString(),
        transferFen: totals.transferFen.toString(),
        closingFen: totals.closingFen.toString(),
        lines,
        byCategory: totals.byCategory.map((c) => ({ ...c, netFen: c.netFen.toString() })),
        contentDigest: sha256Hex(canonicalJson(content)),
        compiledBy: actorId,
        previousStatementId: previous?.id ?? null,
      });
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'finance.statement_submitted',
        subjectType: 'statement',
        subjectId: statement.id,
        payload: {
          period,
          version: statement.version,
          contentDigest: statement.contentDigest,
          openingFen: statement.openingFen,
          closingFen: statement.closingFen,
          previousStatementId: statement.previousStatementId,
          entries: lines.length,
        },
      });
      await this.work.statementAt(manager, statement, 'submitted');
      return statement;
    });
  }

  async list(communityId: string): Promise<StatementSummaryDto[]> {
    const rows = await this.dataSource.getRepository(Statement).find({
      where: { communityId },
      order: { periodStart: 'DESC', version: 'DESC' },
      select: {
        id: true,
        periodStart: true,
        periodEnd: true,
        version: true,
        status: true,
        openingFen: true,
        incomeFen: true,
        costFen: true,
        transferFen: true,
        closingFen: true,
        submittedAt: true,
        publishedAt: true,
        postedUntil: true,
        previousStatementId: true,
      },
    });
    return rows.map(withPeriodLabel);
  }

  async get(communityId: string, statementId: string): Promise<StatementDetailDto> {
    const statement = await this.dataSource.getRepository(Statement).findOneBy({ id: statementId, communityId });
    if (!statement) throw new NotFound('报表 statement');
    const reviews = await this.dataSource.getRepository(StatementReview).find({ where: { statementId }, order: { createdAt: 'ASC' } });
    return { ...withPeriodLabel(statement), reviews };
  }

  /** One party's sign-off or findings; the party is the reviewer's role, in the fixed order. */
  async review(
    actorId: string,
    roles: CommunityRole[],
    communityId: string,
    statementId: string,
    decision: 'approve' | 'findings',
    findings?: string,
  ): Promise<StatementReviewResultDto> {
    if (decision === 'findings' && !findings?.trim()) throw new Invalid('退回须写明审核意见 (findings required)', 'findings_required');
    return this.dataSource.transaction(async (manager) => {
      const statement = await manager.findOne(Statement, { where: { id: statementId, communityId }, lock: { mode: 'pessimistic_write' } });
      if (!statement) throw new NotFound('报表 statement');
      const stages = roles.map((r) => STAGE_OF_ROLE[r]).filter((s): s is AuditStage => !!s);
      if (stages.length === 0) throw new Forbidden('只有居委会、银行、审计机构可以审核 (not an auditing party)', 'not_auditor');
      // Someone holding several auditing roles acts for the stage the statement waits on.
      const awaited: Record<string, AuditStage> = { submitted: 'residents_committee', bank_review: 'bank', audit_review: 'audit_firm' };
      const stage = stages.find((s) => s === awaited[statement.status]) ?? stages[0];
      const next = reviewStep(statement.status as StatementStatus, stage, decision, actorId, [statement.compiledBy]);
      if (stage === 'bank' && decision === 'approve') {
        const open = await this.reconciliation.unexplainedItems(manager, communityId, statement);
        // A period without ledger lines may be confirmed without a file (the bank confirms there were no movements).
        if (open === null && statement.lines.length > 0)
          throw new Conflict('请先上传本期银行对账单 (upload the bank statement first)', 'bank_statement_missing');
        if (open?.length)
          throw new Conflict(`尚有 ${open.length} 笔差异未说明，不能签字 (unexplained differences remain)`, 'unreconciled', {
            items: open,
          });
      }
      await manager.update(Statement, { id: statement.id }, { status: next });
      const saved = await manager.save(StatementReview, {
        communityId,
        statementId,
        stage,
        reviewerId: actorId,
        decision,
        findings: findings ?? '',
      });
      await this.record.append(manager, {
        communityId,
        actorId,
        action: decision === 'approve' ? 'finance.statement_approved' : 'finance.statement_returned',
        subjectType: 'statement',
        subjectId: statement.id,
        payload: { stage, decision, findings: findings ?? '', contentDigest: statement.contentDigest, status: next },
      });
      await this.work.statementAt(manager, statement, next);
      return { status: next, review: saved };
    });
  }
}
