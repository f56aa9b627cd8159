import type { EntityManager } from 'typeorm';

/** One category's figures for a period (the monthly 四方联席 bulletin, the 红黑榜). */
export interface RequestCategoryStats {
  category: string;
  /** Requests filed in the period. */
  filed: number;
  /** Of those, closed or rated (and not reopened since). */
  solved: number;
  /** Of those, neither solved nor cancelled. */
  inProgress: number;
  /** Solved without missing a due time (accepted and resolved in time, never escalated). */
  onTime: number;
  /** Missed a due time: escalated, or still open past its due time. */
  overdue: number;
}

/**
 * Per category, the requests filed from fromDate to toDate inclusive (YYYY-MM-DD, community-zone dates).
 * Pass the app's Clock().now() as asOf. Categories without requests are left out; rows are ordered by category key.
 */
export async function monthlyRequestStats(
  manager: EntityManager,
  communityId: string,
  fromDate: string,
  toDate: string,
  /** "Now" for requests still open (the server's Clock); open past a due time counts as overdue. */
  asOf: Date = new Date(),
): Promise<RequestCategoryStats[]> {
  const rows: Array<Record<string, string>> = await manager.query(
    `SELECT r.category,
            count(*)::int AS filed,
            count(*) FILTER (WHERE r.status IN ('closed', 'rated'))::int AS solved,
            count(*) FILTER (WHERE r.status NOT IN ('closed', 'rated', 'cancelled'))::int AS in_progress,
            count(*) FILTER (WHERE r.status IN ('closed', 'rated') AND r.escalated_at IS NULL AND NOT r.overdue
                              AND (r.resolve_due_at IS NULL OR r.closed_at <= r.resolve_due_at))::int AS on_time,
            count(*) FILTER (WHERE r.escalated_at IS NOT NULL OR r.overdue
                              OR (r.status NOT IN ('closed', 'rated', 'cancelled')
                                  AND (r.resolve_due_at < $4 OR (r.accepted_at IS NULL AND r.accept_due_at < $4))))::int AS overdue
       FROM service_requests r
       JOIN communities c ON c.id = r.community_id
      WHERE r.community_id = $1
        AND (r.filed_at AT TIME ZONE c.time_zone)::date BETWEEN $2::date AND $3::date
      GROUP BY r.category
      ORDER BY r.category`,
    [communityId, fromDate, toDate, asOf],
  );
  return rows.map((r) => ({
    category: r.category,
    filed: Number(r.filed),
    solved: Number(r.solved),
    inProgress: Number(r.in_progress),
    onTime: Number(r.on_time),
    overdue: Number(r.overdue),
  }));
}
