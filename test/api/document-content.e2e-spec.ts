import { mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { checkText, EXECUTION_REPORT_CHECKLIST } from '@gongyi/domain/documents/checklists';
import { lastPageBody, pdfsig, pdftotext } from '@gongyi/pdf/testing/poppler';
import { TimestampAuthorityService } from '../../apps/api/src/documents/timestamp-authority.service';
import { checkSignatureTimestamps } from '../support/timestamp-check';
import { VoteClosingService } from '../../apps/api/src/voting/vote-closing.service';
import { advanceToAssembly, Cast, chainCast, createItem, meetingBody, openVote, ownerTokens, recordStage } from '../support/chain-fixtures';
import { RosterLine } from '../support/fixtures';
import { issueFinalResult } from '../support/result-fixtures';
import { issueSealsWithPins, TEST_SEAL_PIN } from '../support/seal-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const ROSTER: RosterLine[] = [
  { 楼栋: '1', 单元: '1', 房号: '101', 面积: '100', 面积来源: '登记', 业主: '欧阳甲', 手机: '13900000001' },
  { 楼栋: '1', 单元: '1', 房号: '102', 面积: '90', 面积来源: '登记', 业主: '司马乙', 手机: '13900000002' },
];

const binary = (req: ReturnType<TestApp['http']['get']>) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
const flat = (pdf: Buffer) => pdftotext(pdf).replace(/\s+/g, '');

/**
 * Page images for a human look (test-output/pages/<name>-<n>.png). Every kind of the seal policy has one, written by:
 * - demo-results.e2e-spec: assembly_notice, assembly_result_preliminary, assembly_result, hearing_result,
 *   tender_failed, finance_statement, joint_bulletin (demo-<kind>-<n>.png)
 * - this file: committee_resolution (committee-resolution), minutes_joint_meeting (joint-meeting),
 *   minutes_representatives_meeting (representatives), execution_report (execution-report)
 * - minutes-checklists.e2e-spec: minutes_party_prediscussion, minutes_representatives_meeting (…-final)
 * - statement-seal-log-checklists.e2e-spec: finance_statement (finance-statement-q3), seal_log_report (seal-log-report)
 * - document-checklists.e2e-spec: assembly_notice (assembly-notice-sealed), committee_resolution (…-checklist)
 */
function pageImages(name: string, pdf: Buffer) {
  const dir = 'test-output/pages';
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${name}.pdf`, pdf);
  spawnSync('pdftoppm', ['-png', '-r', '60', `${dir}/${name}.pdf`, `${dir}/${name}`]);
}

describe('document content per kind, from real flows', () => {
  let t: TestApp;
  let cast: Cast;
  let itemId: string;
  const url = (path: string) => `/api/communities/${cast.community}${path}`;
  const meetingId = async (stage: string) =>
    (await t.dataSource.query('SELECT id FROM meetings WHERE agenda_item_id = $1 AND stage = $2', [itemId, stage]))[0].id as string;
  const document = async (type: string, sourceId: string) => {
    const doc = await t.http.post(url('/documents')).set(bearer(cast.clerk.token)).send({ type, sourceId }).expect(201);
    const pdf = (await binary(t.http.get(url(`/documents/${doc.body.id}/preview`)).set(bearer(cast.clerk.token))).expect(200)).body;
    return { ...doc.body, pdf: pdf as Buffer, text: flat(pdf) };
  };

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, ROSTER);
    const owners = await ownerTokens(t, cast);
    itemId = await createItem(t, cast, 'art278_5', '动用维修资金更换水泵');
    await advanceToAssembly(t, cast, itemId);
    const vote = await openVote(t, cast, itemId, { motions: [{ title: '更换水泵', fullText: '动用维修资金更换水泵。', kind: 'yes_no' }] });
    for (const name of ['欧阳甲', '司马乙'])
      await t.http
        .post(url(`/votes/${vote.id}/ballots`))
        .set(bearer(owners.get(name)!.token))
        .send({ choices: [{ motionId: vote.motions[0].id, choice: 'yes' }] })
        .expect(201);
    t.clock.travelTo(new Date(new Date(vote.closesAt).getTime() + 1000));
    try {
      expect(await t.app.get(VoteClosingService).closeIfDue(cast.community, vote.id)).toBe('closed');
    } finally {
      t.clock.reset();
    }
    // The item moves on to the committee's resolution only once the final result is published after the objection period.
    await issueFinalResult(t, cast.community, vote.id, cast.clerk);
    // Two members for, one present and abstaining: passes by more than half of all three members.
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
      meetingBody({
        details: { memberVotes: votes, resolutionText: '委托物业公司按业主大会决议更换 1 幢二次供水水泵，费用从维修资金列支。' },
      }),
    ).expect(201);
    await issueSealsWithPins(t, cast.community, cast.director, [cast.director, cast.residents], { term: 1 });
  });
  afterAll(() => t.close());

  it('业委会决议: members only, each vote, the rule applied, the resolution text — no invented consensus', async () => {
    const doc = await document('meeting_minutes', await meetingId('committee_resolution'));
    expect(doc.title).toContain('业主委员会决议');
    const text = doc.text;
    for (const phrase of [
      '业主委员会决议',
      '应到3人，实到3人',
      '列席人员',
      '居委会王主任（居委会）',
      '不计入应到/实到',
      '全体委员过半数同意（3名委员中至少2人）',
      '赞成2人，反对0人，弃权1人',
      '决议内容',
      '委托物业公司按业主大会决议更换1幢二次供水水泵',
      '3日内',
      '测试committee_director',
      '弃权',
    ])
      expect([phrase, text.includes(phrase)]).toEqual([phrase, true]);
    expect(text).not.toContain('一致同意');
    expect(text).not.toContain('应到4人');
    pageImages('committee-resolution', doc.pdf);

    const req = await t.http.post(url('/seal-requests')).set(bearer(cast.clerk.token)).send({ documentId: doc.id }).expect(201);
    expect(req.body.decision).toBe('议题第1号「动用维修资金更换水泵」业主委员会决定');
    await t.http
      .post(url(`/seal-requests/${req.body.id}/applications`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(201);
    const sealed = (await binary(t.http.get(url(`/documents/${doc.id}/file`)).set(bearer(cast.clerk.token))).expect(200)).body as Buffer;
    const sig = pdfsig(sealed).stdout;
    expect(sig.match(/Signature is Valid/g)).toHaveLength(1);
    expect(sig).toContain('业主委员会章');
    expect(sig).not.toContain('业主大会章');
  });

  it('联席会议纪要: the agreed plan and the options, attendees by party, no default consensus', async () => {
    const doc = await document('meeting_minutes', await meetingId('joint_meeting'));
    for (const phrase of ['联席会议', '议定方案', '加装一部电梯，公开招标', '备选方案', '（1）方案甲', '（2）方案乙', '物业李经理', '物业'])
      expect([phrase, doc.text.includes(phrase)]).toEqual([phrase, true]);
    expect(doc.text).not.toContain('一致同意');
    pageImages('joint-meeting', doc.pdf);
  });

  it('支部先议 and 居民代表会议 minutes: opinions recorded, no seal at all (the attendees confirm them)', async () => {
    const party = await document('meeting_minutes', await meetingId('party_prediscussion'));
    expect(party.requiredSeals).toEqual([]);
    const reps = await document('meeting_minutes', await meetingId('representatives_meeting'));
    expect(reps.requiredSeals).toEqual([]);
    expect(reps.text).toContain('全体出席人员确认后定稿');
    expect(reps.text).not.toContain('（盖章）');
    for (const phrase of ['居民代表会议', '3幢楼栋长', '赞成20户、反对3户', '低层住户担心采光'])
      expect([phrase, reps.text.includes(phrase)]).toEqual([phrase, true]);
    expect(reps.text).not.toContain('一致同意');
    pageImages('representatives', reps.pdf);
  });

  it('决定执行情况报告: the committee reports the acceptance of the work, under its seal only', async () => {
    await t.http
      .post(url(`/agenda-items/${itemId}/progress-reports`))
      .set(bearer(cast.property.token))
      .send({ progressPercent: 100, text: '水泵已更换并试运行', amountFen: '9600000' })
      .expect(201);
    await recordStage(
      t,
      cast,
      itemId,
      'execution',
      cast.director,
      meetingBody({ outcome: 'advance', minutes: '业委会现场验收合格，新水泵运行正常。' }),
    ).expect(201);
    const report = await document('meeting_minutes', await meetingId('execution'));
    expect(report.requiredSeals).toEqual(['committee']);
    expect(report.title).toBe('动用维修资金更换水泵决定执行情况报告');
    pageImages('execution-report', report.pdf);
    // A report, not minutes: every item of its checklist, and no minutes heading or blank 签字 column left.
    // Tables read row by row (pdftotext -layout), as a reader sees them.
    const result = checkText(EXECUTION_REPORT_CHECKLIST, pdftotext(report.pdf, { layout: true }));
    expect({ missing: result.missing.map((i) => i.id), contradictions: result.contradictions.map((f) => f.id) }).toEqual({
      missing: [],
      contradictions: [],
    });
    for (const phrase of [
      '业委会现场验收合格，新水泵运行正常。',
      '报告单位：物业（测试property_company）',
      '执行依据：议题第1号「动用维修资金更换水泵」业主大会决定；业主委员会决议',
      '报告提交物业测试property_company于',
      '验收确认业委会主任测试committee_director于',
      // What the work cost, against the budget: the amount the property company reported.
      '已发生金额：¥96,000.00（1次进度报告所报金额合计）',
    ])
      expect([phrase, report.text.includes(phrase)]).toEqual([phrase, true]);
    // The progress report as a table row: when, how far, what, by whom.
    expect(pdftotext(report.pdf, { layout: true })).toMatch(
      /\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}\s+100%\s+水泵已更换并试运行\s+¥96,000\.00\s+测试/,
    );
    // A bad amount is refused with a Chinese message.
    const bad = await t.http
      .post(url(`/agenda-items/${itemId}/progress-reports`))
      .set(bearer(cast.property.token))
      .send({ progressPercent: 100, text: '补报', amountFen: '-5' });
    expect([bad.status, bad.body.message]).toEqual([400, expect.stringContaining('以分计的非负整数')]);
    // 附件: the item's sealed documents — the committee resolution sealed above among them.
    const [resolution] = await t.dataSource.query(`SELECT number FROM documents WHERE source_id = $1`, [
      await meetingId('committee_resolution'),
    ]);
    expect(report.text).toMatch(new RegExp(`三、附件1\\.\\S*${resolution.number}`));

    // Sealed by the committee, citing the decision it executes: the signature valid, with a verified timestamp.
    const req = await t.http.post(url('/seal-requests')).set(bearer(cast.clerk.token)).send({ documentId: report.id }).expect(201);
    expect(req.body.decision).toBe('议题第1号「动用维修资金更换水泵」业主大会决定');
    await t.http
      .post(url(`/seal-requests/${req.body.id}/applications`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(201);
    const sealed = (await binary(t.http.get(url(`/documents/${report.id}/file`)).set(bearer(cast.clerk.token))).expect(200)).body as Buffer;
    const rootPem = (await t.http.get('/api/ca.pem').expect(200)).text;
    const tsaPem = await t.app.get(TimestampAuthorityService).certPem();
    expect(checkSignatureTimestamps(sealed, rootPem, tsaPem).map((c) => [c.pdfsigValid, c.opensslVerified])).toEqual([[true, true]]);
    expect(lastPageBody(sealed)).toContain('特此报告。');
  });
});
