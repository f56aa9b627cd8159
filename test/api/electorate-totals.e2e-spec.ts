import { draftReference } from '@gongyi/domain/duties/rulebook-adoption';
import { pdftotext } from '@gongyi/pdf/testing/poppler';
import { VoteClosingService } from '../../apps/api/src/voting/vote-closing.service';
import { advanceToAssembly, Cast, chainCast, createItem, openVote, ownerTokens } from '../support/chain-fixtures';
import { RosterLine } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const line = (楼栋: string, 单元: string, 房号: string, 面积: string, 业主: string, 手机: string, 类型 = '住宅') =>
  ({ 楼栋, 单元, 房号, 面积, 面积来源: '登记', 业主, 手机, 类型 }) as RosterLine;

// Parking off: 390.00 m² / 4 owners. On: + 25.00 m² and 戊 as a fifth owner → 415.00 m² / 5.
const ROSTER: RosterLine[] = [
  line('1', '1', '101', '100', '赵一', '13900000011'),
  line('1', '1', '102', '90', '钱二', '13900000012'),
  line('1', '2', '201', '80', '孙三', '13900000013'),
  line('2', '1', '101', '120', '李四', '13900000014'),
  line('车库', '', 'B001', '12.5', '赵一', '13900000011', '车位'),
  line('车库', '', 'B002', '12.5', '周五', '13900000015', '车位'),
];

const binary = (req: ReturnType<TestApp['http']['get']>) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
const flat = (pdf: Buffer) => pdftotext(pdf).replace(/\s+/g, '');

describe('electorate of a vote and totals from one function', () => {
  let t: TestApp;
  let cast: Cast;
  let owners: Awaited<ReturnType<typeof ownerTokens>>;
  const url = (path: string) => `/api/communities/${cast.community}${path}`;
  const get = (path: string) => t.http.get(url(path)).set(bearer(cast.clerk.token)).expect(200);
  const close = async (vote: { id: string; closesAt: string }) => {
    t.clock.travelTo(new Date(new Date(vote.closesAt).getTime() + 1000));
    try {
      expect(await t.app.get(VoteClosingService).closeIfDue(cast.community, vote.id)).toBe('closed');
    } finally {
      t.clock.reset();
    }
  };
  // Publishing registered the notice document and openVote had both seals applied: read the sealed notice itself.
  const noticeText = async (voteId: string) => {
    const docs = (await get('/documents?type=assembly_notice')).body as { id: string; sourceId: string; status: string }[];
    const doc = docs.filter((d) => d.sourceId === voteId);
    expect(doc).toHaveLength(1);
    expect(doc[0].status).toBe('final');
    return flat((await binary(t.http.get(url(`/documents/${doc[0].id}/file`)).set(bearer(cast.clerk.token))).expect(200)).body);
  };

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, ROSTER);
    owners = await ownerTokens(t, cast);
  });
  afterAll(() => t.close());

  it('parking as area: the totals route, the vote totals, the notice and the tally use the same figures', async () => {
    const before = (await get('/totals')).body;
    expect(before).toMatchObject({ totalArea: '390.00', totalHeadcount: 4, countParkingAsArea: false });
    // A rulebook change takes effect only by citing the assembly's passed art278_1 decision on it.
    const draft = await t.http
      .post(url('/rulebook/drafts'))
      .set(bearer(cast.director.token))
      .send({ change: { countParkingAsArea: true }, note: '业主大会决议：车位计入专有部分面积' })
      .expect(201);
    const decision = await createItem(t, cast, 'art278_1', '修改议事规则：车位计入专有部分面积');
    await advanceToAssembly(t, cast, decision);
    const rulebookVote = await openVote(t, cast, decision, {
      motions: [{ title: '车位计入专有部分面积', fullText: `同意议事规则修订草案 ${draftReference(draft.body.id)}。`, kind: 'yes_no' }],
    });
    for (const name of ['赵一', '钱二', '孙三', '李四'])
      await t.http
        .post(url(`/votes/${rulebookVote.id}/ballots`))
        .set(bearer(owners.get(name)!.token))
        .send({ choices: [{ motionId: rulebookVote.motions[0].id, choice: 'yes' }] })
        .expect(201);
    await close(rulebookVote);
    await t.http
      .post(url(`/rulebook/drafts/${draft.body.id}/adoption`))
      .set(bearer(cast.director.token))
      .send({ voteId: rulebookVote.id })
      .expect(201);
    const totals = (await get('/totals')).body;
    expect(totals).toMatchObject({
      totalArea: '415.00',
      totalHeadcount: 5,
      twoThirdsArea: '276.67',
      twoThirdsHeadcount: 4,
      countParkingAsArea: true,
    });

    const itemId = await createItem(t, cast, 'art278_5', '动用维修资金维修外墙');
    await advanceToAssembly(t, cast, itemId);
    const vote = await openVote(t, cast, itemId, { motions: [{ title: '外墙维修', fullText: '动用维修资金维修外墙。', kind: 'yes_no' }] });
    const voteTotals = (await get(`/votes/${vote.id}/totals`)).body;
    expect(voteTotals).toMatchObject({
      totalArea: totals.totalArea,
      totalHeadcount: totals.totalHeadcount,
      twoThirdsArea: totals.twoThirdsArea,
      twoThirdsHeadcount: totals.twoThirdsHeadcount,
      frozen: true,
      electorateText: '本小区全体业主',
    });
    const text = await noticeText(vote.id);
    expect(text).toContain('415.00平方米（专有部分面积，含车位）');
    expect(text).toContain('5人');
    expect(text).toContain('276.67平方米以上且人数4人以上');
    expect(text).toContain('本小区全体业主');
    await close(vote);
    const results = (await get(`/votes/${vote.id}/results`)).body;
    const tally = results.motions[0].tally;
    expect(tally.participation).toMatchObject({ requiredHeads: 4, requiredAreaHundredths: '27667' });
  });

  it("a stairwell's elevator is put to that 单元's owners only: roll, totals, notice and ballots", async () => {
    const buildings = (await get('/buildings')).body as { id: string; name: string }[];
    const b1 = buildings.find((b) => b.name === '1')!;
    const itemId = await createItem(t, cast, 'art278_7', '1幢1单元加装电梯');
    await advanceToAssembly(t, cast, itemId);
    const bad = await t.http
      .post(url(`/agenda-items/${itemId}/votes`))
      .set(bearer(cast.clerk.token))
      .send({
        title: '加装电梯表决',
        method: '网上投票',
        channels: ['online'],
        opensAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
        closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        motions: [{ title: '加装电梯', fullText: '加装电梯一部。', kind: 'yes_no' }],
        electorate: { scope: 'part', buildingIds: [], stairwells: [] },
      })
      .expect(400);
    expect(bad.body.message).toContain('至少选择一个楼栋或单元');
    const vote = await openVote(t, cast, itemId, {
      motions: [{ title: '1幢1单元加装电梯', fullText: '为1幢1单元加装电梯一部。', kind: 'yes_no' }],
      electorate: { scope: 'part', stairwells: [{ buildingId: b1.id, stairwell: '1' }] },
    });
    const totals = (await get(`/votes/${vote.id}/totals`)).body;
    expect(totals).toMatchObject({ totalArea: '190.00', totalHeadcount: 2, twoThirdsHeadcount: 2, frozen: true });
    expect(totals.electorateText).toBe('1幢1单元的业主（仅限上述楼栋/单元）');
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM electors WHERE vote_id = $1', [vote.id]);
    expect(n).toBe(2);
    expect(await noticeText(vote.id)).toContain('190.00平方米');

    const motionId = vote.motions[0].id;
    const ballot = (name: string) =>
      t.http
        .post(url(`/votes/${vote.id}/ballots`))
        .set(bearer(owners.get(name)!.token))
        .send({ choices: [{ motionId, choice: 'yes' }] });
    const outsider = await ballot('孙三');
    expect([403, 409]).toContain(outsider.status);
    expect(outsider.body.message).toMatch(/[\u4e00-\u9fff]/);
    const [{ b }] = await t.dataSource.query('SELECT count(*)::int AS b FROM ballots WHERE vote_id = $1', [vote.id]);
    expect(b).toBe(0);
    await ballot('赵一').expect(201);
    await ballot('钱二').expect(201);
    await close(vote);
    const tally = (await get(`/votes/${vote.id}/results`)).body.motions[0].tally;
    expect(tally.participation).toMatchObject({ heads: 2, areaHundredths: '19000', requiredHeads: 2 });
    expect(tally.outcome).toBe('passed');
  });
});
