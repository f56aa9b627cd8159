import { readFileSync } from 'node:fs';
import { sortedKeys } from '../../apps/api/src/openapi-document';
import { advanceToAssembly, chainCast, createItem, openVote } from '../support/chain-fixtures';
import { SMALL_ROSTER } from '../support/fixtures';
import { COMMITTED, type Document, okSchema, violations } from '../support/openapi-conformance';
import { createTestApp, TestApp } from '../support/test-app';

describe('API contract (apps/web/src/api/generated)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('the running server serves exactly the committed document that npm run openapi wrote without a database', async () => {
    const served = (await t.http.get('/api/docs-json').expect(200)).body;
    expect(`${JSON.stringify(sortedKeys(served), null, 2)}\n`).toBe(readFileSync(COMMITTED, 'utf8'));
  });

  it('public notice responses conform to their declared schemas, and a wrong shape is caught', async () => {
    const doc = JSON.parse(readFileSync(COMMITTED, 'utf8')) as Document;
    const cast = await chainCast(t, SMALL_ROSTER);
    const item = await createItem(t, cast);
    await advanceToAssembly(t, cast, item);
    const vote = await openVote(t, cast, item);

    const communities = (await t.http.get('/api/public/communities').expect(200)).body;
    expect(communities.length).toBeGreaterThan(0);
    expect(violations(doc, okSchema(doc, '/api/public/communities'), communities)).toEqual([]);

    const path = '/api/public/communities/{communityId}/notices/{id}';
    const notice = (await t.http.get(`/api/public/communities/${cast.community}/notices/${vote.id}`).expect(200)).body;
    expect(notice.motions.length).toBeGreaterThan(0);
    expect(violations(doc, okSchema(doc, path), notice)).toEqual([]);
    // The checker itself notices drift: an extra field, a missing one and a wrong enum value.
    const drifted = { ...notice, extra: 1, status: 'draft', motions: [{ ...notice.motions[0], seq: '1' }] };
    delete drifted.title;
    expect(violations(doc, okSchema(doc, path), drifted)).toEqual(
      expect.arrayContaining([
        '$.title: missing',
        '$.extra: not in the schema',
        '$.status: "draft" not in ["noticed","closed"]',
        '$.motions[0].seq: not an integer',
      ]),
    );
  });
});
