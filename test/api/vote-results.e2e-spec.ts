import { mkdirSync, writeFileSync } from 'node:fs';
import { pdfsig, pdftotext } from '@gongyi/pdf/testing/poppler';
import {
  ASSEMBLY_RESULT_CHECKLIST,
  ASSEMBLY_RESULT_PRELIMINARY_CHECKLIST,
  type ResultChecklist,
} from '@gongyi/domain/documents/checklists/assembly-result';
import { VoteClosingService } from '../../apps/api/src/voting/vote-closing.service';
import { advanceToAssembly, Cast, chainCast, createItem, openVote, ownerTokens } from '../support/chain-fixtures';
import { createMember, RosterLine } from '../support/fixtures';
import { issueSealsWithPins, TEST_SEAL_PIN } from '../support/seal-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const ROSTER: RosterLine[] = [
  { 楼栋: '1', 单元: '1', 房号: '101', 面积: '100', 面积来源: '登记', 业主: '欧阳甲', 手机: '13900000001' },
  { 楼栋: '1', 单元: '1', 房号: '102', 面积: '90', 面积来源: '登记', 业主: '司马乙', 手机: '13900000002' },
  { 楼栋: '1', 单元: '1', 房号: '201', 面积: '80', 面积来源: '登记', 业主: '诸葛丙', 手机: '13900000003' },
];
const DAY = 86_400_000;

const binary = (req: ReturnType<TestApp['http']['get']>) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
const flat = (pdf: Buffer) => pdftotext(pdf, { layout: true }).replace(/\s+/g, '');
const missing = (list: ResultChecklist, text: string) => list.items.filter((i) => !i.pattern.test(text)).map((i) => i.id);
const contradictions = (list: ResultChecklist, text: string) => (list.forbidden ?? []).filter((f) => f.pattern.test(text)).map((f) => f.id);

describe('preliminary result, objections and the final result announcement', () => {
  let t: TestApp;
  let cast: Cast;
  let owners: Map<string, { ownerId: string; userId: string; token: string }>;
  let vote: Awaited<ReturnType<typeof openVote>>;
  let closedAt: number;
  /** End of the objection period as stored at the close (the test clock runs on after travelling). */
  let ends: number;
  const url = (path: string) => `/api/communities/${cast.community}${path}`;
  const v = (path = '') => url(`/votes/${vote.id}${path}`);
  const as = (name: string) => bearer(owners.get(name)!.token);
  const actions = async () =>
    (
      await t.dataSource.query<{ action: string }[]>(
        `SELECT action FROM record_entries WHERE community_id = $1 AND subject_id = $2 ORDER BY seq`,
        [cast.community, vote.id],
      )
    ).map((r) => r.action);
  const preview = async (id: string) =>
    (await binary(t.http.get(url(`/documents/${id}/preview`)).set(bearer(cast.clerk.token))).expect(200)).body as Buffer;
  const at = async <T>(time: number, fn: () => Promise<T>): Promise<T> => {
    t.clock.travelTo(new Date(time));
    try {
      return await fn();
    } finally {
      t.clock.reset();
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, ROSTER);
    owners = await ownerTokens(t, cast);
    const itemId = await createItem(t, cast, 'art278_5', '动用维修资金更换水泵');
    await advanceToAssembly(t, cast, itemId);
    // 监票人/计票人 are named by the committee when it drafts the notice (noticeDetails), through the API.
    const noticeDetails = { scrutineers: ['王监票'], tellers: ['张计票'] };
    const refused = await t.http
      .post(url(`/agenda-items/${itemId}/votes`))
      .set(bearer(cast.clerk.token))
      .send({
        title: '2026 年第一次业主大会',
        method: '网上投票',
        channels: ['online'],
        opensAt: new Date(Date.now() + 20 * DAY).toISOString(),
        closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
        motions: [{ title: '更换水泵', fullText: '动用维修资金更换 1 幢水泵。', kind: 'yes_no' }],
        noticeDetails: { scrutineers: ['王监票'], tellers: ['王监票'] },
      })
      .expect(400);
    expect(refused.body).toMatchObject({ code: 'invalid_notice_details', message: '监票人不能同时担任计票人：王监票' });
    vote = await openVote(t, cast, itemId, {
      motions: [{ title: '更换水泵', fullText: '动用维修资金更换 1 幢水泵。', kind: 'yes_no' }],
      noticeDetails,
    });
    const [drafted] = await t.dataSource.query(
      `SELECT payload FROM record_entries WHERE subject_id = $1 AND action = 'voting.vote_drafted'`,
      [vote.id],
    );
    expect(drafted.payload).toMatchObject({ scrutineers: ['王监票'], tellers: ['张计票'] });
    const shown = await t.http.get(v()).set(bearer(cast.clerk.token)).expect(200);
    expect(shown.body.noticeDetails).toMatchObject(noticeDetails);
    const motionId = vote.motions[0].id;
    await t.http
      .post(v('/ballots'))
      .set(as('欧阳甲'))
      .send({ choices: [{ motionId, choice: 'yes' }] })
      .expect(201);
    await t.http
      .post(v('/ballots'))
      .set(as('司马乙'))
      .send({ choices: [{ motionId, choice: 'no' }] })
      .expect(201);
    // 诸葛丙 on paper: entered by one clerk, confirmed by a second; a wrongly entered sheet refused first (invalid).
    const [elector] = await t.dataSource.query(
      `SELECT e.id FROM electors e JOIN owners o ON o.id::text = e.voter_key WHERE e.vote_id = $1 AND o.name = '诸葛丙'`,
      [vote.id],
    );
    const wrong = await t.http
      .post(v('/paper-ballots'))
      .set(bearer(cast.clerk.token))
      .send({ electorId: elector.id, choices: [{ motionId, choice: 'no' }], paperRef: '1幢-003' })
      .expect(201);
    await t.http
      .post(v(`/paper-ballots/${wrong.body.receiptCode}/confirmation`))
      .set(bearer(cast.clerk2.token))
      .send({ confirm: false, reason: '纸质票为赞成，录入为反对' })
      .expect(201);
    const right = await t.http
      .post(v('/paper-ballots'))
      .set(bearer(cast.clerk.token))
      .send({ electorId: elector.id, choices: [{ motionId, choice: 'yes' }], paperRef: '1幢-003' })
      .expect(201);
    await t.http
      .post(v(`/paper-ballots/${right.body.receiptCode}/confirmation`))
      .set(bearer(cast.clerk2.token))
      .send({ confirm: true })
      .expect(201);
    closedAt = new Date(vote.closesAt).getTime() + 1000;
    expect(await at(closedAt, () => t.app.get(VoteClosingService).closeIfDue(cast.community, vote.id))).toBe('closed');
    await issueSealsWithPins(t, cast.community, cast.director, [cast.director, cast.residents], { term: 1 });
  });
  afterAll(() => t.close());

  it('posts the preliminary result at the close, with the objection period from the rulebook (3 days)', async () => {
    const res = await t.http.get(v('/results')).expect(200);
    expect(res.body).toMatchObject({ stage: 'preliminary', final: false, finalDocument: null });
    ends = new Date(res.body.objectionEndsAt).getTime();
    expect(Math.abs(ends - (closedAt + 3 * DAY))).toBeLessThan(5000);
    expect(res.body.preliminaryDocument.number).toMatch(/^GY-/);
    expect(await actions()).toEqual(expect.arrayContaining(['voting.vote_closed', 'voting.preliminary_result_posted']));

    const [doc] = await t.dataSource.query(
      `SELECT id, required_seals FROM documents WHERE source_id = $1 AND source_type = 'assembly_vote_preliminary'`,
      [vote.id],
    );
    expect(doc.required_seals).toEqual(['committee']);
    // Posting is the sealing: the close itself asked the committee seal's custodians (the system's request).
    const requests = await t.dataSource.query<{ status: string; on_publication: boolean; committee: boolean }[]>(
      `SELECT status, on_publication, committee_seal_id IS NOT NULL AS committee FROM seal_requests WHERE document_id = $1`,
      [doc.id],
    );
    expect(requests).toEqual([{ status: 'pending', on_publication: true, committee: true }]);
    const pdf = await preview(doc.id);
    mkdirSync('test-output/pages', { recursive: true });
    writeFileSync('test-output/pages/assembly-result-preliminary.pdf', pdf);
    const text = flat(pdf);
    // The scrutineers the notice named, printed on the preliminary result.
    expect(missing(ASSEMBLY_RESULT_PRELIMINARY_CHECKLIST, text)).toEqual([]);
    for (const phrase of ['监票人：王监票', '计票人：张计票']) expect([phrase, text.includes(phrase)]).toEqual([phrase, true]);
    expect(contradictions(ASSEMBLY_RESULT_PRELIMINARY_CHECKLIST, text)).toEqual([]);
    // Valid 3 (two online, one paper), invalid 1 (the refused paper entry), by channel.
    for (const phrase of ['有效票：3张', '无效票：1张（核对未通过的纸质票1张）', '网上投票2张；纸质表决票1张'])
      expect([phrase, text.includes(phrase)]).toEqual([phrase, true]);
  });

  it('the generic document route does not issue a result announcement', async () => {
    const res = await t.http
      .post(url('/documents'))
      .set(bearer(cast.clerk.token))
      .send({ type: 'resolution_announcement', sourceId: vote.id });
    expect([res.status, res.body.code]).toEqual([409, 'use_final_result']);
  });

  it('lets an owner on the roll object during the period, and refuses everyone else and bad input', async () => {
    const outsider = await createMember(t, cast.community, 'owner');
    expect((await t.http.post(v('/objections')).set(bearer(outsider.token)).send({ text: '不同意' })).body.code).toBe('not_in_electorate');
    expect((await t.http.post(v('/objections')).set(bearer(cast.director.token)).send({ text: '不同意' })).status).toBe(403);
    expect((await t.http.post(v('/objections')).set(as('欧阳甲')).send({ text: '   ' })).body.code).toBe('objection_text_invalid');
    const notMine = await t.http.post(v('/objections')).set(as('欧阳甲')).send({ text: '面积有误', unitNumber: '102' });
    expect([notMine.status, notMine.body.code]).toEqual([400, 'unit_not_yours']);
    expect(await t.dataSource.query('SELECT 1 FROM vote_objections')).toHaveLength(0);

    const [{ unit_numbers: units }] = await t.dataSource.query(
      `SELECT e.unit_numbers FROM electors e JOIN owners o ON o.id::text = e.voter_key WHERE e.vote_id = $1 AND o.name = '欧阳甲'`,
      [vote.id],
    );
    const filed = await at(closedAt + DAY, () =>
      t.http.post(v('/objections')).set(as('欧阳甲')).send({ text: '我的房屋面积应为 100.50 平方米', unitNumber: units[0] }).expect(201),
    );
    expect(filed.body).toMatchObject({ unitNumber: units[0], answer: null });
    await at(closedAt + 2 * DAY, () => t.http.post(v('/objections')).set(as('司马乙')).send({ text: '请公布纸质票核对过程' }).expect(201));
    const late = await at(ends, () => t.http.post(v('/objections')).set(as('司马乙')).send({ text: '再提一件' }));
    expect([late.status, late.body.code]).toEqual([409, 'objection_period_closed']);

    // Owners on the roll see the open window in 我的待办; the committee sees objections to answer.
    const todo = await t.http.get(url('/todo')).set(as('诸葛丙')).expect(200);
    expect(todo.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'vote_objection_window', link: `/c/${cast.community}/votes/${vote.id}/objections` }),
      ]),
    );
    const committee = await t.http.get(url('/todo')).set(bearer(cast.director.token)).expect(200);
    expect(committee.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'vote_objection', detail: expect.stringContaining('2 件') })]),
    );

    const seen = await t.http.get(v('/objections')).set(bearer(cast.director.token)).expect(200);
    expect(seen.body.objections.map((o: { filedByName: string }) => o.filedByName)).toEqual(['欧阳甲', '司马乙']);
    const byOwner = await t.http.get(v('/objections')).set(as('诸葛丙')).expect(200);
    expect(byOwner.body.objections.every((o: { filedByName: string | null }) => o.filedByName === null)).toBe(true);
    expect(await actions()).toEqual(expect.arrayContaining(['voting.objection_filed']));
  });

  it('refuses the final announcement during the period and while an objection is unanswered', async () => {
    const early = await at(closedAt + 2 * DAY, () => t.http.post(v('/final-result')).set(bearer(cast.clerk.token)).send({}));
    expect([early.status, early.body.code]).toEqual([409, 'objection_period_running']);
    const { body } = await t.http.get(v('/objections')).set(bearer(cast.director.token)).expect(200);
    await at(closedAt + 2 * DAY, () =>
      t.http
        .post(v(`/objections/${body.objections[0].id}/answer`))
        .set(bearer(cast.director.token))
        .send({ answer: '经核对不动产登记簿，面积为 100.00 平方米，计票无误。' })
        .expect(201),
    );
    const again = await t.http
      .post(v(`/objections/${body.objections[0].id}/answer`))
      .set(bearer(cast.director.token))
      .send({ answer: '改答' });
    expect([again.status, again.body.code]).toEqual([409, 'objection_answered']);
    expect(
      (
        await t.http
          .post(v(`/objections/${body.objections[1].id}/answer`))
          .set(as('欧阳甲'))
          .send({ answer: 'x' })
      ).status,
    ).toBe(403);
    const unanswered = await at(ends, () => t.http.post(v('/final-result')).set(bearer(cast.clerk.token)).send({}));
    expect([unanswered.status, unanswered.body.code]).toEqual([409, 'objections_unanswered']);
    await at(ends, () =>
      t.http
        .post(v(`/objections/${body.objections[1].id}/answer`))
        .set(bearer(cast.director.token))
        .send({ answer: '纸质票由两位委员分别录入与核对，核对记录已在决策记录中公开。' })
        .expect(201),
    );
    expect(await actions()).toEqual(expect.arrayContaining(['voting.objection_answered']));
    expect((await t.http.get(v('/results')).expect(200)).body).toMatchObject({ final: false, finalDocument: null });
  });

  it('issues the final announcement after the period: every checklist item, objections with handling, both seals, then final', async () => {
    const issued = await at(ends + 1000, () =>
      t.http
        .post(v('/final-result'))
        .set(bearer(cast.clerk.token))
        .send({ scrutineers: ['王监票', '居委会王主任'], counters: ['张计票'] })
        .expect(201),
    );
    expect(issued.body.document.requiredSeals).toEqual(['assembly', 'committee']);
    expect(issued.body.sealRequest.status).toBe('pending');
    const twice = await at(ends + 2000, () => t.http.post(v('/final-result')).set(bearer(cast.clerk.token)).send({}));
    expect([twice.status, twice.body.code]).toEqual([409, 'final_result_issued']);

    const text = flat(await preview(issued.body.document.id));
    expect(missing(ASSEMBLY_RESULT_CHECKLIST, text)).toEqual([]);
    expect(contradictions(ASSEMBLY_RESULT_CHECKLIST, text)).toEqual([]);
    for (const phrase of [
      '我的房屋面积应为100.50平方米',
      '经核对不动产登记簿',
      '请公布纸质票核对过程',
      '监票人：王监票、居委会王主任',
      '计票人：张计票',
    ])
      expect([phrase, text.includes(phrase)]).toEqual([phrase, true]);
    expect((await t.http.get(v('/results')).expect(200)).body).toMatchObject({ stage: 'final_issued', final: false });

    for (const [who, kind] of [
      [cast.director, 'committee'],
      [cast.residents, 'assembly'],
    ] as const)
      await t.http
        .post(url(`/seal-requests/${issued.body.sealRequest.id}/applications`))
        .set(bearer(who.token))
        .send({ kind, pin: TEST_SEAL_PIN })
        .expect(201);
    const result = (await t.http.get(v('/results')).expect(200)).body;
    expect(result).toMatchObject({ stage: 'final', final: true, finalDocument: { sealed: true } });
    expect(result.objections).toHaveLength(2);
    expect(JSON.stringify(result)).not.toContain('欧阳甲');
    const sealed = (await binary(t.http.get(url(`/documents/${issued.body.document.id}/file`)).set(bearer(cast.clerk.token))).expect(200))
      .body as Buffer;
    expect(pdfsig(sealed).stdout.match(/Signature is Valid/g)).toHaveLength(2);
    writeFileSync('test-output/pages/assembly-result-final.pdf', sealed);
    const steps = await actions();
    expect(steps.indexOf('voting.final_result_issued')).toBeGreaterThan(steps.lastIndexOf('voting.objection_answered'));
    expect(steps[steps.length - 1]).toBe('voting.result_final');
  });

  it('the decision record names the 监票人/计票人 in the sentences of the draft, the notice and the final result', async () => {
    const { entries } = (
      await t.http.get(url('/record/sentences')).query({ kind: 'voting', limit: 200 }).set(bearer(cast.director.token)).expect(200)
    ).body as { entries: { action: string; sentence: string }[] };
    const sentence = (action: string) => entries.find((e) => e.action === action)?.sentence;
    expect(sentence('voting.vote_drafted')).toMatch(/起草表决「2026 年第一次业主大会」，监票人：王监票，计票人：张计票$/);
    expect(sentence('voting.notice_published')).toMatch(/发布业主大会表决公告「2026 年第一次业主大会」，监票人：王监票，计票人：张计票$/);
    // The final announcement's own: the committee named 居委会王主任 besides the notice's scrutineer.
    expect(sentence('voting.final_result_issued')).toMatch(/结果公告：文书 GY-\S+，监票人：王监票、居委会王主任，计票人：张计票$/);
  });
});
