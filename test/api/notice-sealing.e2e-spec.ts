import { ERROR_LABELS_ZH } from '@gongyi/domain/labels';
import { VoteClosingService } from '../../apps/api/src/voting/vote-closing.service';
import { advanceToAssembly, Cast, chainCast, createItem, ownerTokens } from '../support/chain-fixtures';
import { RosterLine } from '../support/fixtures';
import { issueSealsWithPins, TEST_SEAL_PIN } from '../support/seal-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const ROSTER: RosterLine[] = [
  { 楼栋: '1', 单元: '1', 房号: '101', 面积: '100', 面积来源: '登记', 业主: '欧阳甲', 手机: '13900000011' },
  { 楼栋: '1', 单元: '1', 房号: '102', 面积: '90', 面积来源: '登记', 业主: '司马乙', 手机: '13900000012' },
  { 楼栋: '1', 单元: '1', 房号: '201', 面积: '80', 面积来源: '登记', 业主: '诸葛丙', 手机: '13900000013' },
];
const DAY = 86_400_000;

/**
 * Publishing is the sealing (issue 12): the publish transaction registers the notice and the system asks for both
 * seals; until both are on it no ballot is taken on any channel, the vote is not open and the public page does not
 * show it. The director who publishes is the only committee-seal custodian here (the single insider): the system's
 * request lets him apply the committee seal, never the assembly seal too. The item advances on the final result.
 */
describe('a notice is public, and its vote open, only once both seals are on it', () => {
  let t: TestApp;
  let cast: Cast;
  let owners: Map<string, { ownerId: string; userId: string; token: string }>;
  let itemId: string;
  let voteId: string;
  let motionId: string;
  let requestId: string;
  let opensAt: Date;
  let closesAt: Date;
  const url = (path: string) => `/api/communities/${cast.community}${path}`;
  const v = (path = '') => url(`/votes/${voteId}${path}`);
  const as = (name: string) => bearer(owners.get(name)!.token);
  const at = async <T>(time: number, fn: () => Promise<T>): Promise<T> => {
    t.clock.travelTo(new Date(time));
    try {
      return await fn();
    } finally {
      t.clock.reset();
    }
  };
  const electorOf = async (name: string) =>
    (
      await t.dataSource.query<{ id: string }[]>(
        `SELECT e.id FROM electors e JOIN owners o ON o.id::text = e.voter_key WHERE e.vote_id = $1 AND o.name = $2`,
        [voteId, name],
      )
    )[0].id;
  const ballotCount = async () => Number((await t.dataSource.query(`SELECT count(*) AS n FROM ballots WHERE vote_id = $1`, [voteId]))[0].n);
  const stageOf = async () =>
    (
      await t.http
        .get(url(`/agenda-items/${itemId}`))
        .set(bearer(cast.clerk.token))
        .expect(200)
    ).body.currentStage as string;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, ROSTER);
    owners = await ownerTokens(t, cast);
    itemId = await createItem(t, cast, 'art278_5', '动用维修资金更换水泵');
    await advanceToAssembly(t, cast, itemId);
    opensAt = new Date(Date.now() - 5 * DAY);
    closesAt = new Date(Date.now() + 60 * 60 * 1000);
    const draft = await t.http
      .post(url(`/agenda-items/${itemId}/votes`))
      .set(bearer(cast.director.token))
      .send({
        title: '2026 年第三次业主大会',
        method: '网上投票与书面征求意见相结合',
        channels: ['online', 'paper', 'proxy'],
        opensAt: opensAt.toISOString(),
        closesAt: closesAt.toISOString(),
        motions: [{ title: '更换水泵', fullText: '动用维修资金更换 1 幢水泵。', kind: 'yes_no' }],
      })
      .expect(201);
    voteId = draft.body.id;
    motionId = draft.body.motions?.[0]?.id;
  });
  afterAll(() => t.close());

  it('publishing registers the notice and asks for both seals itself — the director published, the system is the requester', async () => {
    await at(opensAt.getTime() - 17 * DAY, async () => {
      await issueSealsWithPins(t, cast.community, cast.director, [cast.director, cast.residents]);
      await t.http.post(v('/notice')).set(bearer(cast.director.token)).expect(201);
    });
    const [doc] = (await t.http.get(url('/documents')).set(bearer(cast.director.token)).expect(200)).body.filter(
      (d: { type: string; sourceId: string }) => d.type === 'assembly_notice' && d.sourceId === voteId,
    );
    expect(doc).toMatchObject({ status: 'draft' });
    const requests = (
      await t.http
        .get(url(`/seal-requests?documentId=${doc.id}&status=pending`))
        .set(bearer(cast.residents.token))
        .expect(200)
    ).body;
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      onPublication: true,
      requiredSeals: ['assembly', 'committee'],
      appliedSeals: [],
      requestedByName: expect.stringContaining('系统'),
    });
    requestId = requests[0].id;
    // Asking again gives the same request (nothing new is made).
    const again = await t.http.post(v('/notice/seal-request')).set(bearer(cast.clerk.token)).expect(201);
    expect(again.body).toMatchObject({ documentId: doc.id, requestId });
    const vote = await t.http.get(v()).set(bearer(cast.clerk.token)).expect(200);
    motionId = vote.body.motions[0].id;
    expect(vote.body).toMatchObject({ status: 'noticed', noticeSealedAt: null, isOpen: false });
  });

  it('refuses every channel with 409 notice_not_sealed while a seal is missing, and writes nothing', async () => {
    const expectRefused = (res: { status: number; body: { code: string; message: string } }) => {
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'notice_not_sealed', message: ERROR_LABELS_ZH.notice_not_sealed });
    };
    expectRefused(
      await t.http
        .post(v('/ballots'))
        .set(as('欧阳甲'))
        .send({ choices: [{ motionId, choice: 'yes' }] }),
    );
    expectRefused(
      await t.http
        .post(v('/paper-ballots'))
        .set(bearer(cast.clerk.token))
        .send({ electorId: await electorOf('诸葛丙'), choices: [{ motionId, choice: 'yes' }], paperRef: '1幢-003' }),
    );
    // A written proxy, entered and checked by two members, still cannot be used before the seals.
    const proxy = await t.http
      .post(v('/proxies'))
      .set(bearer(cast.clerk.token))
      .send({ electorId: await electorOf('司马乙'), holderUserId: owners.get('欧阳甲')!.userId, authorisation: '委托书-司马乙' })
      .expect(201);
    await t.http
      .post(v(`/proxies/${proxy.body.id}/confirmation`))
      .set(bearer(cast.clerk2.token))
      .expect(201);
    expectRefused(
      await t.http
        .post(v('/ballots'))
        .set(as('欧阳甲'))
        .send({ choices: [{ motionId, choice: 'no' }], onBehalfOf: await electorOf('司马乙') }),
    );
    expect(await ballotCount()).toBe(0);
    const todo = await t.http.get(url('/todo')).set(as('欧阳甲'));
    if (todo.status === 200) expect(JSON.stringify(todo.body)).not.toContain(voteId);
  });

  it('the public page neither lists nor shows a notice that is not sealed', async () => {
    await t.http.get(`/api/public/communities/${cast.community}/notices/${voteId}`).expect(404);
    await t.http.get(`/api/public/communities/${cast.community}/notices/${voteId}/pdf`).expect(404);
    const overview = await t.http.get(`/api/public/communities/${cast.community}`).expect(200);
    expect(overview.body.notices.map((n: { id: string }) => n.id)).not.toContain(voteId);
  });

  it('the single insider applies the committee seal but cannot apply the assembly seal too; the residents committee does', async () => {
    const sealAt = opensAt.getTime() - 17 * DAY + 60 * 60 * 1000;
    await at(sealAt, async () => {
      const committee = await t.http
        .post(url(`/seal-requests/${requestId}/applications`))
        .set(bearer(cast.director.token))
        .send({ kind: 'committee', pin: TEST_SEAL_PIN });
      expect(committee.status).toBe(201);
      expect(committee.body.appliedSeals).toEqual(['committee']);
      const both = await t.http
        .post(url(`/seal-requests/${requestId}/applications`))
        .set(bearer(cast.director.token))
        .send({ kind: 'assembly', pin: TEST_SEAL_PIN });
      expect(both.status).toBe(403);
      expect(both.body.message).toMatch(/[\u4e00-\u9fff]/);
    });
    // One seal is not the publication: still no ballot.
    const early = await t.http
      .post(v('/ballots'))
      .set(as('诸葛丙'))
      .send({ choices: [{ motionId, choice: 'yes' }] });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('notice_not_sealed');
    await at(sealAt + 60_000, () =>
      t.http
        .post(url(`/seal-requests/${requestId}/applications`))
        .set(bearer(cast.residents.token))
        .send({ kind: 'assembly', pin: TEST_SEAL_PIN })
        .expect(201),
    );
    const vote = await t.http.get(v()).set(bearer(cast.clerk.token)).expect(200);
    expect(vote.body.isOpen).toBe(true);
    expect(new Date(vote.body.noticeSealedAt).getTime()).toBeLessThan(opensAt.getTime() - 15 * DAY);
  });

  it('once sealed: listed on the public page with the sealed PDF, and ballots are taken', async () => {
    const notice = await t.http.get(`/api/public/communities/${cast.community}/notices/${voteId}`).expect(200);
    expect(notice.body.document).toMatchObject({ pdf: true });
    const pdf = await t.http.get(`/api/public/communities/${cast.community}/notices/${voteId}/pdf`).expect(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const overview = await t.http.get(`/api/public/communities/${cast.community}`).expect(200);
    expect(overview.body.notices.map((n: { id: string }) => n.id)).toContain(voteId);
    await t.http
      .post(v('/ballots'))
      .set(as('诸葛丙'))
      .send({ choices: [{ motionId, choice: 'yes' }] })
      .expect(201);
    await t.http
      .post(v('/ballots'))
      .set(as('欧阳甲'))
      .send({ choices: [{ motionId, choice: 'yes' }], onBehalfOf: await electorOf('司马乙') })
      .expect(201);
    await t.http
      .post(v('/ballots'))
      .set(as('欧阳甲'))
      .send({ choices: [{ motionId, choice: 'yes' }] })
      .expect(201);
    expect(await ballotCount()).toBe(3);
  });

  it('the item advances only on the final result after the objection period, whose seals the insider again cannot do alone', async () => {
    const closedAt = closesAt.getTime() + 1000;
    expect(await at(closedAt, () => t.app.get(VoteClosingService).closeIfDue(cast.community, voteId))).toBe('closed');
    expect(await stageOf()).toBe('assembly_vote');
    const results = await t.http.get(v('/results')).set(bearer(cast.clerk.token)).expect(200);
    const after = new Date(results.body.objectionEndsAt).getTime() + 1000;
    const issued = await at(after, () =>
      t.http
        .post(v('/final-result'))
        .set(bearer(cast.director.token))
        .send({ scrutineers: ['王监票'], counters: ['张计票'] }),
    );
    expect(issued.status).toBe(201);
    expect(await stageOf()).toBe('committee_resolution');
    const id = issued.body.sealRequest.id;
    await at(after + 1000, async () => {
      await t.http
        .post(url(`/seal-requests/${id}/applications`))
        .set(bearer(cast.director.token))
        .send({ kind: 'committee', pin: TEST_SEAL_PIN })
        .expect(201);
      const alone = await t.http
        .post(url(`/seal-requests/${id}/applications`))
        .set(bearer(cast.director.token))
        .send({ kind: 'assembly', pin: TEST_SEAL_PIN });
      expect(alone.status).toBe(403);
      const done = await t.http
        .post(url(`/seal-requests/${id}/applications`))
        .set(bearer(cast.residents.token))
        .send({ kind: 'assembly', pin: TEST_SEAL_PIN })
        .expect(201);
      expect(done.body.status).toBe('completed');
    });
  });
});
