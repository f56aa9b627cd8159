import { COMMUNITY_ROLES } from '../../apps/api/src/identity/roles';
import { committedDocument, responseSchema, violations as check, type Schema } from '../support/openapi-conformance';
import { chainCast, type Cast } from '../support/chain-fixtures';
import { factsCsv, SMALL_ROSTER_FACTS } from '../support/activation-fixtures';
import { SMALL_ROSTER } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

/**
 * The registry, identity, activation, rulebook and record routes answer exactly what the committed OpenAPI document
 * (apps/web/src/api/generated/openapi.json) declares — the web app's types are generated from it, so a response that
 * drifts from its DTO would silently mistype the pages.
 */

const doc = committedDocument();
const violations = (schema: Schema, value: unknown, at = '$'): string[] => check(doc, schema, value, at);
/** The JSON schema the document declares for this route and status (fails when the route declares none). */
const declared = (method: string, path: string, status: number): Schema => responseSchema(doc, method, path, status);

/** A checked body, read as supertest reads it (its shape was just verified against the schema). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

/** A real response, checked against its declared schema; the body is returned for further requests. */
function conforms(res: { status: number; body: unknown }, path: string): Body {
  // supertest keeps the request that was sent (its method) on the response.
  const method = (res as unknown as { req: { method: string } }).req.method.toLowerCase();
  expect(violations(declared(method, path, res.status), res.body)).toEqual([]);
  return res.body as Body;
}

describe('registry, identity, activation, rulebook and record responses conform to the generated contract', () => {
  let t: TestApp;
  let cast: Cast;
  const c = (rest = '') => `/api/communities/${cast.community}${rest}`;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, SMALL_ROSTER);
  });
  afterAll(() => t.close());

  it('every route of these contexts declares a response schema (a download declares its binary content type)', () => {
    const tags = ['registry', 'auth', 'users', 'roles', 'activation', 'rulebook', 'record'];
    const mine = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.tags?.some((tag) => tags.includes(tag)))
        .map(([method, op]) => ({ route: `${method} ${path}`, op })),
    );
    expect(mine.length).toBeGreaterThanOrEqual(36);
    // Record checkpoints belong to the documents context (apps/api/src/documents) and are typed with it.
    const undeclared = mine
      .filter(({ route }) => !/record\/checkpoints|record-checkpoints/.test(route))
      .filter(({ op }) => !Object.entries(op.responses).some(([code, r]) => /^2/.test(code) && (code === '204' || r.content)))
      .map(({ route }) => route);
    expect(undeclared).toEqual([]);
    const issue = doc.paths['/api/communities/{communityId}/activation-letters'].post.responses['201'].content!;
    expect(issue['application/pdf'].schema).toEqual({ type: 'string', format: 'binary' });
    expect(issue['application/json'].schema).toEqual({ $ref: '#/components/schemas/IssuedLettersDto' });
  });

  it('registry and identity', async () => {
    const admin = bearer(t.adminToken);
    conforms(await t.http.get('/api/communities').set(admin).expect(200), '/api/communities');
    const mine = conforms(await t.http.get('/api/communities').set(bearer(cast.director.token)).expect(200), '/api/communities');
    expect(mine.find((x: { id: string }) => x.id === cast.community).roles).toEqual(['committee_director']);
    conforms(await t.http.get(c()).set(admin).expect(200), '/api/communities/{communityId}');
    conforms(await t.http.get(c('/totals')).set(admin).expect(200), '/api/communities/{communityId}/totals');
    const buildings = conforms(await t.http.get(c('/buildings')).set(admin).expect(200), '/api/communities/{communityId}/buildings');
    expect(buildings.length).toBeGreaterThan(0);
    // Owners' names shown in full to the committee, and by surname to others: both shapes conform.
    for (const token of [cast.director.token, cast.property.token]) {
      const units = conforms(await t.http.get(c('/units')).set(bearer(token)).expect(200), '/api/communities/{communityId}/units');
      expect(units.items.some((u: { owners: unknown[] }) => u.owners.length > 1)).toBe(true);
    }
    const owners = conforms(
      await t.http.get(c('/owners')).set(bearer(cast.director.token)).expect(200),
      '/api/communities/{communityId}/owners',
    );
    expect(owners.items.some((o: { idNumber: string | null }) => o.idNumber !== null)).toBe(true);
    conforms(
      await t.http
        .post('/api/communities')
        .set(admin)
        .send({ name: `契约小区${process.pid}` })
        .expect(201),
      '/api/communities',
    );
    conforms(
      await t.http
        .post(c('/roster-imports'))
        .set(bearer(cast.director.token))
        .attach(
          'file',
          Buffer.from(
            '\uFEFF楼栋,单元,房号,面积,面积来源,状态,类型,业主,手机,证件号,共有人,投票人\n2,1,301,66.6,登记,,,赵六,13800000009,,,\n',
          ),
          'r.csv',
        )
        .expect(201),
      '/api/communities/{communityId}/roster-imports',
    );

    const registered = conforms(
      await t.http
        .post('/api/users')
        .send({ loginName: `contract${process.pid}`, displayName: '契约', password: 'Contract-pass1' })
        .expect(201),
      '/api/users',
    );
    conforms(await t.http.get('/api/users').query({ q: 'contract' }).set(admin).expect(200), '/api/users');
    const login = conforms(
      await t.http
        .post('/api/auth/login')
        .send({ login: `contract${process.pid}`, password: 'Contract-pass1' })
        .expect(200),
      '/api/auth/login',
    );
    // The residents' committee is in office, so the admin's grant is a request it confirms (issue 10 §6).
    const asked = conforms(
      await t.http.post(c('/roles/requests')).set(admin).send({ userId: registered.user.id, role: 'auditor' }).expect(201),
      '/api/communities/{communityId}/roles/requests',
    );
    conforms(await t.http.get(c('/roles/requests')).set(admin).expect(200), '/api/communities/{communityId}/roles/requests');
    const granted = conforms(
      await t.http
        .post(c(`/roles/requests/${asked.id}/confirm`))
        .set(bearer(cast.residents.token))
        .expect(201),
      '/api/communities/{communityId}/roles/requests/{id}/confirm',
    );
    const other = await t.http.post(c('/roles/requests')).set(admin).send({ userId: registered.user.id, role: 'vendor' }).expect(201);
    conforms(
      await t.http
        .post(c(`/roles/requests/${other.body.id}/reject`))
        .set(bearer(cast.residents.token))
        .send({ reason: '未经聘请' })
        .expect(201),
      '/api/communities/{communityId}/roles/requests/{id}/reject',
    );
    const me = conforms(await t.http.get('/api/auth/me').set(bearer(login.token)).expect(200), '/api/auth/me');
    expect(me.communities[0].roles).toEqual(['auditor']);
    conforms(await t.http.get(c('/roles')).set(admin).expect(200), '/api/communities/{communityId}/roles');
    const ended = conforms(
      await t.http
        .post(c(`/roles/${granted.id}/end`))
        .set(admin)
        .send({})
        .expect(201),
      '/api/communities/{communityId}/roles/{id}/end',
    );
    expect(ended.endsOn).not.toBeNull();
  });

  it('activation', async () => {
    const committee = bearer(cast.director.token);
    conforms(
      await t.http
        .post(c('/register-facts'))
        .set(bearer(cast.residents.token))
        .attach('file', factsCsv(SMALL_ROSTER_FACTS), 'facts.csv')
        .expect(201),
      '/api/communities/{communityId}/register-facts',
    );
    const list = conforms(
      await t.http.get(c('/activation-letters')).set(committee).expect(200),
      '/api/communities/{communityId}/activation-letters',
    );
    const lisi = list.items.find((o: { name: string }) => o.name === '李四');
    const issued = conforms(
      await t.http
        .post(c('/activation-letters'))
        .set(committee)
        .send({ ownerIds: [lisi.ownerId], format: 'json' })
        .expect(201),
      '/api/communities/{communityId}/activation-letters',
    );
    conforms(
      await t.http.get(c('/activation-letters/buildings')).set(committee).expect(200),
      '/api/communities/{communityId}/activation-letters/buildings',
    );
    const code = issued.letters[0].code as string;
    conforms(await t.http.post('/api/activation/check').send({ code }).expect(200), '/api/activation/check');
    conforms(await t.http.post('/api/activation').send({ code, fact: '2222', password: 'Li-si-own-pass1' }).expect(201), '/api/activation');
    const zhangsan = list.items.find((o: { name: string }) => o.name === '张三');
    const letter = await t.http
      .post(c('/activation-letters'))
      .set(committee)
      .send({ ownerIds: [zhangsan.ownerId], format: 'json' })
      .expect(201);
    const linked = conforms(
      await t.http
        .post('/api/activation/link')
        .set(bearer(cast.clerk.token))
        .send({ code: letter.body.letters[0].code, fact: '015678' })
        .expect(200),
      '/api/activation/link',
    );
    expect(linked).toEqual({ communityId: cast.community, ownerId: zhangsan.ownerId });

    const wangwu = list.items.find((o: { name: string }) => o.name === '王五');
    await t.http
      .post(c('/activation-letters'))
      .set(committee)
      .send({ ownerIds: [wangwu.ownerId], format: 'json' })
      .expect(201);
    conforms(
      await t.http
        .post(c(`/owners/${wangwu.ownerId}/activation-letter/revoke`))
        .set(committee)
        .expect(200),
      '/api/communities/{communityId}/owners/{id}/activation-letter/revoke',
    );
    // As if ten wrong facts had been entered (activation.e2e-spec.ts enters them): the residents' committee unlocks.
    await t.ownerQuery('UPDATE activation_letters SET failed_attempts = 10 WHERE owner_id = $1', [wangwu.ownerId]);
    const unlocked = conforms(
      await t.http
        .post(c(`/owners/${wangwu.ownerId}/activation-letter/unlock`))
        .set(bearer(cast.residents.token))
        .expect(200),
      '/api/communities/{communityId}/owners/{id}/activation-letter/unlock',
    );
    expect(unlocked.locked).toBe(false);
  });

  it('rulebook and record', async () => {
    const member = bearer(cast.clerk.token);
    conforms(await t.http.get(c('/rulebook')).set(member).expect(200), '/api/communities/{communityId}/rulebook');
    const first = conforms(
      await t.http
        .post(c('/rulebook/drafts'))
        .set(member)
        .send({ change: { proxyCap: 4 }, note: '契约测试' })
        .expect(201),
      '/api/communities/{communityId}/rulebook/drafts',
    );
    const adopted = conforms(
      await t.http
        .post(c(`/rulebook/drafts/${first.id}/confirmation`))
        .set(bearer(cast.residents.token))
        .expect(201),
      '/api/communities/{communityId}/rulebook/drafts/{id}/confirmation',
    );
    expect(adopted).toMatchObject({ version: 2, basis: 'residents_committee' });
    const second = await t.http
      .post(c('/rulebook/drafts'))
      .set(member)
      .send({ change: { postingDays: 20 }, note: '撤回' })
      .expect(201);
    conforms(
      await t.http
        .post(c(`/rulebook/drafts/${second.body.id}/withdrawal`))
        .set(member)
        .expect(200),
      '/api/communities/{communityId}/rulebook/drafts/{id}/withdrawal',
    );
    const versions = conforms(
      await t.http.get(c('/rulebook/versions')).set(member).expect(200),
      '/api/communities/{communityId}/rulebook/versions',
    );
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const drafts = conforms(
      await t.http.get(c('/rulebook/drafts')).set(member).expect(200),
      '/api/communities/{communityId}/rulebook/drafts',
    );
    expect(drafts.map((d: { status: string }) => d.status).sort()).toEqual(['adopted', 'withdrawn']);
    conforms(
      await t.http.get(c('/rulebook/citable-votes')).set(member).expect(200),
      '/api/communities/{communityId}/rulebook/citable-votes',
    );

    const entries = conforms(await t.http.get(c('/record')).set(member).expect(200), '/api/communities/{communityId}/record');
    expect(entries.length).toBeGreaterThan(5);
    const sentences = conforms(
      await t.http.get(c('/record/sentences')).set(member).expect(200),
      '/api/communities/{communityId}/record/sentences',
    );
    expect(sentences.entries.length).toBeGreaterThan(5);
    const intact = conforms(await t.http.get(c('/record/verify')).set(member).expect(200), '/api/communities/{communityId}/record/verify');
    expect(intact.ok).toBe(true);
    // A tampered chain reports its first broken entry, in the declared shape too.
    await t.ownerQuery('ALTER TABLE record_entries DISABLE TRIGGER record_entries_no_update_delete');
    await t.ownerQuery(`UPDATE record_entries SET payload = '{"tampered":true}' WHERE community_id = $1 AND seq = 2`, [cast.community]);
    await t.ownerQuery('ALTER TABLE record_entries ENABLE TRIGGER record_entries_no_update_delete');
    const broken = conforms(await t.http.get(c('/record/verify')).set(member).expect(200), '/api/communities/{communityId}/record/verify');
    expect(broken).toMatchObject({ ok: false, firstBroken: { seq: '2', reason: 'payload_digest_mismatch' } });
  });

  it('the checker notices drift: an extra field, a missing one, a wrong enum value and a wrong type', () => {
    const schema = declared('get', '/api/communities/{communityId}/roles', 200);
    const row = {
      id: '00000000-0000-4000-8000-000000000001',
      userId: '00000000-0000-4000-8000-000000000002',
      displayName: '甲',
      loginName: null,
      role: 'owner',
      startsOn: '2026-01-01',
      endsOn: null,
      active: true,
    };
    expect(violations(schema, [row])).toEqual([]);
    const { displayName: _dropped, ...missing } = row;
    expect(violations(schema, [{ ...missing, extra: 1, role: 'mayor', active: 'yes', startsOn: 'soon' }])).toEqual(
      expect.arrayContaining([
        '$[0].displayName: missing',
        '$[0].extra: not in the schema',
        `$[0].role: "mayor" not in ${JSON.stringify(COMMUNITY_ROLES)}`,
        '$[0].active: not a boolean',
        '$[0].startsOn: "soon" not a date',
      ]),
    );
  });
});
