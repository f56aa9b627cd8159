import { createTestApp, TestApp } from '../support/test-app';
import { createCommunity, createMember } from '../support/fixtures';
import { monthlyRequestStats } from '../../apps/api/src/requests/request-stats';

describe('service_requests table and monthly statistics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('counts filed, solved, in progress, on time and overdue per category within the community-zone month', async () => {
    const communityId = await createCommunity(t);
    const other = await createCommunity(t);
    const resident = await createMember(t, communityId, 'owner');
    const insert = (c: string, seq: number, category: string, status: string, filedAt: string, extra: Record<string, unknown> = {}) =>
      t.ownerQuery(
        `INSERT INTO service_requests (community_id, seq, category, status, title, place_kind, place_text, channel, filer_user_id, filer_name,
           rulebook_version, filed_at, closed_at, resolve_due_at, escalated_at, overdue)
         VALUES ($1, $2, $3, $4, '测试', 'common', '东门', 'online', $5, '业主', 1, $6, $7, $8, $9, $10)`,
        [
          c,
          seq,
          category,
          status,
          resident.userId,
          filedAt,
          extra.closedAt ?? null,
          extra.resolveDueAt ?? null,
          extra.escalatedAt ?? null,
          extra.overdue ?? false,
        ],
      );
    // 2026-11-30 17:00 UTC is 2026-12-01 01:00 in Beijing: counted in December.
    await insert(communityId, 1, 'repair', 'rated', '2026-11-30T17:00:00Z', {
      closedAt: '2026-11-30T17:10:00Z',
      resolveDueAt: '2026-11-30T17:20:00Z',
    });
    await insert(communityId, 2, 'repair', 'closed', '2026-12-02T02:00:00Z', {
      closedAt: '2026-12-02T05:00:00Z',
      resolveDueAt: '2026-12-02T02:20:00Z',
      escalatedAt: '2026-12-02T02:20:00Z',
      overdue: true,
    });
    await insert(communityId, 3, 'repair', 'in_progress', '2026-12-03T02:00:00Z', { resolveDueAt: '2026-12-03T02:20:00Z' });
    await insert(communityId, 4, 'sanitation', 'cancelled', '2026-12-04T02:00:00Z');
    // 2026-11-30 15:00 UTC is 23:00 in Beijing: November, not counted.
    await insert(communityId, 5, 'repair', 'filed', '2026-11-30T15:00:00Z');
    await insert(other, 1, 'repair', 'filed', '2026-12-05T02:00:00Z');

    const stats = await monthlyRequestStats(
      t.dataSource.manager,
      communityId,
      '2026-12-01',
      '2026-12-31',
      new Date('2026-12-10T00:00:00Z'),
    );
    expect(stats).toEqual([
      { category: 'repair', filed: 3, solved: 2, inProgress: 1, onTime: 1, overdue: 2 },
      { category: 'sanitation', filed: 1, solved: 0, inProgress: 0, onTime: 0, overdue: 0 },
    ]);
  });

  it('keeps request history insert-only for the app role', async () => {
    await expect(t.dataSource.query(`UPDATE service_request_events SET note = 'x'`)).rejects.toThrow();
    await expect(t.dataSource.query(`DELETE FROM request_photos`)).rejects.toThrow();
  });
});
