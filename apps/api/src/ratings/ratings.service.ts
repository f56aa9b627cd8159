import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BOARD_LABELS_ZH, formatZhDateTime, labelOf } from '@gongyi/domain/labels';
import {
  checkRatingScores,
  householdMeanHundredths,
  quarterOf,
  quarterRange,
  quarterVerdict,
  type QuarterFigures,
} from '@gongyi/domain/ratings/ratings';
import { DEFAULT_RULEBOOK } from '@gongyi/domain/rulebook/rulebook';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, Forbidden, Invalid } from '../common/app-error';
import { Clock } from '../common/clock';
import { RecordService } from '../record/record.service';
import { RectificationService } from '../rectification/rectification.service';
import { monthlyRequestStats } from '../requests/request-stats';
import { RulebookService } from '../rulebook/rulebook.service';

const QUARTER_NAMES = ['一', '二', '三', '四'];
export const quarterLabel = (q: string) => `${q.slice(0, 4)}年第${QUARTER_NAMES[Number(q.slice(5)) - 1]}季度`;

interface BoardRow {
  id: string;
  quarter: string;
  community_name: string;
  company_name: string;
  households: number;
  average_hundredths: number | null;
  compliance_per_mille: number | null;
  star_level: number | null;
  board: 'red' | 'black' | 'none';
  reasons: string[];
  published_at: Date;
  time_zone: string;
}

const BOARD_SELECT = `
  SELECT q.id, q.quarter, c.name AS community_name, q.company_name, q.households, q.average_hundredths,
         q.compliance_per_mille, q.star_level, q.board, q.reasons, q.published_at, c.time_zone
    FROM service_quarter_results q JOIN communities c ON c.id = q.community_id`;

/**
 * 星级满意度 and 红黑榜: one rating per household (unit) per quarter, by one of its owners, with stars per criterion
 * the rulebook publishes; the committee publishes the quarter's verdict (star level, 红榜/黑榜) from the ratings,
 * the residents' requests and the rectification items, on the public page and in hearings as a vendor's record.
 */
@Injectable()
export class RatingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly rulebook: RulebookService,
    private readonly record: RecordService,
    private readonly rectification: RectificationService,
  ) {}

  async form(userId: string, communityId: string) {
    const quarter = quarterOf(await this.today(this.dataSource.manager, communityId));
    const criteria = await this.criteria(communityId);
    const units = await this.dataSource.query<{ unit_id: string; number: string; rated: boolean }[]>(
      `SELECT DISTINCT u.id AS unit_id, u.number,
              EXISTS (SELECT 1 FROM service_ratings s WHERE s.community_id = u.community_id AND s.unit_id = u.id AND s.quarter = $3) AS rated
         FROM owners o JOIN unit_owners uo ON uo.owner_id = o.id AND uo.community_id = o.community_id
         JOIN units u ON u.id = uo.unit_id AND u.community_id = o.community_id
        WHERE o.community_id = $1 AND o.user_id = $2 AND u.kind <> 'parking'
        ORDER BY u.number`,
      [communityId, userId, quarter],
    );
    return {
      quarter,
      quarterLabel: quarterLabel(quarter),
      criteria,
      units: units.map((u) => ({ unitId: u.unit_id, number: u.number, rated: u.rated })),
      closed: await this.isPublished(this.dataSource.manager, communityId, quarter),
    };
  }

  async rate(userId: string, communityId: string, body: { unitId: string; scores: Record<string, unknown>; comment?: string }) {
    return this.dataSource.transaction(async (manager) => {
      const quarter = quarterOf(await this.today(manager, communityId));
      const [unit] = await manager.query<{ number: string }[]>(
        `SELECT u.number FROM units u JOIN unit_owners uo ON uo.unit_id = u.id AND uo.community_id = u.community_id
           JOIN owners o ON o.id = uo.owner_id AND o.community_id = u.community_id
          WHERE u.community_id = $1 AND u.id = $2 AND o.user_id = $3 AND u.kind <> 'parking' LIMIT 1`,
        [communityId, body.unitId, userId],
      );
      if (!unit) throw new Forbidden('只能为本人名下的房屋评价物业服务', 'not_unit_owner');
      if (await this.isPublished(manager, communityId, quarter)) {
        throw new Conflict(`${quarterLabel(quarter)}的评价结果已公布，评价已截止`, 'rating_quarter_closed');
      }
      const scores = checkRatingScores(await this.criteria(communityId, manager), body.scores);
      const mean = householdMeanHundredths(scores);
      // The unique index (community, unit, quarter) decides between two owners of one household rating at once.
      const inserted = await manager.query<{ id: string }[]>(
        `INSERT INTO service_ratings (community_id, unit_id, quarter, rated_by, scores, mean_hundredths, comment, rated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (community_id, unit_id, quarter) DO NOTHING RETURNING id`,
        [communityId, body.unitId, quarter, userId, JSON.stringify(scores), mean, (body.comment ?? '').trim(), this.clock.now()],
      );
      if (inserted.length === 0) {
        throw new Conflict(
          `${unit.number} 本季度（${quarterLabel(quarter)}）已评价过物业服务，每户每季度只能评价一次`,
          'rating_already_given',
        );
      }
      return { id: inserted[0].id, quarter, unitNumber: unit.number, meanHundredths: mean };
    });
  }

  async summary(communityId: string, quarter: string, manager: EntityManager = this.dataSource.manager) {
    const { from, to } = quarterRange(quarter);
    const criteria = await this.criteria(communityId, manager);
    const [agg] = await manager.query<{ households: number; sum: number | null }[]>(
      `SELECT count(*)::int AS households, sum(mean_hundredths)::int AS sum FROM service_ratings WHERE community_id = $1 AND quarter = $2`,
      [communityId, quarter],
    );
    const perCriterion = await manager.query<{ criterion: string; avg: number | null }[]>(
      `SELECT k.criterion, round(avg((s.scores->>k.criterion)::int) * 100)::int AS avg
         FROM unnest($3::text[]) AS k(criterion)
         LEFT JOIN service_ratings s ON s.community_id = $1 AND s.quarter = $2 AND s.scores ? k.criterion
        GROUP BY k.criterion`,
      [communityId, quarter, criteria],
    );
    const requests = await monthlyRequestStats(manager, communityId, from, to, this.clock.now());
    const rect = await this.rectification.periodFigures(manager, communityId, from, to);
    const figures: QuarterFigures = {
      households: agg.households,
      starsHundredthsSum: agg.sum ?? 0,
      requestsFiled: requests.reduce((n, r) => n + r.filed, 0),
      requestsSolved: requests.reduce((n, r) => n + r.solved, 0),
      requestsOnTime: requests.reduce((n, r) => n + r.onTime, 0),
      rectificationsDue: rect.due,
      rectificationsOnTime: rect.onTime,
    };
    const verdict = quarterVerdict(figures);
    const { starsHundredthsSum: _sum, ...shown } = figures;
    return {
      quarter,
      quarterLabel: quarterLabel(quarter),
      figures: shown,
      criteria: criteria.map((c) => ({ criterion: c, averageHundredths: perCriterion.find((p) => p.criterion === c)?.avg ?? null })),
      ...verdict,
      boardLabel: labelOf(BOARD_LABELS_ZH, verdict.board),
      published: await this.isPublished(manager, communityId, quarter),
    };
  }

  async publish(actorId: string, communityId: string, quarter: string, companyName: string) {
    const id = await this.dataSource.transaction(async (manager) => {
      const current = quarterOf(await this.today(manager, communityId));
      if (quarter > current) throw new Invalid(`${quarterLabel(quarter)}尚未开始，不能公布`, 'quarter_in_future');
      await manager.query('SELECT pg_advisory_xact_lock(1795751, hashtext($1))', [communityId]);
      if (await this.isPublished(manager, communityId, quarter)) {
        throw new Conflict(`${quarterLabel(quarter)}的物业服务评价已公布，不能重复公布`, 'quarter_already_published');
      }
      const s = await this.summary(communityId, quarter, manager);
      const now = this.clock.now();
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO service_quarter_results (community_id, quarter, company_name, households, average_hundredths,
                                              compliance_per_mille, star_level, board, figures, reasons, published_by, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          communityId,
          quarter,
          companyName.trim(),
          s.figures.households,
          s.averageHundredths,
          s.compliancePerMille,
          s.starLevel,
          s.board,
          JSON.stringify({ ...s.figures, criteria: s.criteria }),
          JSON.stringify(s.reasons),
          actorId,
          now,
        ],
      );
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'ratings.quarter_published',
        subjectType: 'service_quarter_result',
        subjectId: row.id,
        payload: {
          quarter: quarterLabel(quarter),
          company: companyName.trim(),
          households: s.figures.households,
          starLevel: s.starLevel,
          board: s.boardLabel,
          averageHundredths: s.averageHundredths,
          compliancePerMille: s.compliancePerMille,
        },
      });
      return row.id;
    });
    const [entry] = await this.dataSource.query<BoardRow[]>(`${BOARD_SELECT} WHERE q.community_id = $1 AND q.id = $2`, [communityId, id]);
    return this.entry(entry);
  }

  /** 红黑榜 of one community, newest quarter first (public). */
  async board(communityId: string) {
    const rows = await this.dataSource.query<BoardRow[]>(`${BOARD_SELECT} WHERE q.community_id = $1 ORDER BY q.quarter DESC LIMIT 40`, [
      communityId,
    ]);
    return { entries: rows.map((r) => this.entry(r)) };
  }

  /** Every invited vendor's published quarters under the same company name, in any community (public facts). */
  async hearingTrackRecord(communityId: string, hearingId: string) {
    const vendors = await this.dataSource.query<{ vendor_name: string }[]>(
      `SELECT DISTINCT vendor_name FROM hearing_invitations WHERE community_id = $1 AND hearing_id = $2 ORDER BY vendor_name`,
      [communityId, hearingId],
    );
    const result = [];
    for (const v of vendors) {
      const rows = await this.dataSource.query<BoardRow[]>(`${BOARD_SELECT} WHERE q.company_name = $1 ORDER BY q.quarter DESC LIMIT 40`, [
        v.vendor_name,
      ]);
      result.push({ vendorName: v.vendor_name, entries: rows.map((r) => this.entry(r)) });
    }
    return { vendors: result };
  }

  private entry(r: BoardRow) {
    return {
      id: r.id,
      quarter: r.quarter,
      quarterLabel: quarterLabel(r.quarter),
      communityName: r.community_name,
      companyName: r.company_name,
      households: r.households,
      averageHundredths: r.average_hundredths,
      compliancePerMille: r.compliance_per_mille,
      starLevel: r.star_level,
      board: r.board,
      boardLabel: labelOf(BOARD_LABELS_ZH, r.board),
      reasons: r.reasons,
      publishedAt: new Date(r.published_at).toISOString(),
      publishedAtText: formatZhDateTime(r.published_at, r.time_zone),
    };
  }

  private async criteria(communityId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const current = await this.rulebook.current(communityId, manager);
    return current.settings.serviceRatingCriteria ?? [...DEFAULT_RULEBOOK.serviceRatingCriteria];
  }

  private async isPublished(manager: EntityManager, communityId: string, quarter: string): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM service_quarter_results WHERE community_id = $1 AND quarter = $2`, [
      communityId,
      quarter,
    ]);
    return rows.length > 0;
  }

  private async today(manager: EntityManager, communityId: string): Promise<string> {
    const [row] = await manager.query<{ today: string }[]>(
      `SELECT (($1::timestamptz) AT TIME ZONE time_zone)::date::text AS today FROM communities WHERE id = $2`,
      [this.clock.now(), communityId],
    );
    return row.today;
  }
}
