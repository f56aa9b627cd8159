import { RequestsService } from '../../apps/api/src/requests/requests.service';
import { Cast, chainCast } from '../support/chain-fixtures';
import { createCommunity, createMember, Member } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

/** A real (tiny) PNG: the server checks the signature, not only the declared type. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5e1f1b80000000049454e44ae426082',
  'hex',
);

interface Todo {
  items: { kind: string; title: string; link: string }[];
}

describe('居民诉求: 点单 → 派单 → 接单 → 评单', () => {
  let t: TestApp;
  let cast: Cast;
  let resident: Member;
  let tenant: Member;
  let leader: Member;
  let neighbour: Member;
  let buildingId: string;
  const url = (path = '') => `/api/communities/${cast.community}/requests${path}`;
  const as = (who: Member) => ({
    get: (p: string) => t.http.get(url(p)).set(bearer(who.token)),
    post: (p: string, body: object = {}) => t.http.post(url(p)).set(bearer(who.token)).send(body),
  });
  const todo = async (who: Member): Promise<Todo> =>
    (await t.http.get(`/api/communities/${cast.community}/todo`).set(bearer(who.token)).expect(200)).body;
  const fileOne = async (who: Member, title = '3号楼楼道灯不亮', category = 'repair') =>
    (await as(who).post('', { category, title, placeKind: 'building', buildingId, placeText: '2单元3楼' }).expect(201)).body;
  const dispatchToLeader = (id: string) =>
    as(cast.secretary).post(`/${id}/dispatch`, { assigneeKind: 'building_leader', assigneeUserId: leader.userId }).expect(201);

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, []);
    resident = await createMember(t, cast.community, 'owner');
    tenant = await createMember(t, cast.community, 'tenant');
    leader = await createMember(t, cast.community, 'building_leader');
    neighbour = await createMember(t, cast.community, 'owner');
    [{ id: buildingId }] = await t.ownerQuery<{ id: string }>(`INSERT INTO buildings (community_id, name) VALUES ($1, '3') RETURNING id`, [
      cast.community,
    ]);
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  it('a resident files with a photo, the secretary dispatches to a 楼栋长, who accepts and closes with evidence; the resident rates', async () => {
    const form = (await as(resident).get('/form').expect(200)).body;
    expect(form.categories.find((c: { category: string }) => c.category === 'repair')).toMatchObject({
      label: '小修小补',
      ruleText: '5 分钟内接单，20 分钟内解决',
    });
    const filed = await fileOne(resident);
    expect(filed).toMatchObject({
      status: 'filed',
      statusLabel: '待派单',
      placeLabel: '3号楼 2单元3楼',
      filerName: '测试owner',
      channel: 'online',
    });
    const withPhoto = await t.http
      .post(url(`/${filed.id}/photos`))
      .set(bearer(resident.token))
      .field('purpose', 'filing')
      .attach('file', PNG, { filename: 'deng.png', contentType: 'image/png' })
      .expect(201);
    expect(withPhoto.body.photos).toHaveLength(1);
    const img = await t.http.get(withPhoto.body.photos[0].url).set(bearer(resident.token)).expect(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect(Buffer.from(img.body).equals(PNG)).toBe(true);

    expect((await todo(cast.secretary)).items.some((i) => i.kind === 'request_dispatch' && i.link.endsWith(filed.id))).toBe(true);
    const dispatched = (await dispatchToLeader(filed.id)).body;
    expect(dispatched).toMatchObject({ status: 'dispatched', assigneeLabel: `楼栋长${'测试building_leader'}` });
    expect(new Date(dispatched.acceptDueAt).getTime() - new Date(dispatched.events.at(-1).at).getTime()).toBe(5 * 60_000);
    // The timer is a pg-boss job at the accept due time.
    const jobs = await t.ownerQuery<{ start_after: Date }>(
      `SELECT start_after FROM pgboss.job WHERE name = 'service-request-due' AND data->>'requestId' = $1`,
      [filed.id],
    );
    expect(jobs.map((j) => new Date(j.start_after).toISOString())).toContain(dispatched.acceptDueAt);

    const leaderTodo = await todo(leader);
    expect(leaderTodo.items.find((i) => i.kind === 'request_assigned')).toMatchObject({
      title: '请接单：3号楼楼道灯不亮',
      link: `/c/${cast.community}/requests/${filed.id}`,
    });
    expect((await as(leader).get(`/${filed.id}`).expect(200)).body.actions).toEqual(['accept']);
    await as(neighbour).post(`/${filed.id}/accept`).expect(404);
    await as(cast.director).post(`/${filed.id}/accept`).expect(403);
    const accepted = (await as(leader).post(`/${filed.id}/accept`).expect(201)).body;
    expect(new Date(accepted.resolveDueAt).getTime() - new Date(accepted.events.at(-1).at).getTime()).toBe(20 * 60_000);
    await as(leader).post(`/${filed.id}/progress`, { note: '已找电工' }).expect(201);
    const noEvidence = await as(leader).post(`/${filed.id}/close`, { note: ' ' }).expect(400);
    expect(noEvidence.body.message).toBe('办结须附办理情况说明或照片');
    await t.http
      .post(url(`/${filed.id}/photos`))
      .set(bearer(leader.token))
      .field('purpose', 'evidence')
      .attach('file', PNG, { filename: 'ok.png', contentType: 'image/png' })
      .expect(201);
    const closed = (await as(leader).post(`/${filed.id}/close`, {}).expect(201)).body;
    expect(closed.status).toBe('closed');
    expect(closed.actions).toEqual([]);

    expect((await todo(resident)).items.some((i) => i.kind === 'request_rate' && i.link.endsWith(filed.id))).toBe(true);
    expect((await as(resident).post(`/${filed.id}/rate`, { rating: 6 }).expect(400)).body.message).toMatch(/评价须为 1–5 星/);
    await as(neighbour).post(`/${filed.id}/rate`, { rating: 1 }).expect(404);
    const rated = (await as(resident).post(`/${filed.id}/rate`, { rating: 5, comment: '很及时' }).expect(201)).body;
    expect(rated).toMatchObject({ status: 'rated', rating: 5, ratingComment: '很及时', writtenOff: true });
    expect(rated.events.map((e: { kindLabel: string }) => e.kindLabel)).toEqual(['居民点单', '派单', '接单', '报告进展', '办结', '评价']);

    const record = await t.http
      .get(`/api/communities/${cast.community}/record/sentences?kind=requests`)
      .set(bearer(cast.director.token))
      .expect(200);
    const sentences = JSON.stringify(record.body);
    expect(sentences).toContain('派单：诉求「3号楼楼道灯不亮」，交楼栋长测试building_leader办理');
    expect(sentences).toContain('评价诉求「3号楼楼道灯不亮」的办理');
  });

  it('a tenant may file; bad input is refused in Chinese and changes nothing', async () => {
    await fileOne(tenant, '车棚顶漏雨', 'facility');
    const before = (await as(cast.secretary).get('').expect(200)).body.items.length;
    const bad = await as(resident).post('', { category: 'spaceship', title: '测试', placeKind: 'common', placeText: '东门' }).expect(400);
    expect(bad.body.message).toMatch(/^诉求类别「spaceship」不在议事规则中/);
    expect((await as(resident).post('', { category: 'repair', title: '测试', placeKind: 'common' }).expect(400)).body.message).toBe(
      '请写明公共区域的位置',
    );
    expect((await as(resident).post('', { category: 'repair', title: '测', placeKind: 'garden' }).expect(400)).body.message).toMatch(
      /[\u4e00-\u9fff]/,
    );
    expect(
      (await as(cast.director).post('', { category: 'repair', title: '测试', placeKind: 'common', placeText: '东门' }).expect(403)).body
        .message,
    ).toMatch(/业主或租户/);
    const pdf = await t.http
      .post(url(`/${(await fileOne(resident, '照片类型测试')).id}/photos`))
      .set(bearer(resident.token))
      .field('purpose', 'filing')
      .attach('file', Buffer.from('%PDF-1.7 not an image'), { filename: 'x.png', contentType: 'image/png' })
      .expect(400);
    expect(pdf.body.message).toBe('照片须为 JPEG、PNG 或 WebP 图片');
    expect((await as(cast.secretary).get('').expect(200)).body.items.length).toBe(before + 1);
    await as(resident).post(`/00000000-0000-4000-8000-000000000000/accept`).expect(404);
    expect((await as(resident).get('/not-a-uuid').expect(400)).body.message).toMatch(/UUID/);
  });

  it('a missed due time escalates to the party secretary (notification and 我的待办), once', async () => {
    const filed = await fileOne(resident, '电梯困人');
    const dispatched = (await dispatchToLeader(filed.id)).body;
    const service = t.app.get(RequestsService);
    expect(await service.escalateIfDue(cast.community, filed.id)).toBe('not_due');
    t.clock.travelTo(new Date(new Date(dispatched.acceptDueAt).getTime() + 1000));
    expect(await service.escalateIfDue(cast.community, filed.id)).toBe('escalated');
    expect(await service.escalateIfDue(cast.community, filed.id)).toBe('already');
    const mine = await todo(cast.secretary);
    expect(mine.items.find((i) => i.kind === 'request_escalated' && i.link.endsWith(filed.id))).toMatchObject({
      title: '诉求超时，请督办：电梯困人',
    });
    expect(mine.items.some((i) => i.kind === 'notification' && i.title.includes('超时未接单') && i.title.includes('电梯困人'))).toBe(true);
    const detail = (await as(cast.secretary).get(`/${filed.id}`).expect(200)).body;
    expect(detail.overdue).toBe(true);
    expect(detail.events.at(-1)).toMatchObject({ kindLabel: '超时上报党支部书记', actorName: '系统', note: '超时未接单' });
    // Accepted late, then closed: it leaves the secretary's list and counts as overdue in the month.
    await as(leader).post(`/${filed.id}/accept`).expect(201);
    await as(leader).post(`/${filed.id}/close`, { note: '已解救并报修' }).expect(201);
    expect((await todo(cast.secretary)).items.some((i) => i.kind === 'request_escalated' && i.link.endsWith(filed.id))).toBe(false);
  });

  it('the resident may reopen within the rulebook window only; it goes back to dispatch', async () => {
    const filed = await fileOne(resident, '垃圾桶满溢', 'sanitation');
    await dispatchToLeader(filed.id);
    await as(leader).post(`/${filed.id}/accept`).expect(201);
    const closed = (await as(leader).post(`/${filed.id}/close`, { note: '已清运' }).expect(201)).body;
    const closedAt = new Date(closed.closedAt).getTime();
    t.clock.travelTo(new Date(closedAt + 6 * 86_400_000));
    expect((await as(resident).post(`/${filed.id}/reopen`, {}).expect(400)).body.message).toBe('请说明重新打开的理由');
    const reopened = (await as(resident).post(`/${filed.id}/reopen`, { note: '第二天又满了' }).expect(201)).body;
    expect(reopened).toMatchObject({ status: 'reopened', statusLabel: '已重新打开' });
    await dispatchToLeader(filed.id);
    await as(leader).post(`/${filed.id}/accept`).expect(201);
    const again = (await as(leader).post(`/${filed.id}/close`, { note: '增加清运频次' }).expect(201)).body;
    t.clock.travelTo(new Date(new Date(again.closedAt).getTime() + 7 * 86_400_000 + 60_000));
    const late = await as(resident).post(`/${filed.id}/reopen`, { note: '还是满' }).expect(409);
    expect(late.body.message).toBe('办结已超过 7 天，不能重新打开，请重新提出诉求');
  });

  it('a request is promoted into an agenda item that starts the chain; the link is kept both ways', async () => {
    const filed = await fileOne(resident, '加装电梯', 'facility');
    await as(resident).post(`/${filed.id}/promote`, { matterCategory: 'art278_7' }).expect(403);
    const promoted = (await as(cast.director).post(`/${filed.id}/promote`, { matterCategory: 'art278_7' }).expect(201)).body;
    expect(promoted.agendaItemId).toEqual(expect.any(String));
    const item = (
      await t.http
        .get(`/api/communities/${cast.community}/agenda-items/${promoted.agendaItemId}`)
        .set(bearer(cast.director.token))
        .expect(200)
    ).body;
    expect(JSON.stringify(item)).toContain(`来自居民诉求 #${filed.seq}`);
    expect(JSON.stringify(item)).toContain('party_prediscussion');
    expect(item.fromRequest).toEqual({ id: filed.id, seq: filed.seq, title: '加装电梯' });
    const back = (await as(cast.director).get(`?agendaItemId=${promoted.agendaItemId}`).expect(200)).body.items;
    expect(back.map((r: { id: string }) => r.id)).toEqual([filed.id]);
    const items = async () =>
      (await t.dataSource.query('SELECT count(*)::int AS n FROM agenda_items WHERE community_id = $1', [cast.community]))[0].n;
    const before = await items();
    expect((await as(cast.director).post(`/${filed.id}/promote`, { matterCategory: 'art278_7' }).expect(409)).body.message).toBe(
      '该诉求已转为议题',
    );
    // One transaction: a refused promotion leaves no orphan agenda item behind — also when two race.
    expect(await items()).toBe(before);
    const raced = await fileOne(resident, '小区道路破损', 'facility');
    const answers = await Promise.all(
      [1, 2].map(() =>
        as(cast.director)
          .post(`/${raced.id}/promote`, { matterCategory: 'art278_7' })
          .then((r) => r.status),
      ),
    );
    expect(answers.sort()).toEqual([201, 409]);
    expect(await items()).toBe(before + 1);
  });

  it('another community’s request is not found, and another resident’s request is not shown', async () => {
    const filed = await fileOne(resident, '隔壁装修噪音', 'neighbour');
    const other = await createCommunity(t);
    const outsider = await createMember(t, other, 'party_secretary');
    await t.http.get(`/api/communities/${other}/requests/${filed.id}`).set(bearer(outsider.token)).expect(404);
    await t.http
      .post(`/api/communities/${other}/requests/${filed.id}/dispatch`)
      .set(bearer(outsider.token))
      .send({ assigneeKind: 'department', department: '城管科' })
      .expect(404);
    await t.http
      .get(url(`/${filed.id}`))
      .set(bearer(outsider.token))
      .expect(403);
    await as(neighbour).get(`/${filed.id}`).expect(404);
    expect((await as(neighbour).get('?scope=mine').expect(200)).body.items).toEqual([]);
    await as(neighbour).get('?scope=all').expect(403);
  });

  it('reception day: each concern becomes a request entered by staff and is written off only with confirmation or a return visit', async () => {
    const rd = `/api/communities/${cast.community}/reception-days`;
    await t.http.post(rd).set(bearer(resident.token)).send({}).expect(403);
    const bad = await t.http
      .post(rd)
      .set(bearer(cast.secretary.token))
      .send({
        hostKind: 'party_secretary',
        hostName: '郑书记',
        day: '2026-12-05',
        startTime: '11:00',
        endTime: '09:00',
        place: '党群服务中心',
      })
      .expect(400);
    expect(bad.body.message).toBe('结束时间应晚于开始时间');
    const day = (
      await t.http
        .post(rd)
        .set(bearer(cast.secretary.token))
        .send({
          hostKind: 'party_secretary',
          hostName: '郑书记',
          day: '2026-12-05',
          startTime: '09:00',
          endTime: '11:30',
          place: '党群服务中心',
        })
        .expect(201)
    ).body;
    expect(day).toMatchObject({ hostKindLabel: '书记接待日', timeText: '2026年12月5日 09:00–11:30' });
    const logged = (
      await t.http
        .post(`${rd}/${day.id}/visits`)
        .set(bearer(cast.secretary.token))
        .send({
          visitorName: '王阿姨',
          visitorMobile: '13800000000',
          concern: '地下车库渗水',
          category: 'facility',
          placeKind: 'common',
          placeText: '地下车库B区',
        })
        .expect(201)
    ).body;
    expect(logged.log).toHaveLength(1);
    const req = logged.log[0].request;
    expect(req).toMatchObject({ channel: 'reception', filerName: '王阿姨', status: 'filed', writtenOff: false });
    await as(cast.secretary)
      .post(`/${req.id}/dispatch`, { assigneeKind: 'property_company', assigneeUserId: cast.property.userId })
      .expect(201);
    await as(cast.property).post(`/${req.id}/accept`).expect(201);
    await as(cast.property).post(`/${req.id}/write-off`, { kind: 'return_visit', note: '电话回访满意' }).expect(409);
    await as(cast.property).post(`/${req.id}/close`, { note: '已封堵渗漏点' }).expect(201);
    expect((await todo(cast.secretary)).items.some((i) => i.kind === 'reception_write_off' && i.link.endsWith(req.id))).toBe(true);
    expect((await as(cast.secretary).post(`/${req.id}/write-off`, { kind: 'resident' }).expect(403)).body.message).toMatch(/居民本人/);
    expect((await as(cast.secretary).post(`/${req.id}/write-off`, { kind: 'return_visit', note: '好' }).expect(400)).body.message).toMatch(
      /回访情况/,
    );
    const done = (
      await as(cast.secretary)
        .post(`/${req.id}/write-off`, { kind: 'return_visit', note: '12月8日电话回访，王阿姨表示已不渗水' })
        .expect(201)
    ).body;
    expect(done.writeOffText).toMatch(/^回访确认（.*）：12月8日电话回访/);
    const after = (await t.http.get(`${rd}/${day.id}`).set(bearer(cast.secretary.token)).expect(200)).body;
    expect(after).toMatchObject({ visits: 1, writtenOff: 1 });
    expect((await t.http.get(rd).set(bearer(resident.token)).expect(200)).body.items.map((d: { id: string }) => d.id)).toContain(day.id);
  });
});
