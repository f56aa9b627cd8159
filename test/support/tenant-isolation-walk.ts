import { COMMUNITY_ROLES } from '../../apps/api/src/identity/roles';
import { advanceToAssembly, chainCast, createItem, openVote, ownerTokens } from './chain-fixtures';
import { createCommunity, createMember, grantRole, importRoster, Member, rosterCsv, SMALL_ROSTER } from './fixtures';
import { inPool, operations, OpenApiPaths, Route, shardOf } from './route-walk';
import { bearer, createTestApp, TestApp } from './test-app';

/** How many test files share the walk (test/api/tenant-isolation-N.e2e-spec.ts). */
export const TENANT_SHARDS = 2;
// Refused requests run a few at a time: they only read, so their waits on the database may overlap.
const POOL = 4;

/**
 * Walks every route of the OpenAPI document that takes a community or record id, so routes added later are covered
 * without editing this test: shard `index` of TENANT_SHARDS.
 */
export function tenantIsolationSuite(index: number): void {
  describe(`tenant isolation (shard ${index + 1} of ${TENANT_SHARDS})`, () => {
    let t: TestApp;
    let a: string;
    let b: string;
    let userOfA: Member;
    let idsOfB: string[];
    let all: Route[];
    let routes: Route[];

    beforeAll(async () => {
      t = await createTestApp();
      a = await createCommunity(t, '甲小区');
      userOfA = await createMember(t, a, 'committee_director');
      // A's residents'-committee holder confirms the admin's grants (issue 10 §6); userOfA then holds every role.
      await createMember(t, a, 'residents_committee');
      for (const role of COMMUNITY_ROLES.filter((r) => r !== 'committee_director')) await grantRole(t, a, userOfA.userId, role);
      await importRoster(t, a, userOfA.token, rosterCsv(SMALL_ROSTER)).expect(201);
      // B has something in every table: an item at the assembly vote, a published vote, ballots (one pending on paper).
      const castOfB = await chainCast(t, SMALL_ROSTER);
      b = castOfB.community;
      const item = await createItem(t, castOfB, 'art278_5');
      await advanceToAssembly(t, castOfB, item);
      const vote = await openVote(t, castOfB, item);
      const owners = await ownerTokens(t, castOfB);
      const choices = [{ motionId: vote.motions[0].id, choice: 'yes' }];
      await t.http
        .post(`/api/communities/${b}/votes/${vote.id}/ballots`)
        .set(bearer(owners.get('张三')!.token))
        .send({ choices })
        .expect(201);
      const [elector] = await t.dataSource.query(`SELECT id FROM electors WHERE vote_id = $1 AND voter_key = 'developer'`, [vote.id]);
      await t.http
        .post(`/api/communities/${b}/votes/${vote.id}/paper-ballots`)
        .set(bearer(castOfB.clerk.token))
        .send({ electorId: elector.id, choices, paperRef: 'P-1' })
        .expect(201);
      idsOfB = await oneIdPerTable(b);
      const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: OpenApiPaths };
      // Routes without a security requirement are public by design (published results, verification).
      all = operations(doc.paths)
        .filter((r) => r.path.includes('{') && r.secured)
        .map(({ method, path }) => ({ method, path }));
      routes = shardOf(all, index, TENANT_SHARDS);
    });
    afterAll(() => t.close());

    /** One row id of community B from every table that carries community_id: whatever a route's {id} names, one of these fits. */
    const oneIdPerTable = async (community: string): Promise<string[]> => {
      const tables = await t.dataSource.query<{ table_name: string }[]>(
        `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.columns i
           ON i.table_name = c.table_name AND i.column_name = 'id' AND i.data_type = 'uuid'
         WHERE c.column_name = 'community_id' AND c.table_schema = 'public' AND i.table_schema = 'public'`,
      );
      const ids: string[] = [];
      for (const { table_name } of tables) {
        const rows = await t.dataSource.query(`SELECT id FROM "${table_name}" WHERE community_id = $1 LIMIT 1`, [community]);
        if (rows[0]) ids.push(rows[0].id);
      }
      return ids;
    };

    const chainOf = async (community: string) =>
      (await t.dataSource.query('SELECT count(*)::int AS n, max(seq) AS last FROM record_entries WHERE community_id = $1', [community]))[0];

    it('covers the routes that take ids, each in exactly one shard', () => {
      expect(all.length).toBeGreaterThanOrEqual(8);
      expect(all).toEqual(expect.arrayContaining([{ method: 'post', path: '/api/communities/{communityId}/roster-imports' }]));
      const key = (r: Route) => `${r.method} ${r.path}`;
      const shards = Array.from({ length: TENANT_SHARDS }, (_v, k) => shardOf(all, k, TENANT_SHARDS).map(key));
      expect(shards.flat().sort()).toEqual(all.map(key).sort());
      expect(routes.length).toBeGreaterThan(all.length / TENANT_SHARDS / 2);
    });

    it("a user holding every role in A gets 403/404 on every route of community B, and B's data is untouched", async () => {
      const before = await chainOf(b);
      const unitsBefore = await t.dataSource.query('SELECT count(*)::int AS n FROM units WHERE community_id = $1', [b]);
      const failures: string[] = [];
      const tries = routes.flatMap((route) => idsOfB.map((id) => ({ ...route, id })));
      await inPool(tries, POOL, async ({ method, path, id }) => {
        const url = path.replace('{communityId}', b).replace(/\{(\w+)\}/g, id);
        const res = await t.http[method](url).set(bearer(userOfA.token)).send({ userId: userOfA.userId, role: 'owner', name: 'x' });
        if (![403, 404].includes(res.status)) failures.push(`${method.toUpperCase()} ${path} (${id}) → ${res.status}`);
      });
      expect(failures).toEqual([]);
      expect(await chainOf(b)).toEqual(before);
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM units WHERE community_id = $1', [b])).toEqual(unitsBefore);
    }, 240_000); // walks every secured route of the shard

    it("record ids of B used under A's path are not found", async () => {
      const before = await chainOf(b);
      const withIds = all.filter((r) => /\{communityId\}.*\{id\}/.test(r.path));
      expect(withIds.length).toBeGreaterThan(0);
      expect(idsOfB.length).toBeGreaterThanOrEqual(15);
      const failures: string[] = [];
      const tries = routes.filter((r) => withIds.includes(r)).flatMap((route) => idsOfB.map((id) => ({ ...route, id })));
      await inPool(tries, POOL, async ({ method, path, id }) => {
        const url = path.replace('{communityId}', a).replace(/\{(\w+)\}/g, id);
        // Tried as the user holding every role in A and as the platform admin: neither may succeed, and
        // whoever passes the access check must get 404 (or a 400 from validation before any lookup).
        const statuses: number[] = [];
        for (const token of [userOfA.token, t.adminToken]) {
          const res = await t.http[method](url).set(bearer(token)).send({});
          statuses.push(res.status === 400 && ['validation_failed', 'file_required'].includes(res.body.code) ? 404 : res.status);
        }
        if (statuses.some((s) => s < 400) || !statuses.includes(404)) failures.push(`${method} ${path} (${id}) → ${statuses.join('/')}`);
      });
      expect(failures).toEqual([]);
      expect(await chainOf(b)).toEqual(before);
    }, 240_000); // walks every secured route of the shard

    it('lists only the communities a user belongs to', async () => {
      const mine = await t.http.get('/api/communities').set(bearer(userOfA.token)).expect(200);
      expect(mine.body.map((c: { id: string }) => c.id)).toEqual([a]);
    });
  });
}
