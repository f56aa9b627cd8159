import { STATEMENT_TYPE } from '@gongyi/pdf';
import { sampleStatement } from '@gongyi/pdf/samples';
import { DocumentsService } from '../../apps/api/src/documents/documents.service';
import { Cast, chainCast, createItem, meetingBody, recordStage } from '../support/chain-fixtures';
import { Member } from '../support/fixtures';
import { issueSealsWithPins, TEST_SEAL_PIN } from '../support/seal-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

interface Todo {
  count: number;
  items: { kind: string; title: string; detail: string; link: string; atText: string | null }[];
}

describe('我的待办 and the notifications of work that waits', () => {
  let t: TestApp;
  let cast: Cast;
  const url = (path: string) => `/api/communities/${cast.community}${path}`;
  const todo = async (who: Member): Promise<Todo> => (await t.http.get(url('/todo')).set(bearer(who.token)).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, []);
  });
  afterAll(() => t.close());

  it('an item at 支部先议 waits for the party secretary only, who is notified, until the meeting is recorded', async () => {
    const itemId = await createItem(t, cast, 'art278_7', '东门改造');
    const mine = await todo(cast.secretary);
    const task = mine.items.find((i) => i.kind === 'prediscussion');
    expect(task).toMatchObject({ title: '支部先议：东门改造', link: `/c/${cast.community}/agenda/${itemId}` });
    expect(task!.atText).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(mine.items.some((i) => i.kind === 'notification' && i.title.includes('东门改造'))).toBe(true);
    expect(mine.count).toBe(mine.items.length);
    expect((await todo(cast.property)).items.some((i) => i.kind === 'prediscussion')).toBe(false);

    await recordStage(t, cast, itemId, 'party_prediscussion', cast.secretary, meetingBody({ outcome: 'advance' })).expect(201);
    expect((await todo(cast.secretary)).items.some((i) => i.kind === 'prediscussion' && i.link.endsWith(itemId))).toBe(false);
    // The next stage (联席会议) is recorded by the committee: now it waits for them.
    expect((await todo(cast.director)).items.some((i) => i.kind === 'committee_stage' && i.title === '联席会议：东门改造')).toBe(true);
  });

  it('refuses a 支部先议 meeting dated in the future, in Chinese, and records nothing', async () => {
    const itemId = await createItem(t, cast, 'art278_7', '北门改造');
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM record_entries WHERE community_id = $1', [cast.community]);
    const res = await recordStage(
      t,
      cast,
      itemId,
      'party_prediscussion',
      cast.secretary,
      meetingBody({ outcome: 'advance', heldAt: '2030-06-01T10:00:00+08:00' }),
    ).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'date_in_future' });
    expect(res.body.message).toMatch(/不能晚于现在/);
    expect(res.body.message).not.toMatch(/[A-Za-z]{3,}\s+[A-Za-z]{3,}/);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM meetings WHERE agenda_item_id = $1', [itemId]);
    expect(n).toBe(0);
    const after = await t.dataSource.query('SELECT count(*)::int AS n FROM record_entries WHERE community_id = $1', [cast.community]);
    expect(after[0].n).toBe(before[0].n);
    expect((await todo(cast.secretary)).items.some((i) => i.kind === 'prediscussion' && i.link.endsWith(itemId))).toBe(true);
  });

  it('a seal request waits for the custodian of the seal it needs (not the requester), notified personally', async () => {
    // Custodians set their own PINs first, so the keys are wrapped for them (the legitimate path).
    await issueSealsWithPins(t, cast.community, cast.director, [cast.residents, cast.director]);
    const major = await createItem(t, cast, 'art278_5', '更换水泵');
    const documents = t.app.get(DocumentsService);
    const doc = await documents.renderAndRegister(null, cast.community, {
      type: STATEMENT_TYPE,
      title: '公共收益收支明细表',
      sourceType: 'test',
      input: sampleStatement(),
      actorId: cast.clerk.userId,
    });
    await t.http.post(url('/seal-requests')).set(bearer(cast.clerk.token)).send({ documentId: doc.id, agendaItemId: major }).expect(201);
    // A finance statement carries the committee seal only (libs/domain/src/documents/seal-policy.ts): the
    // director keeps it and is asked; the assembly seal's custodian (居委会) is not.
    const director = await todo(cast.director);
    const task = director.items.find((i) => i.kind === 'seal_request');
    expect(task).toMatchObject({ title: '用章申请：公共收益收支明细表', link: `/c/${cast.community}/seal-inbox` });
    expect(task!.detail).toContain(doc.number);
    expect(task!.detail).toContain('业委会章');
    expect((await todo(cast.residents)).items.some((i) => i.kind === 'seal_request')).toBe(false);
    expect((await todo(cast.clerk)).items.some((i) => i.kind === 'seal_request')).toBe(false);
    const personal = await t.dataSource.query(
      `SELECT recipient_user_id AS "userId" FROM notifications WHERE community_id = $1 AND subject_type = 'seal_request'`,
      [cast.community],
    );
    expect(personal.map((p: { userId: string }) => p.userId)).toEqual([cast.director.userId]);
    // Another member of the same role does not read a message addressed to someone else.
    const otherClerkInbox = (await t.http.get(url('/notifications')).set(bearer(cast.clerk2.token)).expect(200)).body;
    expect(otherClerkInbox.some((n: { subjectType: string }) => n.subjectType === 'seal_request')).toBe(false);

    await t.http
      .post(url(`/seal-requests/${await pendingRequest()}/applications`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(201);
    expect((await todo(cast.director)).items.some((i) => i.kind === 'seal_request')).toBe(false);
  });

  async function pendingRequest(): Promise<string> {
    const [row] = await t.dataSource.query(`SELECT id FROM seal_requests WHERE community_id = $1 AND status = 'pending'`, [cast.community]);
    return row.id;
  }

  it('marking notifications read empties the unread part of the list, for that reader only', async () => {
    const before = await todo(cast.secretary);
    expect(before.items.some((i) => i.kind === 'notification')).toBe(true);
    const marked = await t.http.post(url('/notifications/read')).set(bearer(cast.secretary.token)).expect(200);
    expect(marked.body.marked).toBeGreaterThan(0);
    expect((await todo(cast.secretary)).items.some((i) => i.kind === 'notification')).toBe(false);
    const list = (await t.http.get(url('/notifications')).set(bearer(cast.secretary.token)).expect(200)).body;
    expect(list.every((n: { read: boolean }) => n.read)).toBe(true);
    expect((await todo(cast.director)).items.some((i) => i.kind === 'notification')).toBe(true);
  });

  it('someone without a role in the community gets 403', async () => {
    const other = await chainCast(t, []);
    await t.http.get(url('/todo')).set(bearer(other.secretary.token)).expect(403);
  });
});
