import { HEARING_RESULT_CHECKLIST } from '@gongyi/domain/documents/checklists/hearing-result';
import { pdftotext } from '@gongyi/pdf/testing/poppler';
import { verifyPdf } from '@gongyi/pdf';
import { RootCaService } from '../../apps/api/src/documents/root-ca.service';
import { VoteClosingService } from '../../apps/api/src/voting/vote-closing.service';
import { ownerTokens, publishFinalResult } from '../support/chain-fixtures';
import { bearer, createTestApp, type TestApp } from '../support/test-app';
import { issueSealsWithPins, TEST_SEAL_PIN } from '../support/seal-fixtures';
import {
  createHearing,
  DAY,
  hearingBody,
  type HearingCast,
  hearingCast,
  HOUR,
  publishNotice,
  sevenSeats,
  sheet,
  submitBid,
} from '../support/hearing-fixtures';
import { rawBody } from '../support/raw-body';

// supertest buffers only text types; PDFs are collected as bytes.
const bytes = rawBody;

describe('hearings', () => {
  let t: TestApp;
  let c: HearingCast;
  let hearingId: string;
  let body: ReturnType<typeof hearingBody>;
  const bids: string[] = [];
  const url = (path = '') => `/api/communities/${c.community}/hearings/${hearingId}${path}`;
  const at = async <T>(when: Date, fn: () => Promise<T>): Promise<T> => {
    t.clock.travelTo(when);
    try {
      return await fn();
    } finally {
      t.clock.reset();
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    c = await hearingCast(t);
    body = hearingBody(c, c.itemId);
  });
  afterAll(() => t.close());

  it('refuses a hearing whose panel, criteria, schedule or vendors break the rules', async () => {
    const refuse = async (extra: Record<string, unknown>, status: number, code: string) => {
      const res = await createHearing(t, c, { ...body, ...extra });
      expect([res.status, res.body.code]).toEqual([status, code]);
    };
    await refuse({ panel: sevenSeats(c).slice(0, 4) }, 400, 'panel_composition');
    await refuse({ panel: sevenSeats(c).slice(0, 6) }, 400, 'panel_composition');
    await refuse(
      {
        panel: sevenSeats(c)
          .filter((s) => s.kind !== 'property_company')
          .concat({ userId: c.experts[4].userId, kind: 'expert' }),
      },
      400,
      'panel_composition',
    );
    await refuse({ panel: [...sevenSeats(c).slice(0, 6), { userId: c.vendors[0].userId, kind: 'expert' }] }, 400, 'panel_role_mismatch');
    await refuse({ panel: [{ userId: c.experts[4].userId, kind: 'committee' }, ...sevenSeats(c).slice(1)] }, 400, 'panel_role_mismatch');
    await refuse(
      {
        criteria: [
          { key: 'price', label: '价格', weight: 60 },
          { key: 'quality', label: '质量', weight: 30 },
        ],
      },
      400,
      'invalid_criteria',
    );
    await refuse({ vendors: [{ userId: c.experts[4].userId, vendorName: '冒名公司' }] }, 400, 'not_a_vendor');
    await refuse({ bidDeadline: new Date(Date.now() - HOUR).toISOString() }, 400, 'invalid_schedule');
    await refuse({ criteria: [{ key: 'price', label: '价格', weight: 1.5 }] }, 400, 'validation_failed');
    await t.http.post(`/api/communities/${c.community}/hearings`).set(bearer(t.adminToken)).send(body).expect(403);
    const res = await createHearing(t, c, body).expect(201);
    hearingId = res.body.id;
  });

  it('takes bids from invited vendors until the deadline, keeping every version, and refuses them after', async () => {
    const [a, b, cc, d] = c.vendors;
    const first = await submitBid(t, c.community, hearingId, a.token, {
      amountFen: '132000000',
      warrantyMonths: 24,
      deliveryDays: 90,
      proposal: '甲方案初稿',
    }).expect(201);
    const second = await submitBid(t, c.community, hearingId, a.token, {
      amountFen: '128000000',
      warrantyMonths: 24,
      deliveryDays: 90,
      proposal: '甲方案定稿',
      attachment: { bytes: Buffer.from('%PDF-1.7 甲'), name: 'a.pdf' },
    }).expect(201);
    expect([first.body.version, second.body.version, second.body.bidId]).toEqual([1, 2, first.body.bidId]);
    bids.push(first.body.bidId);
    bids.push(
      (
        await submitBid(t, c.community, hearingId, b.token, {
          amountFen: '120000000',
          warrantyMonths: 36,
          deliveryDays: 75,
          proposal: '乙方案',
        }).expect(201)
      ).body.bidId,
    );
    bids.push(
      (
        await submitBid(t, c.community, hearingId, cc.token, {
          amountFen: '145000000',
          warrantyMonths: 60,
          deliveryDays: 120,
          proposal: '丙方案',
        }).expect(201)
      ).body.bidId,
    );
    const bad = await submitBid(t, c.community, hearingId, d.token, {
      amountFen: '12.5',
      warrantyMonths: 12,
      deliveryDays: 10,
      proposal: 'x',
    }).expect(400);
    expect(bad.body.code).toBe('validation_failed');
    const huge = await submitBid(t, c.community, hearingId, d.token, {
      amountFen: '1',
      warrantyMonths: 1,
      deliveryDays: 1,
      proposal: 'x',
      attachment: { bytes: Buffer.alloc(6 * 1024 * 1024), name: 'big.pdf' },
    });
    expect([huge.status, huge.body.code]).toEqual([413, 'payload_too_large']);
    await submitBid(t, c.community, hearingId, c.outsider.token, {
      amountFen: '1',
      warrantyMonths: 1,
      deliveryDays: 1,
      proposal: 'x',
    }).expect(404);
    await submitBid(t, c.community, hearingId, c.clerk.token, { amountFen: '1', warrantyMonths: 1, deliveryDays: 1, proposal: 'x' }).expect(
      403,
    );
    const versions = await t.dataSource.query('SELECT version FROM bid_versions WHERE bid_id = $1 ORDER BY version', [bids[0]]);
    expect(versions).toEqual([{ version: 1 }, { version: 2 }]);

    await at(new Date(body.bidDeadline), async () => {
      const late = await submitBid(t, c.community, hearingId, d.token, {
        amountFen: '99000000',
        warrantyMonths: 12,
        deliveryDays: 60,
        proposal: '丁方案',
      }).expect(409);
      expect(late.body.code).toBe('bid_deadline_passed');
      await submitBid(t, c.community, hearingId, a.token, {
        amountFen: '1',
        warrantyMonths: 24,
        deliveryDays: 90,
        proposal: '改价',
      }).expect(409);
      await t.http
        .post(url('/invitations'))
        .set(bearer(c.clerk.token))
        .send({ userId: c.outsider.userId, vendorName: '迟到公司' })
        .expect(409);
    });
    const mine = await t.http.get(url('/my-bid')).set(bearer(a.token)).expect(200);
    expect(mine.body.current).toMatchObject({ version: 2, amountFen: '128000000' });
  });

  it('a member who declares a conflict is recused and cannot score; a panel left even is mended by the committee', async () => {
    await t.http.post(url('/declarations')).set(bearer(c.clerk.token)).send({}).expect(403);
    const recused = await t.http
      .post(url('/declarations'))
      .set(bearer(c.experts[3].token))
      .send({ conflict: '本人亲属在丙电梯安装有限公司任职' })
      .expect(201);
    expect(recused.body).toMatchObject({ recused: true, conflict: '本人亲属在丙电梯安装有限公司任职' });
    await at(new Date(body.openingAt), () => t.http.post(url('/opening')).set(bearer(c.clerk.token)).expect(201));
    const cells = sheet({ [bids[0]]: [90, 80, 80, 80], [bids[1]]: [80, 80, 80, 80], [bids[2]]: [70, 90, 90, 90] });

    const byRecused = await t.http.post(url('/scores')).set(bearer(c.experts[3].token)).send(cells).expect(403);
    expect(byRecused.body.code).toBe('panel_recused');
    const outsider = await t.http.post(url('/scores')).set(bearer(c.clerk.token)).send(cells).expect(403);
    expect(outsider.body.code).toBe('not_panel_member');
    await t.http.post(url('/declarations')).set(bearer(c.representative.token)).send({}).expect(201);
    const even = await t.http.post(url('/scores')).set(bearer(c.representative.token)).send(cells).expect(409);
    expect(even.body.code).toBe('panel_composition');

    // The committee adds the reserve expert; the recused member keeps the seat, recorded with the conflict.
    await t.http
      .put(url('/panel'))
      .set(bearer(t.adminToken))
      .send({ panel: sevenSeats(c) })
      .expect(403);
    const shed = [...sevenSeats(c).filter((s) => s.userId !== c.experts[3].userId), { userId: c.experts[4].userId, kind: 'expert' }];
    expect((await t.http.put(url('/panel')).set(bearer(c.clerk.token)).send({ panel: shed }).expect(409)).body.code).toBe('recusal_kept');
    const mended = await t.http
      .put(url('/panel'))
      .set(bearer(c.clerk.token))
      .send({ panel: [...sevenSeats(c), { userId: c.experts[4].userId, kind: 'expert' }] })
      .expect(200);
    expect(mended.body).toHaveLength(8);
    const undeclared = await t.http.post(url('/scores')).set(bearer(c.experts[4].token)).send(cells).expect(409);
    expect(undeclared.body.code).toBe('declaration_required');
  });

  it('ranks the bids by the weighted mean of every sitting member’s complete sheet and publishes the result', async () => {
    const [a, b, cc] = bids;
    const sitting = [c.representative, c.clerk2, c.property, c.experts[0], c.experts[1], c.experts[2], c.experts[4]];
    // Weighted: a = 100·40 + 70·60 = 8200, c = 60·40 + 95·60 = 8100, b = 8000 (+10 from one member) — although
    // the plain average of the four criteria would put c (86.25) ahead of b (80) and a (77.5).
    for (const [i, m] of sitting.entries()) {
      if (m !== c.representative) await t.http.post(url('/declarations')).set(bearer(m.token)).send({}).expect(201);
      const incomplete = sheet({ [a]: [100, 70, 70, 70], [b]: [80, 80, 80, 80] });
      if (i === 0)
        expect((await t.http.post(url('/scores')).set(bearer(m.token)).send(incomplete).expect(400)).body.code).toBe('incomplete_sheet');
      await t.http
        .post(url('/scores'))
        .set(bearer(m.token))
        .send(sheet({ [a]: [100, 70, 70, 70], [b]: [80, 80, 80, i === 0 ? 81 : 80], [cc]: [60, 95, 95, 95] }))
        .expect(201);
      if (i === 5) {
        const early = await t.http
          .post(url('/result'))
          .set(bearer(c.clerk.token))
          .send({ heldAt: body.openingAt, minutes: '纪要', shortlistSize: 2 })
          .expect(409);
        expect(early.body.code).toBe('scores_incomplete');
      }
    }
    const published = await t.http
      .post(url('/result'))
      .set(bearer(c.clerk.token))
      .send({ heldAt: body.openingAt, minutes: '评审组七人出席，一人回避；当场开标唱标，独立评分。', shortlistSize: 2 })
      .expect(201);
    const result = published.body.result;
    expect(result.ranking.map((r: { bidId: string; rank: number; mean: string }) => [r.bidId, r.rank, r.mean])).toEqual([
      [a, 1, '82.00'],
      [cc, 2, '81.00'],
      [b, 3, '80.01'],
    ]);
    expect(result.attendance).toHaveLength(8);
    expect(result.attendance.find((x: { status: string }) => x.status === 'recused')).toMatchObject({
      conflict: expect.stringContaining('丙电梯'),
    });
    expect(result.sheets).toHaveLength(7);
    const publishedAt = new Date(published.body.resultPublishedAt).getTime();
    expect(new Date(published.body.objectionEndsAt).getTime() - publishedAt).toBe(3 * DAY);
    expect(published.body.shortlist.map((s: { bidId: string; optionId: string }) => [s.bidId, s.optionId])).toEqual([
      [a, a.replace(/-/g, '')],
      [cc, cc.replace(/-/g, '')],
    ]);
    expect(published.body.shortlist[0].label).toBe('甲电梯工程有限公司：¥1,280,000.00，质保 24 个月，工期 90 天');
    await t.http
      .post(url('/scores'))
      .set(bearer(c.representative.token))
      .send(sheet({ [a]: [1, 1, 1, 1], [b]: [1, 1, 1, 1], [cc]: [1, 1, 1, 1] }))
      .expect(409);

    // The minutes are registered with the documents engine as a numbered draft awaiting the committee seal.
    const document = (
      await t.http.get(`/api/communities/${c.community}/documents/${result.document.id}`).set(bearer(c.clerk.token)).expect(200)
    ).body;
    expect(document).toMatchObject({
      number: result.document.number,
      type: 'meeting_minutes',
      sourceType: 'hearing',
      sourceId: hearingId,
      status: 'draft',
      requiredSeals: ['committee'],
    });
    const draft = await t.http.get(url('/result.pdf')).set(bearer(c.clerk.token)).buffer(true).expect(200);
    expect(draft.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(draft.body).subarray(0, 5).toString()).toBe('%PDF-');
    // 评审结果公示: headed as such, the scoring table, the recused member as 回避 (never 缺席), the objection channel.
    const text = pdftotext(Buffer.from(draft.body)).replace(/\s+/g, '');
    for (const phrase of [
      '评审结果公示',
      '回避1人',
      '回避',
      '评审结果（评分表',
      '加权得分',
      '甲电梯工程有限公司',
      '异议期至',
      '居委会监督',
    ])
      expect([phrase, text.includes(phrase)]).toEqual([phrase, true]);
    expect(text).not.toContain('缺席');
    // The content checklist of 评审结果公示, on the layout text (table rows kept together): every item, no contradiction.
    const layout = pdftotext(Buffer.from(draft.body), { layout: true }).replace(/\s+/g, '');
    expect(HEARING_RESULT_CHECKLIST.items.filter((i) => !i.pattern.test(layout)).map((i) => i.id)).toEqual([]);
    expect((HEARING_RESULT_CHECKLIST.forbidden ?? []).filter((f) => f.pattern.test(layout)).map((f) => f.id)).toEqual([]);
    // One annex per sitting judge (seven), none for the recused member; the supervisor is the 居委会.
    expect(layout.match(/附件\d+：评审打分表/g)).toHaveLength(7);
    expect(layout).toContain('监督人：居委会');
    expect((await t.http.get(url('/result.pdf')).set(bearer(c.vendors[1].token)).expect(409)).body.code).toBe('document_not_final');
    const objection = await t.http
      .post(url('/objections'))
      .set(bearer(c.vendors[1].token))
      .send({ text: '乙公司质保期最长，服务分偏低，请复核。' })
      .expect(201);
    expect(objection.body.text).toContain('复核');
    const records = await t.dataSource.query(`SELECT action FROM record_entries WHERE subject_id = $1 ORDER BY seq`, [hearingId]);
    expect(records.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining([
        'hearing.created',
        'hearing.member_recused',
        'hearing.panel_replaced',
        'hearing.bids_opened',
        'hearing.scores_submitted',
        'hearing.result_published',
        'hearing.objection_filed',
      ]),
    );
  });

  it('the committee answers the objection once, in Chinese; the record keeps it and the objector is told', async () => {
    const hearing = (await t.http.get(url()).set(bearer(c.clerk.token)).expect(200)).body;
    const [objection] = hearing.objections;
    expect(objection).toMatchObject({ answer: null, answeredAt: null });
    const answerUrl = url(`/objections/${objection.id}/answer`);
    const text = '经复核，乙公司服务分由七名评审独立打分，计算无误，维持评审结果。';
    // Only the committee answers; the objector cannot answer their own objection.
    await t.http.post(answerUrl).set(bearer(c.vendors[1].token)).send({ answer: text }).expect(403);
    for (const answer of ['', '   ', 'Scores were checked.']) {
      const bad = await t.http.post(answerUrl).set(bearer(c.clerk.token)).send({ answer }).expect(400);
      expect(bad.body.code).toBe('answer_text_invalid');
      expect(bad.body.message).toMatch(/处理意见/);
    }
    const missing = await t.http
      .post(url('/objections/00000000-0000-4000-8000-000000000000/answer'))
      .set(bearer(c.clerk.token))
      .send({ answer: text })
      .expect(404);
    expect(missing.body.message).toMatch(/异议/);
    const answered = await t.http.post(answerUrl).set(bearer(c.clerk.token)).send({ answer: text }).expect(201);
    expect(answered.body).toMatchObject({ id: objection.id, answer: text, answeredBy: c.clerk.userId });
    const again = await t.http.post(answerUrl).set(bearer(c.director.token)).send({ answer: '再次答复' }).expect(409);
    expect(again.body.code).toBe('objection_answered');

    const [entry] = await t.dataSource.query(
      `SELECT actor_id, payload FROM record_entries WHERE subject_id = $1 AND action = 'hearing.objection_answered'`,
      [hearingId],
    );
    expect(entry).toMatchObject({ actor_id: c.clerk.userId, payload: { objectionId: objection.id, answer: text } });
    const after = (await t.http.get(url()).set(bearer(c.vendors[1].token)).expect(200)).body;
    expect(after.objections[0]).toMatchObject({ id: objection.id, answer: text });
    const inbox = (await t.http.get(`/api/communities/${c.community}/notifications`).set(bearer(c.vendors[1].token)).expect(200)).body;
    const told = (inbox.items ?? inbox) as { subject: string; body: string }[];
    expect(told.filter((n) => n.subject.startsWith('您对听证结果的异议已答复'))).toEqual([
      expect.objectContaining({ body: expect.stringContaining('维持评审结果') }),
    ]);
    // Nobody else is told about the objector's answer.
    const others = (await t.http.get(`/api/communities/${c.community}/notifications`).set(bearer(c.vendors[0].token)).expect(200)).body;
    expect(((others.items ?? others) as { subject: string }[]).filter((n) => n.subject.startsWith('您对听证结果的异议已答复'))).toEqual([]);
  });

  it('seals the published result through the documents engine, after which everyone downloads the signed PDF', async () => {
    const { result } = (await t.http.get(url()).set(bearer(c.clerk.token)).expect(200)).body;
    const api = (path: string) => `/api/communities/${c.community}${path}`;
    await issueSealsWithPins(t, c.community, c.director, [c.director, c.residents], { term: 1 });
    const request = await t.http
      .post(api('/seal-requests'))
      .set(bearer(c.clerk.token))
      .send({ documentId: result.document.id })
      .expect(201);
    // The hearing result is the committee's act (seal policy): the committee seal only, even on a major matter —
    // unless the rulebook lists it. With the rulebook's list empty, the assembly seal is refused and nothing changes.
    const seals = async (id: string) =>
      (
        await t.http
          .get(api(`/seal-requests/${id}`))
          .set(bearer(c.clerk.token))
          .expect(200)
      ).body.requiredSeals;
    expect(await seals(request.body.id)).toEqual(['committee']);
    const state = async () => ({
      log: await t.dataSource.query('SELECT seal_kind, outcome FROM seal_log_entries WHERE request_id = $1', [request.body.id]),
      files: await t.dataSource.query('SELECT revision FROM document_files WHERE document_id = $1', [result.document.id]),
      document: (await t.dataSource.query('SELECT status, required_seals FROM documents WHERE id = $1', [result.document.id]))[0],
      request: (await t.dataSource.query('SELECT status FROM seal_requests WHERE id = $1', [request.body.id]))[0],
    });
    const before = await state();
    const assembly = await t.http
      .post(api(`/seal-requests/${request.body.id}/applications`))
      .set(bearer(c.residents.token))
      .send({ kind: 'assembly', pin: TEST_SEAL_PIN })
      .expect(409);
    expect(assembly.body).toMatchObject({
      code: 'seal_not_required',
      message: expect.stringContaining('评审结果公示不加盖业主大会章：业主大会章只用于业主大会自己的文书及议事规则列明的文书'),
    });
    expect(await state()).toEqual(before);
    expect(before).toMatchObject({
      log: [],
      files: [],
      document: { status: 'draft', required_seals: ['committee'] },
      request: { status: 'pending' },
    });

    // The community's first rulebook (confirmed by the residents' committee) lists hearing results under both seals:
    // the request made now asks for the assembly seal too, and its custodian applies it.
    await t.http
      .post(api(`/seal-requests/${request.body.id}/refusals`))
      .set(bearer(c.director.token))
      .send({ kind: 'committee', reason: '议事规则修订后重新申请' })
      .expect(201);
    const draft = await t.http
      .post(api('/rulebook/drafts'))
      .set(bearer(c.director.token))
      .send({ change: { assemblySealKinds: ['hearing_result'] }, note: '评审结果公示加盖业主大会章' })
      .expect(201);
    await t.http
      .post(api(`/rulebook/drafts/${draft.body.id}/confirmation`))
      .set(bearer(c.residents.token))
      .expect(201);
    const both = await t.http.post(api('/seal-requests')).set(bearer(c.clerk.token)).send({ documentId: result.document.id }).expect(201);
    expect(await seals(both.body.id)).toEqual(['assembly', 'committee']);
    const doc = await t.http
      .get(api(`/documents/${result.document.id}`))
      .set(bearer(c.clerk.token))
      .expect(200);
    expect(doc.body.requiredSeals).toEqual(['assembly', 'committee']);
    await t.http
      .post(api(`/seal-requests/${both.body.id}/applications`))
      .set(bearer(c.residents.token))
      .send({ kind: 'assembly', pin: TEST_SEAL_PIN })
      .expect(201);
    // A seal signs nothing dated before its certificate: refused in words, not a 500 from a signature that fails.
    const early = await at(new Date(Date.now() - 365 * DAY), () =>
      t.http
        .post(api(`/seal-requests/${both.body.id}/applications`))
        .set(bearer(c.director.token))
        .send({ kind: 'committee', pin: TEST_SEAL_PIN }),
    );
    expect([early.status, early.body.code]).toEqual([409, 'seal_certificate_not_valid']);
    await t.http
      .post(api(`/seal-requests/${both.body.id}/applications`))
      .set(bearer(c.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(201);
    const sealed = await t.http.get(url('/result.pdf')).set(bearer(c.vendors[1].token)).buffer(true).parse(bytes).expect(200);
    const check = verifyPdf(sealed.body as Buffer, await t.app.get(RootCaService).certPem());
    expect(check.valid).toBe(true);
    expect(check.signatures).toHaveLength(2);
  });

  it('puts the shortlist to the owners as the options of the assembly motion, and records the chosen bid on the item', async () => {
    const hearing = (await t.http.get(url()).set(bearer(c.clerk.token)).expect(200)).body;
    const opensAt = new Date(Date.now() - 5 * DAY);
    const closesAt = new Date(Date.now() + HOUR);
    const motion = {
      title: '2026 年第二次业主大会',
      method: '网上投票与书面征求意见相结合',
      channels: ['online', 'paper'],
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
    };
    const early = await t.http.post(url('/assembly-motion')).set(bearer(c.clerk.token)).send(motion).expect(409);
    expect(early.body.code).toBe('objection_period_open');
    const vote = await at(new Date(new Date(hearing.objectionEndsAt).getTime() + 1000), () =>
      t.http.post(url('/assembly-motion')).set(bearer(c.clerk.token)).send(motion).expect(201),
    );
    await publishNotice(t, c, vote.body.id, opensAt);
    const published = (await t.http.get(`/api/communities/${c.community}/votes/${vote.body.id}`).set(bearer(c.clerk.token)).expect(200))
      .body;
    const [m] = published.motions;
    expect(m.kind).toBe('options');
    expect(m.options).toEqual(hearing.shortlist.map((s: { optionId: string; label: string }) => ({ id: s.optionId, label: s.label })));
    expect(m.fullText).toContain('加权得分 82.00');

    // The owners prefer the runner-up: the tally, not the ranking, decides.
    const runnerUp = hearing.shortlist[1];
    const owners = await ownerTokens(t, c);
    for (const name of ['张三', '王五']) {
      await t.http
        .post(`/api/communities/${c.community}/votes/${vote.body.id}/ballots`)
        .set(bearer(owners.get(name)!.token))
        .send({ choices: [{ motionId: m.id, choice: runnerUp.optionId }] })
        .expect(201);
    }
    await at(new Date(closesAt.getTime() + 1000), async () =>
      expect(await t.app.get(VoteClosingService).closeIfDue(c.community, vote.body.id)).toBe('closed'),
    );
    // The item takes the chosen bid and advances on the final result, published after the objection period.
    await publishFinalResult(t, c, vote.body.id);
    const item = (await t.http.get(`/api/communities/${c.community}/agenda-items/${c.itemId}`).set(bearer(c.clerk.token)).expect(200)).body;
    expect(item.chosenOption).toEqual({ motionId: m.id, optionId: runnerUp.bidId.replace(/-/g, ''), label: runnerUp.label });
    expect(item.currentStage).toBe('committee_resolution');
    const after = (await t.http.get(url()).set(bearer(c.experts[0].token)).expect(200)).body;
    expect(after.chosenBid).toEqual({ bidId: runnerUp.bidId, label: runnerUp.label });
    expect(after.assemblyVote).toMatchObject({ id: vote.body.id, status: 'closed' });
  });
});
