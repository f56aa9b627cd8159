import { Injectable } from '@nestjs/common';
import type { LedgerCalendar } from '@gongyi/domain/finance/periods';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { RulebookService } from '../rulebook/rulebook.service';

/** Statement states in which a period is closed to new entries. */
export const LOCKING_STATUSES = ['submitted', 'bank_review', 'audit_review', 'approved', 'published'];

/** Where a community's ledger stands: today in its time zone, the last closed period, the period length. */
@Injectable()
export class PeriodCalendar {
  constructor(
    private readonly clock: Clock,
    private readonly rulebook: RulebookService,
  ) {}

  async of(manager: EntityManager, communityId: string): Promise<LedgerCalendar> {
    const rules = await this.rulebook.current(communityId, manager);
    const [row] = await manager.query<{ today: string; last_closed_end: string | null }[]>(
      `SELECT (($1::timestamptz) AT TIME ZONE c.time_zone)::date::text AS today,
              (SELECT max(period_end)::text FROM statements s WHERE s.community_id = c.id AND s.status = ANY($3)) AS last_closed_end
       FROM communities c WHERE c.id = $2`,
      [this.clock.now(), communityId, LOCKING_STATUSES],
    );
    return { today: row.today, lastClosedEnd: row.last_closed_end, length: rules.settings.statementPeriod };
  }
}
