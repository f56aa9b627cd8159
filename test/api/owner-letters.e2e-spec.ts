import { LETTER_TODO_DAYS } from '@gongyi/domain/documents/owner-letters';
import { advanceToAssembly, Cast, chainCast, createItem, noticeDocument, openVote, ownerTokens } from '../support/chain-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const ROSTER = [
  { 楼栋: '1', 房号: '101', 面积: '90', 面积来源: '登记', 业主: '甲一', 手机: '13920000001' },
  { 楼栋: '1', 房号: '102', 面积: '90', 面积来源: '登记', 业主: '乙二', 手机: '13920000002' },
];

interface Letters {
  unread: number;
  letters: { id: string; number: string; kind: string; kindLabel: string; readAt: string | null; readAtText: string | null }[];
}

/** 公告信件: a sealed notice to all owners waits on each owner's 我的待办 until that owner opens it. */
describe('owners’ letters', () => {
  let t: TestApp;
  let cast: Cast;
  let owners: Map<string, { userId: string; token: string }>;
  let notice: { id: string; number: string };
  const url = (path: string) => `/api/communities/${cast.community}${path}`;
  const todo = async (token: string) =>
    (await t.http.get(url('/todo')).set(bearer(token)).expect(200)).body as { items: { kind: string; title: string; link: string }[] };
  const letters = async (token: string): Promise<Letters> => (await t.http.get(url('/letters')).set(bearer(token)).expect(200)).body;
  const reads = async () =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM document_reads WHERE community_id = $1', [cast.community]))[0].n as number;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, ROSTER);
    owners = await ownerTokens(t, cast);
    const itemId = await createItem(t, cast, 'art278_5', '更换水泵');
    await advanceToAssembly(t, cast, itemId);
    const vote = await openVote(t, cast, itemId);
    notice = await noticeDocument(t, cast, vote.id);
  });
  afterAll(() => t.close());

  it('the sealed assembly notice waits, unread, on every owner’s 我的待办 and in their letters', async () => {
    for (const owner of owners.values()) {
      const task = (await todo(owner.token)).items.find((i) => i.kind === 'owner_letter');
      expect(task).toMatchObject({ link: `/c/${cast.community}/letters` });
      expect(task!.title).toMatch(/^请阅读：/);
      const mine = await letters(owner.token);
      expect(mine.unread).toBe(1);
      expect(mine.letters).toEqual([
        expect.objectContaining({
          id: notice.id,
          number: notice.number,
          kind: 'assembly_notice',
          kindLabel: '业主大会会议公告',
          readAt: null,
        }),
      ]);
    }
    // Every owner was told when it was sealed (one message to the role, in the owners' own words).
    const [told] = await t.dataSource.query(
      `SELECT subject, body FROM notifications WHERE community_id = $1 AND recipient_role = 'owner' AND subject_type = 'document' AND subject_id = $2`,
      [cast.community, notice.id],
    );
    expect(told).toMatchObject({ subject: expect.stringMatching(/^新公告：/), body: expect.stringContaining(notice.number) });
    // Not an owner's letter to the committee: it wrote it.
    expect((await todo(cast.director.token)).items.some((i) => i.kind === 'owner_letter')).toBe(false);
  });

  it('opening it takes it off that owner’s list only; the first opening is kept', async () => {
    const a = owners.get('甲一')!;
    const b = owners.get('乙二')!;
    const first = await t.http
      .post(url(`/letters/${notice.id}/read`))
      .set(bearer(a.token))
      .expect(200);
    expect(first.body.readAt).toEqual(expect.any(String));
    expect(first.body.readAtText).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    t.clock.travelTo(new Date(Date.now() + 3600_000));
    try {
      const again = await t.http
        .post(url(`/letters/${notice.id}/read`))
        .set(bearer(a.token))
        .expect(200);
      expect(again.body.readAt).toBe(first.body.readAt);
    } finally {
      t.clock.reset();
    }
    expect(await reads()).toBe(1);
    expect((await todo(a.token)).items.some((i) => i.kind === 'owner_letter')).toBe(false);
    expect((await letters(a.token)).unread).toBe(0);
    expect((await todo(b.token)).items.some((i) => i.kind === 'owner_letter')).toBe(true);
  });

  it('refuses what is not a letter of this community, and people who are not owners, writing nothing', async () => {
    const b = owners.get('乙二')!;
    const before = await reads();
    const unknown = await t.http.post(url('/letters/00000000-0000-4000-8000-000000000000/read')).set(bearer(b.token)).expect(404);
    expect(unknown.body.message).toMatch(/公告信件不存在/);
    await t.http.post(url('/letters/not-a-uuid/read')).set(bearer(b.token)).expect(400);
    // Another community's sealed notice is not this community's letter.
    const other = await chainCast(
      t,
      ROSTER.map((l) => ({ ...l, 手机: l.手机.replace('1392', '1393') })),
    );
    const otherItem = await createItem(t, other, 'art278_5', '更换水泵');
    await advanceToAssembly(t, other, otherItem);
    const otherVote = await openVote(t, other, otherItem);
    const otherNotice = await noticeDocument(t, other, otherVote.id);
    await t.http
      .post(url(`/letters/${otherNotice.id}/read`))
      .set(bearer(b.token))
      .expect(404);
    // The property company and the committee hold no owner role here.
    await t.http.get(url('/letters')).set(bearer(cast.property.token)).expect(403);
    await t.http
      .post(url(`/letters/${notice.id}/read`))
      .set(bearer(cast.director.token))
      .expect(403);
    expect(await reads()).toBe(before);
  });

  it('an unread letter leaves 我的待办 after the reading period but stays in the letters, unread', async () => {
    const b = owners.get('乙二')!;
    t.clock.travelTo(new Date(Date.now() + (LETTER_TODO_DAYS + 1) * 86_400_000));
    try {
      expect((await todo(b.token)).items.some((i) => i.kind === 'owner_letter')).toBe(false);
      expect(await letters(b.token)).toMatchObject({ unread: 1, letters: [expect.objectContaining({ id: notice.id, readAt: null })] });
    } finally {
      t.clock.reset();
    }
  });

  it('the app’s database role cannot change or remove when an owner opened a letter', async () => {
    await expect(t.dataSource.query('UPDATE document_reads SET read_at = now()')).rejects.toThrow(/permission denied/);
    await expect(t.dataSource.query('DELETE FROM document_reads')).rejects.toThrow(/permission denied/);
  });
});
