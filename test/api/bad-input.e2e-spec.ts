import { COMMUNITY_ROLES } from '../../apps/api/src/identity/roles';
import { advanceToAssembly, chainCast, createItem, openVote } from '../support/chain-fixtures';
import { createMember, SMALL_ROSTER } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

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

/** Every route of the OpenAPI document, with every kind of bad input: a 4xx, never a 5xx. */
describe('bad input never causes a server error', () => {
  let t: TestApp;
  let tokens: string[];
  let routes: { method: Method; path: string }[];
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    const cast = await chainCast(t, SMALL_ROSTER);
    const item = await createItem(t, cast);
    await advanceToAssembly(t, cast, item);
    const vote = await openVote(t, cast, item);
    // Granted after the vote opened: one person holding every role could not be given both seals' custody.
    const everything = await createMember(t, cast.community, 'committee_director');
    for (const role of COMMUNITY_ROLES.filter((r) => r !== 'committee_director')) {
      await t.http
        .post(`/api/communities/${cast.community}/roles`)
        .set(bearer(t.adminToken))
        .send({ userId: everything.userId, role })
        .expect(201);
    }
    tokens = [t.adminToken, everything.token];
    ids = { communityId: cast.community, id: vote.id, stage: 'assembly_vote', code: 'AAAA-BBBB-CCCC', documentNumber: 'NOPE-1' };
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) => (Object.keys(ops) as Method[]).map((method) => ({ method, path })));
  });
  afterAll(() => t.close());

  it('answers 4xx (or 2xx) to every route, body and id shape', async () => {
    expect(routes.length).toBeGreaterThan(40);
    const failures: string[] = [];
    const idVariants = [
      ids,
      { ...ids, id: 'not-a-uuid', communityId: 'x' },
      { ...ids, id: '00000000-0000-4000-8000-000000000000' },
      { ...ids, id: '\u0000', documentNumber: 'GY-\u0000', code: '\u0000\u0000', stage: '\u0000' },
    ];
    for (const { method, path } of routes) {
      if (path === '/api/auth/logout') continue; // would end the session the loop relies on
      for (const variant of idVariants) {
        const url = path.replace(/\{(\w+)\}/g, (_m, name: string) =>
          encodeURIComponent((variant as Record<string, string>)[name] ?? variant.id),
        );
        for (const token of tokens) {
          for (const [body, query] of method === 'get'
            ? QUERIES.map((q) => [undefined, q] as const)
            : BODIES.map((b) => [b, ''] as const)) {
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
    expect(failures).toEqual([]);
  }, 600_000);
});
