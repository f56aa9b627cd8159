import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { assertFundraisingApproval } from '@gongyi/domain/finance/decision-reference';
import { periodOf } from '@gongyi/domain/finance/ledger';
import { periodLabel } from '@gongyi/domain/finance/periods';
import { assertRefundable, type ShareUnit, sharesByArea, sharesFixed } from '@gongyi/domain/finance/shares';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, Invalid, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { RecordService } from '../record/record.service';
import { CreateFundraisingDto, ContributionDto, RefundDto } from './fundraising.dto';
import type { FundraisingProjectDetailDto, FundraisingProjectDto, FundraisingProjectSummaryDto } from './fundraising-responses.dto';

export interface ProjectRow {
  id: string;
  seq: number;
  title: string;
  description: string;
  agendaItemId: string;
  shareBasis: string;
  scope: string;
  status: string;
  createdAt: Date;
}

export interface ContributionRow {
  id: string;
  seq: number;
  unitId: string;
  unitNumber: string;
  kind: 'pledge' | 'payment' | 'refund';
  amountFen: string;
  paidOn: string;
  method: string;
  note: string;
  reversesId: string | null;
  receiptCode: string | null;
  createdAt: Date;
  /** The registered receipt document (payments and refunds): its number, draft/final, and whether a seal is requested. */
  receiptDocumentId: string | null;
  receiptNumber: string | null;
  receiptStatus: 'draft' | 'final' | null;
  receiptSealPending: boolean;
}

/** Called in the transaction that records a payment or refund (fundraising-documents.service.ts registers its receipt). */
export type ReceiptListener = (
  manager: EntityManager,
  actorId: string,
  communityId: string,
  project: ProjectRow,
  contribution: ContributionRow,
) => Promise<void>;

/** documents.source_type of a fund-raising receipt; source_id is the contribution. */
export const RECEIPT_SOURCE = 'fundraising_receipt';

const PROJECT_COLUMNS = `id, seq, title, description, agenda_item_id AS "agendaItemId", share_basis AS "shareBasis", scope, status, created_at AS "createdAt"`;

/** 集资: projects approved by an Art. 278 item 六 vote, shares per unit, pledges, payments with receipts, refunds. */
@Injectable()
export class FundraisingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly record: RecordService,
  ) {}

  private receiptListener?: ReceiptListener;

  onReceipt(listener: ReceiptListener): void {
    this.receiptListener = listener;
  }

  async create(actorId: string, communityId: string, input: CreateFundraisingDto): Promise<FundraisingProjectDto> {
    return this.dataSource.transaction(async (manager) => {
      const [item] = await manager.query<{ category: string; status: string; state: { stages: Record<string, string> } }[]>(
        'SELECT category, status, chain_state AS state FROM agenda_items WHERE id = $1 AND community_id = $2',
        [input.agendaItemId, communityId],
      );
      const outcomes = item
        ? (
            await manager.query<{ outcome: string }[]>(
              `SELECT t.outcome FROM tally_records t JOIN assembly_votes v ON v.id = t.vote_id
               WHERE v.agenda_item_id = $1 AND v.community_id = $2 AND v.status = 'closed'`,
              [input.agendaItemId, communityId],
            )
          ).map((r) => r.outcome)
        : [];
      assertFundraisingApproval(item ? { category: item.category, status: item.status, stages: item.state.stages } : null, outcomes);

      const groups = new Set<string>();
      for (const target of input.targets) {
        if (input.scope === 'stairwell' && !target.stairwell) throw new Invalid('按单元集资须写明每个目标的单元', 'stairwell_required');
        if (input.scope === 'building' && target.stairwell) throw new Invalid('按楼栋集资时不填单元', 'stairwell_not_allowed');
        if (input.shareBasis === 'area' && !target.targetFen)
          throw new Invalid('按面积分摊须填写每个楼栋/单元的集资目标', 'target_required');
        if (input.shareBasis === 'fixed' && !target.shareFen) throw new Invalid('固定分摊须填写每户金额', 'share_required');
        const key = `${target.buildingId}/${target.stairwell ?? ''}`;
        if (groups.has(key)) throw new Invalid('同一楼栋/单元只能有一个目标', 'duplicate_target');
        groups.add(key);
      }
      await manager.query('SELECT pg_advisory_xact_lock(47, hashtext($1))', [communityId]);
      const [{ next }] = await manager.query<{ next: number }[]>(
        'SELECT coalesce(max(seq), 0) + 1 AS next FROM fundraising_projects WHERE community_id = $1',
        [communityId],
      );
      const [project] = await manager.query<ProjectRow[]>(
        `INSERT INTO fundraising_projects (community_id, seq, title, description, agenda_item_id, share_basis, scope, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${PROJECT_COLUMNS}`,
        [communityId, next, input.title.trim(), input.description ?? '', input.agendaItemId, input.shareBasis, input.scope, actorId],
      );
      const summary: { building: string; stairwell: string | null; targetFen: string; units: number }[] = [];
      for (const target of input.targets) {
        const [building] = await manager.query<{ name: string }[]>('SELECT name FROM buildings WHERE id = $1 AND community_id = $2', [
          target.buildingId,
          communityId,
        ]);
        if (!building) throw new Invalid('楼栋不存在或不属于本小区', 'building_not_found');
        const units = await manager.query<{ id: string; number: string; area: string }[]>(
          `SELECT id, number, round(exclusive_area * 100)::bigint::text AS area FROM units
           WHERE community_id = $1 AND building_id = $2 AND ($3::text IS NULL OR stairwell = $3) AND kind <> 'parking'
           ORDER BY number`,
          [communityId, target.buildingId, target.stairwell ?? null],
        );
        const shareUnits: ShareUnit[] = units.map((u) => ({ unitId: u.id, unitNumber: u.number, areaHundredths: BigInt(u.area) }));
        const shares =
          input.shareBasis === 'area'
            ? sharesByArea(BigInt(target.targetFen!), shareUnits)
            : sharesFixed(BigInt(target.shareFen!), shareUnits);
        const targetFen = [...shares.values()].reduce((s, v) => s + v, 0n);
        const [row] = await manager.query<{ id: string }[]>(
          `INSERT INTO fundraising_targets (community_id, project_id, building_id, stairwell, target_fen) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [communityId, project.id, target.buildingId, target.stairwell ?? null, targetFen.toString()],
        );
        await manager.query(
          `INSERT INTO fundraising_shares (community_id, project_id, target_id, unit_id, share_fen)
           SELECT $1, $2, $3, u, s FROM unnest($4::uuid[], $5::bigint[]) AS x(u, s)`,
          [communityId, project.id, row.id, [...shares.keys()], [...shares.values()].map(String)],
        );
        summary.push({
          building: building.name,
          stairwell: target.stairwell ?? null,
          targetFen: targetFen.toString(),
          units: units.length,
        });
      }
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'fundraising.project_created',
        subjectType: 'fundraising_project',
        subjectId: project.id,
        payload: {
          seq: project.seq,
          title: project.title,
          agendaItemId: input.agendaItemId,
          shareBasis: input.shareBasis,
          targets: summary,
        },
      });
      return project;
    });
  }

  async list(communityId: string): Promise<FundraisingProjectSummaryDto[]> {
    const projects = await this.dataSource.query<ProjectRow[]>(
      `SELECT ${PROJECT_COLUMNS} FROM fundraising_projects WHERE community_id = $1 ORDER BY seq DESC`,
      [communityId],
    );
    return Promise.all(
      projects.map(async (p) => ({ ...p, totals: (await this.progress(this.dataSource.manager, communityId, p.id)).totals })),
    );
  }

  async project(manager: EntityManager, communityId: string, projectId: string): Promise<ProjectRow> {
    const [project] = await manager.query<ProjectRow[]>(
      `SELECT ${PROJECT_COLUMNS} FROM fundraising_projects WHERE id = $1 AND community_id = $2`,
      [projectId, communityId],
    );
    if (!project) throw new NotFound('集资项目');
    return project;
  }

  /** Per group (building or stairwell) and per unit: share, pledged, paid (payments − refunds). */
  async progress(manager: EntityManager, communityId: string, projectId: string, until?: string) {
    const units = await manager.query<
      { unitId: string; unitNumber: string; targetId: string; shareFen: string; pledgedFen: string; paidFen: string }[]
    >(
      `SELECT s.unit_id AS "unitId", u.number AS "unitNumber", s.target_id AS "targetId", s.share_fen::text AS "shareFen",
              coalesce((SELECT c.amount_fen FROM fundraising_contributions c WHERE c.project_id = s.project_id AND c.unit_id = s.unit_id
                         AND c.kind = 'pledge' AND ($3::date IS NULL OR c.paid_on <= $3) ORDER BY c.seq DESC LIMIT 1), 0)::text AS "pledgedFen",
              coalesce((SELECT sum(CASE WHEN c.kind = 'payment' THEN c.amount_fen ELSE -c.amount_fen END) FROM fundraising_contributions c
                         WHERE c.project_id = s.project_id AND c.unit_id = s.unit_id AND c.kind <> 'pledge'
                         AND ($3::date IS NULL OR c.paid_on <= $3)), 0)::text AS "paidFen"
       FROM fundraising_shares s JOIN units u ON u.id = s.unit_id
       WHERE s.project_id = $1 AND s.community_id = $2 ORDER BY u.number`,
      [projectId, communityId, until ?? null],
    );
    const targets = await manager.query<{ id: string; buildingName: string; stairwell: string | null; targetFen: string }[]>(
      `SELECT t.id, b.name AS "buildingName", t.stairwell, t.target_fen::text AS "targetFen"
       FROM fundraising_targets t JOIN buildings b ON b.id = t.building_id WHERE t.project_id = $1 AND t.community_id = $2
       ORDER BY b.name, t.stairwell`,
      [projectId, communityId],
    );
    const groups = targets.map((t) => {
      const own = units.filter((u) => u.targetId === t.id);
      const paid = own.reduce((s, u) => s + BigInt(u.paidFen), 0n);
      const pledged = own.reduce((s, u) => s + BigInt(u.pledgedFen), 0n);
      return {
        targetId: t.id,
        // A roster may name the 单元 「1」 or 「1单元」: either way the label reads 「1号楼 1 单元」 / 「1号楼 1单元」.
        label: t.stairwell ? `${t.buildingName} ${/单元$/.test(t.stairwell) ? t.stairwell : `${t.stairwell} 单元`}` : t.buildingName,
        targetFen: t.targetFen,
        pledgedFen: pledged.toString(),
        paidFen: paid.toString(),
        units: own.length,
        paidUnits: own.filter((u) => BigInt(u.paidFen) >= BigInt(u.shareFen)).length,
        percent: Number((paid * 1000n) / BigInt(t.targetFen)) / 10,
      };
    });
    const sum = (key: 'targetFen' | 'paidFen' | 'pledgedFen') => groups.reduce((s, g) => s + BigInt(g[key]), 0n).toString();
    return { groups, units, totals: { targetFen: sum('targetFen'), paidFen: sum('paidFen'), pledgedFen: sum('pledgedFen') } };
  }

  async detail(communityId: string, projectId: string): Promise<FundraisingProjectDetailDto> {
    const manager = this.dataSource.manager;
    const project = await this.project(manager, communityId, projectId);
    const contributions = await this.contributions(manager, communityId, projectId);
    const disclosures = await manager.query(
      `SELECT d.id, d.period_start::text AS "periodStart", d.period_end::text AS "periodEnd", d.document_id AS "documentId",
              d.published_at AS "publishedAt", doc.number AS "documentNumber"
       FROM fundraising_disclosures d JOIN documents doc ON doc.id = d.document_id
       WHERE d.project_id = $1 AND d.community_id = $2 ORDER BY d.period_start DESC`,
      [projectId, communityId],
    );
    const [item] = await manager.query<{ seq: number; title: string }[]>('SELECT seq, title FROM agenda_items WHERE id = $1', [
      project.agendaItemId,
    ]);
    return { ...project, agendaItem: item, ...(await this.progress(manager, communityId, projectId)), contributions, disclosures };
  }

  async contributions(manager: EntityManager, communityId: string, projectId: string): Promise<ContributionRow[]> {
    return manager.query<ContributionRow[]>(
      `SELECT c.id, c.seq, c.unit_id AS "unitId", u.number AS "unitNumber", c.kind, c.amount_fen::text AS "amountFen",
              c.paid_on::text AS "paidOn", c.method, c.note, c.reverses_id AS "reversesId", c.receipt_code AS "receiptCode", c.created_at AS "createdAt",
              rd.id AS "receiptDocumentId", rd.number AS "receiptNumber", rd.status AS "receiptStatus",
              EXISTS (SELECT 1 FROM seal_requests r WHERE r.document_id = rd.id AND r.status = 'pending') AS "receiptSealPending"
       FROM fundraising_contributions c JOIN units u ON u.id = c.unit_id
       LEFT JOIN documents rd ON rd.community_id = c.community_id AND rd.source_type = $3 AND rd.source_id = c.id
       WHERE c.project_id = $1 AND c.community_id = $2 ORDER BY c.seq`,
      [projectId, communityId, RECEIPT_SOURCE],
    );
  }

  async contribute(actorId: string, communityId: string, projectId: string, input: ContributionDto) {
    return this.dataSource.transaction(async (manager) => {
      const project = await this.lockOpen(manager, communityId, projectId);
      await this.assertNotFuture(manager, communityId, input.paidOn);
      const [share] = await manager.query<{ unitId: string; shareFen: string }[]>(
        `SELECT s.unit_id AS "unitId", s.share_fen::text AS "shareFen" FROM fundraising_shares s JOIN units u ON u.id = s.unit_id
         WHERE s.project_id = $1 AND s.community_id = $2 AND u.number = $3`,
        [projectId, communityId, input.unitNumber.trim()],
      );
      if (!share) throw new Invalid(`房号 ${input.unitNumber} 不在本集资项目范围内`, 'unit_not_in_project');
      const amount = BigInt(input.amountFen);
      if (input.kind === 'payment') {
        const { units } = await this.progress(manager, communityId, projectId);
        const paid = BigInt(units.find((u) => u.unitId === share.unitId)!.paidFen);
        if (paid + amount > BigInt(share.shareFen)) {
          throw new Conflict(`缴款超过该户应缴金额（应缴 ${share.shareFen} 分，已缴 ${paid} 分）`, 'payment_exceeds_share');
        }
      }
      return this.insert(manager, actorId, communityId, project, {
        unitId: share.unitId,
        kind: input.kind,
        amountFen: amount,
        paidOn: input.paidOn,
        method: input.method ?? '',
        note: '',
        reversesId: null,
      });
    });
  }

  async refund(actorId: string, communityId: string, projectId: string, paymentId: string, input: RefundDto) {
    return this.dataSource.transaction(async (manager) => {
      const project = await this.lockOpen(manager, communityId, projectId);
      await this.assertNotFuture(manager, communityId, input.paidOn);
      const [payment] = await manager.query<
        { id: string; unitId: string; kind: string; amountFen: string; refunded: string; receiptCode: string }[]
      >(
        `SELECT c.id, c.unit_id AS "unitId", c.kind, c.amount_fen::text AS "amountFen", c.receipt_code AS "receiptCode",
                coalesce((SELECT sum(r.amount_fen) FROM fundraising_contributions r WHERE r.reverses_id = c.id), 0)::text AS refunded
         FROM fundraising_contributions c WHERE c.id = $1 AND c.project_id = $2 AND c.community_id = $3`,
        [paymentId, projectId, communityId],
      );
      if (!payment) throw new NotFound('缴款记录');
      if (payment.kind !== 'payment') throw new Conflict('只能对缴款办理退款', 'not_a_payment');
      assertRefundable(BigInt(payment.amountFen), BigInt(payment.refunded), BigInt(input.amountFen));
      return this.insert(manager, actorId, communityId, project, {
        unitId: payment.unitId,
        kind: 'refund',
        amountFen: BigInt(input.amountFen),
        paidOn: input.paidOn,
        method: '',
        note: `退还收据 ${payment.receiptCode} 的缴款：${input.reason.trim()}`,
        reversesId: payment.id,
      });
    });
  }

  private async lockOpen(manager: EntityManager, communityId: string, projectId: string): Promise<ProjectRow> {
    const [project] = await manager.query<ProjectRow[]>(
      `SELECT ${PROJECT_COLUMNS} FROM fundraising_projects WHERE id = $1 AND community_id = $2 FOR UPDATE`,
      [projectId, communityId],
    );
    if (!project) throw new NotFound('集资项目');
    if (project.status !== 'open') throw new Conflict('集资项目已结束，不能再登记', 'project_closed');
    return project;
  }

  private async assertNotFuture(manager: EntityManager, communityId: string, date: string) {
    const [{ today }] = await manager.query<{ today: string }[]>(
      `SELECT (($1::timestamptz) AT TIME ZONE time_zone)::date::text AS today FROM communities WHERE id = $2`,
      [this.clock.now(), communityId],
    );
    if (date > today) throw new Invalid(`日期 ${date} 晚于今天（${today}）`, 'date_in_future');
  }

  private async insert(
    manager: EntityManager,
    actorId: string,
    communityId: string,
    project: ProjectRow,
    c: {
      unitId: string;
      kind: 'pledge' | 'payment' | 'refund';
      amountFen: bigint;
      paidOn: string;
      method: string;
      note: string;
      reversesId: string | null;
    },
  ) {
    const [{ next }] = await manager.query<{ next: number }[]>(
      'SELECT coalesce(max(seq), 0) + 1 AS next FROM fundraising_contributions WHERE project_id = $1',
      [project.id],
    );
    const prefix = c.kind === 'payment' ? 'JZ' : c.kind === 'refund' ? 'TK' : null;
    const receiptCode = prefix
      ? `${prefix}-${communityId.slice(0, 8).toUpperCase()}-${project.seq}-${String(next).padStart(5, '0')}`
      : null;
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO fundraising_contributions (community_id, project_id, unit_id, seq, kind, amount_fen, paid_on, method, note, reverses_id, receipt_code, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        communityId,
        project.id,
        c.unitId,
        next,
        c.kind,
        c.amountFen.toString(),
        c.paidOn,
        c.method,
        c.note,
        c.reversesId,
        receiptCode,
        actorId,
      ],
    );
    await this.record.append(manager, {
      communityId,
      actorId,
      action: `fundraising.${c.kind}_recorded`,
      subjectType: 'fundraising_contribution',
      subjectId: row.id,
      payload: {
        projectId: project.id,
        seq: next,
        unitId: c.unitId,
        kind: c.kind,
        amountFen: c.amountFen.toString(),
        paidOn: c.paidOn,
        receiptCode,
        reversesId: c.reversesId,
      },
    });
    let [saved] = (await this.contributions(manager, communityId, project.id)).filter((x) => x.id === row.id);
    if (saved.receiptCode && this.receiptListener) {
      await this.receiptListener(manager, actorId, communityId, project, saved);
      [saved] = (await this.contributions(manager, communityId, project.id)).filter((x) => x.id === row.id);
    }
    return saved;
  }

  /** Period helper for disclosures: the rulebook's period containing `date`, refused until it has ended. */
  periodFor(date: string, length: 'monthly' | 'quarterly' | 'half_yearly', today: string) {
    const period = periodOf(date, length);
    if (period.end >= today) {
      throw new Conflict(`${periodLabel(period, length)}尚未结束，期间结束后才能公示该期集资情况`, 'period_not_ended');
    }
    return { ...period, label: periodLabel(period, length) };
  }
}
