import { mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { brokenTokens, CHECKLISTS, checkText, type Checklist, type DocumentFacts } from '@gongyi/domain/documents/checklists';
import { formatDate } from '@gongyi/pdf';
import { pdfsig, pdftotext } from '@gongyi/pdf/testing/poppler';
import { advanceToAssembly, Cast, chainCast, createItem, meetingBody, noticeDocument, recordStage } from '../support/chain-fixtures';
import { RosterLine } from '../support/fixtures';
import { issueSealsWithPins, TEST_SEAL_PIN } from '../support/seal-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const ROSTER: RosterLine[] = [
  { 楼栋: '1', 单元: '1', 房号: '101', 面积: '100', 面积来源: '登记', 业主: '欧阳甲', 手机: '13900000001' },
  { 楼栋: '1', 单元: '1', 房号: '102', 面积: '90', 面积来源: '登记', 业主: '司马乙', 手机: '13900000002' },
  { 楼栋: '1', 单元: '1', 房号: '103', 面积: '80', 面积来源: '登记', 业主: '诸葛丙', 手机: '13900000003' },
];
const DAY = 86_400_000;

const binary = (req: ReturnType<TestApp['http']['get']>) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

/** Every item of the kind's checklist is in the text and no contradicting default remains. */
function expectChecklist(list: Checklist, pdf: Buffer, facts: DocumentFacts = {}) {
  const result = checkText(list, pdftotext(pdf), facts);
  expect({ missing: result.missing.map((i) => `${i.id}（${i.label}）`), contradictions: result.contradictions.map((f) => f.id) }).toEqual({
    missing: [],
    contradictions: [],
  });
}

function pageImages(name: string, pdf: Buffer) {
  const dir = 'test-output/pages';
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${name}.pdf`, pdf);
  spawnSync('pdftoppm', ['-png', '-r', '60', `${dir}/${name}.pdf`, `${dir}/${name}`]);
}

describe('document checklists, rendered from real flows and read back with pdftotext', () => {
  let t: TestApp;
  let cast: Cast;
  const url = (path: string) => `/api/communities/${cast.community}${path}`;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, ROSTER);
    await issueSealsWithPins(t, cast.community, cast.director, [cast.director, cast.residents], { term: 1 });
  });
  afterAll(() => t.close());

  it('业主大会会议公告: every item printed; publishing is the sealing — too late is refused, the date printed is the sealing date', async () => {
    const itemId = await createItem(t, cast, 'art278_5', '动用维修资金更换水泵');
    await advanceToAssembly(t, cast, itemId);
    const opensAt = new Date(Date.now() + 40 * DAY);
    const closesAt = new Date(opensAt.getTime() + 10 * DAY);
    const draft = await t.http
      .post(url(`/agenda-items/${itemId}/votes`))
      .set(bearer(cast.clerk.token))
      .send({
        title: '2027年第一次业主大会',
        method: '网上投票与书面征求意见相结合；纸质表决票由楼栋长送达',
        channels: ['online', 'paper', 'proxy'],
        opensAt: opensAt.toISOString(),
        closesAt: closesAt.toISOString(),
        motions: [{ title: '更换水泵', fullText: '动用维修资金十二万元更换1幢二次供水水泵。', kind: 'yes_no' }],
        noticeDetails: {
          paperReturnPlace: '物业服务中心一楼业委会票箱',
          scrutineers: ['欧阳甲', '司马乙'],
          tellers: ['诸葛丙'],
          contacts: [{ name: '张委员', phone: '0571-88886666' }],
        },
      })
      .expect(201);
    // Bad details are refused with a Chinese message and change nothing.
    const bad = await t.http
      .put(url(`/votes/${draft.body.id}`))
      .set(bearer(cast.clerk.token))
      .send({
        title: '2027年第一次业主大会',
        method: '网上投票',
        channels: ['online', 'paper', 'proxy'],
        opensAt: opensAt.toISOString(),
        closesAt: closesAt.toISOString(),
        motions: [{ title: '更换水泵', fullText: '全文', kind: 'yes_no' }],
        noticeDetails: { countingAt: opensAt.toISOString() },
      });
    expect([bad.status, bad.body.message]).toEqual([400, '计票时间不能早于投票截止时间']);

    await t.http
      .post(url(`/votes/${draft.body.id}/notice`))
      .set(bearer(cast.clerk.token))
      .expect(201);
    // Publishing registered the notice and asked for both seals itself (the system's request): the vote page finds
    // the notice in the document list and its pending request by document; so does this test.
    const doc = { body: await noticeDocument(t, cast, draft.body.id) };
    expect(doc.body.status).toBe('draft');
    const pending = await t.http
      .get(url('/seal-requests'))
      .query({ documentId: doc.body.id, status: 'pending' })
      .set(bearer(cast.clerk.token))
      .expect(200);
    expect(pending.body).toHaveLength(1);
    expect(pending.body[0]).toMatchObject({ onPublication: true, requiredSeals: ['assembly', 'committee'], appliedSeals: [] });
    const req = { body: pending.body[0] as { id: string } };

    // Ten days before opening, with 15 days' notice: too late to seal. The way out is to move the window.
    const sealingDay = new Date(opensAt.getTime() - 10 * DAY);
    const newOpens = new Date(sealingDay.getTime() + 20 * DAY);
    const apply = (who: { token: string }, kind: string) =>
      t.http
        .post(url(`/seal-requests/${req.body.id}/applications`))
        .set(bearer(who.token))
        .send({ kind, pin: TEST_SEAL_PIN });
    const move = (opens: Date) =>
      t.http
        .put(url(`/votes/${draft.body.id}/window`))
        .set(bearer(cast.clerk.token))
        .send({ opensAt: opens.toISOString(), closesAt: new Date(opens.getTime() + 10 * DAY).toISOString() });
    t.clock.travelTo(sealingDay);
    try {
      const late = await apply(cast.residents, 'assembly');
      expect([late.status, late.body.code]).toEqual([409, 'notice_sealed_too_late']);
      expect(late.body.message).toMatch(/须在投票开始前15日用章.*调整投票时间.*推迟到\d{4}年\d+月\d+日或之后/);
      const log = await t.http
        .get(url(`/seal-requests/${req.body.id}`))
        .set(bearer(cast.clerk.token))
        .expect(200);
      expect(log.body.log).toEqual([]);
      const unsealed = await t.http
        .get(url(`/votes/${draft.body.id}`))
        .set(bearer(cast.clerk.token))
        .expect(200);
      expect(unsealed.body.noticeSealedAt).toBeNull();

      // Still too close for a window moved by only a few days; refused, nothing changes.
      const tooClose = await move(new Date(sealingDay.getTime() + 5 * DAY));
      expect([tooClose.status, tooClose.body.code]).toEqual([409, 'notice_period_not_met']);
      const moved = await move(newOpens).expect(200);
      expect(new Date(moved.body.opensAt).getTime()).toBe(newOpens.getTime());

      await apply(cast.residents, 'assembly').expect(201);
      // One seal is on the notice: it cannot change under it any more.
      const partly = await move(new Date(newOpens.getTime() + DAY));
      expect([partly.status, partly.body.code]).toEqual([409, 'notice_partly_sealed']);
      await apply(cast.director, 'committee').expect(201);
      const sealedMove = await move(new Date(newOpens.getTime() + DAY));
      expect([sealedMove.status, sealedMove.body.code]).toEqual([409, 'notice_sealed']);
    } finally {
      t.clock.reset();
    }
    const sealed = await t.http
      .get(url(`/votes/${draft.body.id}`))
      .set(bearer(cast.clerk.token))
      .expect(200);
    expect(new Date(sealed.body.noticeSealedAt).getTime()).toBeGreaterThanOrEqual(sealingDay.getTime());

    const pdf = (await binary(t.http.get(url(`/documents/${doc.body.id}/file`)).set(bearer(cast.clerk.token))).expect(200)).body as Buffer;
    pageImages('assembly-notice-sealed', pdf);
    expectChecklist(CHECKLISTS.assembly_notice!, pdf);
    const text = pdftotext(pdf).replace(/\s+/g, '');
    for (const phrase of [
      '物业服务中心一楼业委会票箱',
      '监票人：欧阳甲、司马乙',
      '计票人：诸葛丙',
      '联系人：张委员联系电话：0571-88886666',
      '最多接受3名业主的委托',
      // the default 抄送 from the community (district 测试区)
      '所在社区居民委员会、测试区街道办事处',
      '测试区街道办事处',
      `特此公告。`,
    ])
      expect([phrase, text.includes(phrase.replace(/\s+/g, ''))]).toEqual([phrase, true]);
    expect(text).toContain(formatDate(sealingDay));
    // The printed window is the moved one.
    expect(text).toContain(`表决期间：${formatDate(newOpens)}`);
    expect(text).toContain('动用维修资金十二万元更换1幢二次供水水泵。');
    expect(pdfsig(pdf).stdout.match(/Signature is Valid/g)).toHaveLength(2);
    pageImages('assembly-notice-sealed', pdf);
  });

  it('业委会决议: its 发文字号, members only, each member’s vote, the rule, the resolution text — and no 一致同意 beside an abstention', async () => {
    const itemId = await createItem(t, cast, 'committee_only', '更换单元门禁');
    await advanceToAssembly(t, cast, itemId);
    const votes = [
      { userId: cast.director.userId, present: true, vote: 'yes', signed: true },
      { userId: cast.clerk.userId, present: true, vote: 'yes', signed: true },
      { userId: cast.clerk2.userId, present: true, vote: 'abstain', signed: true },
    ];
    await recordStage(
      t,
      cast,
      itemId,
      'committee_resolution',
      cast.clerk,
      meetingBody({ details: { memberVotes: votes, resolutionText: '委托物业公司更换1幢1单元门禁，费用从公共收益列支。' } }),
    ).expect(201);
    const [{ id: meetingId }] = await t.dataSource.query('SELECT id FROM meetings WHERE agenda_item_id = $1 AND stage = $2', [
      itemId,
      'committee_resolution',
    ]);
    const doc = await t.http
      .post(url('/documents'))
      .set(bearer(cast.clerk.token))
      .send({ type: 'meeting_minutes', sourceId: meetingId })
      .expect(201);
    const pdf = (await binary(t.http.get(url(`/documents/${doc.body.id}/preview`)).set(bearer(cast.clerk.token))).expect(200))
      .body as Buffer;
    pageImages('committee-resolution-checklist', pdf);
    expectChecklist(CHECKLISTS.committee_resolution!, pdf, { unanimous: false });
    const text = pdftotext(pdf).replace(/\s+/g, '');
    // 发文字号: the one the register allocated, the committee's (业委), printed whole on one line beside the number.
    expect(doc.body.issueNumber).toMatch(/^[\u4e00-\u9fff]业委〔\d{4}〕[1-9]\d*号$/);
    expect(text).toContain(`${doc.body.issueNumber}（${doc.body.number}）`);
    expect(brokenTokens(CHECKLISTS.committee_resolution!, pdftotext(pdf))).toEqual([]);
    expect(text).toContain('应到3人，实到3人');
    expect(text).toContain('委托物业公司更换1幢1单元门禁');
    pageImages('committee-resolution-checklist', pdf);
  });
});
