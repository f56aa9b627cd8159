import { VoteClosingService } from '../../apps/api/src/voting/vote-closing.service';
import { advanceToAssembly, Cast, chainCast, createItem, openVote, ownerTokens, publishFinalResult } from '../support/chain-fixtures';
import { createMember, Member, RosterLine } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

// 欧阳甲 holds two units; 司马乙 and 诸葛丙 co-own one with 诸葛丙 voting; two developer units.
const ROSTER: RosterLine[] = [
  { 楼栋: '1', 单元: '1', 房号: '101', 面积: '100', 面积来源: '登记', 业主: '欧阳甲', 手机: '13900000001' },
  { 楼栋: '1', 单元: '1', 房号: '102', 面积: '50', 面积来源: '登记', 业主: '欧阳甲', 手机: '13900000001' },
  {
    楼栋: '1',
    单元: '1',
    房号: '201',
    面积: '120',
    面积来源: '登记',
    业主: '司马乙',
    手机: '13900000002',
    共有人: '诸葛丙:13900000003',
    投票人: '诸葛丙',
  },
  { 楼栋: '1', 单元: '1', 房号: '202', 面积: '80', 面积来源: '登记', 业主: '上官丁', 手机: '13900000004' },
  { 楼栋: '1', 单元: '1', 房号: '301', 面积: '80', 面积来源: '登记', 业主: '东方戊', 手机: '13900000005' },
  { 楼栋: '1', 单元: '1', 房号: '302', 面积: '80', 面积来源: '登记', 业主: '皇甫己', 手机: '13900000006' },
  { 楼栋: '1', 单元: '1', 房号: '401', 面积: '80', 面积来源: '登记', 业主: '慕容庚', 手机: '13900000007' },
  { 楼栋: '2', 房号: '101', 面积: '200', 面积来源: '登记', 状态: '未售' },
  { 楼栋: '2', 房号: '102', 面积: '100', 面积来源: '登记', 状态: '未交付' },
];
const NAMES = ['欧阳甲', '司马乙', '诸葛丙', '上官丁', '东方戊', '皇甫己', '慕容庚'];

describe('owners assembly vote', () => {
  let t: TestApp;
  let cast: Cast;
  let owners: Map<string, { ownerId: string; userId: string; token: string }>;
  let itemId: string;
  let vote: Awaited<ReturnType<typeof openVote>>;
  const url = (path: string) => `/api/communities/${cast.community}/votes/${vote.id}${path}`;
  const yes = () => [{ motionId: vote.motions[0].id, choice: 'yes' }];
  const tokenOf = (name: string) => owners.get(name)!.token;
  const electorOf = async (key: string) =>
    (await t.dataSource.query('SELECT id FROM electors WHERE vote_id = $1 AND voter_key = $2', [vote.id, key]))[0].id as string;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, ROSTER);
    owners = await ownerTokens(t, cast);
    itemId = await createItem(t, cast, 'art278_5', '动用维修资金更换水泵');
    await advanceToAssembly(t, cast, itemId);
    vote = await openVote(t, cast, itemId);
  });
  afterAll(() => t.close());

  it('refuses a notice shorter than the rulebook period and a window outside its bounds', async () => {
    const other = await createItem(t, cast, 'art278_5', '另一议题');
    await advanceToAssembly(t, cast, other);
    const soon = new Date(Date.now() + 10 * 86_400_000);
    const draft = await t.http
      .post(`/api/communities/${cast.community}/agenda-items/${other}/votes`)
      .set(bearer(cast.clerk.token))
      .send({
        title: '临时表决',
        method: '网上投票',
        channels: ['online'],
        opensAt: soon.toISOString(),
        closesAt: new Date(soon.getTime() + 7 * 86_400_000).toISOString(),
        motions: [{ title: '议案', fullText: '全文', kind: 'yes_no' }],
      })
      .expect(201);
    const refused = await t.http
      .post(`/api/communities/${cast.community}/votes/${draft.body.id}/notice`)
      .set(bearer(cast.clerk.token))
      .expect(409);
    expect(refused.body.code).toBe('notice_period_not_met');
    expect(refused.body.message).toMatch(/最早可于\d{4}年\d{1,2}月\d{1,2}日开始/);
    // Nothing was published: casting is refused because the notice is still a draft.
    const voteNow = await t.http.get(`/api/communities/${cast.community}/votes/${draft.body.id}`).set(bearer(cast.clerk.token)).expect(200);
    expect(voteNow.body.status).toBe('draft');
  });

  it('freezes the roll at notice, tells the residents committee and cannot be published twice', async () => {
    const electors = await t.dataSource.query(
      'SELECT voter_key, area_hundredths::text AS area, unit_numbers FROM electors WHERE vote_id = $1 ORDER BY area_hundredths DESC',
      [vote.id],
    );
    expect(electors).toHaveLength(7);
    expect(electors[0]).toMatchObject({ voter_key: 'developer', area: '30000' });
    expect(electors.find((e: { unit_numbers: string[] }) => e.unit_numbers.includes('1-1-101'))).toMatchObject({
      area: '15000',
      unit_numbers: ['1-1-101', '1-1-102'],
    });
    const v = await t.http.get(url('')).set(bearer(cast.clerk.token)).expect(200);
    expect(v.body).toMatchObject({ status: 'noticed', totalHeadcount: 7, totalAreaHundredths: '89000', isOpen: true });
    await t.http.post(url('/notice')).set(bearer(cast.clerk.token)).expect(409);
    const inbox = await t.http.get(`/api/communities/${cast.community}/notifications`).set(bearer(cast.residents.token)).expect(200);
    // Besides the notice, publishing asked for the seals (the residents' committee keeps the assembly seal).
    expect(inbox.body.map((n: { subject: string }) => n.subject)).toEqual(
      expect.arrayContaining([expect.stringContaining('业主大会公告')]),
    );
  });

  it('lets an owner vote once for all their units and returns a receipt', async () => {
    const receipt = await t.http
      .post(url('/ballots'))
      .set(bearer(tokenOf('欧阳甲')))
      .send({ choices: yes() })
      .expect(201);
    expect(receipt.body.receiptCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const again = await t.http
      .post(url('/ballots'))
      .set(bearer(tokenOf('欧阳甲')))
      .send({ choices: [{ motionId: vote.motions[0].id, choice: 'no' }] })
      .expect(409);
    expect(again.body.code).toBe('already_voted');
    const [ballot] = await t.dataSource.query('SELECT area_hundredths::text AS area, choice, channel FROM ballots WHERE vote_id = $1', [
      vote.id,
    ]);
    // Sealed until the close (ballot-integrity.e2e-spec.ts).
    expect(ballot).toEqual({ area: '15000', choice: expect.stringMatching(/^v1:/), channel: 'online' });
    const check = await t.http
      .get(url(`/receipts/${receipt.body.receiptCode}`))
      .set(bearer(tokenOf('欧阳甲')))
      .expect(200);
    expect(check.body).toMatchObject({ status: 'counted', channel: 'online' });
    expect(JSON.stringify(check.body)).not.toContain('yes');
    const mine = await t.http
      .get(url('/my-ballot'))
      .set(bearer(tokenOf('欧阳甲')))
      .expect(200);
    expect(mine.body.elector).toMatchObject({ unitNumbers: ['1-1-101', '1-1-102'], areaHundredths: '15000' });
    expect(mine.body.ballots).toEqual([expect.objectContaining({ choice: 'yes', receiptCode: receipt.body.receiptCode })]);
  });

  it('a co-owned unit votes only through its designated co-owner; bad choices change nothing', async () => {
    const notVoter = await t.http
      .post(url('/ballots'))
      .set(bearer(tokenOf('司马乙')))
      .send({ choices: yes() })
      .expect(403);
    expect(notVoter.body.code).toBe('not_elector');
    const bad = await t.http
      .post(url('/ballots'))
      .set(bearer(tokenOf('诸葛丙')))
      .send({ choices: [{ motionId: vote.motions[0].id, choice: 'maybe' }] })
      .expect(400);
    expect(bad.body.code).toBe('invalid_choice');
    await t.http
      .post(url('/ballots'))
      .set(bearer(tokenOf('诸葛丙')))
      .send({ choices: [{ motionId: vote.motions[0].id, choice: 'no' }] })
      .expect(201);
    const count = await t.dataSource.query('SELECT count(*)::int AS n FROM ballots WHERE vote_id = $1', [vote.id]);
    expect(count[0].n).toBe(2);
  });

  it('records written proxies: cap, no property staff, no self-proxy; once confirmed the holder votes for the grantor', async () => {
    const holder = owners.get('东方戊')!;
    const grant = (name: string | 'developer', holderUserId = holder.userId) =>
      (async () => {
        const key = name === 'developer' ? 'developer' : owners.get(name)!.ownerId;
        return t.http
          .post(url('/proxies'))
          .set(bearer(cast.clerk.token))
          .send({ electorId: await electorOf(key), holderUserId, authorisation: `委托书-${name}` });
      })();
    expect((await grant('上官丁')).status).toBe(201);
    expect((await grant('皇甫己')).status).toBe(201);
    expect((await grant('慕容庚')).status).toBe(201);
    const fourth = await grant('developer');
    expect(fourth.status).toBe(409);
    expect(fourth.body.code).toBe('proxy_cap_exceeded');
    const staff = await grant('developer', cast.property.userId);
    expect([staff.status, staff.body.code]).toEqual([403, 'proxy_property_staff']);
    const self = await grant('东方戊');
    expect([self.status, self.body.code]).toEqual([400, 'self_proxy']);

    // A proxy counts only once a second committee member has checked it against the signed form.
    const [entered] = await t.dataSource.query(
      `SELECT p.id FROM proxies p JOIN owners o ON o.id::text = p.grantor_key WHERE p.vote_id = $1 AND o.name = '上官丁'`,
      [vote.id],
    );
    await t.http
      .post(url(`/proxies/${entered.id}/confirmation`))
      .set(bearer(cast.clerk2.token))
      .expect(201);
    const sheet = await t.http.get(url('/my-ballot')).set(bearer(holder.token)).expect(200);
    expect(sheet.body.proxies).toHaveLength(1); // the two unconfirmed proxies do not let him vote yet
    await t.http
      .post(url('/ballots'))
      .set(bearer(holder.token))
      .send({ choices: yes(), onBehalfOf: await electorOf(owners.get('上官丁')!.ownerId) })
      .expect(201);
    // Used by the holder, the proxy stands: the principal can no longer vote in person.
    const granted = await t.http
      .post(url('/ballots'))
      .set(bearer(tokenOf('上官丁')))
      .send({ choices: yes() })
      .expect(409);
    expect(granted.body.code).toBe('proxy_given');
    await t.http
      .post(url('/ballots'))
      .set(bearer(owners.get('欧阳甲')!.token))
      .send({ choices: yes(), onBehalfOf: await electorOf(owners.get('皇甫己')!.ownerId) })
      .expect(403);
    await t.http.post(url('/ballots')).set(bearer(holder.token)).send({ choices: yes() }).expect(201);
  });

  it('counts a paper ballot only after a second clerk confirms it, and a refused entry can be entered again', async () => {
    const developer = await electorOf('developer');
    const wrong = await t.http
      .post(url('/paper-ballots'))
      .set(bearer(cast.clerk.token))
      .send({ electorId: developer, choices: [{ motionId: vote.motions[0].id, choice: 'no' }], paperRef: '2幢-001' })
      .expect(201);
    expect(wrong.body.status).toBe('pending');
    let participation = await t.http
      .get(url('/participation'))
      .set(bearer(tokenOf('欧阳甲')))
      .expect(200);
    expect(participation.body.motions[0]).toMatchObject({ heads: 4, pendingPaper: 1 });
    const pending = await t.http.get(url('/paper-ballots/pending')).set(bearer(cast.clerk2.token)).expect(200);
    expect(pending.body).toEqual([expect.objectContaining({ receiptCode: wrong.body.receiptCode, paperRef: '2幢-001' })]);
    const self = await t.http
      .post(url(`/paper-ballots/${wrong.body.receiptCode}/confirmation`))
      .set(bearer(cast.clerk.token))
      .send({ confirm: true })
      .expect(403);
    expect(self.body.code).toBe('same_clerk');
    await t.http
      .post(url(`/paper-ballots/${wrong.body.receiptCode}/confirmation`))
      .set(bearer(cast.clerk2.token))
      .send({ confirm: false })
      .expect(400);
    await t.http
      .post(url(`/paper-ballots/${wrong.body.receiptCode}/confirmation`))
      .set(bearer(cast.clerk2.token))
      .send({ confirm: false, reason: '纸质票为赞成，录入为反对' })
      .expect(201);
    const right = await t.http
      .post(url('/paper-ballots'))
      .set(bearer(cast.clerk.token))
      .send({ electorId: developer, choices: yes(), paperRef: '2幢-001' })
      .expect(201);
    await t.http
      .post(url(`/paper-ballots/${right.body.receiptCode}/confirmation`))
      .set(bearer(cast.clerk2.token))
      .send({ confirm: true })
      .expect(201);
    participation = await t.http
      .get(url('/participation'))
      .set(bearer(tokenOf('欧阳甲')))
      .expect(200);
    // 欧阳甲 150 + 诸葛丙 120 + 上官丁 80 + 东方戊 80 + developer 300 = 730.00 of 890.00; 5 of 7 heads.
    expect(participation.body.motions[0]).toMatchObject({
      heads: 5,
      area: '730.00',
      requiredHeads: 5,
      requiredArea: '593.34',
      met: true,
      pendingPaper: 0,
    });
    expect(JSON.stringify(participation.body)).not.toMatch(/"(yes|no|choice)"/);
  });

  it('gives the committee a canvassing list of who has not voted, by building', async () => {
    const list = await t.http.get(url('/canvassing')).set(bearer(cast.representative.token)).expect(200);
    expect(list.body.buildings).toEqual([
      expect.objectContaining({
        building: '1',
        notVotedHeads: 2,
        notVotedArea: '160.00',
        electors: expect.arrayContaining([expect.objectContaining({ name: '皇甫己' })]),
      }),
    ]);
    expect(list.body.motions[0]).toMatchObject({ headsMissing: 0, met: true });
    expect(JSON.stringify(list.body)).not.toMatch(/"(yes|no|choice)"/);
    await t.http
      .get(url('/canvassing'))
      .set(bearer(tokenOf('欧阳甲')))
      .expect(403);
  });

  it('closes once at the closing time, stores an immutable tally and publishes results without names', async () => {
    const closing = t.app.get(VoteClosingService);
    expect(await closing.closeIfDue(cast.community, vote.id)).toBe('not_due');
    t.clock.travelTo(new Date(new Date(vote.closesAt).getTime() + 1000));
    try {
      const late = await t.http
        .post(url('/ballots'))
        .set(bearer(tokenOf('皇甫己')))
        .send({ choices: yes() })
        .expect(409);
      expect(late.body.code).toBe('vote_closed');
      const both = await Promise.all([closing.closeIfDue(cast.community, vote.id), closing.closeIfDue(cast.community, vote.id)]);
      expect(both.sort()).toEqual(['already_closed', 'closed']);
    } finally {
      t.clock.reset();
    }
    const results = await t.http.get(url('/results')).expect(200);
    const motion = results.body.motions[0];
    expect(motion.outcome).toBe('passed');
    expect(motion.tally.participation).toMatchObject({ heads: 5, areaHundredths: '73000' });
    expect(motion.tally.choices[0]).toMatchObject({ choice: 'yes', heads: 4, areaHundredths: '61000' });
    expect(motion.participants.map((p: { unitNumbers: string[] }) => p.unitNumbers.join('+'))).toEqual(
      expect.arrayContaining(['1-1-101+1-1-102', '2-101+2-102']),
    );
    const text = JSON.stringify(results.body);
    for (const name of NAMES) expect(text).not.toContain(name);
    const recount = await t.http.post(url('/recount')).set(bearer(cast.residents.token)).expect(201);
    expect(recount.body.matches).toBe(true);
    await expect(t.ownerQuery(`UPDATE tally_records SET outcome = 'failed' WHERE vote_id = $1`, [vote.id])).rejects.toThrow(/immutable/);
    // The preliminary count does not move the item; the final result after the objection period does.
    const before = await t.http.get(`/api/communities/${cast.community}/agenda-items/${itemId}`).set(bearer(cast.clerk.token)).expect(200);
    expect(before.body.currentStage).toBe('assembly_vote');
    await publishFinalResult(t, cast, vote.id);
    const item = await t.http.get(`/api/communities/${cast.community}/agenda-items/${itemId}`).set(bearer(cast.clerk.token)).expect(200);
    expect(item.body.currentStage).toBe('committee_resolution');
  });

  it('a multi-option motion passes only the option that alone meets the threshold, and records it on the item', async () => {
    const id = await createItem(t, cast, 'art278_4', '选聘物业服务企业');
    await advanceToAssembly(t, cast, id);
    const options = [
      { id: 'A', label: '甲物业' },
      { id: 'B', label: '乙物业' },
      { id: 'C', label: '丙物业' },
    ];
    const v = await openVote(t, cast, id, { motions: [{ title: '选聘物业', fullText: '三家候选，选一家', kind: 'options', options }] });
    const choose = (name: string, option: string) =>
      t.http
        .post(`/api/communities/${cast.community}/votes/${v.id}/ballots`)
        .set(bearer(tokenOf(name)))
        .send({ choices: [{ motionId: v.motions[0].id, choice: option }] });
    for (const [name, option] of [
      ['欧阳甲', 'B'],
      ['诸葛丙', 'B'],
      ['上官丁', 'B'],
      ['东方戊', 'B'],
      ['皇甫己', 'A'],
      ['慕容庚', 'C'],
    ]) {
      expect((await choose(name, option)).status).toBe(201);
    }
    expect((await choose('司马乙', 'B')).status).toBe(403);
    // Without the developer's area, 590.00 of 890.00 m² is short of the 2/3 line (593.34): its paper ballot decides quorum.
    const [developer] = await t.dataSource.query(`SELECT id FROM electors WHERE vote_id = $1 AND voter_key = 'developer'`, [v.id]);
    const paper = await t.http
      .post(`/api/communities/${cast.community}/votes/${v.id}/paper-ballots`)
      .set(bearer(cast.clerk.token))
      .send({ electorId: developer.id, choices: [{ motionId: v.motions[0].id, choice: 'B' }], paperRef: 'D-1' })
      .expect(201);
    await t.http
      .post(`/api/communities/${cast.community}/votes/${v.id}/paper-ballots/${paper.body.receiptCode}/confirmation`)
      .set(bearer(cast.clerk2.token))
      .send({ confirm: true })
      .expect(201);
    t.clock.travelTo(new Date(new Date(v.closesAt).getTime() + 1000));
    try {
      expect(await t.app.get(VoteClosingService).closeIfDue(cast.community, v.id)).toBe('closed');
    } finally {
      t.clock.reset();
    }
    const results = await t.http.get(`/api/communities/${cast.community}/votes/${v.id}/results`).expect(200);
    expect(results.body.motions[0]).toMatchObject({ outcome: 'passed' });
    expect(results.body.motions[0].tally.winningOptionId).toBe('B');
    await publishFinalResult(t, cast, v.id);
    const item = await t.http.get(`/api/communities/${cast.community}/agenda-items/${id}`).set(bearer(cast.clerk.token)).expect(200);
    expect(item.body.chosenOption).toEqual({ motionId: v.motions[0].id, optionId: 'B', label: '乙物业' });
  });

  it('closes on time by the scheduled job', async () => {
    const id = await createItem(t, cast, 'art278_5', '定时关闭测试');
    await advanceToAssembly(t, cast, id);
    // Long enough for the fixture to seal the notice and the owner to vote first, even on a loaded machine.
    const v = await openVote(t, cast, id, { closesInMs: 20_000 });
    await t.http
      .post(`/api/communities/${cast.community}/votes/${v.id}/ballots`)
      .set(bearer(tokenOf('欧阳甲')))
      .send({ choices: [{ motionId: v.motions[0].id, choice: 'yes' }] })
      .expect(201);
    const deadline = new Date(v.closesAt).getTime() + 20_000;
    let status = '';
    while (Date.now() < deadline && status !== 'closed') {
      await new Promise((r) => setTimeout(r, 250));
      status = (await t.http.get(`/api/communities/${cast.community}/votes/${v.id}`).set(bearer(cast.clerk.token))).body.status;
    }
    expect(status).toBe('closed');
    const results = await t.http.get(`/api/communities/${cast.community}/votes/${v.id}/results`).expect(200);
    expect(results.body.motions[0].outcome).toBe('no_quorum');
  });

  it('only the committee drafts and publishes; members cannot enter paper ballots', async () => {
    const someone: Member = await createMember(t, cast.community, 'owner');
    await t.http
      .post(url('/paper-ballots'))
      .set(bearer(someone.token))
      .send({ electorId: await electorOf('developer'), choices: yes(), paperRef: 'x' })
      .expect(403);
    await t.http.post(url('/notice')).set(bearer(cast.property.token)).expect(403);
  });
});
