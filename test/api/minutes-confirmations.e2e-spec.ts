import { checkText } from '@gongyi/domain/documents/checklists';
import { MINUTES_JOINT_MEETING_CHECKLIST } from '@gongyi/domain/documents/checklists/minutes';
import { pdfsig, pdftotext } from '@gongyi/pdf/testing/poppler';
import { Cast, chainCast, createItem, meetingBody, recordStage } from '../support/chain-fixtures';
import { Member } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const binary = (req: ReturnType<TestApp['http']['get']>) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
const flat = (pdf: Buffer) => pdftotext(pdf).replace(/\s+/g, '');

interface View {
  round: number;
  final: boolean;
  outstanding: number;
  document: { id: string; number: string; status: string } | null;
  attendees: { index: number; name: string; party: string; hasAccount: boolean; present: boolean; state: string; atText: string | null }[];
}

/**
 * 会议纪要确认 (issues 12, 14): the attendees of 联席会议 confirm its minutes; a paper signature needs the recorder
 * and a second committee member; an objection sends the minutes back to the recorder and confirmations restart.
 */
describe('attendees confirm the minutes of the chain meetings', () => {
  let t: TestApp;
  let cast: Cast;
  let itemId: string;
  let meetingId: string;
  let stranger: Member;
  const url = (path: string) => `/api/communities/${cast.community}${path}`;
  const m = (path = '') => url(`/meetings/${meetingId}${path}`);
  const view = async (): Promise<View> => (await t.http.get(m('/confirmations')).set(bearer(cast.clerk.token)).expect(200)).body;
  const respond = (who: Member, body: Record<string, unknown>) => t.http.post(m('/confirmations')).set(bearer(who.token)).send(body);
  const todoKinds = async (who: Member) =>
    (
      (await t.http.get(url('/todo')).set(bearer(who.token)).expect(200)).body.items as { kind: string; link: string; atText: string }[]
    ).filter((i) => i.link.includes(meetingId));
  const facts = async () =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM minutes_confirmations WHERE meeting_id = $1', [meetingId]))[0].n as number;
  // Attendee order: 0 郑书记 (account), 1 居委会王主任 (account), 2 李委员 = the recorder (account),
  // 3 物业李经理 (no account), 4 张代表 (absent).
  const attendees = () => [
    { name: '郑书记', party: '党支部', present: true, userId: cast.secretary.userId },
    { name: '居委会王主任', party: '居委会', present: true, userId: cast.residents.userId },
    { name: '李委员', party: '业委会', present: true, userId: cast.clerk.userId },
    { name: '物业李经理', party: '物业', present: true },
    { name: '张代表', party: '居民代表', present: false },
  ];

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, []);
    const other = await chainCast(t, []);
    stranger = other.director;
    itemId = await createItem(t, cast, 'art278_7', '3 幢加装电梯');
    await recordStage(t, cast, itemId, 'party_prediscussion', cast.secretary, meetingBody({ outcome: 'advance' })).expect(201);
  });
  afterAll(() => t.close());

  it('refuses an attendee linked to an account outside the community, and stores nothing', async () => {
    const res = await recordStage(
      t,
      cast,
      itemId,
      'joint_meeting',
      cast.clerk,
      meetingBody({
        outcome: 'advance',
        attendees: [...attendees(), { name: '外人', party: '专家', present: true, userId: stranger.userId }],
        details: { plan: '加装一部电梯，公开招标', options: ['方案甲'] },
      }),
    ).expect(400);
    expect(res.body).toMatchObject({ code: 'attendee_not_in_community' });
    expect(res.body.message).toContain('外人');
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM meetings WHERE agenda_item_id = $1 AND stage = 'joint_meeting'`,
      [itemId],
    );
    expect(n).toBe(0);
  });

  it('lists attendees by party, the absentee apart; each account holder finds the minutes in 我的待办 and is notified', async () => {
    const res = await recordStage(
      t,
      cast,
      itemId,
      'joint_meeting',
      cast.clerk,
      meetingBody({ outcome: 'advance', attendees: attendees(), details: { plan: '加装一部电梯，公开招标', options: ['方案甲'] } }),
    ).expect(201);
    meetingId = res.body.meeting.id;
    const v = await view();
    expect(v.attendees.map((a) => [a.name, a.party, a.hasAccount, a.state])).toEqual([
      ['郑书记', '党支部', true, 'waiting'],
      ['居委会王主任', '居委会', true, 'waiting'],
      ['李委员', '业委会', true, 'waiting'],
      ['物业李经理', '物业', false, 'waiting'],
      ['张代表', '居民代表', false, 'absent'],
    ]);
    expect(v).toMatchObject({ round: 1, final: false, outstanding: 4, document: null });
    for (const who of [cast.secretary, cast.residents, cast.clerk]) {
      const mine = await todoKinds(who);
      expect(mine.map((i) => i.kind)).toContain('minutes_confirm');
      const task = mine.find((i) => i.kind === 'minutes_confirm')!;
      expect(task.link).toBe(`/c/${cast.community}/meetings/${meetingId}/minutes`);
      expect(task.atText).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    }
    expect((await todoKinds(cast.property)).map((i) => i.kind)).not.toContain('minutes_confirm');
    const [note] = await t.dataSource.query(
      `SELECT subject, body FROM notifications WHERE community_id = $1 AND recipient_user_id = $2 AND subject_id = $3`,
      [cast.community, cast.secretary.userId, meetingId],
    );
    expect(note.subject).toBe('请确认会议纪要：联席会议「3 幢加装电梯」');
    expect(note.body).toMatch(/2026年11月20日 19:00/);
  });

  describe('no one alone: a paper signature needs the recorder and a second committee member', () => {
    it('refuses anyone but the recorder entering it', async () => {
      const before = await facts();
      const res = await t.http.post(m('/paper-confirmations/3')).set(bearer(cast.clerk2.token)).expect(403);
      expect(res.body).toMatchObject({ code: 'not_the_recorder' });
      expect(await facts()).toBe(before);
    });

    it('refuses a paper signature for an attendee who has an account (they confirm themselves)', async () => {
      const res = await t.http.post(m('/paper-confirmations/1')).set(bearer(cast.clerk.token)).expect(409);
      expect(res.body).toMatchObject({ code: 'attendee_has_account' });
      expect(res.body.message).toContain('居委会王主任');
    });

    it('refuses the recorder countersigning his own entry: the entry alone does not count', async () => {
      await t.http.post(m('/paper-confirmations/3')).set(bearer(cast.clerk.token)).expect(201);
      const before = await facts();
      const res = await t.http.post(m('/paper-confirmations/3/countersignature')).set(bearer(cast.clerk.token)).expect(403);
      expect(res.body).toMatchObject({ code: 'same_person' });
      expect(await facts()).toBe(before);
      expect((await view()).attendees[3].state).toBe('paper_entered');
    });

    it('refuses a countersignature by someone who is not a committee member', async () => {
      await t.http.post(m('/paper-confirmations/3/countersignature')).set(bearer(cast.residents.token)).expect(403);
      expect((await view()).attendees[3].state).toBe('paper_entered');
    });

    it('the second member is told and finds it in 我的待办, and countersigns', async () => {
      expect((await todoKinds(cast.clerk2)).map((i) => i.kind)).toContain('minutes_paper');
      expect((await todoKinds(cast.clerk)).map((i) => i.kind)).not.toContain('minutes_paper');
      await t.http.post(m('/paper-confirmations/3/countersignature')).set(bearer(cast.clerk2.token)).expect(201);
      expect((await view()).attendees[3].state).toBe('confirmed');
      expect((await todoKinds(cast.clerk2)).map((i) => i.kind)).not.toContain('minutes_paper');
    });

    it('refuses a paper signature for an absentee', async () => {
      expect((await t.http.post(m('/paper-confirmations/4')).set(bearer(cast.clerk.token)).expect(409)).body.code).toBe('attendee_absent');
    });
  });

  describe('only the attendee confirms, personally', () => {
    it('refuses someone who was not at the meeting', async () => {
      const res = await respond(cast.director, { decision: 'confirm' }).expect(409);
      expect(res.body).toMatchObject({ code: 'not_an_attendee' });
    });

    it('an attendee confirms once; the time is recorded and shown in the community zone', async () => {
      await respond(cast.secretary, { decision: 'confirm' }).expect(201);
      const again = await respond(cast.secretary, { decision: 'confirm' }).expect(409);
      expect(again.body.code).toBe('already_responded');
      const a = (await view()).attendees[0];
      expect(a.state).toBe('confirmed');
      expect(a.atText).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
      expect((await todoKinds(cast.secretary)).map((i) => i.kind)).not.toContain('minutes_confirm');
    });
  });

  describe('an objection: the recorder amends, and every confirmation starts again', () => {
    it('an objection needs a reason', async () => {
      expect((await respond(cast.residents, { decision: 'object' }).expect(400)).body.code).toBe('objection_reason_required');
    });

    it('the objection reaches the recorder; nobody else may amend', async () => {
      await respond(cast.residents, { decision: 'object', comment: '居委会的意见是先做采光评估，纪要漏记了' }).expect(201);
      expect((await view()).attendees[1].state).toBe('objected');
      expect((await todoKinds(cast.clerk)).map((i) => i.kind)).toContain('minutes_objection');
      const res = await t.http.post(m('/amendments')).set(bearer(cast.clerk2.token)).send({ minutes: '改', reason: '我来改' }).expect(403);
      expect(res.body.code).toBe('not_the_recorder');
    });

    it('the amended minutes go round again: earlier confirmations no longer count', async () => {
      await t.http
        .post(m('/amendments'))
        .set(bearer(cast.clerk.token))
        .send({ minutes: '会议讨论了电梯更新方案。居委会提出先做采光评估，与会各方同意。', reason: '按居委会王主任的意见补充' })
        .expect(201);
      const v = await view();
      expect(v.round).toBe(2);
      expect(v.attendees.slice(0, 4).map((a) => a.state)).toEqual(['waiting', 'waiting', 'waiting', 'waiting']);
      expect((await todoKinds(cast.secretary)).map((i) => i.kind)).toContain('minutes_confirm');
      expect((await todoKinds(cast.clerk)).map((i) => i.kind)).not.toContain('minutes_objection');
    });
  });

  it('final only when every attendee present has confirmed: the PDF prints each confirmation and carries no seal', async () => {
    await respond(cast.secretary, { decision: 'confirm' }).expect(201);
    await respond(cast.residents, { decision: 'confirm' }).expect(201);
    await t.http.post(m('/paper-confirmations/3')).set(bearer(cast.clerk.token)).expect(201);
    await t.http.post(m('/paper-confirmations/3/countersignature')).set(bearer(cast.clerk2.token)).expect(201);
    // The committee registers the record as a draft: it follows each confirmation, but is neither final nor sealable.
    await t.http.post(url('/documents')).set(bearer(cast.clerk2.token)).send({ type: 'meeting_minutes', sourceId: meetingId }).expect(201);
    let v = await view();
    expect(v).toMatchObject({ final: false, outstanding: 1 });
    expect(v.document?.status).toBe('draft');
    expect(
      (
        await t.http
          .get(url(`/documents/${v.document!.id}/file`))
          .set(bearer(cast.clerk.token))
          .expect(409)
      ).body.code,
    ).toBe('document_not_final');
    const seal = await t.http.post(url('/seal-requests')).set(bearer(cast.clerk2.token)).send({ documentId: v.document!.id }).expect(409);
    expect(seal.body.code).toBe('no_seal_required');
    expect(
      flat((await binary(t.http.get(url(`/documents/${v.document!.id}/preview`)).set(bearer(cast.clerk.token))).expect(200)).body),
    ).toContain('尚有1人未确认');

    await respond(cast.clerk, { decision: 'confirm' }).expect(201);
    v = await view();
    expect(v).toMatchObject({ final: true, outstanding: 0 });
    expect(v.document?.status).toBe('final');
    const pdf = (await binary(t.http.get(url(`/documents/${v.document!.id}/file`)).set(bearer(cast.residents.token))).expect(200))
      .body as Buffer;
    const text = flat(pdf);
    for (const phrase of [
      '联席会议',
      '郑书记',
      '居委会王主任',
      '李委员',
      '物业李经理',
      '本人在平台确认',
      '纸面签字',
      '居委会提出先做采光评估',
      '全体出席人员确认',
    ])
      expect([phrase, text.includes(phrase)]).toEqual([phrase, true]);
    expect(text).toMatch(/已于2026年\d{1,2}月\d{1,2}日\d{2}:\d{2}确认/);
    // The checklist of 联席会议纪要 (issue 12 item 2), item by item.
    for (const item of MINUTES_JOINT_MEETING_CHECKLIST.items) expect([item.id, item.pattern.test(text)]).toEqual([item.id, true]);
    // …and none of the text that would contradict a record carrying confirmations, not a seal.
    expect(checkText(MINUTES_JOINT_MEETING_CHECKLIST, pdftotext(pdf)).contradictions.map((f) => f.id)).toEqual([]);
    expect(text).not.toContain('（盖章）');
    expect(pdfsig(pdf).stdout).not.toMatch(/Signature #1/);
    expect(text).toContain('张代表');
    // The public verifier recognises the registered record (no seal by policy) — and a changed copy is not it.
    const checked = (await t.http.post('/api/verify').attach('file', pdf, 'minutes.pdf').expect(200)).body;
    expect(checked).toMatchObject({ verdict: 'genuine', ok: true, matchesRegistered: true, signatureCount: 0 });
    expect(checked.headline).toContain('经全体出席人员确认');
    const byNumber = (await t.http.get(`/api/verify/${v.document!.number}`).expect(200)).body;
    expect(byNumber).toMatchObject({ verdict: 'genuine', ok: true });
    const copy = Buffer.concat([pdf, Buffer.from('\n% printed again\n')]);
    expect((await t.http.post('/api/verify').attach('file', copy, 'copy.pdf').expect(200)).body.verdict).toBe('unsealed_copy');

    // After final: nothing changes any more.
    expect((await respond(cast.secretary, { decision: 'object', comment: '晚了' }).expect(409)).body.code).toBe('minutes_final');
    expect(
      (await t.http.post(m('/amendments')).set(bearer(cast.clerk.token)).send({ minutes: 'x', reason: '再改' }).expect(409)).body.code,
    ).toBe('minutes_final');
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM record_entries WHERE community_id = $1 AND action LIKE 'agenda.minutes_%'`,
      [cast.community],
    );
    expect(n).toBeGreaterThanOrEqual(10);
  });

  it('confirmations are insert-only in the database', async () => {
    await expect(t.ownerQuery(`UPDATE minutes_confirmations SET comment = 'x' WHERE meeting_id = $1`, [meetingId])).rejects.toThrow(
      /immutable/,
    );
    await expect(t.ownerQuery(`DELETE FROM minutes_confirmations WHERE meeting_id = $1`, [meetingId])).rejects.toThrow(/immutable/);
  });

  it('支部先议 minutes wait for their attendees the same way; an unknown meeting is a 404', async () => {
    const [row] = await t.dataSource.query(`SELECT id FROM meetings WHERE agenda_item_id = $1 AND stage = 'party_prediscussion'`, [itemId]);
    expect(row).toBeDefined();
    const party = await t.http
      .get(url(`/meetings/${row.id}/confirmations`))
      .set(bearer(cast.clerk.token))
      .expect(200);
    expect(party.body.stageLabel).toBe('支部先议');
    const bad = await t.http.get(url(`/meetings/00000000-0000-4000-8000-000000000000/confirmations`)).set(bearer(cast.clerk.token));
    expect(bad.status).toBe(404);
  });
});
