import { PROXY_COUNTS, type ProxyStatus } from '@gongyi/domain/duties/proxy-confirmation';
import { advanceToAssembly, Cast, chainCast, createItem, openVote, ownerTokens } from '../support/chain-fixtures';
import { RosterLine } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const ROSTER: RosterLine[] = ['甲', '乙', '丙', '丁', '戊', '己', '庚'].map((n, i) => ({
  楼栋: '1',
  单元: '1',
  房号: `${i + 1}01`,
  面积: '90',
  面积来源: '登记',
  业主: `业主${n}`,
  手机: `1390000010${i}`,
}));

/** Written proxies under four eyes (issue 10 item 2; DOMAIN.md §11). */
describe('written proxies: entered by one member, confirmed by a second, the holder neither', () => {
  let t: TestApp;
  let cast: Cast;
  let owners: Map<string, { ownerId: string; userId: string; token: string }>;
  let vote: Awaited<ReturnType<typeof openVote>>;
  const url = (path: string) => `/api/communities/${cast.community}/votes/${vote.id}${path}`;
  const owner = (n: string) => owners.get(`业主${n}`)!;
  const yes = () => [{ motionId: vote.motions[0].id, choice: 'yes' }];
  const electorOf = async (n: string) =>
    (await t.dataSource.query('SELECT id FROM electors WHERE vote_id = $1 AND voter_key = $2', [vote.id, owner(n).ownerId]))[0]
      .id as string;
  const snapshot = async () =>
    t.dataSource.query(
      `SELECT (SELECT json_agg(p ORDER BY p.id) FROM (SELECT id, status, confirmed_by, used_at FROM proxies WHERE vote_id = $1) p) AS proxies,
              (SELECT count(*)::int FROM ballots WHERE vote_id = $1) AS ballots`,
      [vote.id],
    );
  const enter = async (by: { token: string }, grantor: string, holderUserId: string, status: number) =>
    t.http
      .post(url('/proxies'))
      .set(bearer(by.token))
      .send({ electorId: await electorOf(grantor), holderUserId, authorisation: `委托书-${grantor}` })
      .expect(status);

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, ROSTER);
    owners = await ownerTokens(t, cast);
    const item = await createItem(t, cast, 'art278_5', '动用维修资金更换水泵');
    await advanceToAssembly(t, cast, item);
    vote = await openVote(t, cast, item);
  });
  afterAll(() => t.close());

  it('refuses a member recording a proxy to himself', async () => {
    const before = await snapshot();
    const res = await enter(cast.clerk, '甲', cast.clerk.userId, 403);
    expect(res.body).toMatchObject({ code: 'proxy_holder_records', message: expect.stringContaining('受托人不能自己录入委托书') });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses the holder voting before a second member confirms', async () => {
    const entered = await enter(cast.clerk, '甲', owner('乙').userId, 201);
    expect(entered.body.status).toBe('pending');
    const before = await snapshot();
    const res = await t.http
      .post(url('/ballots'))
      .set(bearer(owner('乙').token))
      .send({ choices: yes(), onBehalfOf: await electorOf('甲') })
      .expect(403);
    expect(res.body.code).toBe('not_proxy_holder');
    expect(res.body.message).toContain('委托');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses the clerk confirming his own entry', async () => {
    const [pending] = (await t.http.get(url('/proxies')).set(bearer(cast.clerk.token)).expect(200)).body;
    const before = await snapshot();
    const res = await t.http
      .post(url(`/proxies/${pending.id}/confirmation`))
      .set(bearer(cast.clerk.token))
      .expect(403);
    expect(res.body).toMatchObject({ code: 'proxy_same_clerk', message: expect.stringContaining('另一位委员核对') });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses the holder confirming the proxy given to him', async () => {
    const entered = await enter(cast.clerk, '丙', cast.clerk2.userId, 201);
    const before = await snapshot();
    const res = await t.http
      .post(url(`/proxies/${entered.body.id}/confirmation`))
      .set(bearer(cast.clerk2.token))
      .expect(403);
    expect(res.body).toMatchObject({ code: 'proxy_holder_confirms', message: '受托人不能核对给自己的委托书' });
    expect(await snapshot()).toEqual(before);
  });

  it('accepts the two-member path: a second member confirms, then the holder votes and the proxy is used', async () => {
    const [pending] = (await t.http.get(url('/proxies')).set(bearer(cast.clerk2.token)).expect(200)).body.filter(
      (p: { grantorName: string }) => p.grantorName === '业主甲',
    );
    const confirmed = await t.http
      .post(url(`/proxies/${pending.id}/confirmation`))
      .set(bearer(cast.clerk2.token))
      .expect(201);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', recordedBy: cast.clerk.userId, confirmedBy: cast.clerk2.userId });
    const again = await t.http
      .post(url(`/proxies/${pending.id}/confirmation`))
      .set(bearer(cast.director.token))
      .expect(409);
    expect(again.body.code).toBe('proxy_not_pending');
    // The principal sees it on the ballot page.
    const sheet = await t.http
      .get(url('/my-ballot'))
      .set(bearer(owner('甲').token))
      .expect(200);
    expect(sheet.body.proxyGiven).toMatchObject({ status: 'confirmed', authorisation: '委托书-甲', usedAt: null });
    await t.http
      .post(url('/ballots'))
      .set(bearer(owner('乙').token))
      .send({ choices: yes(), onBehalfOf: await electorOf('甲') })
      .expect(201);
    const record = await t.dataSource.query(
      `SELECT action FROM record_entries WHERE community_id = $1 AND action LIKE 'voting.proxy_%' ORDER BY seq`,
      [cast.community],
    );
    expect(record.map((r: { action: string }) => r.action)).toEqual([
      'voting.proxy_recorded',
      'voting.proxy_recorded',
      'voting.proxy_confirmed',
    ]);
    // Used: the principal can no longer revoke it, nor vote again.
    const before = await snapshot();
    const late = await t.http
      .post(url('/my-proxy/revocation'))
      .set(bearer(owner('甲').token))
      .expect(409);
    expect(late.body).toMatchObject({ code: 'proxy_used', message: '受托人已代为投票，委托不能再撤销' });
    const own = await t.http
      .post(url('/ballots'))
      .set(bearer(owner('甲').token))
      .send({ choices: yes() })
      .expect(409);
    expect(own.body.code).toBe('proxy_given');
    expect(await snapshot()).toEqual(before);
  });

  it('lets the principal revoke an unused proxy; the holder then cannot vote', async () => {
    const entered = await enter(cast.clerk, '丁', owner('戊').userId, 201);
    await t.http
      .post(url(`/proxies/${entered.body.id}/confirmation`))
      .set(bearer(cast.director.token))
      .expect(201);
    const revoked = await t.http
      .post(url('/my-proxy/revocation'))
      .set(bearer(owner('丁').token))
      .expect(201);
    expect(revoked.body).toMatchObject({ id: entered.body.id, status: 'revoked' });
    await t.http
      .post(url('/my-proxy/revocation'))
      .set(bearer(owner('丁').token))
      .expect(404);
    const res = await t.http
      .post(url('/ballots'))
      .set(bearer(owner('戊').token))
      .send({ choices: yes(), onBehalfOf: await electorOf('丁') })
      .expect(403);
    expect(res.body.code).toBe('not_proxy_holder');
    // Revoked, the owner may give a new proxy.
    await enter(cast.clerk2, '丁', owner('戊').userId, 201);
  });

  it('a principal who votes online first makes the unused proxy void', async () => {
    const entered = await enter(cast.clerk, '己', owner('戊').userId, 201);
    await t.http
      .post(url(`/proxies/${entered.body.id}/confirmation`))
      .set(bearer(cast.clerk2.token))
      .expect(201);
    await t.http
      .post(url('/ballots'))
      .set(bearer(owner('己').token))
      .send({ choices: yes() })
      .expect(201);
    const [row] = await t.dataSource.query('SELECT status, ended_by FROM proxies WHERE id = $1', [entered.body.id]);
    expect(row).toEqual({ status: 'void', ended_by: owner('己').userId });
    const res = await t.http
      .post(url('/ballots'))
      .set(bearer(owner('戊').token))
      .send({ choices: yes(), onBehalfOf: await electorOf('己') })
      .expect(403);
    expect(res.body.code).toBe('not_proxy_holder');
    const sheet = await t.http
      .get(url('/my-ballot'))
      .set(bearer(owner('己').token))
      .expect(200);
    expect(sheet.body.proxyGiven.status).toBe('void');
  });

  it('a principal who hands in a paper ballot (votes in person) makes the unused proxy void; the holder cannot vote', async () => {
    const entered = await enter(cast.clerk, '庚', owner('丁').userId, 201);
    await t.http
      .post(url(`/proxies/${entered.body.id}/confirmation`))
      .set(bearer(cast.clerk2.token))
      .expect(201);
    await t.http
      .post(url('/paper-ballots'))
      .set(bearer(cast.clerk.token))
      .send({ electorId: await electorOf('庚'), choices: yes(), paperRef: '1幢-庚' })
      .expect(201);
    const [row] = await t.dataSource.query('SELECT status, ended_by FROM proxies WHERE id = $1', [entered.body.id]);
    expect(row).toEqual({ status: 'void', ended_by: cast.clerk.userId });
    const before = await snapshot();
    const res = await t.http
      .post(url('/ballots'))
      .set(bearer(owner('丁').token))
      .send({ choices: yes(), onBehalfOf: await electorOf('庚') })
      .expect(403);
    expect(res.body.code).toBe('not_proxy_holder');
    expect(await snapshot()).toEqual(before);
  });

  it('keeps the scan of the signed form with the entry', async () => {
    const res = await t.http
      .post(url('/proxies-with-scan'))
      .set(bearer(cast.clerk.token))
      .field('electorId', await electorOf('乙'))
      .field('holderUserId', owner('戊').userId)
      .field('authorisation', '委托书-乙')
      .attach('scan', Buffer.from('%PDF-1.4 scan'), { filename: '委托书.pdf', contentType: 'application/pdf' })
      .expect(201);
    const file = await t.http
      .get(url(`/proxies/${res.body.id}/scan`))
      .set(bearer(cast.clerk2.token))
      .expect(200);
    expect(file.headers['content-type']).toContain('application/pdf');
    const bad = await t.http
      .post(url('/proxies-with-scan'))
      .set(bearer(cast.clerk.token))
      .field('electorId', await electorOf('丙'))
      .field('holderUserId', owner('戊').userId)
      .field('authorisation', '委托书-丙')
      .attach('scan', Buffer.from('hello'), { filename: 'x.txt', contentType: 'text/plain' })
      .expect(400);
    expect(bad.body.code).toBe('scan_type');
  });

  // cast_ballot.sql holds the same rule as PROXY_COUNTS: one row of the table per status, through the SQL function.
  it.each(Object.entries(PROXY_COUNTS) as [ProxyStatus, boolean][])(
    'cast_ballot agrees with PROXY_COUNTS: a %s proxy counts = %s',
    async (status, counts) => {
      const item = await createItem(t, cast, 'art278_5', `委托状态-${status}`);
      await advanceToAssembly(t, cast, item);
      const other = await openVote(t, cast, item);
      const electorId = (
        await t.dataSource.query('SELECT id FROM electors WHERE vote_id = $1 AND voter_key = $2', [other.id, owner('甲').ownerId])
      )[0].id as string;
      const entered = await t.http
        .post(`/api/communities/${cast.community}/votes/${other.id}/proxies`)
        .set(bearer(cast.clerk.token))
        .send({ electorId, holderUserId: owner('乙').userId, authorisation: `委托书-${status}` })
        .expect(201);
      // Test setup: put the proxy in the status under test directly.
      await t.dataSource.query('UPDATE proxies SET status = $2, confirmed_by = CASE WHEN $2 = $3 THEN $4::uuid END WHERE id = $1', [
        entered.body.id,
        status,
        'confirmed',
        cast.clerk2.userId,
      ]);
      const res = await t.http
        .post(`/api/communities/${cast.community}/votes/${other.id}/ballots`)
        .set(bearer(owner('乙').token))
        .send({ choices: [{ motionId: other.motions[0].id, choice: 'yes' }], onBehalfOf: electorId });
      expect(res.status).toBe(counts ? 201 : 403);
    },
  );
});
