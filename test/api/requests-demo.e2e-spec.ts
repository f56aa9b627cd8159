import { loadDemoRequests } from '../../scripts/demo-requests';
import { chainCast } from '../support/chain-fixtures';
import { SMALL_ROSTER } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

describe('demo: a month of requests and two reception days', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('loads requests (some overdue, two still open on the secretary’s 我的待办) and two reception days', async () => {
    const cast = await chainCast(t, SMALL_ROSTER);
    const who = {
      committee_director: cast.director.userId,
      party_secretary: cast.secretary.userId,
      property_company: cast.property.userId,
      representative: cast.representative.userId,
    };
    await loadDemoRequests(t.app, cast.community, who);
    const [counts] = await t.ownerQuery<{ total: number; overdue: number; rated: number; open: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE escalated_at IS NOT NULL)::int AS overdue,
              count(*) FILTER (WHERE status = 'rated')::int AS rated, count(*) FILTER (WHERE status = 'dispatched')::int AS open
         FROM service_requests WHERE community_id = $1`,
      [cast.community],
    );
    expect(counts.total).toBe(26);
    expect(counts.open).toBe(2);
    expect(counts.overdue).toBeGreaterThanOrEqual(4);
    expect(counts.rated).toBeGreaterThanOrEqual(15);
    const todo = (await t.http.get(`/api/communities/${cast.community}/todo`).set(bearer(cast.secretary.token)).expect(200)).body;
    expect(todo.items.filter((i: { kind: string }) => i.kind === 'request_escalated')).toHaveLength(2);
    const days = (await t.http.get(`/api/communities/${cast.community}/reception-days`).set(bearer(cast.secretary.token)).expect(200)).body
      .items;
    expect(days.map((d: { hostKindLabel: string }) => d.hostKindLabel).sort()).toEqual(['书记接待日', '物业经理接待日']);
    expect(days.find((d: { visits: number }) => d.visits > 0)).toMatchObject({ visits: 2, writtenOff: 1 });
  });
});
