import { draftReference } from '@gongyi/domain/duties/rulebook-adoption';
import { VoteClosingService } from '../../apps/api/src/voting/vote-closing.service';
import { advanceToAssembly, Cast, chainCast, createItem, openVote, ownerTokens } from '../support/chain-fixtures';
import { createCommunity, createMember, RosterLine } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const ROSTER: RosterLine[] = [
  { 楼栋: '1', 单元: '1', 房号: '101', 面积: '100', 面积来源: '登记', 业主: '欧阳甲', 手机: '13900000001' },
  { 楼栋: '1', 单元: '1', 房号: '102', 面积: '90', 面积来源: '登记', 业主: '司马乙', 手机: '13900000002' },
  { 楼栋: '1', 单元: '1', 房号: '201', 面积: '80', 面积来源: '登记', 业主: '上官丁', 手机: '13900000004' },
];

/** Changing the rulebook needs a decision (issue 10 item 5; DOMAIN.md §11). */
describe('rulebook versions take effect only through a decision', () => {
  let t: TestApp;
  let cast: Cast;
  let owners: Awaited<ReturnType<typeof ownerTokens>>;
  const url = (path: string) => `/api/communities/${cast.community}/rulebook${path}`;
  const versions = async () =>
    t.dataSource.query('SELECT version, settings, basis, vote_id FROM rulebooks WHERE community_id = $1 ORDER BY version', [
      cast.community,
    ]);
  const draft = async (change: Record<string, unknown>, who = cast.director) =>
    (await t.http.post(url('/drafts')).set(bearer(who.token)).send({ change, note: '提高每人受托上限' }).expect(201)).body.id as string;

  /** A closed vote on an item of `category`, every owner voting `choice`; its motion names `draftId` if given. */
  const closedVote = async (category: string, choice: 'yes' | 'no', c = cast, tokens = owners, draftId?: string) => {
    const item = await createItem(t, c, category, `议题-${category}-${choice}`);
    await advanceToAssembly(t, c, item);
    const fullText = draftId ? `同意议事规则修订草案 ${draftReference(draftId)}，内容见附件。` : '议案全文：修改议事规则……';
    const vote = await openVote(t, c, item, { motions: [{ title: '关于修改议事规则的议案', fullText, kind: 'yes_no' }] });
    for (const o of tokens.values()) {
      await t.http
        .post(`/api/communities/${c.community}/votes/${vote.id}/ballots`)
        .set(bearer(o.token))
        .send({ choices: [{ motionId: vote.motions[0].id, choice }] })
        .expect(201);
    }
    t.clock.travelTo(new Date(new Date(vote.closesAt).getTime() + 1000));
    try {
      expect(await t.app.get(VoteClosingService).closeIfDue(c.community, vote.id)).toBe('closed');
    } finally {
      t.clock.reset();
    }
    return vote.id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, ROSTER);
    owners = await ownerTokens(t, cast);
  });
  afterAll(() => t.close());

  it('a member drafts; the draft changes nothing by itself', async () => {
    const before = (await t.http.get(url('')).set(bearer(cast.clerk.token)).expect(200)).body;
    await draft({ proxyCap: 5 }, cast.clerk);
    const after = (await t.http.get(url('')).set(bearer(cast.clerk.token)).expect(200)).body;
    expect(after).toEqual(before);
    const bad = await t.http
      .post(url('/drafts'))
      .set(bearer(cast.clerk.token))
      .send({ change: { proxyCap: 0 }, note: '错误的草案' })
      .expect(400);
    expect(bad.body.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  describe('refuses the director acting alone', () => {
    it('no route makes a version directly', async () => {
      const before = await versions();
      await t.http
        .post(url('/versions'))
        .set(bearer(cast.director.token))
        .send({ change: { proxyCap: 9 }, note: '主任自行修改' })
        .expect(404);
      expect(await versions()).toEqual(before);
    });

    it('the director cannot confirm the first rulebook in place of the residents committee', async () => {
      const id = await draft({ proxyCap: 9, spendingLimitFen: '100000000' });
      const before = await versions();
      const res = await t.http
        .post(url(`/drafts/${id}/confirmation`))
        .set(bearer(cast.director.token))
        .expect(403);
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await versions()).toEqual(before);
    });

    it('the director cannot cite a vote that does not exist, is of another community, another matter, or failed', async () => {
      const id = await draft({ proxyCap: 9 });
      const before = await versions();
      const missing = await t.http
        .post(url(`/drafts/${id}/adoption`))
        .set(bearer(cast.director.token))
        .send({ voteId: '00000000-0000-4000-8000-000000000000' })
        .expect(404);
      expect(missing.body).toMatchObject({ code: 'decision_not_found', message: expect.stringContaining('本小区') });
      const wrongMatter = await closedVote('art278_5', 'yes', cast, owners, id);
      const res = await t.http
        .post(url(`/drafts/${id}/adoption`))
        .set(bearer(cast.director.token))
        .send({ voteId: wrongMatter })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'decision_not_art278_1', message: expect.stringContaining('议事规则') });
      const failed = await closedVote('art278_1', 'no', cast, owners, id);
      const lost = await t.http
        .post(url(`/drafts/${id}/adoption`))
        .set(bearer(cast.director.token))
        .send({ voteId: failed })
        .expect(409);
      expect(lost.body).toMatchObject({ code: 'decision_not_passed', message: '所引用的表决未获通过，议事规则不能生效' });
      // Another community's passed art278_1 vote is not a decision of this one.
      const other = await chainCast(
        t,
        ROSTER.map((l) => ({ ...l, 手机: l.手机!.replace('139', '138') })),
      );
      const otherOwners = await ownerTokens(t, other);
      const foreign = await closedVote('art278_1', 'yes', other, otherOwners, id);
      const far = await t.http
        .post(url(`/drafts/${id}/adoption`))
        .set(bearer(cast.director.token))
        .send({ voteId: foreign })
        .expect(404);
      expect(far.body.code).toBe('decision_not_found');
      expect(await versions()).toEqual(before);
    });

    it('the director cannot adopt a draft on a passed vote about another text', async () => {
      const id = await draft({ proxyCap: 9, spendingLimitFen: '900000000' });
      const before = await versions();
      const unnamed = await closedVote('art278_1', 'yes');
      const res = await t.http
        .post(url(`/drafts/${id}/adoption`))
        .set(bearer(cast.director.token))
        .send({ voteId: unnamed })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'decision_not_about_draft', message: expect.stringContaining(draftReference(id)) });
      const otherDraft = await draft({ proxyCap: 3 });
      const aboutOther = await closedVote('art278_1', 'yes', cast, owners, otherDraft);
      const citable = (await t.http.get(url('/citable-votes')).set(bearer(cast.clerk.token)).expect(200)).body;
      expect(citable.find((v: { id: string }) => v.id === aboutOther).draftReferences).toEqual([draftReference(otherDraft)]);
      const wrong = await t.http
        .post(url(`/drafts/${id}/adoption`))
        .set(bearer(cast.director.token))
        .send({ voteId: aboutOther })
        .expect(409);
      expect(wrong.body.code).toBe('decision_not_about_draft');
      expect(await versions()).toEqual(before);
      await t.http
        .post(url(`/drafts/${otherDraft}/withdrawal`))
        .set(bearer(cast.director.token))
        .expect(200);
    });

    it('the platform admin cannot draft or confirm', async () => {
      const before = await versions();
      await t.http
        .post(url('/drafts'))
        .set(bearer(t.adminToken))
        .send({ change: { proxyCap: 9 }, note: '平台修改' })
        .expect(403);
      expect(await versions()).toEqual(before);
    });
  });

  it('accepts the residents committee confirming the first rulebook, and only the first', async () => {
    const id = await draft({ proxyCap: 4 });
    const confirmed = await t.http
      .post(url(`/drafts/${id}/confirmation`))
      .set(bearer(cast.residents.token))
      .expect(201);
    expect(confirmed.body).toMatchObject({ version: 2, basis: 'residents_committee', draftId: id });
    expect(confirmed.body.settings.proxyCap).toBe(4);
    const next = await draft({ proxyCap: 6 });
    const before = await versions();
    const again = await t.http
      .post(url(`/drafts/${next}/confirmation`))
      .set(bearer(cast.residents.token))
      .expect(409);
    expect(again.body).toMatchObject({ code: 'rulebook_not_first', message: expect.stringContaining('业主大会表决通过') });
    expect(await versions()).toEqual(before);
  });

  it('accepts a draft citing a passed art278_1 vote of the same community, once per vote', async () => {
    const id = await draft({ proxyCap: 6, noticeDays: 20 });
    const passed = await closedVote('art278_1', 'yes', cast, owners, id);
    const citable = await t.http.get(url('/citable-votes')).set(bearer(cast.clerk.token)).expect(200);
    expect(citable.body.find((v: { id: string }) => v.id === passed)).toMatchObject({ passed: true });
    const adopted = await t.http
      .post(url(`/drafts/${id}/adoption`))
      .set(bearer(cast.clerk.token))
      .send({ voteId: passed })
      .expect(201);
    expect(adopted.body).toMatchObject({ version: 3, basis: 'assembly_vote', voteId: passed });
    expect(adopted.body.settings).toMatchObject({ proxyCap: 6, noticeDays: 20 });
    const current = (
      await t.http
        .get(url(''))
        .set(bearer(owners.get('欧阳甲')!.token))
        .expect(200)
    ).body;
    expect(current.version).toBe(3);
    const drafts = (await t.http.get(url('/drafts')).set(bearer(cast.clerk.token)).expect(200)).body;
    expect(drafts.find((d: { id: string }) => d.id === id).reference).toBe(draftReference(id));
    const reuse = await draft({ proxyCap: 7 });
    const twice = await t.http
      .post(url(`/drafts/${reuse}/adoption`))
      .set(bearer(cast.director.token))
      .send({ voteId: passed })
      .expect(409);
    expect(twice.body.code).toBe('decision_already_used');
    const [entry] = await t.dataSource.query(
      `SELECT payload FROM record_entries WHERE community_id = $1 AND action = 'rulebook.revised' ORDER BY seq DESC LIMIT 1`,
      [cast.community],
    );
    expect(entry.payload).toMatchObject({ basis: 'assembly_vote', voteId: passed, draftId: id });
  });

  it("another community's committee cannot touch these drafts", async () => {
    const community = await createCommunity(t);
    const outsider = await createMember(t, community, 'committee_director');
    const [{ id }] = await t.dataSource.query('SELECT id FROM rulebook_drafts WHERE community_id = $1 LIMIT 1', [cast.community]);
    await t.http.post(`/api/communities/${community}/rulebook/drafts/${id}/withdrawal`).set(bearer(outsider.token)).expect(404);
  });
});
