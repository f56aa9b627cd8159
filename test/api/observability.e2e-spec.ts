import { Logger } from '@nestjs/common';
import { SMALL_ROSTER } from '../support/fixtures';
import { chainCast } from '../support/chain-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const METRICS_TOKEN = 'scrape-token-for-tests-0123456789';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Operators' view of a server (issue 16 item 2): JSON logs with request ids, redaction, /metrics, probes. */
describe('logs, metrics and probes', () => {
  let t: TestApp;
  let lines: string[] = [];
  let spy: jest.SpyInstance;
  const entries = () => lines.flatMap((l) => l.split('\n').filter(Boolean)).map((l) => JSON.parse(l) as Record<string, unknown>);
  /** Log writes are synchronous calls, but the completion line follows the response's 'finish': give it a tick. */
  const settle = () => new Promise((r) => setTimeout(r, 50));

  beforeAll(async () => {
    spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    t = await createTestApp({ LOG_FORMAT: 'json', LOG_LEVEL: 'log', METRICS_TOKEN });
  });
  afterAll(async () => {
    await t?.close();
    spy.mockRestore();
  });
  beforeEach(() => (lines = []));

  describe('request id', () => {
    it("keeps the caller's X-Request-Id: header, error body and every log line of the request carry it", async () => {
      const res = await t.http
        .get('/api/communities/00000000-0000-4000-8000-000000000000')
        .set(bearer(t.adminToken))
        .set('X-Request-Id', 'edge-7f3a-0001');
      expect(res.status).toBe(404);
      expect(res.headers['x-request-id']).toBe('edge-7f3a-0001');
      expect(res.body).toMatchObject({ statusCode: 404, requestId: 'edge-7f3a-0001' });
      await settle();
      const mine = entries().filter((e) => e.requestId === 'edge-7f3a-0001');
      expect(mine.length).toBeGreaterThan(0);
      const done = mine.find((e) => e.msg === 'request completed');
      expect(done).toMatchObject({ level: 30, res: { statusCode: 404 } });
      expect((done!.req as { url: string }).url).toBe('/api/communities/00000000-0000-4000-8000-000000000000');
    });

    it('makes up a UUID when none is given or the given one is not an id, and puts it in the error body', async () => {
      const none = await t.http.post('/api/auth/login').send({ login: 'nobody', password: 'wrong-password-1' });
      expect(none.status).toBe(401);
      expect(none.headers['x-request-id']).toMatch(UUID);
      expect(none.body.requestId).toBe(none.headers['x-request-id']);
      const odd = await t.http.get('/api/communities').set('X-Request-Id', '<script>alert(1)</script>');
      expect(odd.status).toBe(401);
      expect(odd.headers['x-request-id']).toMatch(UUID);
      expect(JSON.stringify(odd.body)).not.toContain('script');
    });

    it('has one even when the body could not be parsed', async () => {
      const res = await t.http.post('/api/auth/login').set('content-type', 'application/json').send('{"login":');
      expect(res.status).toBe(400);
      expect(res.body.requestId).toMatch(UUID);
      expect(res.headers['x-request-id']).toBe(res.body.requestId);
    });
  });

  describe('redaction', () => {
    it('never writes the Authorization header, cookies or passwords into the log', async () => {
      const token = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.sig-value-should-not-leak';
      await t.http
        .post('/api/auth/login')
        .set('Authorization', `Bearer ${token}`)
        .set('Cookie', 'session=cookie-value-should-not-leak')
        .send({ login: 'nobody', password: 'password-should-not-leak' });
      await settle();
      const text = lines.join('');
      expect(text).toContain('request completed');
      expect(text).not.toContain('sig-value-should-not-leak');
      expect(text).not.toContain('cookie-value-should-not-leak');
      expect(text).not.toContain('password-should-not-leak');
      const done = entries().find((e) => e.msg === 'request completed')!;
      expect((done.req as { headers: Record<string, string> }).headers).toMatchObject({
        authorization: '[Redacted]',
        cookie: '[Redacted]',
      });
    });

    it('masks identity numbers, mobiles, activation codes and tokens in messages and logged objects', async () => {
      new Logger('Roster').warn('导入失败：证件号 330106199001011234，手机 13800000001，激活码 AB12-CD34-EF56，Bearer abc.def.ghi');
      new Logger('Roster').warn({ owner: { name: '张三', mobile: '13900000002', idNumber: '11010519491231002X' }, pin: '123456' });
      const text = lines.join('');
      for (const secret of [
        '330106199001011234',
        '13800000001',
        'AB12-CD34-EF56',
        'abc.def.ghi',
        '13900000002',
        '11010519491231002X',
        '123456',
      ]) {
        expect(text).not.toContain(secret);
      }
      const [first, second] = entries().filter((e) => e.context === 'Roster');
      expect(first.msg).toBe('导入失败：证件号 [Redacted]，手机 [Redacted]，激活码 [Redacted]，Bearer [Redacted]');
      expect(JSON.stringify(second)).toContain('张三');
    });
  });

  describe('/metrics', () => {
    it('does not exist without METRICS_TOKEN', async () => {
      const plain = await createTestApp();
      try {
        const res = await plain.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
        expect(res.status).toBe(404);
        expect(res.text).not.toContain('gongyi_');
      } finally {
        await plain.close();
      }
    });

    it('answers only with the token', async () => {
      expect((await t.http.get('/metrics')).status).toBe(401);
      expect((await t.http.get('/metrics').set('Authorization', 'Bearer wrong-token-wrong-token')).status).toBe(401);
      const res = await t.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
    });

    it('reports latency by route template, ballots, the pool, the job queues and the record queue', async () => {
      const cast = await chainCast(t, SMALL_ROSTER);
      await t.http.get(`/api/communities/${cast.community}`).set(bearer(cast.director.token)).expect(200);
      const res = await t.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
      const text = res.text;
      expect(text).toMatch(
        /gongyi_http_request_duration_seconds_count\{method="GET",route="\/api\/communities\/:communityId",status="200"\} [1-9]/,
      );
      // The raw URL (an id) never becomes a label.
      expect(text).not.toContain(`route="/api/communities/${cast.community}"`);
      expect(text).toContain('# TYPE gongyi_ballots_cast_total counter');
      expect(text).toMatch(/gongyi_db_pool_connections\{state="total"\} [1-9]/);
      expect(text).toMatch(/gongyi_job_queue_depth\{queue="vote-close"\} \d+/);
      expect(text).toMatch(/gongyi_record_drain_lag_seconds \d/);
      expect(text).toMatch(/gongyi_record_pending_entries \d/);
      expect(text).toContain('gongyi_process_cpu_seconds_total');
    });
  });

  describe('probes', () => {
    it('live and ready answer 200 with each check up; /api/health stays as it was', async () => {
      const live = await t.http.get('/api/health/live');
      expect(live.status).toBe(200);
      expect(live.body.status).toBe('ok');
      const ready = await t.http.get('/api/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({
        status: 'ok',
        details: { database: { status: 'up' }, migrations: { status: 'up' }, jobs: { status: 'up' } },
      });
      const health = await t.http.get('/api/health');
      expect(health.status).toBe(200);
      expect(health.body.database.status).toBe('up');
    });

    it('is not ready while a migration this build knows is not applied', async () => {
      const [last] = await t.ownerQuery<{ id: number; timestamp: string; name: string }>(
        'SELECT id, timestamp, name FROM migrations ORDER BY id DESC LIMIT 1',
      );
      await t.ownerQuery('DELETE FROM migrations WHERE id = $1', [last.id]);
      try {
        const ready = await t.http.get('/api/health/ready');
        expect(ready.status).toBe(503);
        expect(ready.body).toMatchObject({ code: 'not_ready', requestId: expect.stringMatching(UUID) });
        expect(ready.body.message).toContain('数据库迁移');
        expect(ready.body.details.migrations.pending).toEqual([last.name]);
        expect(ready.body.details.database.status).toBe('up');
        await settle();
        const line = entries().find((e) => e.requestId === ready.body.requestId && e.msg === 'request failed');
        // 503 is a warning, and the line carries no made-up stack.
        expect(line).toMatchObject({ level: 40, res: { statusCode: 503 } });
        expect(line).not.toHaveProperty('err');
        // Alive all the same: a restart would not help, a migration would.
        expect((await t.http.get('/api/health/live')).status).toBe(200);
      } finally {
        await t.ownerQuery('INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [last.id, last.timestamp, last.name]);
      }
      expect((await t.http.get('/api/health/ready')).status).toBe(200);
    });
  });
});
