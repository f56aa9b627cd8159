import fc from 'fast-check';
import { createItem, recordStage, meetingBody, chainCast, Cast } from '../support/chain-fixtures';
import { at, auditAndPublish, FinanceCast, financeCast } from '../support/finance-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

// The committee meets an hour before the test clock (2026-11-20 10:00 +08:00): a meeting later than now is refused.
const HELD_AT = '2026-11-20T09:00:00+08:00';

interface StatementView {
  id: string;
  periodStart: string;
  periodEnd: string;
  status: string;
  openingFen: string;
  incomeFen: string;
  costFen: string;
  transferFen: string;
  closingFen: string;
  previousStatementId: string | null;
  contentDigest: string;
  lines: { signedFen: string }[];
}

describe('statement periods: in order, closed periods corrected in the open one, chained balances', () => {
  let t: TestApp;
  let cast: FinanceCast;
  const base = () => `/api/communities/${cast.community}`;
  const counts = async (community: string) =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*) FROM ledger_entries WHERE community_id = $1)::int AS entries,
                (SELECT count(*) FROM statements WHERE community_id = $1)::int AS statements,
                (SELECT count(*) FROM record_entries WHERE community_id = $1)::int AS record`,
        [community],
      )
    )[0];
  const book = (c: FinanceCast, entryDate: string, amountFen: string, extra: Record<string, unknown> = {}) =>
    t.http
      .post(`/api/communities/${c.community}/ledger-entries`)
      .set(bearer(c.property.token))
      .send({
        kind: 'income',
        category: '电梯广告',
        amountFen,
        entryDate,
        counterparty: '某某传媒有限公司',
        evidenceRef: `REF-${entryDate}-${amountFen}-${Math.random().toString(36).slice(2, 8)}`,
        ...extra,
      });
  const compile = (c: FinanceCast, periodDate: string) =>
    t.http.post(`/api/communities/${c.community}/statements`).set(bearer(c.clerk.token)).send({ periodDate });
  const statements = async (c: FinanceCast) =>
    (await t.http.get(`/api/communities/${c.community}/statements`).set(bearer(c.auditor.token)).expect(200)).body as StatementView[];
  const full = async (c: FinanceCast, id: string) =>
    (await t.http.get(`/api/communities/${c.community}/statements/${id}`).set(bearer(c.auditor.token)).expect(200)).body as StatementView;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await financeCast(t);
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  it('refuses a statement for the current or a future period, and entries dated in the future or long ago', async () => {
    at(t, '2025-11-15');
    await book(cast, '2025-10-05', '300000').expect(201);
    const before = await counts(cast.community);
    const current = await compile(cast, '2025-11-01').expect(409);
    expect(current.body).toMatchObject({ code: 'period_not_ended', message: expect.stringMatching(/2025年第四季度[\s\S]*尚未结束/) });
    const future = await compile(cast, '2027-05-01').expect(409);
    expect(future.body.code).toBe('period_not_ended');
    const tomorrow = await book(cast, '2025-11-16', '100').expect(400);
    expect(tomorrow.body).toMatchObject({ code: 'entry_in_future', message: expect.stringContaining('晚于今天') });
    expect((await book(cast, '2027-01-01', '100').expect(400)).body.code).toBe('entry_in_future');
    // More than three years back reaches the ledger's own rule; 1900 and 2099 are stopped earlier by the global input bound.
    expect((await book(cast, '2021-11-15', '100').expect(400)).body.code).toBe('entry_too_old');
    expect((await book(cast, '1900-01-01', '100').expect(400)).body.code).toBe('date_out_of_range');
    expect((await book(cast, '2099-01-01', '100').expect(400)).body.code).toBe('date_out_of_range');
    expect(await counts(cast.community)).toEqual(before);
  });

  it('chains four quarters: each opening is the previous closing, closed periods are corrected in the open one', async () => {
    // 2025-Q4 holds one income (above); it ends, is compiled and published.
    at(t, '2026-01-05');
    await book(cast, '2025-12-20', '50000', { kind: 'cost', category: '电费', counterparty: '供电公司' }).expect(201);
    const q4 = await compile(cast, '2025-12-31').expect(201);
    expect(q4.body).toMatchObject({ periodStart: '2025-10-01', openingFen: '0', closingFen: '250000', previousStatementId: null });
    await auditAndPublish(t, cast, q4.body.id);
    const publishedQ4 = await full(cast, q4.body.id);
    expect(publishedQ4.status).toBe('published');

    // A late Q4 invoice is refused with what to do instead; nothing is written.
    at(t, '2026-01-10');
    const before = await counts(cast.community);
    const late = await book(cast, '2025-12-28', '7000').expect(409);
    expect(late.body.code).toBe('period_closed');
    expect(late.body.message).toMatch(/2025年第四季度[\s\S]*2026-01-01[\s\S]*冲正或调整分录/);
    expect(await counts(cast.community)).toEqual(before);
    // The correction: reverse the Q4 cost (dated today, in the open Q1) and book the right amount in Q1.
    const [q4Cost] = (await t.http.get(`${base()}/ledger-entries?kind=cost`).set(bearer(cast.auditor.token)).expect(200)).body;
    const reversal = await t.http
      .post(`${base()}/ledger-entries/${q4Cost.id}/reversal`)
      .set(bearer(cast.clerk.token))
      .send({ reason: '电费金额录错，按正确金额另记' })
      .expect(201);
    expect(reversal.body).toMatchObject({ entryDate: '2026-01-10', reversesId: q4Cost.id });
    await t.http
      .post(`${base()}/ledger-entries/${q4Cost.id}/reversal`)
      .set(bearer(cast.clerk.token))
      .send({ reason: '日期在关闭期间', entryDate: '2025-12-30' })
      .expect(409);
    await book(cast, '2026-01-10', '45000', {
      kind: 'cost',
      category: '电费',
      counterparty: '供电公司',
      note: `调整：更正第 ${q4Cost.seq} 号分录`,
    }).expect(201);
    at(t, '2026-02-20');
    await book(cast, '2026-02-14', '120000').expect(201);

    // Q2 cannot be compiled before Q1.
    at(t, '2026-07-03');
    await book(cast, '2026-05-01', '80000', { category: '场地租金', counterparty: '某培训机构' }).expect(201);
    const skipped = await compile(cast, '2026-05-01').expect(409);
    expect(skipped.body).toMatchObject({ code: 'period_out_of_order', message: expect.stringContaining('2026年第一季度') });
    const q1 = await compile(cast, '2026-03-31').expect(201);
    // Opening 2,500.00; income 1,200.00; costs: −500.00 reversed, +450.00 → net −50.00.
    expect(q1.body).toMatchObject({
      openingFen: '250000',
      incomeFen: '120000',
      costFen: '-5000',
      closingFen: '375000',
      previousStatementId: q4.body.id,
    });
    await auditAndPublish(t, cast, q1.body.id);

    at(t, '2026-07-04');
    const q2 = await compile(cast, '2026-06-30').expect(201);
    expect(q2.body).toMatchObject({ openingFen: '375000', closingFen: '455000', previousStatementId: q1.body.id });
    await compile(cast, '2026-06-30').expect(409);
    await auditAndPublish(t, cast, q2.body.id);

    at(t, '2026-10-08');
    const rent = (await t.http.get(`${base()}/ledger-entries?category=场地租金`).set(bearer(cast.auditor.token)).expect(200)).body[0];
    await t.http
      .post(`${base()}/ledger-entries/${rent.id}/reversal`)
      .set(bearer(cast.clerk.token))
      .send({ reason: '租金退回' })
      .expect(201);
    await book(cast, '2026-08-08', '10000', { kind: 'transfer', category: '转入维修资金', counterparty: '维修资金专户' }).expect(201);
    const q3 = await compile(cast, '2026-09-30').expect(201);
    // The rent reversal is dated 2026-10-08 (today, Q4) — Q3 holds only the transfer.
    expect(q3.body).toMatchObject({ openingFen: '455000', transferFen: '10000', closingFen: '445000', previousStatementId: q2.body.id });
    await auditAndPublish(t, cast, q3.body.id);

    const chain = (await statements(cast)).filter((s) => s.status === 'published').reverse();
    expect(chain.map((s) => s.periodStart)).toEqual(['2025-10-01', '2026-01-01', '2026-04-01', '2026-07-01']);
    chain.forEach((s, i) => {
      if (i > 0) expect(s.openingFen).toBe(chain[i - 1].closingFen);
    });
    // The published Q4 statement never changed.
    expect(await full(cast, q4.body.id)).toMatchObject({ closingFen: publishedQ4.closingFen, contentDigest: publishedQ4.contentDigest });
    const publicPage = await t.http.get(`/api/public/communities/${cast.community}`).expect(200);
    expect(publicPage.body.statements.map((s: { periodLabel: string }) => s.periodLabel)).toEqual([
      '2026年第三季度',
      '2026年第二季度',
      '2026年第一季度',
      '2025年第四季度',
    ]);
  });

  it('adds up after any mix of entries and corrections (property)', async () => {
    const op = fc.oneof(
      fc.record({
        type: fc.constant('entry' as const),
        kind: fc.constantFrom('income', 'cost', 'transfer'),
        amount: fc.integer({ min: 1, max: 500_000 }),
        day: fc.integer({ min: 0, max: 88 }),
      }),
      fc.record({ type: fc.constant('correct' as const), pick: fc.nat() }),
    );
    const quarters: [string, string, string][] = [
      ['2025-01-01', '2025-03-31', '2025-04-02'],
      ['2025-04-01', '2025-06-30', '2025-07-02'],
      ['2025-07-01', '2025-09-30', '2025-10-02'],
      ['2025-10-01', '2025-12-31', '2026-01-02'],
    ];
    const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { maxLength: 10 }), { minLength: 4, maxLength: 4 }), async (plan) => {
        const c = await financeCast(t);
        const booked: { id: string; reversed: boolean }[] = [];
        const published = new Map<string, StatementView>();
        for (const [q, [start, end, after]] of quarters.entries()) {
          at(t, end);
          for (const o of plan[q]) {
            if (o.type === 'entry') {
              const date = addDays(start, o.day) > end ? end : addDays(start, o.day);
              const res = await book(c, date, String(o.amount), { kind: o.kind, category: `类别${o.kind}`, counterparty: '某公司' }).expect(
                201,
              );
              booked.push({ id: res.body.id, reversed: false });
            } else {
              const open = booked.filter((b) => !b.reversed);
              if (!open.length) continue;
              const target = open[o.pick % open.length];
              await t.http
                .post(`/api/communities/${c.community}/ledger-entries/${target.id}/reversal`)
                .set(bearer(c.clerk.token))
                .send({ reason: '更正' })
                .expect(201);
              target.reversed = true;
            }
          }
          at(t, after);
          const s = await compile(c, end).expect(201);
          // The closed quarter now refuses entries.
          expect((await book(c, end, '1').expect(409)).body.code).toBe('period_closed');
          await auditAndPublish(t, c, s.body.id);
          published.set(s.body.id, await full(c, s.body.id));
        }
        const all = (await statements(c)).reverse();
        expect(all).toHaveLength(4);
        let previousClosing = 0n;
        for (const s of all) {
          const f = await full(c, s.id);
          expect(f.status).toBe('published');
          expect(f).toMatchObject({ closingFen: published.get(s.id)!.closingFen, contentDigest: published.get(s.id)!.contentDigest });
          expect(BigInt(f.openingFen)).toBe(previousClosing);
          expect(BigInt(f.closingFen)).toBe(BigInt(f.openingFen) + BigInt(f.incomeFen) - BigInt(f.costFen) - BigInt(f.transferFen));
          expect(f.lines.reduce((sum, l) => sum + BigInt(l.signedFen), 0n)).toBe(BigInt(f.closingFen) - BigInt(f.openingFen));
          previousClosing = BigInt(f.closingFen);
        }
        const [{ balance }] = await t.dataSource.query(
          `SELECT coalesce(sum(CASE WHEN kind = 'income' THEN 1 ELSE -1 END * CASE WHEN reverses_id IS NULL THEN 1 ELSE -1 END * amount_fen), 0)::text AS balance
           FROM ledger_entries WHERE community_id = $1`,
          [c.community],
        );
        expect(BigInt(balance)).toBe(previousClosing);
      }),
      { numRuns: 8 },
    );
  }, 600_000);
});

describe('decisions a ledger entry may cite', () => {
  let t: TestApp;
  let cast: Cast;
  let other: Cast;
  const base = () => `/api/communities/${cast.community}`;
  const entry = (decisionItemId: string, amountFen = '100000') =>
    t.http.post(`${base()}/ledger-entries`).set(bearer(cast.property.token)).send({
      kind: 'cost',
      category: '水泵维修',
      amountFen,
      entryDate: '2026-11-10',
      counterparty: '某机电公司',
      evidenceRef: 'W-1',
      decisionItemId,
    });
  const entries = async () =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM ledger_entries WHERE community_id = $1', [cast.community]))[0].n;
  const resolve = async (c: Cast, item: string) => {
    await t.http
      .post(`/api/communities/${c.community}/agenda-items/${item}/skips`)
      .set(bearer(c.director.token))
      .send({ stage: 'joint_meeting', reason: '小额维修' })
      .expect(201);
    const members = [c.director, c.clerk, c.clerk2];
    await recordStage(
      t,
      c,
      item,
      'committee_resolution',
      c.clerk,
      meetingBody({
        heldAt: HELD_AT,
        details: { memberVotes: members.map((m) => ({ userId: m.userId, present: true, vote: 'yes', signed: true })) },
      }),
    ).expect(201);
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.travelTo(new Date('2026-11-20T10:00:00+08:00'));
    cast = await chainCast(t, []);
    other = await chainCast(t, []);
  });
  afterAll(() => t.close());

  it('refuses another community’s passed item, an unknown id, a pending and a rejected item — below the limit too — and changes nothing', async () => {
    const foreign = await createItem(t, other, 'committee_only', '他小区的维修');
    await resolve(other, foreign);
    const pending = await createItem(t, cast, 'committee_only', '尚未决议');
    const rejected = await createItem(t, cast, 'art278_5', '被否决的议题');
    await recordStage(
      t,
      cast,
      rejected,
      'party_prediscussion',
      cast.secretary,
      meetingBody({ heldAt: HELD_AT, outcome: 'reject', reason: '不符合规划' }),
    ).expect(201);
    const before = await entries();
    const cases: [string, number, string][] = [
      [foreign, 400, 'decision_not_found'],
      ['6f1c2a4e-0000-4000-8000-000000000000', 400, 'decision_not_found'],
      [pending, 409, 'decision_not_passed'],
      [rejected, 409, 'decision_not_passed'],
    ];
    for (const [id, status, code] of cases) {
      for (const amount of ['100000', '900000']) {
        const res = await entry(id, amount).expect(status);
        expect(res.body.code).toBe(code);
        expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(await entries()).toBe(before);
    const passed = await createItem(t, cast, 'committee_only', '本小区水泵维修');
    await resolve(cast, passed);
    await entry(passed, '100000').expect(201);
    await entry(passed, '900000').expect(201);
    expect(await entries()).toBe(before + 2);
  });
});
