import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { sha256Hex } from '@gongyi/domain/record/hash-chain';
import { STATEMENT_TYPE } from '@gongyi/pdf';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { DocumentsService } from '../documents/documents.service';
import { InjectPublicReads } from '../database/public-reads';
import type { Document } from '../documents/entities/document.entity';
import { RecordService } from '../record/record.service';
import { RulebookService } from '../rulebook/rulebook.service';
import { SealRequestsService } from '../seals/seal-requests.service';
import { Statement } from './entities/statement.entity';
import { ReconciliationService } from './reconciliation.service';
import { type StatementFacts, statementDocumentInput } from './statement-document';
import { statementCsv } from './statement-export';
import { statementXlsx } from './statement-xlsx';
import { withPeriodLabel } from './statements.service';
import type { PublicationRequestDto, PublicOverviewDto } from './dto/finance-responses.dto';

const PDF_CACHE_ENTRIES = 64;

/**
 * Publication of approved statements: the committee asks for the committee
 * seal on the rendered PDF; when the custodian applies it, the document is
 * final and the statement is published, posted for the rulebook's days.
 */
@Injectable()
export class PublicationService implements OnModuleInit {
  private readonly pdfCache = new Map<string, { body: Buffer; filename: string; etag: string }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    /** The public page's reads (the replica when DATABASE_REPLICA_URL is set). */
    @InjectPublicReads() private readonly reads: DataSource,
    private readonly clock: Clock,
    private readonly documents: DocumentsService,
    private readonly sealRequests: SealRequestsService,
    private readonly rulebook: RulebookService,
    private readonly record: RecordService,
    private readonly reconciliation: ReconciliationService,
  ) {}

  onModuleInit(): void {
    this.documents.onFinalised('statement', (manager, document) => this.markPublished(manager, document));
  }

  async requestPublication(actorId: string, communityId: string, statementId: string): Promise<PublicationRequestDto> {
    return this.dataSource.transaction(async (manager) => {
      const statement = await manager.findOne(Statement, { where: { id: statementId, communityId }, lock: { mode: 'pessimistic_write' } });
      if (!statement) throw new NotFound('报表 statement');
      if (statement.status !== 'approved')
        throw new Conflict('只有三审通过的报表才能公示 (only an approved statement can be published)', 'not_approved');
      if (statement.documentId) throw new Conflict('该报表已申请盖章公示 (publication already requested)', 'publication_requested');
      const input = statementDocumentInput(statement, await this.facts(manager, communityId, statement), this.clock.now());
      const community = { name: input.communityName };
      const document = await this.documents.renderAndRegister(manager, communityId, {
        type: STATEMENT_TYPE,
        title: `${community.name} 公共收益收支明细表 ${withPeriodLabel(statement).periodLabel}（${statement.periodStart} 至 ${statement.periodEnd}）`,
        sourceType: 'statement',
        sourceId: statement.id,
        input,
        requiredSeals: ['committee'],
        actorId,
      });
      await manager.update(Statement, { id: statement.id }, { documentId: document.id });
      const request = await this.sealRequests.create(
        actorId,
        communityId,
        { documentId: document.id, decision: `公共收益报表三审通过（内容摘要 ${statement.contentDigest.slice(0, 16)}）` },
        manager,
      );
      return { statementId, documentId: document.id, documentNumber: document.number, sealRequestId: request.id };
    });
  }

  /** Who prepared and reviewed it, the planned posting period, the bank check and the previous statement. */
  private async facts(manager: EntityManager, communityId: string, statement: Statement): Promise<StatementFacts> {
    const rules = await this.rulebook.current(communityId, manager);
    const [community] = await manager.query<{ name: string; address: string; today: string; until: string }[]>(
      `SELECT name, address, ((($2::timestamptz) AT TIME ZONE time_zone)::date)::text AS today,
              ((($2::timestamptz) AT TIME ZONE time_zone)::date + $3::int)::text AS until
       FROM communities WHERE id = $1`,
      [communityId, this.clock.now(), rules.settings.postingDays],
    );
    const reviews = await manager.query<{ stage: string; reviewer_name: string; created_at: Date }[]>(
      `SELECT r.stage, u.display_name AS reviewer_name, r.created_at FROM statement_reviews r JOIN users u ON u.id = r.reviewer_id
       WHERE r.statement_id = $1 AND r.decision = 'approve' ORDER BY r.created_at`,
      [statement.id],
    );
    const [preparer] = await manager.query<{ name: string }[]>('SELECT display_name AS name FROM users WHERE id = $1', [
      statement.compiledBy,
    ]);
    const previous = statement.previousStatementId
      ? await manager.findOneBy(Statement, { id: statement.previousStatementId, communityId })
      : null;
    const bank = await this.reconciliation.summary(manager, communityId, statement);
    return {
      communityName: community.name,
      communityAddress: community.address ?? '',
      periodLabel: withPeriodLabel(statement).periodLabel,
      preparerName: preparer?.name ?? '',
      reviews: reviews.map((r) => ({ stage: r.stage, reviewerName: r.reviewer_name, at: r.created_at })),
      postingFrom: community.today,
      postingUntil: community.until,
      postingDays: rules.settings.postingDays,
      bankBalanceFen: bank.bankBalanceFen,
      reconciliationZh: bank.resultZh,
      previous: previous ? { periodLabel: withPeriodLabel(previous).periodLabel, closingFen: previous.closingFen } : null,
    };
  }

  private async markPublished(manager: EntityManager, document: Document): Promise<void> {
    const statement = await manager.findOneBy(Statement, { id: document.sourceId!, communityId: document.communityId });
    if (!statement || statement.status !== 'approved') return;
    const rules = await this.rulebook.current(document.communityId, manager);
    const now = this.clock.now();
    const [{ until }] = await manager.query<{ until: string }[]>(
      `SELECT ((($1::timestamptz) AT TIME ZONE c.time_zone)::date + $2::int)::text AS until FROM communities c WHERE c.id = $3`,
      [now, rules.settings.postingDays, document.communityId],
    );
    await manager.update(Statement, { id: statement.id }, { status: 'published', publishedAt: now, postedUntil: until });
    await this.record.append(manager, {
      communityId: document.communityId,
      actorId: null,
      action: 'finance.statement_published',
      subjectType: 'statement',
      subjectId: statement.id,
      payload: { documentId: document.id, documentNumber: document.number, postedUntil: until, contentDigest: statement.contentDigest },
    });
  }

  async publicOverview(communityId: string): Promise<PublicOverviewDto> {
    const [community] = await this.reads.query<{ name: string; district: string }[]>(
      'SELECT name, district FROM communities WHERE id = $1',
      [communityId],
    );
    if (!community) throw new NotFound('小区 community');
    const statements = await this.reads.getRepository(Statement).find({
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
        previousStatementId: true,
      },
    });
    const notices = await this.reads.query(
      // Only notices sealed (publishing is the sealing), dated by their sealing.
      `SELECT v.id, v.title, v.notice_sealed_at AS "noticedAt", v.opens_at AS "opensAt", v.closes_at AS "closesAt", v.status
       FROM assembly_votes v WHERE v.community_id = $1 AND v.status <> 'draft' AND v.notice_sealed_at IS NOT NULL
       ORDER BY v.notice_sealed_at DESC LIMIT 50`,
      [communityId],
    );
    return { community, statements: statements.map(withPeriodLabel), notices };
  }

  private async published(communityId: string, statementId: string): Promise<Statement> {
    const statement = await this.reads.getRepository(Statement).findOneBy({ id: statementId, communityId, status: 'published' });
    if (!statement) throw new NotFound('公示报表 published statement');
    return statement;
  }

  async publicCsv(communityId: string, statementId: string) {
    return this.download(communityId, statementId, 'csv');
  }

  async publicXlsx(communityId: string, statementId: string) {
    return this.download(communityId, statementId, 'xlsx');
  }

  private async download(communityId: string, statementId: string, format: 'csv' | 'xlsx') {
    const statement = await this.published(communityId, statementId);
    const [community] = await this.reads.query<{ name: string; published_on: string | null }[]>(
      `SELECT name, (($2::timestamptz) AT TIME ZONE time_zone)::date::text AS published_on FROM communities WHERE id = $1`,
      [communityId, statement.publishedAt],
    );
    const posting = {
      periodLabel: withPeriodLabel(statement).periodLabel,
      publishedOn: community.published_on,
      postedUntil: statement.postedUntil,
    };
    const body =
      format === 'csv' ? statementCsv(statement, community.name, posting) : await statementXlsx(statement, community.name, posting);
    return {
      body,
      filename: `${community.name}-公共收益-${posting.periodLabel}.${format}`,
      etag: `"${sha256Hex(body)}"`,
    };
  }

  /**
   * A published statement's sealed PDF never changes (the database refuses it), so the bytes are kept in
   * memory after the first download: residents fetching the same quarter cost no database round trip.
   */
  async publicPdf(communityId: string, statementId: string) {
    const key = `${communityId}/${statementId}`;
    const cached = this.pdfCache.get(key);
    if (cached) return cached;
    const statement = await this.published(communityId, statementId);
    const file = await this.documents.finalFile(communityId, statement.documentId!);
    const entry = { body: file.bytes, filename: file.filename, etag: `"${file.sha256}"` };
    if (this.pdfCache.size >= PDF_CACHE_ENTRIES) this.pdfCache.delete(this.pdfCache.keys().next().value!);
    this.pdfCache.set(key, entry);
    return entry;
  }
}
