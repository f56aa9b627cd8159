import { COMMUNITY_ROLES } from '../../apps/api/src/identity/roles';
import { advanceToAssembly, chainCast, createItem, openVote } from './chain-fixtures';
import { createMember, grantRole, SMALL_ROSTER } from './fixtures';
import { operations, OpenApiPaths, Route, shardOf } from './route-walk';
import { bearer, createTestApp, TestApp } from './test-app';

/** How many test files share the bad-input walk (test/api/bad-input-N.e2e-spec.ts, N = 0 … SHARDS − 1). */
export const BAD_INPUT_SHARDS = 3;

// Shapes a careless or hostile client sends: wrong types, nesting, huge and odd strings.
const BODIES: unknown[] = [
  {},
  { title: 123, name: ['x'], amountFen: -5, choices: 'yes', attendees: {}, motions: [{}], details: 'x', change: 'x' },
  { amountFen: '9'.repeat(40), opensAt: 'tomorrow', closesAt: '2026-02-30T00:00:00Z', entryDate: '2026-13-45', periodDate: '0000-00-00' },
  { choices: [{ motionId: 'not-a-uuid', choice: 'yes' }], electorId: '00000000-0000-4000-8000-000000000000', paperRef: 'x'.repeat(10000) },
  { userId: '00000000-0000-4000-8000-000000000000', role: 'emperor', startsOn: '2026-02-29', endsOn: '1900-01-01' },
  { decision: 'maybe', confirm: 'yes', stage: 'x', reason: '', outcome: 'win', progressPercent: 101, kind: 'bonus' },
  // NUL bytes, deep nesting, absurd numbers, long strings and far dates (issue 11 item 5).
  { login: 'admin\u0000', password: 'x\u0000y', name: '小区\u0000', title: '\u0000', reason: 'a\u0000b' },
  { name: deep(5000), title: deep(50), motions: deep(100) },
  { page: 1e308, amountFen: 1e308, areaHundredths: -1e308, progressPercent: 1e300, shortlistSize: 1e20, weight: 1e16 },
  { name: '名'.repeat(10_001), title: 'x'.repeat(100_001), reason: 'y'.repeat(20_001), displayName: 'z'.repeat(5000) },
  {
    opensAt: '1900-01-01T00:00:00Z',
    closesAt: '9999-12-31T23:59:59Z',
    heldAt: '2999-01-01T00:00:00Z',
    startsOn: '0001-01-01',
    endsOn: '9999-12-31',
    entryDate: '1899-12-31',
  },
];

function deep(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

// Query strings a list route may choke on.
const QUERIES = [
  '',
  '?page=1e308',
  '?pageSize=1e308&limit=1e308',
  '?page=-1e308&offset=1e308&year=1e308',
  '?q=%00&from=0001-01-01&to=9999-12-31',
  `?q=${'x'.repeat(5000)}`,
];

export interface BadInputWalk {
  t: TestApp;
  tokens: string[];
  ids: Record<string, string>;
  /** Every operation of the document and this shard's part of it. */
  all: Route[];
  shard: Route[];
}

/** A community with an open vote and one person holding every role, and the routes of shard `index`. */
export async function badInputWalk(index: number): Promise<BadInputWalk> {
  const t = await createTestApp();
  const cast = await chainCast(t, SMALL_ROSTER);
  const item = await createItem(t, cast);
  await advanceToAssembly(t, cast, item);
  const vote = await openVote(t, cast, item);
  // Granted after the vote opened: one person holding every role could not be given both seals' custody.
  const everything = await createMember(t, cast.community, 'committee_director');
  for (const role of COMMUNITY_ROLES.filter((r) => r !== 'committee_director')) {
    await grantRole(t, cast.community, everything.userId, role);
  }
  const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: OpenApiPaths };
  const all = operations(doc.paths).map(({ method, path }) => ({ method, path }));
  return {
    t,
    tokens: [t.adminToken, everything.token],
    ids: { communityId: cast.community, id: vote.id, stage: 'assembly_vote', code: 'AAAA-BBBB-CCCC', documentNumber: 'NOPE-1' },
    all,
    shard: shardOf(all, index, BAD_INPUT_SHARDS),
  };
}

/**
 * Every route of the shard with every id shape and every kind of bad body or query, as the platform admin and as
 * the person holding every role: the failures (a 5xx, or a 4xx without {code, message}). Real ids get every body
 * and query; the malformed ids (refused before any body is looked at) get the empty and the wrongly typed body.
 */
export async function walkBadInput({ t, tokens, ids, shard }: BadInputWalk): Promise<string[]> {
  const failures: string[] = [];
  const idVariants: { ids: Record<string, string>; bodies: unknown[]; queries: string[] }[] = [
    { ids, bodies: BODIES, queries: QUERIES },
    ...[
      { ...ids, id: 'not-a-uuid', communityId: 'x' },
      { ...ids, id: '00000000-0000-4000-8000-000000000000' },
      { ...ids, id: '\u0000', documentNumber: 'GY-\u0000', code: '\u0000\u0000', stage: '\u0000' },
    ].map((variant) => ({ ids: variant, bodies: BODIES.slice(0, 2), queries: QUERIES.slice(0, 2) })),
  ];
  for (const { method, path } of shard) {
    if (path === '/api/auth/logout') continue; // would end the session the loop relies on
    for (const variant of idVariants) {
      const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(variant.ids[name] ?? variant.ids.id));
      const tries = method === 'get' ? variant.queries.map((q) => [undefined, q] as const) : variant.bodies.map((b) => [b, ''] as const);
      for (const token of tokens) {
        for (const [body, query] of tries) {
          const res = await t.http[method](url + query)
            .set(bearer(token))
            .send(body as object);
          if (res.status >= 500)
            failures.push(
              `${method.toUpperCase()} ${url}${query.slice(0, 40)} ${JSON.stringify(body)?.slice(0, 60)} → ${res.status} ${res.body?.message ?? ''}`,
            );
          else if (res.status >= 400 && (typeof res.body?.code !== 'string' || typeof res.body?.message !== 'string'))
            failures.push(`${method.toUpperCase()} ${url} → ${res.status} without {code, message}`);
        }
      }
    }
  }
  return failures;
}

/** The test file of shard `index`: its routes walked, and the check that the shards together are every route. */
export function badInputShardSuite(index: number): void {
  describe(`bad input never causes a server error (shard ${index + 1} of ${BAD_INPUT_SHARDS})`, () => {
    let w: BadInputWalk;
    beforeAll(async () => {
      w = await badInputWalk(index);
    });
    afterAll(() => w.t.close());

    it('the shards together are every route, each in exactly one shard', () => {
      expect(w.all.length).toBeGreaterThan(40);
      const key = (r: Route) => `${r.method} ${r.path}`;
      const shards = Array.from({ length: BAD_INPUT_SHARDS }, (_v, k) => shardOf(w.all, k, BAD_INPUT_SHARDS).map(key));
      expect(shards.flat().sort()).toEqual(w.all.map(key).sort());
      // No shard is (nearly) empty, or the split would not share the walk.
      expect(w.shard.length).toBeGreaterThan(w.all.length / BAD_INPUT_SHARDS / 2);
    });

    it('answers 4xx (or 2xx) to every route of the shard, body and id shape', async () => {
      expect(await walkBadInput(w)).toEqual([]);
    }, 600_000);
  });
}
