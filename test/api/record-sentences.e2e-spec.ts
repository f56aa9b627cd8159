import { Cast, chainCast, createItem, meetingBody, recordStage } from '../support/chain-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

interface Sentences {
  entries: {
    seq: string;
    occurredText: string;
    action: string;
    kind: string;
    sentence: string;
    itemId: string | null;
    itemTitle: string | null;
  }[];
  hasMore: boolean;
}

describe('the decision record read as sentences, with filters and search', () => {
  let t: TestApp;
  let cast: Cast;
  let east: string;
  let north: string;
  const get = async (query: Record<string, string | number> = {}): Promise<Sentences> =>
    (await t.http.get(`/api/communities/${cast.community}/record/sentences`).query(query).set(bearer(cast.director.token)).expect(200))
      .body;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, []);
    east = await createItem(t, cast, 'art278_7', '东门改造');
    north = await createItem(t, cast, 'art278_4', '续聘物业');
    await recordStage(t, cast, east, 'party_prediscussion', cast.secretary, meetingBody({ outcome: 'advance' })).expect(201);
  });
  afterAll(() => t.close());

  it('writes each entry as a Chinese sentence with the actor, newest first, with no codes, JSON or UUIDs', async () => {
    const { entries } = await get();
    expect(entries.length).toBeGreaterThanOrEqual(4);
    expect(Number(entries[0].seq)).toBeGreaterThan(Number(entries[entries.length - 1].seq));
    const submitted = entries.find((e) => e.action === 'agenda.item_submitted' && e.itemId === east)!;
    expect(submitted.sentence).toMatch(/^业委会委员.+提出议题「东门改造」$/);
    const meeting = entries.find((e) => e.action === 'agenda.meeting_recorded')!;
    expect(meeting.sentence).toMatch(/^党支部书记.+记录支部先议会议：议题「东门改造」，结果：通过$/);
    expect(meeting.occurredText).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    for (const e of entries) {
      expect(e.sentence).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-|[{}]|undefined|null|\b[a-z]+\.[a-z_]+\b/);
    }
  });

  it('filters by kind, item, date and words', async () => {
    expect((await get({ kind: 'agenda' })).entries.every((e) => e.kind === 'agenda')).toBe(true);
    expect((await get({ kind: 'identity' })).entries.every((e) => e.action.startsWith('identity.'))).toBe(true);
    const eastOnly = await get({ itemId: east });
    expect(eastOnly.entries.length).toBe(2);
    expect(eastOnly.entries.every((e) => e.itemTitle === '东门改造')).toBe(true);
    const found = await get({ q: '续聘' });
    expect(found.entries.map((e) => e.itemId)).toEqual([north]);
    expect((await get({ from: '2000-01-01', to: '2000-01-02' })).entries).toEqual([]);
    const paged = await get({ limit: 1 });
    expect(paged.entries).toHaveLength(1);
    expect(paged.hasMore).toBe(true);
    const next = await get({ limit: 1, before: Number(paged.entries[0].seq) });
    expect(Number(next.entries[0].seq)).toBeLessThan(Number(paged.entries[0].seq));
  });

  it('refuses bad filters with a Chinese 400', async () => {
    const res = await t.http
      .get(`/api/communities/${cast.community}/record/sentences`)
      .query({ kind: 'nope', from: '2026-13-45' })
      .set(bearer(cast.director.token))
      .expect(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.message).toMatch(/^输入有误：/);
    expect(res.body.message).not.toMatch(/must be|should/);
  });
});
