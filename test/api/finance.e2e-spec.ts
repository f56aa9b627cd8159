import ExcelJS from 'exceljs';
import { Cast, chainCast, createItem, meetingBody, recordStage } from '../support/chain-fixtures';
import { createMember, grantRole, Member } from '../support/fixtures';
import { pdfsig, pdftotext } from '../../libs/pdf/src/testing/poppler';
import { bearer, createTestApp, TestApp } from '../support/test-app';
import { issueSealsWithPins, TEST_SEAL_PIN } from '../support/seal-fixtures';

// The committee meets an hour before the test clock (2026-11-20 10:00 +08:00): a meeting later than now is refused.
const HELD_AT = '2026-11-20T09:00:00+08:00';

describe('public income: ledger, statements and the three-party audit', () => {
  let t: TestApp;
  let cast: Cast;
  let bank: Member;
  let auditor: Member;
  const base = () => `/api/communities/${cast.community}`;
  const entry = (who: Member, body: Record<string, unknown>) => t.http.post(`${base()}/ledger-entries`).set(bearer(who.token)).send(body);
  const ad = {
    kind: 'income',
    category: '电梯广告',
    amountFen: '1200000',
    entryDate: '2026-04-03',
    counterparty: '某某传媒有限公司',
    evidenceRef: 'AD-04',
  };

  beforeAll(async () => {
    t = await createTestApp();
    // Every date below is in the past of this moment (the ledger refuses entries dated in the future).
    t.clock.travelTo(new Date('2026-11-20T10:00:00+08:00'));
    cast = await chainCast(t, []);
    bank = await createMember(t, cast.community, 'bank_officer');
    auditor = await createMember(t, cast.community, 'auditor');
  });
  afterAll(() => t.close());

  it('records entries that can never be edited, and corrects by reversal', async () => {
    const created = await entry(cast.property, ad).expect(201);
    await entry(cast.property, {
      ...ad,
      kind: 'income',
      category: '停车',
      amountFen: '350050',
      entryDate: '2026-04-20',
      counterparty: '张先生',
      counterpartyKind: 'person',
      evidenceRef: 'P-1',
    }).expect(201);
    await entry(cast.property, {
      ...ad,
      kind: 'cost',
      category: '电费',
      amountFen: '80000',
      entryDate: '2026-04-10',
      counterparty: '供电公司',
      evidenceRef: null,
    }).expect(400);
    await entry(cast.property, {
      ...ad,
      kind: 'cost',
      category: '电费',
      amountFen: '80000',
      entryDate: '2026-04-10',
      counterparty: '供电公司',
      evidenceRef: 'E-04',
    }).expect(201);
    await entry(cast.property, { ...ad, amountFen: '12.5' }).expect(400);
    await entry(cast.property, { ...ad, amountFen: '0' }).expect(400);
    const wrong = await entry(cast.property, {
      ...ad,
      category: '场地租金',
      amountFen: '9999',
      entryDate: '2026-05-02',
      counterparty: '某培训机构',
      evidenceRef: 'R-05',
    }).expect(201);
    const reversal = await t.http
      .post(`${base()}/ledger-entries/${wrong.body.id}/reversal`)
      .set(bearer(cast.clerk.token))
      .send({ reason: '金额录错' })
      .expect(201);
    expect(reversal.body).toMatchObject({ reversesId: wrong.body.id, amountFen: '9999', kind: 'income' });
    await t.http
      .post(`${base()}/ledger-entries/${wrong.body.id}/reversal`)
      .set(bearer(cast.clerk.token))
      .send({ reason: '再来一次' })
      .expect(409);
    await expect(t.ownerQuery(`UPDATE ledger_entries SET amount_fen = 1 WHERE id = $1`, [created.body.id])).rejects.toThrow(/immutable/);
    await expect(t.ownerQuery(`DELETE FROM ledger_entries WHERE id = $1`, [created.body.id])).rejects.toThrow(/immutable/);
    const list = await t.http
      .get(`${base()}/ledger-entries?kind=income&from=2026-04-01&to=2026-04-30`)
      .set(bearer(auditor.token))
      .expect(200);
    expect(list.body.map((e: { category: string }) => e.category)).toEqual(['电梯广告', '停车']);
  });

  it('refuses a cost above the spending limit unless it cites an approved decision', async () => {
    const big = {
      kind: 'cost',
      category: '水泵维修',
      amountFen: '800000',
      entryDate: '2026-05-10',
      counterparty: '某机电公司',
      evidenceRef: 'W-1',
    };
    const refused = await entry(cast.property, big).expect(409);
    expect(refused.body.code).toBe('decision_required');
    const item = await createItem(t, cast, 'committee_only', '维修 2 号水泵');
    await entry(cast.property, { ...big, decisionItemId: item }).expect(409);
    await t.http
      .post(`${base()}/agenda-items/${item}/skips`)
      .set(bearer(cast.director.token))
      .send({ stage: 'joint_meeting', reason: '小额维修' })
      .expect(201);
    const members = [cast.director, cast.clerk, cast.clerk2];
    await recordStage(
      t,
      cast,
      item,
      'committee_resolution',
      cast.clerk,
      meetingBody({
        heldAt: HELD_AT,
        details: { memberVotes: members.map((m) => ({ userId: m.userId, present: true, vote: 'yes', signed: true })) },
      }),
    ).expect(201);
    await entry(cast.property, { ...big, decisionItemId: item }).expect(201);
  });

  let statementId: string;

  it('compiles a quarter: closing = opening + income − costs − transfers, and locks the period', async () => {
    await entry(cast.property, {
      ...ad,
      kind: 'transfer',
      category: '转入维修资金',
      amountFen: '500000',
      entryDate: '2026-06-30',
      counterparty: '维修资金专户',
      evidenceRef: 'T-06',
    }).expect(201);
    await entry(cast.property, { ...ad, entryDate: '2026-03-31', amountFen: '100000', evidenceRef: 'AD-03' }).expect(201);
    // Periods close in order: the March income makes Q1 the first statement.
    const early = await t.http.post(`${base()}/statements`).set(bearer(cast.clerk.token)).send({ periodDate: '2026-05-15' }).expect(409);
    expect(early.body.code).toBe('period_out_of_order');
    expect(early.body.message).toContain('2026年第一季度');
    const q1 = await t.http.post(`${base()}/statements`).set(bearer(cast.clerk.token)).send({ periodDate: '2026-02-01' }).expect(201);
    expect(q1.body).toMatchObject({ openingFen: '0', closingFen: '100000', previousStatementId: null });
    const submitted = await t.http
      .post(`${base()}/statements`)
      .set(bearer(cast.clerk.token))
      .send({ periodDate: '2026-05-15' })
      .expect(201);
    statementId = submitted.body.id;
    // Opening: the March income. Income 1,200,000 + 350,050 (+9,999 − 9,999); costs 80,000 + 800,000; transfer 500,000.
    expect(submitted.body).toMatchObject({
      periodStart: '2026-04-01',
      periodEnd: '2026-06-30',
      version: 1,
      status: 'submitted',
      openingFen: '100000',
      incomeFen: '1550050',
      costFen: '880000',
      transferFen: '500000',
      closingFen: '270050',
      previousStatementId: q1.body.id,
    });
    const locked = await entry(cast.property, { ...ad, entryDate: '2026-06-01', evidenceRef: 'LATE' }).expect(409);
    expect(locked.body.code).toBe('period_closed');
    expect(locked.body.message).toMatch(/2026年第二季度[\s\S]*冲正或调整/);
    await entry(cast.property, { ...ad, entryDate: '2026-07-01', evidenceRef: 'AD-07' }).expect(201);
    await t.http.post(`${base()}/statements`).set(bearer(cast.clerk.token)).send({ periodDate: '2026-04-01' }).expect(409);
  });

  it('audits in order; nobody audits what they compiled; findings send it back and a revision is a new version', async () => {
    const review = (who: Member, decision: string, findings?: string) =>
      t.http.post(`${base()}/statements/${statementId}/reviews`).set(bearer(who.token)).send({ decision, findings });
    const early = await review(bank, 'approve').expect(409);
    expect(early.body.code).toBe('audit_order_violation');
    await review(auditor, 'approve').expect(409);
    await review(cast.clerk, 'approve').expect(403);
    await grantRole(t, cast.community, cast.clerk.userId, 'residents_committee');
    const self = await review(cast.clerk, 'approve').expect(403);
    expect(self.body.code).toBe('reviewer_compiled');
    await review(cast.residents, 'findings').expect(400);
    await review(cast.residents, 'findings', '停车收入缺少发票').expect(201);
    const revised = await t.http.post(`${base()}/statements`).set(bearer(cast.clerk.token)).send({ periodDate: '2026-04-01' }).expect(201);
    expect(revised.body.version).toBe(2);
    const versions = await t.http.get(`${base()}/statements`).set(bearer(auditor.token)).expect(200);
    const q2 = versions.body.filter((s: { periodStart: string }) => s.periodStart === '2026-04-01');
    expect(q2.map((s: { version: number; status: string }) => `${s.version}:${s.status}`)).toEqual(['2:submitted', '1:superseded']);
    statementId = revised.body.id;
    await review(cast.residents, 'approve').expect(201);
  });

  it('reconciles the bank statement: matched, missing on either side, explained differences', async () => {
    const csv = (body: string) => Buffer.from(`\uFEFF交易日期,摘要,收入,支出,参考号\n${body}`, 'utf8');
    const upload = (file: Buffer) =>
      t.http.post(`${base()}/statements/${statementId}/bank-statement`).set(bearer(bank.token)).attach('file', file, 'bank.csv');
    const bad = await upload(csv('2026-04-05,广告费,12000.00,,AD-04\n2026-13-01,电费,,800.00,\n2026-04-21,停车,abc,,P-1\n')).expect(400);
    expect(bad.body.code).toBe('bank_csv_invalid');
    expect(bad.body.details.errors.map((e: { line: number }) => e.line)).toEqual([3, 4]);
    const before = await t.http.get(`${base()}/statements/${statementId}/reconciliation`).set(bearer(bank.token)).expect(200);
    expect(before.body.uploaded).toBe(false);

    const result = await upload(
      csv(
        [
          '2026-04-05,广告费,12000.00,,AD-04',
          '2026-04-10,电费,,800.00,E-04',
          '2026-04-21,停车费,3500.50,,P-1',
          '2026-05-02,场地租金,99.99,,R-05',
          '2026-05-02,冲正,,99.99,R-05',
          '2026-06-30,转入维修资金,,5000.00,T-06',
          '2026-06-30,手续费,,15.00,',
        ].join('\n'),
      ),
    ).expect(201);
    expect(result.body.matched).toHaveLength(6);
    expect(result.body.unmatchedLedger.map((u: { entry: { category: string } }) => u.entry.category)).toEqual(['水泵维修']);
    expect(result.body.unmatchedBank.map((u: { line: { description: string } }) => u.line.description)).toEqual(['手续费']);
    const blocked = await t.http
      .post(`${base()}/statements/${statementId}/reviews`)
      .set(bearer(bank.token))
      .send({ decision: 'approve' })
      .expect(409);
    expect(blocked.body.code).toBe('unreconciled');
    for (const id of result.body.unexplained) {
      await t.http
        .post(`${base()}/statements/${statementId}/reconciliation/explanations`)
        .set(bearer(bank.token))
        .send({ itemId: id, explanation: '跨期入账，下期核对' })
        .expect(201);
    }
    await t.http
      .post(`${base()}/statements/${statementId}/reconciliation/explanations`)
      .set(bearer(bank.token))
      .send({ itemId: result.body.matched[0].ledger.entryId, explanation: 'x' })
      .expect(400);
    await t.http.post(`${base()}/statements/${statementId}/reviews`).set(bearer(bank.token)).send({ decision: 'approve' }).expect(201);
    const final = await t.http
      .post(`${base()}/statements/${statementId}/reviews`)
      .set(bearer(auditor.token))
      .send({ decision: 'approve' })
      .expect(201);
    expect(final.body.status).toBe('approved');
    const record = await t.http.get(`${base()}/record?limit=500`).set(bearer(auditor.token)).expect(200);
    expect(record.body.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'finance.statement_submitted',
        'finance.statement_returned',
        'finance.bank_statement_uploaded',
        'finance.difference_explained',
        'finance.statement_approved',
      ]),
    );
  });

  it('publishes the approved statement under the committee seal; residents download PDF and CSV without logging in', async () => {
    // Seals sign at the real time (the root CA is issued at start-up, so it is not valid at an earlier moment).
    t.clock.reset();
    await t.http.post(`${base()}/statements/${statementId}/publication`).set(bearer(cast.clerk.token)).expect(409);
    await issueSealsWithPins(t, cast.community, cast.director, [cast.director, cast.residents], { term: 1 });
    const requested = await t.http.post(`${base()}/statements/${statementId}/publication`).set(bearer(cast.clerk.token)).expect(201);
    await t.http.post(`${base()}/statements/${statementId}/publication`).set(bearer(cast.clerk.token)).expect(409);
    let overview = await t.http.get(`/api/public/communities/${cast.community}`).expect(200);
    expect(overview.body.statements).toEqual([]);
    await t.http
      .post(`${base()}/seal-requests/${requested.body.sealRequestId}/applications`)
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(201);
    overview = await t.http.get(`/api/public/communities/${cast.community}`).expect(200);
    expect(overview.body.statements).toEqual([
      expect.objectContaining({ id: statementId, closingFen: '270050', postedUntil: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }),
    ]);

    const pdf = await t.http
      .get(`/api/public/communities/${cast.community}/statements/${statementId}/pdf`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const body = pdf.body as Buffer;
    expect(pdftotext(body)).toMatch(/公共收益收支明细表[\s\S]*期末余额/);
    expect(pdftotext(body)).not.toContain('张先生');
    const text = pdftotext(body).replace(/\s+/g, '');
    for (const fact of [
      '2026年第二季度',
      '公示期',
      '编制人',
      '银行期末余额',
      '对账结果',
      '异议联系',
      '居委会审核',
      '银行对账',
      '审计机构审计',
    ]) {
      expect(text).toContain(fact);
    }
    expect(text).toContain('等于上期（2026年第一季度）报表期末余额');
    expect(pdfsig(body).stdout).toContain('Signature is Valid');
    await t.http
      .get(`/api/public/communities/${cast.community}/statements/${statementId}/pdf`)
      .set('If-None-Match', pdf.headers.etag)
      .expect(304);
    const csv = await t.http
      .get(`/api/public/communities/${cast.community}/statements/${statementId}/csv`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect([...(csv.body as Buffer).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csvText = (csv.body as Buffer).toString('utf8');
    expect(csvText).toContain('期末余额,,,,,2700.50');
    expect(csvText).toContain('2026年第二季度');
    expect(csvText).toMatch(/公示期,\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);
    const xlsx = await t.http
      .get(`/api/public/communities/${cast.community}/statements/${statementId}/xlsx`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((xlsx.body as Buffer).buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const closing = sheet.getColumn(1).values.findIndex((v) => v === '期末余额');
    expect(sheet.getRow(closing).getCell(6).value).toBe(2700.5);
    expect(sheet.getRow(1).getCell(2).value).toContain('2026年第二季度');
    const verify = await t.http.post('/api/verify').attach('file', body, 'statement.pdf').expect(200);
    expect(JSON.stringify(verify.body)).toContain(requested.body.documentNumber);
  });
});
