import { bearer, createTestApp, TestApp } from '../support/test-app';
import { createCommunity, SMALL_ROSTER } from '../support/fixtures';
import { chainCast, createItem, meetingBody, recordStage } from '../support/chain-fixtures';

const STRANGER = '203.0.113.7';
const OWNER_PHONE = '198.51.100.20';

/** Failed logins: slowed down per identifier, locked per identifier + client (issue 11 item 5). */
describe('login lockout is per identifier and client', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ TRUST_PROXY: 'loopback', LOGIN_MAX_FAILURES: '5', LOGIN_LOCK_MINUTES: '15' });
    await t.http
      .post('/api/users')
      .set(bearer(t.adminToken))
      .send({ loginName: 'owner1', mobile: '13800000001', displayName: '业主甲', password: 'Owner-pass-1' })
      .expect(201);
  });
  afterAll(() => t.close());

  const login = (client: string, password: string) =>
    t.http.post('/api/auth/login').set('X-Forwarded-For', client).send({ login: '13800000001', password });

  it('locks the stranger out after five wrong passwords, not the owner', async () => {
    for (let i = 0; i < 5; i++) expect((await login(STRANGER, `guess${i}`)).status).toBe(401);
    const locked = await login(STRANGER, 'Owner-pass-1');
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('login_locked');
    expect(locked.body.message).toContain('登录失败次数过多');
    // The owner, from their own phone, logs in with the right password.
    const owner = await login(OWNER_PHONE, 'Owner-pass-1');
    expect(owner.status).toBe(200);
    // The stranger stays locked even after the owner's success.
    expect((await login(STRANGER, 'Owner-pass-1')).status).toBe(429);
    const [row] = await t.dataSource.query(
      `SELECT failures, locked_until > now() AS locked FROM login_lockouts WHERE identifier = '13800000001' AND client = $1`,
      [STRANGER],
    );
    expect(row).toEqual({ failures: 5, locked: true });
  });
});

describe('slow-down per identifier whoever sends the failures', () => {
  it('makes the third failure wait, also when it comes from a new client', async () => {
    const t = await createTestApp({ TRUST_PROXY: 'loopback', LOGIN_SLOWDOWN_MS: '300' });
    try {
      for (const client of ['192.0.2.1', '192.0.2.2']) {
        await t.http.post('/api/auth/login').set('X-Forwarded-For', client).send({ login: 'someone', password: 'x' }).expect(401);
      }
      const started = Date.now();
      await t.http.post('/api/auth/login').set('X-Forwarded-For', '192.0.2.3').send({ login: 'someone', password: 'x' }).expect(401);
      expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    } finally {
      await t.close();
    }
  });
});

/** How many requests pass before the first 429 (at most `max`; a minute boundary may reset the count once). */
async function untilRefused(send: () => PromiseLike<{ status: number }>, max: number): Promise<number> {
  for (let passed = 0; passed <= max; passed++) {
    const { status } = await send();
    if (status === 429) return passed;
    expect(status).toBe(200);
  }
  throw new Error(`no 429 after ${max} requests`);
}

/** Per-client budgets on public routes, counted in PostgreSQL. */
describe('rate limits on public routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      TRUST_PROXY: 'loopback',
      LOGIN_RATE_PER_MINUTE: '3',
      VERIFY_RATE_PER_MINUTE: '2',
      PUBLIC_RATE_PER_MINUTE: '4',
    });
  });
  afterAll(() => t.close());

  it('answers 429 with a Chinese message and Retry-After once a client spends its login budget', async () => {
    // Windows are whole minutes: if one ends during the loop the count starts again, so allow two windows.
    const attempt = () => t.http.post('/api/auth/login').set('X-Forwarded-For', '192.0.2.50').send({ login: 'x', password: 'y' });
    let refused = await attempt();
    let allowed = 0;
    while (refused.status === 401 && allowed < 7) {
      allowed++;
      refused = await attempt();
    }
    expect(allowed).toBeGreaterThanOrEqual(3);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('rate_limited');
    expect(refused.body.message).toContain('请求过于频繁');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another client is not affected.
    expect((await t.http.post('/api/auth/login').set('X-Forwarded-For', '192.0.2.51').send({ login: 'x', password: 'y' })).status).toBe(
      401,
    );
  });

  it('limits verify uploads per client and public pages by their own budget; health is never limited', async () => {
    const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
    const upload = () => t.http.post('/api/verify').set('X-Forwarded-For', '192.0.2.60').attach('file', pdf, 'a.pdf');
    const page = () => t.http.get('/api/ca.pem').set('X-Forwarded-For', '192.0.2.61');
    expect(await untilRefused(upload, 5)).toBeGreaterThanOrEqual(2);
    expect(await untilRefused(page, 9)).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < 10; i++) expect((await t.http.get('/api/health').set('X-Forwarded-For', '192.0.2.61')).status).toBe(200);
  });
});

/** NUL bytes, deep JSON, absurd numbers, long text and far dates: 400 with a clear Chinese message. */
describe('hostile input answers 400', () => {
  let t: TestApp;
  let community: string;
  beforeAll(async () => {
    t = await createTestApp();
    community = await createCommunity(t);
  });
  afterAll(() => t.close());

  it('refuses NUL bytes in a login body and in a route parameter', async () => {
    const res = await t.http.post('/api/auth/login').send({ login: 'admin\u0000', password: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('nul_byte');
    expect(res.body.message).toContain('空字符');
    const byNumber = await t.http.get('/api/verify/GY-%00');
    expect(byNumber.status).toBe(400);
    expect(byNumber.body.message).toContain('空字符');
  });

  it('refuses JSON nested 5,000 deep', async () => {
    // Sent as raw text: the test client's own serialiser gives up on such depth.
    const raw = `{"name":"深","district":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    const res = await t.http.post('/api/communities').set(bearer(t.adminToken)).set('Content-Type', 'application/json').send(raw);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('too_deep');
    expect(res.body.message).toContain('嵌套层级');
  });

  it('refuses page=1e308 and other absurd numbers', async () => {
    const res = await t.http.get(`/api/communities/${community}/units?page=1e308`).set(bearer(t.adminToken));
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('数值超出范围');
  });

  it('refuses a name longer than 100 characters and text past the default limit', async () => {
    const long = await t.http
      .post('/api/communities')
      .set(bearer(t.adminToken))
      .send({ name: '名'.repeat(201) });
    expect(long.status).toBe(400);
    const users = await t.http
      .post('/api/users')
      .set(bearer(t.adminToken))
      .send({ loginName: 'longname', displayName: '张'.repeat(101), password: 'Passw0rd-test' });
    expect(users.status).toBe(400);
    expect(users.body.message).toMatch(/不能超过 \d+ 个字符|displayName/);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM users WHERE login_name = 'longname'`);
    expect(count).toBe(0);
  });

  it('refuses dates before 1990 or more than five years ahead', async () => {
    const user = await t.http
      .post('/api/users')
      .set(bearer(t.adminToken))
      .send({ loginName: 'dated', displayName: '日期', password: 'Passw0rd-test' })
      .expect(201);
    for (const dates of [{ startsOn: '1989-12-31' }, { startsOn: '2026-01-01', endsOn: `${new Date().getUTCFullYear() + 6}-01-01` }]) {
      const res = await t.http
        .post(`/api/communities/${community}/roles`)
        .set(bearer(t.adminToken))
        .send({ userId: user.body.user.id, role: 'committee_member', ...dates });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('date_out_of_range');
      expect(res.body.message).toContain('日期须在 1990 年之后');
    }
  });
});

describe('meeting dates', () => {
  it('refuses a meeting recorded as held in the future and records nothing', async () => {
    const t = await createTestApp();
    try {
      const cast = await chainCast(t, SMALL_ROSTER);
      const item = await createItem(t, cast);
      const future = new Date(Date.now() + 2 * 86_400_000).toISOString();
      const res = await recordStage(
        t,
        cast,
        item,
        'party_prediscussion',
        cast.secretary,
        meetingBody({ outcome: 'advance', heldAt: future }),
      );
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('date_in_future');
      expect(res.body.message).toContain('会议时间不能晚于现在');
      const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM meetings WHERE agenda_item_id = $1', [item]);
      expect(count).toBe(0);
      // The same meeting held yesterday is accepted.
      const yesterday = new Date(Date.now() - 86_400_000).toISOString();
      await recordStage(
        t,
        cast,
        item,
        'party_prediscussion',
        cast.secretary,
        meetingBody({ outcome: 'advance', heldAt: yesterday }),
      ).expect(201);
    } finally {
      await t.close();
    }
  }, 60_000);
});
