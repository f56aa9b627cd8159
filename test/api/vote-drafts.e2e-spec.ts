import { advanceToAssembly, Cast, chainCast, createItem, openVote, publishFinalResult } from '../support/chain-fixtures';
import { VoteClosingService } from '../../apps/api/src/voting/vote-closing.service';
import { createMember, SMALL_ROSTER } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const DAY = 86_400_000;

describe('vote drafts are editable and deletable until published; an item can be put to the owners again', () => {
  let t: TestApp;
  let cast: Cast;
  const c = (path: string) => `/api/communities/${cast.community}${path}`;
  const draftBody = (title: string, opensInDays = 20) => ({
    title,
    method: '网上投票',
    channels: ['online', 'paper'],
    opensAt: new Date(Date.now() + opensInDays * DAY).toISOString(),
    closesAt: new Date(Date.now() + (opensInDays + 7) * DAY).toISOString(),
    motions: [{ title: '关于东门改造的议案', fullText: '议案全文……', kind: 'yes_no' }],
  });
  const actions = async () =>
    (await t.dataSource.query(`SELECT action FROM record_entries WHERE community_id = $1 ORDER BY seq`, [cast.community])).map(
      (r: { action: string }) => r.action,
    );

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, SMALL_ROSTER);
  });
  afterAll(() => t.close());

  it('edits a draft (title, dates, motions) and records the change; others cannot; a published vote cannot be edited', async () => {
    const item = await createItem(t, cast, 'art278_7', '东门改造');
    await advanceToAssembly(t, cast, item);
    const draft = await t.http
      .post(c(`/agenda-items/${item}/votes`))
      .set(bearer(cast.clerk.token))
      .send(draftBody('初稿'))
      .expect(201);
    const edited = draftBody('第一次业主大会', 25);
    edited.motions = [
      { title: '议案一', fullText: '全文一', kind: 'yes_no' },
      { title: '议案二', fullText: '全文二', kind: 'yes_no' },
    ];
    await t.http
      .put(c(`/votes/${draft.body.id}`))
      .set(bearer(cast.clerk2.token))
      .send(edited)
      .expect(200);
    const vote = (
      await t.http
        .get(c(`/votes/${draft.body.id}`))
        .set(bearer(cast.clerk.token))
        .expect(200)
    ).body;
    expect(vote.title).toBe('第一次业主大会');
    expect(new Date(vote.opensAt).toISOString()).toBe(edited.opensAt);
    expect(vote.motions.map((m: { title: string }) => m.title)).toEqual(['议案一', '议案二']);
    expect(await actions()).toContain('voting.draft_updated');

    const owner = await createMember(t, cast.community, 'owner');
    await t.http
      .put(c(`/votes/${draft.body.id}`))
      .set(bearer(owner.token))
      .send(draftBody('偷改'))
      .expect(403);
    await t.http
      .delete(c(`/votes/${draft.body.id}`))
      .set(bearer(owner.token))
      .expect(403);
    const bad = await t.http
      .put(c(`/votes/${draft.body.id}`))
      .set(bearer(cast.clerk.token))
      .send({ ...draftBody('倒置'), closesAt: new Date(Date.now() + DAY).toISOString() })
      .expect(400);
    expect(bad.body.code).toBe('invalid_window');
    expect((await t.http.get(c(`/votes/${draft.body.id}`)).set(bearer(cast.clerk.token))).body.title).toBe('第一次业主大会');

    // A second draft while this one is undecided is refused.
    const second = await t.http
      .post(c(`/agenda-items/${item}/votes`))
      .set(bearer(cast.clerk.token))
      .send(draftBody('另一份'))
      .expect(409);
    expect(second.body.code).toBe('vote_exists');
  });

  it('deletes a draft, which leaves a record entry and lets a new draft be made', async () => {
    const item = await createItem(t, cast, 'art278_7', '西门改造');
    await advanceToAssembly(t, cast, item);
    const draft = await t.http
      .post(c(`/agenda-items/${item}/votes`))
      .set(bearer(cast.clerk.token))
      .send(draftBody('要删的'))
      .expect(201);
    await t.http
      .delete(c(`/votes/${draft.body.id}`))
      .set(bearer(cast.clerk.token))
      .expect(200);
    await t.http
      .get(c(`/votes/${draft.body.id}`))
      .set(bearer(cast.clerk.token))
      .expect(404);
    await t.http
      .delete(c(`/votes/${draft.body.id}`))
      .set(bearer(cast.clerk.token))
      .expect(404);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM motions WHERE vote_id = $1', [draft.body.id]);
    expect(n).toBe(0);
    expect(await actions()).toContain('voting.draft_deleted');
    await t.http
      .post(c(`/agenda-items/${item}/votes`))
      .set(bearer(cast.clerk.token))
      .send(draftBody('新的'))
      .expect(201);
  });

  it('a published vote can be neither edited nor deleted; after it fails the item is returned and can be voted on again', async () => {
    const item = await createItem(t, cast, 'art278_7', '南门改造');
    await advanceToAssembly(t, cast, item);
    const v = await openVote(t, cast, item);
    const edit = await t.http
      .put(c(`/votes/${v.id}`))
      .set(bearer(cast.clerk.token))
      .send(draftBody('改公告'))
      .expect(409);
    expect(edit.body.code).toBe('notice_published');
    await t.http
      .delete(c(`/votes/${v.id}`))
      .set(bearer(cast.clerk.token))
      .expect(409);

    // Nobody votes: no quorum, the vote fails when it closes.
    t.clock.travelTo(new Date(new Date(v.closesAt).getTime() + 1000));
    try {
      expect(await t.app.get(VoteClosingService).closeIfDue(cast.community, v.id)).toBe('closed');
    } finally {
      t.clock.reset();
    }
    // Until the final result is published after the objection period, the item waits and no new vote is drafted.
    const early = await t.http
      .post(c(`/agenda-items/${item}/votes`))
      .set(bearer(cast.clerk.token))
      .send(draftBody('过早的第二次表决'))
      .expect(409);
    expect(early.body.code).toBe('final_result_pending');
    // The item says so, for the web app to explain why no new vote can be drafted yet.
    const waiting = (
      await t.http
        .get(c(`/agenda-items/${item}`))
        .set(bearer(cast.clerk.token))
        .expect(200)
    ).body;
    expect(waiting.votes).toHaveLength(1);
    expect(waiting.votes[0]).toMatchObject({ id: v.id, status: 'closed', finalResultPending: true });
    expect(new Date(waiting.votes[0].objectionEndsAt).getTime()).toBeGreaterThan(new Date(v.closesAt).getTime());
    await publishFinalResult(t, cast, v.id);
    const state = (
      await t.http
        .get(c(`/agenda-items/${item}`))
        .set(bearer(cast.clerk.token))
        .expect(200)
    ).body;
    expect(state).toMatchObject({ status: 'returned', currentStage: 'assembly_vote' });
    expect(state.votes[0]).toMatchObject({ id: v.id, finalResultPending: false });
    await t.http
      .post(c(`/agenda-items/${item}/resubmissions`))
      .set(bearer(cast.clerk.token))
      .send({ note: '调整方案后再次表决' })
      .expect(201);
    const again = await t.http
      .post(c(`/agenda-items/${item}/votes`))
      .set(bearer(cast.clerk.token))
      .send(draftBody('第二次表决'))
      .expect(201);
    expect(again.body.id).not.toBe(v.id);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM assembly_votes WHERE agenda_item_id = $1', [item]);
    expect(n).toBe(2);
  }, 150_000);
});
