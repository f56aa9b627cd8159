import { RectificationService } from '../../apps/api/src/rectification/rectification.service';
import { Cast, chainCast, createItem, meetingBody, recordStage } from '../support/chain-fixtures';
import { createMember, grantRole, Member } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

/**
 * 整改事项 (issue 17): raised by a 四方联席 meeting or an inspection, assigned to the property company with a due
 * date; the property company reports and submits with evidence; the committee accepts. The property company can
 * never accept its own item; the due-date job marks an item overdue and puts it on both sides' 我的待办.
 */
describe('rectification items', () => {
  let t: TestApp;
  let cast: Cast;
  let meetingId: string;
  let both: Member;
  const url = (path = '') => `/api/communities/${cast.community}/rectifications${path}`;
  const todo = async (who: Member) =>
    (await t.http.get(`/api/communities/${cast.community}/todo`).set(bearer(who.token)).expect(200)).body.items as {
      kind: string;
      link: string;
    }[];
  const act = (who: Member, id: string, body: Record<string, unknown>) =>
    t.http
      .post(url(`/${id}/actions`))
      .set(bearer(who.token))
      .send(body);
  const today = async () =>
    (
      await t.dataSource.query(`SELECT (($1::timestamptz) AT TIME ZONE time_zone)::date::text AS d FROM communities WHERE id = $2`, [
        t.clock.now(),
        cast.community,
      ])
    )[0].d as string;
  const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, []);
    const itemId = await createItem(t, cast, 'committee_only', '小区环境整治');
    await recordStage(t, cast, itemId, 'party_prediscussion', cast.secretary, meetingBody({ outcome: 'advance' })).expect(201);
    await recordStage(
      t,
      cast,
      itemId,
      'joint_meeting',
      cast.clerk,
      meetingBody({ outcome: 'advance', details: { plan: '整治', options: ['甲'] } }),
    );
    const [meeting] = await t.dataSource.query(`SELECT id FROM meetings WHERE agenda_item_id = $1 AND stage = 'joint_meeting'`, [itemId]);
    meetingId = meeting?.id;
    both = await createMember(t, cast.community, 'property_company');
    await grantRole(t, cast.community, both.userId, 'committee_member');
  });
  afterAll(() => t.close());

  it('runs raise → start → progress → submit with evidence → accept, with events and record entries', async () => {
    expect(meetingId).toBeDefined();
    const due = plusDays(await today(), 7);
    const raised = await t.http
      .post(url())
      .set(bearer(cast.director.token))
      .send({
        title: '东门路灯不亮',
        location: '东门',
        category: '设施维修',
        source: 'joint_meeting',
        meetingId,
        dueOn: due,
        assigneeUserId: cast.property.userId,
      })
      .expect(201);
    expect(raised.body).toMatchObject({
      status: 'assigned',
      statusLabel: '已交办',
      sourceLabel: '四方联席会议',
      meetingId,
      dueOn: due,
      overdue: false,
    });
    const id = raised.body.id as string;
    expect((await todo(cast.property)).some((i) => i.kind === 'rectification' && i.link.endsWith(`/rectifications/${id}`))).toBe(true);

    expect((await act(cast.property, id, { action: 'start' }).expect(201)).body.status).toBe('in_progress');
    await act(cast.property, id, { action: 'progress', text: '已采购灯具' }).expect(201);
    const noEvidence = await act(cast.property, id, { action: 'submit' }).expect(400);
    expect(noEvidence.body.code).toBe('rectification_evidence_required');
    const submitted = await act(cast.property, id, {
      action: 'submit',
      text: '已更换 3 盏',
      evidence: [{ name: '整改后照片', note: '东门夜间' }],
    }).expect(201);
    expect(submitted.body.status).toBe('submitted');
    expect((await todo(cast.director)).some((i) => i.kind === 'rectification_acceptance' && i.link.endsWith(id))).toBe(true);

    const accepted = await act(cast.clerk, id, { action: 'accept' }).expect(201);
    expect(accepted.body).toMatchObject({ status: 'accepted', statusLabel: '已验收' });
    expect(accepted.body.events.map((e: { action: string }) => e.action)).toEqual(['raised', 'start', 'progress', 'submit', 'accept']);
    expect(accepted.body.events[3].evidence).toEqual([{ name: '整改后照片', note: '东门夜间' }]);
    const actions = await t.dataSource.query(`SELECT action FROM record_entries WHERE community_id = $1 AND subject_id = $2 ORDER BY seq`, [
      cast.community,
      id,
    ]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'rectification.raised',
      'rectification.start',
      'rectification.progress',
      'rectification.submit',
      'rectification.accept',
    ]);
    // Accepted is the end: nothing more happens to it.
    expect((await act(cast.property, id, { action: 'progress', text: '再报' }).expect(409)).body.code).toBe('rectification_wrong_status');
  });

  it('keeps photos as evidence: the property company while working, the committee while inspecting; never changed, never after acceptance', async () => {
    const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    const raised = await t.http
      .post(url())
      .set(bearer(cast.director.token))
      .send({
        title: '地库积水',
        source: 'inspection',
        sourceNote: '业委会巡查',
        dueOn: plusDays(await today(), 5),
        assigneeUserId: cast.property.userId,
      })
      .expect(201);
    const id = raised.body.id as string;
    const upload = (who: Member, file: Buffer, name = 'a.png', type = 'image/png', caption = '整改前') =>
      t.http
        .post(url(`/${id}/photos`))
        .set(bearer(who.token))
        .field('caption', caption)
        .attach('file', file, { filename: name, contentType: type });
    const count = async () =>
      (await t.dataSource.query('SELECT count(*)::int AS n FROM rectification_photos WHERE item_id = $1', [id]))[0].n as number;

    // Bad input and the wrong person change nothing.
    expect((await upload(cast.property, Buffer.from('%PDF-1.7 not a photo'), 'a.png')).status).toBe(400);
    const early = await upload(cast.clerk, PNG);
    expect(early.status).toBe(403);
    expect(early.body.message).toMatch(/物业上传整改照片/);
    expect(await count()).toBe(0);

    const added = await upload(cast.property, PNG).expect(201);
    expect(added.body.photos).toEqual([expect.objectContaining({ caption: '整改前', uploadedByName: expect.any(String) })]);
    expect(added.body.mayAddPhoto).toBe(true);
    const file = await t.http.get(added.body.photos[0].url).set(bearer(cast.director.token)).expect(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(file.body as Buffer, PNG)).toBe(0);

    await act(cast.property, id, { action: 'start' }).expect(201);
    await act(cast.property, id, { action: 'submit', text: '已抽水清淤', evidence: [{ name: '整改后照片' }] }).expect(201);
    // Submitted: the property company no longer adds; the committee inspecting does.
    expect((await upload(cast.property, PNG, 'b.png', 'image/png', '整改后')).status).toBe(403);
    await upload(cast.clerk, PNG, 'c.png', 'image/png', '验收现场').expect(201);
    await act(cast.clerk, id, { action: 'accept' }).expect(201);
    expect((await upload(cast.clerk, PNG)).status).toBe(403);
    expect(await count()).toBe(2);
    // Evidence is insert-only, also for the app's own database role.
    await expect(t.dataSource.query(`UPDATE rectification_photos SET caption = 'x' WHERE item_id = $1`, [id])).rejects.toThrow();
    await expect(t.dataSource.query('DELETE FROM rectification_photos WHERE item_id = $1', [id])).rejects.toThrow();
  });

  it('never lets the property company accept its own item, even a person who also sits on the committee', async () => {
    const raised = await t.http
      .post(url())
      .set(bearer(cast.director.token))
      .send({ title: '2 幢楼道堆物', source: 'inspection', sourceNote: '11 月 28 日业委会巡查', dueOn: plusDays(await today(), 3) })
      .expect(201);
    const id = raised.body.id as string;
    await act(both, id, { action: 'submit', text: '已清理', evidence: [{ name: '照片' }] }).expect(201);
    for (const who of [cast.property, both]) {
      const res = await act(who, id, { action: 'accept' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('rectification_self_acceptance');
      expect(res.body.message).toContain('物业不能验收');
    }
    expect(
      (
        await t.http
          .get(url(`/${id}`))
          .set(bearer(both.token))
          .expect(200)
      ).body,
    ).toMatchObject({ status: 'submitted', allowedActions: [] });
    const rejected = await act(cast.director, id, { action: 'reject', text: '楼道仍有纸箱' }).expect(201);
    expect(rejected.body.status).toBe('in_progress');
  });

  it('refuses bad input in Chinese and stores nothing', async () => {
    const soon = plusDays(await today(), 10);
    const [{ n: before }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM rectification_items WHERE community_id = $1`, [
      cast.community,
    ]);
    const past = await t.http
      .post(url())
      .set(bearer(cast.director.token))
      .send({ title: '过期', source: 'inspection', sourceNote: '巡查', dueOn: '2020-01-01' });
    expect(past.status).toBe(400);
    expect(past.body.message).toContain('早于今天');
    const noNote = await t.http.post(url()).set(bearer(cast.director.token)).send({ title: '无说明', source: 'inspection', dueOn: soon });
    expect(noNote.status).toBe(400);
    expect(noNote.body.code).toBe('inspection_note_required');
    const notJoint = await t.http
      .post(url())
      .set(bearer(cast.director.token))
      .send({ title: '错误关联', source: 'inspection', sourceNote: '巡查', meetingId, dueOn: soon });
    expect(notJoint.status).toBe(400);
    expect(notJoint.body.code).toBe('meeting_not_joint');
    const byProperty = await t.http
      .post(url())
      .set(bearer(cast.property.token))
      .send({ title: '自提', source: 'inspection', sourceNote: '巡查', dueOn: soon });
    expect(byProperty.status).toBe(403);
    const [{ n: after }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM rectification_items WHERE community_id = $1`, [
      cast.community,
    ]);
    expect(after).toBe(before);
  });

  it('the due-date job marks an open item overdue once, notifies both sides and shows it on 我的待办', async () => {
    const due = plusDays(await today(), 2);
    const raised = await t.http
      .post(url())
      .set(bearer(cast.director.token))
      .send({ title: '地库积水', source: 'inspection', sourceNote: '物业月检', dueOn: due })
      .expect(201);
    const id = raised.body.id as string;
    // The job waits in pg-boss until the first minute after the due day in the community's zone.
    const [job] = await t.ownerQuery<{ start_after: Date }>(
      `SELECT start_after FROM pgboss.job WHERE name = 'rectification-overdue' AND data->>'itemId' = $1`,
      [id],
    );
    expect(job).toBeDefined();
    const [{ expected }] = await t.dataSource.query(
      `SELECT ((($1::date + 1)::timestamp) AT TIME ZONE time_zone) AS expected FROM communities WHERE id = $2`,
      [due, cast.community],
    );
    expect(new Date(job.start_after).getTime()).toBe(new Date(expected).getTime());

    const service = t.app.get(RectificationService);
    // Run early (a clock skew): nothing happens.
    expect(await service.markOverdueIfDue(cast.community, id)).toBe('not_due');
    t.clock.travelTo(new Date(new Date(expected).getTime() + 60_000));
    try {
      expect(await service.markOverdueIfDue(cast.community, id)).toBe('marked');
      expect(await service.markOverdueIfDue(cast.community, id)).toBe('not_open');
      const detail = (
        await t.http
          .get(url(`/${id}`))
          .set(bearer(cast.director.token))
          .expect(200)
      ).body;
      expect(detail.overdue).toBe(true);
      expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['raised', 'overdue']);
      expect((await todo(cast.property)).some((i) => i.kind === 'rectification_overdue' && i.link.endsWith(id))).toBe(true);
      expect((await todo(cast.director)).some((i) => i.kind === 'rectification_overdue' && i.link.endsWith(id))).toBe(true);
      const notes = await t.dataSource.query(
        `SELECT recipient_role FROM notifications WHERE subject_id = $1 AND subject LIKE '整改事项逾期%'`,
        [id],
      );
      expect(notes.map((n: { recipient_role: string }) => n.recipient_role).sort()).toEqual([
        'committee_director',
        'committee_member',
        'property_company',
      ]);
      const list = (await t.http.get(url()).set(bearer(cast.director.token)).expect(200)).body;
      expect(list.overdue).toBeGreaterThanOrEqual(1);
    } finally {
      t.clock.reset();
    }
  });

  it('the history cannot be rewritten by the app role', async () => {
    await expect(t.dataSource.query(`UPDATE rectification_events SET text = 'x'`)).rejects.toThrow();
  });
});
