import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { formatFen } from '@gongyi/domain/finance/ledger';
import { STATEMENT_TYPE, type StatementInput } from '@gongyi/pdf';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { DocumentsService } from '../documents/documents.service';
import type { Document } from '../documents/entities/document.entity';
import { RecordService } from '../record/record.service';
import { RulebookService } from '../rulebook/rulebook.service';
import { SealRequestsService } from '../seals/seal-requests.service';
import { type ContributionRow, FundraisingService, type ProjectRow, RECEIPT_SOURCE } from './fundraising.service';
import type { DisclosureRequestDto, ReceiptSealRequestDto } from './fundraising-responses.dto';

const KIND_LABELS: Record<string, string> = { payment: '缴款', refund: '退款', pledge: '认缴' };
const DISCLOSURE_SOURCE = 'fundraising_disclosure';
// pg_advisory_xact_lock namespace: registering a receipt recorded before receipts were registered.
const RECEIPT_LOCK = 61;

/** The basis a receipt's seal request cites: the project (approved by the owners' vote) and the receipt. */
const receiptBasis = (project: ProjectRow, c: ContributionRow) =>
  `集资第 ${project.seq} 号「${project.title}」${c.kind === 'refund' ? '退款凭证' : '缴款收据'} ${c.receiptCode}（${c.unitNumber}）`;

/** Receipts for payments and refunds (printed on request), and the sealed disclosure of a project per period. */
@Injectable()
export class FundraisingDocumentsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly fundraising: FundraisingService,
    private readonly documents: DocumentsService,
    private readonly sealRequests: SealRequestsService,
    private readonly rulebook: RulebookService,
    private readonly record: RecordService,
  ) {}

  onModuleInit(): void {
    this.documents.onFinalised(DISCLOSURE_SOURCE, (manager, document) => this.markPublished(manager, document));
    this.fundraising.onReceipt(async (manager, actorId, communityId, project, contribution) => {
      await this.registerReceipt(manager, actorId, communityId, project, contribution, true);
    });
  }

  private async communityName(manager: EntityManager, communityId: string): Promise<string> {
    const [community] = await manager.query<{ name: string }[]>('SELECT name FROM communities WHERE id = $1', [communityId]);
    if (!community) throw new NotFound('小区 community');
    return community.name;
  }

  /**
   * A receipt (收据) for one payment or refund: unit number and amount, never the owner's name. Each is a
   * registered document (recorded with the payment) that the committee seal makes final, so /verify by its
   * number and an upload of the file recognise it. Until it is sealed the download is the unsealed draft.
   */
  async receipt(communityId: string, projectId: string, contributionId: string) {
    const c = await this.contribution(this.dataSource.manager, communityId, projectId, contributionId);
    if (!c.receiptCode) throw new Conflict('认缴承诺没有收据，缴款后开具', 'no_receipt');
    // Recorded before receipts were registered: register it now (the cashier who recorded it registers).
    const documentId = c.receiptDocumentId ?? (await this.registerLater(communityId, projectId, contributionId));
    const [document] = await this.dataSource.query<{ status: string }[]>('SELECT status FROM documents WHERE id = $1', [documentId]);
    if (document.status === 'final') {
      const file = await this.documents.finalFile(communityId, documentId);
      return { body: file.bytes, filename: `${c.receiptCode}.pdf` };
    }
    const draft = await this.documents.preview(communityId, documentId);
    return { body: draft.bytes, filename: `${c.receiptCode}（待盖章）.pdf` };
  }

  /** Asks for the committee seal on a receipt whose request could not be made when it was recorded (no seal yet). */
  async requestReceiptSeal(
    actorId: string,
    communityId: string,
    projectId: string,
    contributionId: string,
  ): Promise<ReceiptSealRequestDto> {
    return this.dataSource.transaction(async (manager) => {
      const c = await this.contribution(manager, communityId, projectId, contributionId);
      if (!c.receiptCode) throw new Conflict('认缴承诺没有收据，缴款后开具', 'no_receipt');
      if (c.receiptStatus === 'final') throw new Conflict('收据已盖章，无需再申请', 'receipt_sealed');
      const project = await this.fundraising.project(manager, communityId, projectId);
      const documentId = c.receiptDocumentId ?? (await this.registerReceipt(manager, actorId, communityId, project, c, false));
      const request = await this.sealRequests.create(actorId, communityId, { documentId, decision: receiptBasis(project, c) }, manager);
      return { documentId, sealRequestId: request.id };
    });
  }

  private async contribution(manager: EntityManager, communityId: string, projectId: string, contributionId: string) {
    await this.fundraising.project(manager, communityId, projectId);
    const c = (await this.fundraising.contributions(manager, communityId, projectId)).find((x) => x.id === contributionId);
    if (!c) throw new NotFound('缴款记录');
    return c;
  }

  private async registerLater(communityId: string, projectId: string, contributionId: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      // Two first downloads at once register one receipt (contributions are append-only: no row lock for the app role).
      await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [RECEIPT_LOCK, contributionId]);
      const c = await this.contribution(manager, communityId, projectId, contributionId);
      if (c.receiptDocumentId) return c.receiptDocumentId;
      const [{ recordedBy }] = await manager.query<{ recordedBy: string }[]>(
        'SELECT recorded_by AS "recordedBy" FROM fundraising_contributions WHERE id = $1',
        [contributionId],
      );
      const project = await this.fundraising.project(manager, communityId, projectId);
      return this.registerReceipt(manager, recordedBy, communityId, project, c, false);
    });
  }

  /**
   * Registers the receipt of a payment or refund in the caller's transaction and, when `requestSeal`, asks for
   * the committee seal. A community without a committee seal (or without a custodian other than the cashier)
   * still records the payment: the receipt stays a draft until its seal is requested from the project page.
   */
  private async registerReceipt(
    manager: EntityManager,
    actorId: string,
    communityId: string,
    project: ProjectRow,
    c: ContributionRow,
    requestSeal: boolean,
  ): Promise<string> {
    const { units } = await this.fundraising.progress(manager, communityId, project.id, c.paidOn);
    const unit = units.find((u) => u.unitId === c.unitId)!;
    const communityName = await this.communityName(manager, communityId);
    const title = c.kind === 'refund' ? '集资退款凭证' : '集资缴款收据';
    const input: StatementInput = {
      communityName,
      title,
      periodLabel: `${project.title}（集资第 ${project.seq} 号）`,
      columns: [
        { key: 'code', header: '收据号', weight: 2.2 },
        { key: 'unit', header: '房号', weight: 1.2 },
        { key: 'kind', header: '类型', weight: 0.8 },
        { key: 'date', header: '日期', weight: 1.2 },
        { key: 'amount', header: '金额', type: 'money', weight: 1.4 },
      ],
      rows: [{ code: c.receiptCode, unit: c.unitNumber, kind: KIND_LABELS[c.kind], date: c.paidOn, amount: c.amountFen }],
      facts: [
        ['金额大写', `人民币 ${formatFen(BigInt(c.amountFen))}`],
        ['该户应缴', formatFen(BigInt(unit.shareFen))],
        ['截至当日已缴', formatFen(BigInt(unit.paidFen))],
        ['付款方式', c.method || '—'],
        ...(c.note ? ([['说明', c.note]] as [string, string][]) : []),
      ],
      notes: ['本收据只载房号与金额，不载业主姓名；可凭收据号在小区公示页核对该户缴款，凭文书编号在验章页核对收据真伪。'],
      publishedAt: new Date(c.createdAt),
    };
    const document = await this.documents.renderAndRegister(manager, communityId, {
      type: STATEMENT_TYPE,
      title: `${communityName} ${project.title}${title} ${c.receiptCode}`,
      sourceType: RECEIPT_SOURCE,
      sourceId: c.id,
      input,
      actorId,
    });
    if (requestSeal) {
      try {
        await this.sealRequests.create(actorId, communityId, { documentId: document.id, decision: receiptBasis(project, c) }, manager);
      } catch (error) {
        // Checked before anything is written: the payment stands, the receipt waits for a seal request.
        const code = (error as { code?: string }).code;
        if (code !== 'seal_not_issued' && code !== 'no_other_custodian') throw error;
      }
    }
    return document.id;
  }

  /** Renders the period's disclosure (per building and per unit) and asks for the committee seal; sealed = published. */
  async requestDisclosure(actorId: string, communityId: string, projectId: string, periodDate: string): Promise<DisclosureRequestDto> {
    return this.dataSource.transaction(async (manager) => {
      const project = await this.fundraising.project(manager, communityId, projectId);
      const rules = await this.rulebook.current(communityId, manager);
      const [{ today }] = await manager.query<{ today: string }[]>(
        `SELECT (($1::timestamptz) AT TIME ZONE time_zone)::date::text AS today FROM communities WHERE id = $2`,
        [this.clock.now(), communityId],
      );
      const period = this.fundraising.periodFor(periodDate, rules.settings.statementPeriod, today);
      const [existing] = await manager.query('SELECT id FROM fundraising_disclosures WHERE project_id = $1 AND period_start = $2', [
        projectId,
        period.start,
      ]);
      if (existing) throw new Conflict(`${period.label}的集资情况已申请公示`, 'disclosure_exists');
      const progress = await this.fundraising.progress(manager, communityId, projectId, period.end);
      const [{ inPeriod }] = await manager.query<{ inPeriod: string }[]>(
        `SELECT coalesce(sum(CASE WHEN kind = 'payment' THEN amount_fen WHEN kind = 'refund' THEN -amount_fen ELSE 0 END), 0)::text AS "inPeriod"
         FROM fundraising_contributions WHERE project_id = $1 AND paid_on BETWEEN $2 AND $3`,
        [projectId, period.start, period.end],
      );
      const communityName = await this.communityName(manager, communityId);
      const input: StatementInput = {
        communityName,
        title: `${project.title}集资情况公示`,
        periodLabel: `${period.label}（截至 ${period.end}）`,
        periodFrom: new Date(`${period.start}T00:00:00+08:00`),
        periodTo: new Date(`${period.end}T00:00:00+08:00`),
        columns: [
          { key: 'label', header: '楼栋 / 房号', weight: 1.6 },
          { key: 'target', header: '目标 / 应缴', type: 'money', weight: 1.4 },
          { key: 'paid', header: '累计已缴', type: 'money', weight: 1.4 },
          { key: 'done', header: '完成', weight: 1 },
        ],
        rows: progress.groups.flatMap((g) => [
          { label: `${g.label}（合计）`, target: g.targetFen, paid: g.paidFen, done: `${g.percent}%` },
          ...progress.units
            .filter((u) => u.targetId === g.targetId)
            .map((u) => ({
              label: u.unitNumber,
              target: u.shareFen,
              paid: u.paidFen,
              done: BigInt(u.paidFen) >= BigInt(u.shareFen) ? '已缴清' : '',
            })),
        ]),
        totals: [{ label: '全部合计', target: progress.totals.targetFen, paid: progress.totals.paidFen }],
        facts: [
          ['本期净缴款', formatFen(BigInt(inPeriod))],
          ['分摊方式', project.shareBasis === 'area' ? '按专有部分面积分摊（最大余数法，分摊合计等于目标）' : '每户固定金额'],
        ],
        notes: ['只公示房号与金额，不公示业主姓名。退款以反向记录列示，原缴款记录保留。'],
        publishedAt: this.clock.now(),
      };
      const document = await this.documents.renderAndRegister(manager, communityId, {
        type: STATEMENT_TYPE,
        title: `${communityName} ${project.title}集资情况公示 ${period.label}`,
        sourceType: DISCLOSURE_SOURCE,
        sourceId: projectId,
        // Not linked to the approving item: that would make it an assembly document needing both seals; the
        // disclosure is the committee's report (its text names the project, which cites the item).
        input,
        requiredSeals: ['committee'],
        actorId,
      });
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO fundraising_disclosures (community_id, project_id, period_start, period_end, document_id, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [communityId, projectId, period.start, period.end, document.id, actorId],
      );
      const request = await this.sealRequests.create(
        actorId,
        communityId,
        { documentId: document.id, decision: `集资第 ${project.seq} 号「${project.title}」${period.label}集资情况公示` },
        manager,
      );
      return { disclosureId: row.id, documentId: document.id, documentNumber: document.number, sealRequestId: request.id };
    });
  }

  private async markPublished(manager: EntityManager, document: Document): Promise<void> {
    const [row] = await manager.query<{ id: string }[]>(
      `UPDATE fundraising_disclosures SET published_at = $1 WHERE document_id = $2 AND community_id = $3 AND published_at IS NULL RETURNING id`,
      [this.clock.now(), document.id, document.communityId],
    );
    if (!row) return;
    await this.record.append(manager, {
      communityId: document.communityId,
      actorId: null,
      action: 'fundraising.disclosure_published',
      subjectType: 'fundraising_project',
      subjectId: document.sourceId,
      payload: { disclosureId: row.id, documentId: document.id, documentNumber: document.number },
    });
  }

  async publicDisclosurePdf(communityId: string, projectId: string, disclosureId: string) {
    const [row] = await this.dataSource.query<{ document_id: string }[]>(
      `SELECT document_id FROM fundraising_disclosures WHERE id = $1 AND project_id = $2 AND community_id = $3 AND published_at IS NOT NULL`,
      [disclosureId, projectId, communityId],
    );
    if (!row) throw new NotFound('已公示的集资情况');
    const file = await this.documents.finalFile(communityId, row.document_id);
    return { body: file.bytes, filename: file.filename, etag: `"${file.sha256}"` };
  }
}
