import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { reconcile, unexplained } from '@gongyi/domain/finance/reconcile';
import { sha256Hex } from '@gongyi/domain/record/hash-chain';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, Invalid, NotFound } from '../common/app-error';
import { RecordService } from '../record/record.service';
import { parseBankCsv } from './bank-csv.parser';
import { BankLine } from './entities/bank-line.entity';
import { ReconciliationNote } from './entities/reconciliation-note.entity';
import { Statement } from './entities/statement.entity';
import type { ReconciliationDto } from './dto/finance-responses.dto';

/** The bank's part of the audit: its account statement against the ledger, differences explained. */
@Injectable()
export class ReconciliationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly record: RecordService,
  ) {}

  async upload(
    actorId: string,
    communityId: string,
    statementId: string,
    file: { buffer: Buffer; originalname: string },
  ): Promise<ReconciliationDto> {
    const parsed = parseBankCsv(file.buffer);
    if (parsed.errors.length) {
      throw new Invalid(
        `银行对账单有 ${parsed.errors.length} 处错误，未导入 (bank statement has errors; nothing stored)`,
        'bank_csv_invalid',
        { errors: parsed.errors },
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const statement = await this.statementAtBank(manager, communityId, statementId);
      const uploadSha256 = sha256Hex(file.buffer);
      // A new upload replaces the previous one for this statement version (and its notes).
      await manager.delete(ReconciliationNote, { statementId: statement.id });
      await manager.delete(BankLine, { statementId: statement.id });
      await manager.insert(
        BankLine,
        parsed.lines.map((l) => ({
          communityId,
          statementId: statement.id,
          line: l.line,
          valueDate: l.valueDate,
          signedFen: l.signedFen.toString(),
          description: l.description,
          reference: l.reference,
          uploadSha256,
          uploadedBy: actorId,
        })),
      );
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'finance.bank_statement_uploaded',
        subjectType: 'statement',
        subjectId: statement.id,
        payload: { uploadSha256, filename: file.originalname, lines: parsed.lines.length },
      });
      return this.view(manager, communityId, statement);
    });
  }

  async explain(
    actorId: string,
    communityId: string,
    statementId: string,
    itemId: string,
    explanation: string,
  ): Promise<ReconciliationDto> {
    return this.dataSource.transaction(async (manager) => {
      const statement = await this.statementAtBank(manager, communityId, statementId);
      const current = await this.view(manager, communityId, statement);
      const differences = new Set([...current.unmatchedLedger.map((l) => l.id), ...current.unmatchedBank.map((b) => b.id)]);
      if (!differences.has(itemId)) throw new Invalid('该项不是未匹配的差异 (not an unmatched item)', 'not_a_difference');
      await manager.upsert(ReconciliationNote, { communityId, statementId: statement.id, itemId, explanation, writtenBy: actorId }, [
        'statementId',
        'itemId',
      ]);
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'finance.difference_explained',
        subjectType: 'statement',
        subjectId: statement.id,
        payload: { itemId, explanation },
      });
      return this.view(manager, communityId, statement);
    });
  }

  async get(communityId: string, statementId: string): Promise<ReconciliationDto> {
    const statement = await this.dataSource.getRepository(Statement).findOneBy({ id: statementId, communityId });
    if (!statement) throw new NotFound('报表 statement');
    return this.view(this.dataSource.manager, communityId, statement);
  }

  /**
   * What the statement prints about the bank: the account balance at period end (the opening balance the
   * previous statement closed with, plus this period's bank lines) and how the lines matched the ledger.
   */
  async summary(manager: EntityManager, communityId: string, statement: Statement) {
    const view = await this.view(manager, communityId, statement);
    const [{ sum }] = await manager.query<{ sum: string }[]>(
      'SELECT coalesce(sum(signed_fen), 0)::text AS sum FROM bank_lines WHERE statement_id = $1 AND community_id = $2',
      [statement.id, communityId],
    );
    const differences = view.unmatchedLedger.length + view.unmatchedBank.length;
    return {
      bankBalanceFen: (BigInt(statement.openingFen) + BigInt(sum)).toString(),
      matched: view.matched.length,
      differences,
      unexplained: view.unexplained.length,
      resultZh: !view.uploaded
        ? '本期无收支，银行确认账户无流水'
        : differences === 0
          ? `银行流水与台账逐笔核对一致（${view.matched.length} 笔）`
          : `逐笔核对：一致 ${view.matched.length} 笔，差异 ${differences} 笔${view.unexplained.length ? `，其中 ${view.unexplained.length} 笔未说明` : '，均已由银行说明'}`,
    };
  }

  /** Ids still lacking an explanation, or null when no bank statement was uploaded. */
  async unexplainedItems(manager: EntityManager, communityId: string, statement: Statement): Promise<string[] | null> {
    const view = await this.view(manager, communityId, statement);
    return view.uploaded ? view.unexplained : null;
  }

  private async statementAtBank(manager: EntityManager, communityId: string, statementId: string): Promise<Statement> {
    const statement = await manager.findOne(Statement, { where: { id: statementId, communityId }, lock: { mode: 'pessimistic_write' } });
    if (!statement) throw new NotFound('报表 statement');
    if (statement.status !== 'bank_review')
      throw new Conflict('报表当前不在银行对账环节 (statement is not at the bank stage)', 'not_at_bank');
    return statement;
  }

  private async view(manager: EntityManager, communityId: string, statement: Statement): Promise<ReconciliationDto> {
    const bank = await manager.find(BankLine, { where: { statementId: statement.id }, order: { line: 'ASC' } });
    const notes = await manager.find(ReconciliationNote, { where: { statementId: statement.id } });
    const ledger = statement.lines.map((l) => ({
      id: l.entryId,
      date: l.entryDate,
      signedFen: BigInt(l.signedFen),
      reference: l.evidenceRef,
    }));
    const result = reconcile(
      ledger,
      bank.map((b) => ({ id: b.id, date: b.valueDate, signedFen: BigInt(b.signedFen), reference: b.reference })),
    );
    const noteOf = new Map(notes.map((n) => [n.itemId, n.explanation]));
    const lineOf = new Map(statement.lines.map((l) => [l.entryId, l]));
    const bankOf = new Map(bank.map((b) => [b.id, b]));
    return {
      statementId: statement.id,
      uploaded: bank.length > 0,
      matched: result.matched.map((m) => ({ ledger: lineOf.get(m.ledgerId)!, bank: bankOf.get(m.bankId)! })),
      unmatchedLedger: result.unmatchedLedger.map((id) => ({ id, entry: lineOf.get(id)!, explanation: noteOf.get(id) ?? null })),
      unmatchedBank: result.unmatchedBank.map((id) => ({ id, line: bankOf.get(id)!, explanation: noteOf.get(id) ?? null })),
      unexplained: unexplained(result, new Set(noteOf.keys())),
    };
  }
}
