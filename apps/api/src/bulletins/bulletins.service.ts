import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OUTCOME_LABELS_ZH, RECTIFICATION_STATUS_LABELS_ZH, formatZhDateTime, labelOf } from '@gongyi/domain/labels';
import { JOINT_BULLETIN_TYPE, type BulletinProblem, type JointBulletinInput } from '@gongyi/pdf';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, Invalid, NotFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { DocumentsService } from '../documents/documents.service';
import { RecordService } from '../record/record.service';
import { monthlyRequestStats } from '../requests/request-stats';
import { SealRequestsService } from '../seals/seal-requests.service';

export const BULLETIN_SOURCE = 'joint_bulletin';

interface BulletinRow {
  id: string;
  month: string;
  content: BulletinFigures;
  document_id: string;
  number: string;
  title: string;
  status: string;
  pending: boolean;
  created_at: Date;
  time_zone: string;
}

interface BulletinFigures {
  meetings: number;
  studied: number;
  solved: number;
  inProgress: number;
  requestsFiled: number;
  requestsSolved: number;
  requestsOnTime: number;
  compliancePerMille: number | null;
}

const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

/**
 * 四方联席工作简报: the committee composes the month's bulletin from the joint meetings held, the rectification items
 * and the residents' requests; it is a registered document sealed with the committee seal by a custodian other
 * than the requester, and shown on the public page once sealed.
 */
@Injectable()
export class BulletinsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly documents: DocumentsService,
    private readonly sealRequests: SealRequestsService,
    private readonly record: RecordService,
  ) {}

  async compose(actorId: string, communityId: string, month: string) {
    const id = await this.dataSource.transaction(async (manager) => {
      const now = this.clock.now();
      const [community] = await manager.query<{ name: string; today: string; time_zone: string }[]>(
        `SELECT name, time_zone, (($1::timestamptz) AT TIME ZONE time_zone)::date::text AS today FROM communities WHERE id = $2`,
        [now, communityId],
      );
      if (!community) throw new NotFound('小区');
      if (month > community.today.slice(0, 7)) throw new Invalid(`${monthLabel(month)}尚未开始，不能编制简报`, 'month_in_future');
      await manager.query('SELECT pg_advisory_xact_lock(1795752, hashtext($1))', [communityId]);
      const [existing] = await manager.query<{ number: string }[]>(
        `SELECT d.number FROM joint_bulletins b JOIN documents d ON d.id = b.document_id WHERE b.community_id = $1 AND b.month = $2`,
        [communityId, month],
      );
      if (existing)
        throw new Conflict(`${monthLabel(month)}的四方联席工作简报已编制（${existing.number}），每月只出一份`, 'bulletin_exists');
      const from = `${month}-01`;
      const [{ to }] = await manager.query<{ to: string }[]>(`SELECT (($1::date + interval '1 month')::date - 1)::text AS to`, [from]);
      const input = await this.content(manager, communityId, community.name, community.time_zone, from, to, now, monthLabel(month));
      const figures: BulletinFigures = {
        meetings: input.meetings.length,
        studied: input.studied.length,
        solved: input.solved.length,
        inProgress: input.inProgress.length,
        requestsFiled: input.categories.reduce((n, c) => n + c.filed, 0),
        requestsSolved: input.categories.reduce((n, c) => n + c.solved, 0),
        requestsOnTime: input.requestsOnTime,
        compliancePerMille: input.compliancePerMille,
      };
      const document = await this.documents.renderAndRegister(manager, communityId, {
        type: JOINT_BULLETIN_TYPE,
        title: `${monthLabel(month)}四方联席工作简报`,
        sourceType: BULLETIN_SOURCE,
        sourceId: null,
        input,
        requiredSeals: ['committee'],
        actorId,
      });
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO joint_bulletins (community_id, month, content, document_id, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [communityId, month, JSON.stringify(figures), document.id, actorId, now],
      );
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'bulletins.composed',
        subjectType: 'joint_bulletin',
        subjectId: row.id,
        payload: { month: monthLabel(month), number: document.number, documentId: document.id, ...figures },
      });
      return row.id;
    });
    return this.get(communityId, id);
  }

  /** 申请盖章: the committee seal, applied by a custodian who is not the requester (SealRequestsService enforces it). */
  async requestSeal(actorId: string, communityId: string, id: string) {
    const bulletin = await this.get(communityId, id);
    if (bulletin.documentStatus === 'final') throw new Conflict('简报已盖章发布，无需再申请', 'bulletin_already_sealed');
    const request = await this.sealRequests.create(actorId, communityId, { documentId: bulletin.documentId });
    return { requestId: request.id, bulletin: await this.get(communityId, id) };
  }

  async list(communityId: string) {
    const rows = await this.rows(communityId);
    return { items: rows.map((r) => this.view(r)) };
  }

  async get(communityId: string, id: string) {
    const [row] = await this.rows(communityId, id);
    if (!row) throw new NotFound('简报');
    return this.view(row);
  }

  /** Sealed bulletins only: what the public page lists. */
  async published(communityId: string) {
    const rows = (await this.rows(communityId)).filter((r) => r.status === 'final');
    return {
      items: rows.map((r) => ({
        id: r.id,
        month: r.month,
        monthLabel: monthLabel(r.month),
        title: r.title,
        documentNumber: r.number,
        figures: r.content,
        pdfUrl: `/api/public/communities/${communityId}/bulletins/${r.id}/pdf`,
      })),
    };
  }

  async publishedPdf(communityId: string, id: string) {
    const [row] = await this.rows(communityId, id);
    if (!row || row.status !== 'final') throw new NotFound('已盖章的简报');
    const file = await this.documents.finalFile(communityId, row.document_id);
    return { body: file.bytes, filename: file.filename, etag: `"${file.sha256}"` };
  }

  private async rows(communityId: string, id?: string): Promise<BulletinRow[]> {
    return this.dataSource.query<BulletinRow[]>(
      `SELECT b.id, b.month, b.content, b.document_id, d.number, d.title, d.status, b.created_at, c.time_zone,
              EXISTS (SELECT 1 FROM seal_requests r WHERE r.document_id = d.id AND r.status = 'pending') AS pending
         FROM joint_bulletins b JOIN documents d ON d.id = b.document_id JOIN communities c ON c.id = b.community_id
        WHERE b.community_id = $1 ${id ? 'AND b.id = $2' : ''}
        ORDER BY b.month DESC LIMIT 120`,
      id ? [communityId, id] : [communityId],
    );
  }

  private view(r: BulletinRow) {
    return {
      id: r.id,
      month: r.month,
      monthLabel: monthLabel(r.month),
      title: r.title,
      documentId: r.document_id,
      documentNumber: r.number,
      documentStatus: r.status,
      statusLabel: r.status === 'final' ? '已盖章发布' : r.pending ? '用章申请中' : '待申请盖章',
      sealRequested: r.pending,
      figures: r.content,
      createdAt: new Date(r.created_at).toISOString(),
      createdAtText: formatZhDateTime(r.created_at, r.time_zone),
    };
  }

  private async content(
    manager: EntityManager,
    communityId: string,
    communityName: string,
    zone: string,
    from: string,
    to: string,
    now: Date,
    label: string,
  ): Promise<JointBulletinInput> {
    const meetings = await manager.query<{ held_at: Date; place: string; title: string; outcome: string }[]>(
      `SELECT m.held_at, m.place, i.title, m.outcome
         FROM meetings m JOIN agenda_items i ON i.id = m.agenda_item_id AND i.community_id = m.community_id
        WHERE m.community_id = $1 AND m.stage = 'joint_meeting'
          AND (m.held_at AT TIME ZONE $4)::date BETWEEN $2::date AND $3::date
        ORDER BY m.held_at`,
      [communityId, from, to, zone],
    );
    const items = await manager.query<
      {
        seq: number;
        title: string;
        status: string;
        due_on: string;
        overdue_at: Date | null;
        raised: boolean;
        accepted: boolean;
        location: string;
      }[]
    >(
      `SELECT r.seq, r.title, r.status, r.due_on::text AS due_on, r.overdue_at, r.location,
              (r.raised_at AT TIME ZONE $4)::date BETWEEN $2::date AND $3::date AS raised,
              r.accepted_at IS NOT NULL AND (r.accepted_at AT TIME ZONE $4)::date BETWEEN $2::date AND $3::date AS accepted
         FROM rectification_items r
        WHERE r.community_id = $1 AND (r.raised_at AT TIME ZONE $4)::date <= $3::date
          AND (r.accepted_at IS NULL OR (r.accepted_at AT TIME ZONE $4)::date >= $2::date)
        ORDER BY r.seq`,
      [communityId, from, to, zone],
    );
    const problem = (i: (typeof items)[number]): BulletinProblem => ({
      ref: `第 ${i.seq} 号整改事项`,
      title: i.title,
      state: i.overdue_at && i.status !== 'accepted' ? '逾期' : labelOf(RECTIFICATION_STATUS_LABELS_ZH, i.status),
      detail: `${i.location ? `${i.location}；` : ''}期限 ${i.due_on}`,
    });
    const requests = await monthlyRequestStats(manager, communityId, from, to, now);
    // The month's first and last day at midnight in the community's zone (the PDF prints the dates).
    const [bounds] = await manager.query<{ start: Date; end: Date }[]>(
      `SELECT ($1::date::timestamp AT TIME ZONE $3) AS start, ($2::date::timestamp AT TIME ZONE $3) AS end`,
      [from, to, zone],
    );
    const requestsDue = requests.reduce((n, c) => n + c.filed, 0);
    const requestsOnTime = requests.reduce((n, c) => n + c.onTime, 0);
    return {
      communityName,
      monthLabel: label,
      periodFrom: bounds.start,
      periodTo: bounds.end,
      meetings: meetings.map((m) => ({
        heldAt: m.held_at,
        place: m.place,
        topic: m.title,
        outcome: labelOf(OUTCOME_LABELS_ZH, m.outcome),
      })),
      studied: items.filter((i) => i.raised).map(problem),
      solved: items.filter((i) => i.accepted).map(problem),
      inProgress: items.filter((i) => i.status !== 'accepted').map(problem),
      categories: requests,
      requestsDue,
      requestsOnTime,
      compliancePerMille: requestsDue > 0 ? Math.floor((requestsOnTime * 1000) / requestsDue) : null,
      publishedAt: now,
    };
  }
}
