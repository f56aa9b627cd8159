import { checkText, CHECKLISTS } from '@gongyi/domain/documents/checklists';
import { pdfsig, pdftotext } from '@gongyi/pdf/testing/poppler';
import { Cast, chainCast, createItem, meetingBody, ownerTokens, recordStage } from '../support/chain-fixtures';
import { grantRole, SMALL_ROSTER } from '../support/fixtures';
import { issueSealsWithPins, TEST_SEAL_PIN } from '../support/seal-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const binary = (req: ReturnType<TestApp['http']['get']>) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

/**
 * 星级满意度 / 红黑榜 and the monthly 四方联席 bulletin (issue 17): one rating per household per quarter (a unique
 * index; a second is a Chinese 409); the committee publishes the quarter's verdict on the public page and in the
 * hearing's vendor track record; the bulletin is composed, sealed by a custodian other than the requester, shown
 * publicly, and carries every item of its content checklist (pdftotext).
 */
describe('service ratings, 红黑榜 and the monthly bulletin', () => {
  let t: TestApp;
  let cast: Cast;
  let owners: Map<string, { ownerId: string; userId: string; token: string }>;
  const url = (path: string) => `/api/communities/${cast.community}${path}`;
  let quarter: string;
  let month: string;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, SMALL_ROSTER);
    owners = await ownerTokens(t, cast);
    const [{ today }] = await t.dataSource.query(
      `SELECT (($1::timestamptz) AT TIME ZONE time_zone)::date::text AS today FROM communities WHERE id = $2`,
      [t.clock.now(), cast.community],
    );
    month = today.slice(0, 7);
    quarter = `${today.slice(0, 4)}Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
  });
  afterAll(() => t.close());

  const stars = (n: number) => ({ 环境卫生: n, 秩序维护: n, 设施维修: n, 服务态度: n, 响应速度: n });

  it('one rating per household per quarter, whichever owner gives it; a second is a Chinese 409', async () => {
    const zhang = owners.get('张三')!; // two units: 1-1-101 and 1-1-102
    const li = owners.get('李四')!; // co-owned unit with 王五
    const wang = owners.get('王五')!;
    const form = (await t.http.get(url('/service-ratings/form')).set(bearer(zhang.token)).expect(200)).body;
    expect(form).toMatchObject({ quarter, criteria: ['环境卫生', '秩序维护', '设施维修', '服务态度', '响应速度'], closed: false });
    expect(form.units).toHaveLength(2);
    for (const unit of form.units) {
      await t.http
        .post(url('/service-ratings'))
        .set(bearer(zhang.token))
        .send({ unitId: unit.unitId, scores: stars(5) })
        .expect(201);
    }
    const again = await t.http
      .post(url('/service-ratings'))
      .set(bearer(zhang.token))
      .send({ unitId: form.units[0].unitId, scores: stars(4) });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('rating_already_given');
    expect(again.body.message).toContain('每户每季度只能评价一次');

    const liUnit = (await t.http.get(url('/service-ratings/form')).set(bearer(li.token)).expect(200)).body.units[0];
    await t.http
      .post(url('/service-ratings'))
      .set(bearer(li.token))
      .send({ unitId: liUnit.unitId, scores: { ...stars(4), 响应速度: 3 }, comment: '维修慢' })
      .expect(201);
    // The co-owner of the same household cannot rate it a second time.
    const co = await t.http
      .post(url('/service-ratings'))
      .set(bearer(wang.token))
      .send({ unitId: liUnit.unitId, scores: stars(1) });
    expect(co.status).toBe(409);
    expect((await t.http.get(url('/service-ratings/form')).set(bearer(wang.token)).expect(200)).body.units[0].rated).toBe(true);

    // Bad input: a missing criterion, a foreign unit, a non-owner — nothing stored.
    const [{ n: before }] = await t.dataSource.query('SELECT count(*)::int AS n FROM service_ratings WHERE community_id = $1', [
      cast.community,
    ]);
    const missing = await t.http
      .post(url('/service-ratings'))
      .set(bearer(zhang.token))
      .send({ unitId: form.units[0].unitId, scores: { 环境卫生: 5 } });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('须为 1–5 星');
    expect(
      (
        await t.http
          .post(url('/service-ratings'))
          .set(bearer(zhang.token))
          .send({ unitId: liUnit.unitId, scores: stars(5) })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.http
          .post(url('/service-ratings'))
          .set(bearer(cast.director.token))
          .send({ unitId: liUnit.unitId, scores: stars(5) })
      ).status,
    ).toBe(403);
    const [{ n: after }] = await t.dataSource.query('SELECT count(*)::int AS n FROM service_ratings WHERE community_id = $1', [
      cast.community,
    ]);
    expect(after).toBe(before);
    // The index itself holds even for a direct insert.
    await expect(
      t.dataSource.query(
        `INSERT INTO service_ratings (community_id, unit_id, quarter, rated_by, scores, mean_hundredths, rated_at)
         VALUES ($1, $2, $3, $4, '{}', 300, now())`,
        [cast.community, liUnit.unitId, quarter, wang.userId],
      ),
    ).rejects.toThrow(/service_ratings_one_per_unit/);
  });

  it('publishes the quarter: star level and 红黑榜 on the public page, and in a hearing as the vendor track record', async () => {
    const summary = (
      await t.http
        .get(url(`/service-ratings/quarters/${quarter}`))
        .set(bearer(cast.director.token))
        .expect(200)
    ).body;
    // (500 + 500 + 380) / 3 households = 460
    expect(summary).toMatchObject({ averageHundredths: 460, starLevel: 5, board: 'red', boardLabel: '红榜', published: false });
    expect(summary.figures.households).toBe(3);
    const published = await t.http
      .post(url(`/service-ratings/quarters/${quarter}/publication`))
      .set(bearer(cast.director.token))
      .send({ companyName: '安居物业服务有限公司' })
      .expect(201);
    expect(published.body).toMatchObject({ companyName: '安居物业服务有限公司', starLevel: 5, board: 'red' });
    const twice = await t.http
      .post(url(`/service-ratings/quarters/${quarter}/publication`))
      .set(bearer(cast.director.token))
      .send({ companyName: '安居物业服务有限公司' });
    expect(twice.status).toBe(409);
    expect(
      (
        await t.http
          .post(url(`/service-ratings/quarters/${quarter}/publication`))
          .set(bearer(cast.property.token))
          .send({ companyName: 'x物业' })
      ).status,
    ).toBe(403);
    const board = (await t.http.get(`/api/public/communities/${cast.community}/service-board`).expect(200)).body;
    expect(board.entries[0]).toMatchObject({ quarter, boardLabel: '红榜', starLevel: 5, companyName: '安居物业服务有限公司' });
    // Rating is closed for the published quarter.
    const closed = (
      await t.http
        .get(url('/service-ratings/form'))
        .set(bearer(owners.get('张三')!.token))
        .expect(200)
    ).body;
    expect(closed.closed).toBe(true);

    // A hearing in another community invites the company as a vendor: its panel sees the record, read-only.
    const other = await chainCast(t, []);
    const vendorLogin = await t.http
      .post('/api/users')
      .send({ loginName: `vendor${process.pid}`, displayName: '安居物业', password: 'Passw0rd-test' })
      .expect(201);
    await grantRole(t, other.community, vendorLogin.body.user.id, 'vendor');
    const [hearing] = await t.ownerQuery<{ id: string }>(
      `INSERT INTO hearings (community_id, agenda_item_id, title, description, place, criteria, bid_deadline, opening_at, status, created_by, version)
       VALUES ($1, $2, '选聘物业服务企业', '', '社区会议室', '[]', now() + interval '1 day', now() + interval '2 day', 'bidding', $3, 1) RETURNING id`,
      [other.community, await createItem(t, other, 'art278_4', '选聘物业'), other.director.userId],
    );
    await t.ownerQuery(
      `INSERT INTO hearing_invitations (community_id, hearing_id, vendor_user_id, vendor_name, invited_by, invited_at)
       VALUES ($1, $2, $3, '安居物业服务有限公司', $4, now())`,
      [other.community, hearing.id, vendorLogin.body.user.id, other.director.userId],
    );
    const record = (
      await t.http
        .get(`/api/communities/${other.community}/hearings/${hearing.id}/vendor-track-record`)
        .set(bearer(other.representative.token))
        .expect(200)
    ).body;
    expect(record.vendors).toHaveLength(1);
    expect(record.vendors[0].entries[0]).toMatchObject({ quarter, boardLabel: '红榜', communityName: expect.any(String) });
  });

  it('the monthly bulletin: composed, sealed by a custodian who did not request it, public once sealed, its checklist met', async () => {
    await issueSealsWithPins(t, cast.community, cast.director, [cast.director, cast.residents], { term: 1 });
    const itemId = await createItem(t, cast, 'committee_only', '小区环境整治');
    await recordStage(
      t,
      cast,
      itemId,
      'party_prediscussion',
      cast.secretary,
      meetingBody({ outcome: 'advance', heldAt: new Date().toISOString() }),
    ).expect(201);
    await recordStage(
      t,
      cast,
      itemId,
      'joint_meeting',
      cast.clerk,
      meetingBody({ outcome: 'advance', heldAt: new Date().toISOString(), details: { plan: '整治', options: ['甲'] } }),
    ).expect(201);
    const [meeting] = await t.dataSource.query(`SELECT id FROM meetings WHERE agenda_item_id = $1 AND stage = 'joint_meeting'`, [itemId]);
    const raise = (title: string) =>
      t.http
        .post(url('/rectifications'))
        .set(bearer(cast.director.token))
        .send({
          title,
          source: 'joint_meeting',
          meetingId: meeting?.id,
          dueOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
          location: '东门',
        })
        .expect((r) => {
          if (r.status !== 201) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
        });
    const done = (await raise('东门路灯不亮')).body.id;
    await raise('地库积水');
    await t.http
      .post(url(`/rectifications/${done}/actions`))
      .set(bearer(cast.property.token))
      .send({ action: 'submit', text: '已更换', evidence: [{ name: '照片' }] })
      .expect(201);
    await t.http
      .post(url(`/rectifications/${done}/actions`))
      .set(bearer(cast.director.token))
      .send({ action: 'accept' })
      .expect(201);

    const composed = await t.http.post(url('/bulletins')).set(bearer(cast.clerk.token)).send({ month }).expect(201);
    expect(composed.body).toMatchObject({ month, documentStatus: 'draft', statusLabel: '待申请盖章' });
    expect(composed.body.figures).toMatchObject({ meetings: 1, studied: 2, solved: 1, inProgress: 1 });
    const dup = await t.http.post(url('/bulletins')).set(bearer(cast.clerk.token)).send({ month });
    expect(dup.status).toBe(409);
    expect(dup.body.message).toContain('每月只出一份');
    expect((await t.http.post(url('/bulletins')).set(bearer(cast.clerk.token)).send({ month: '2999-01' })).status).toBe(400);
    expect((await t.http.get(`/api/public/communities/${cast.community}/bulletins`).expect(200)).body.items).toHaveLength(0);

    const requested = await t.http
      .post(url(`/bulletins/${composed.body.id}/seal-request`))
      .set(bearer(cast.clerk.token))
      .expect(201);
    expect(requested.body.bulletin.statusLabel).toBe('用章申请中');
    // The committee seal's custodian is the director, not the requester; they apply it with their own PIN.
    await t.http
      .post(url(`/seal-requests/${requested.body.requestId}/applications`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(201);
    const after = (
      await t.http
        .get(url(`/bulletins/${composed.body.id}`))
        .set(bearer(cast.director.token))
        .expect(200)
    ).body;
    expect(after).toMatchObject({ documentStatus: 'final', statusLabel: '已盖章发布' });

    const pub = (await t.http.get(`/api/public/communities/${cast.community}/bulletins`).expect(200)).body.items;
    expect(pub).toHaveLength(1);
    const pdf = (await binary(t.http.get(pub[0].pdfUrl)).expect(200)).body as Buffer;
    const result = checkText(CHECKLISTS.joint_bulletin!, pdftotext(pdf));
    expect(result.missing.map((m) => m.id)).toEqual([]);
    const text = pdftotext(pdf).replace(/\s+/g, '');
    expect(text).toContain('东门路灯不亮');
    expect(text).toContain('地库积水');
    expect(pdfsig(pdf).stdout).toMatch(/Signature is Valid/);
  });
});
