import { bearer, createTestApp, TestApp } from '../support/test-app';

describe('API conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports health including the database', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.database.status).toBe('up');
  });

  it('publishes an OpenAPI document generated from the code', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/communities/{communityId}/roster-imports']),
    );
  });

  it('sends helmet security headers', async () => {
    const res = await t.http.get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('rejects unknown and malformed fields with a 400 in the standard shape', async () => {
    const unknown = await t.http.post('/api/communities').set(bearer(t.adminToken)).send({ name: '甲小区', secret: 1 }).expect(400);
    expect(unknown.body).toMatchObject({ statusCode: 400, code: 'validation_failed' });
    expect(unknown.body.message).toContain('secret');
    const malformed = await t.http.post('/api/communities').set(bearer(t.adminToken)).send({ name: 42 }).expect(400);
    expect(malformed.body.code).toBe('validation_failed');
    const badJson = await t.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"login":').expect(400);
    expect(badJson.body).toMatchObject({ statusCode: 400 });
    expect(JSON.stringify(badJson.body)).not.toMatch(/at .*\.js/);
  });

  it('answers a missing resource with 404 JSON and a non-uuid id with 400', async () => {
    const missing = await t.http.get('/api/communities/00000000-0000-4000-8000-000000000000').set(bearer(t.adminToken)).expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'community_not_found' });
    const bad = await t.http.get('/api/communities/not-a-uuid/totals').set(bearer(t.adminToken));
    expect([400, 404]).toContain(bad.status);
    expect(bad.body.code).toBeDefined();
    await t.http.get('/api/nothing-here').expect(404);
  });

  it('maps a unique clash to 409', async () => {
    await t.http.post('/api/communities').set(bearer(t.adminToken)).send({ name: '重名小区' }).expect(201);
    const again = await t.http.post('/api/communities').set(bearer(t.adminToken)).send({ name: '重名小区' }).expect(409);
    expect(again.body.code).toBe('community_exists');
    const user = { loginName: 'dupe.user', displayName: '甲', password: 'Abcdefgh123' };
    await t.http.post('/api/users').set(bearer(t.adminToken)).send(user).expect(201);
    const dupe = await t.http.post('/api/users').set(bearer(t.adminToken)).send(user).expect(409);
    expect(dupe.body.statusCode).toBe(409);
  });

  it('refuses requests without a valid token', async () => {
    const res = await t.http.get('/api/communities').expect(401);
    expect(res.body.code).toBe('login_required');
    await t.http.get('/api/communities').set(bearer('abc.def.ghi')).expect(401);
  });
});
