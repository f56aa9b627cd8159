import { advanceToAssembly, createItem, openVote, ownerTokens } from '../support/chain-fixtures';
import { createMember, Member } from '../support/fixtures';
import { createHearing, hearingBody, hearingCast, HearingCast } from '../support/hearing-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

/**
 * Work that reaches the parties outside the committee: the bank officer and the auditor (a statement in the
 * three-party audit), the vendors (a hearing invitation) and the owners (an open vote). Each is told in the app
 * (a notification addressed to them) and finds the task in 我的待办, driven through the real endpoints.
 */

interface Todo {
  count: number;
  items: { kind: string; title: string; detail: string; link: string; dueText: string | null }[];
}
interface Notice {
  subject: string;
  body: string;
  subjectType: string;
  subjectId: string | null;
  read: boolean;
}

describe('work that reaches the bank, the auditor, vendors and owners is notified and waits in 我的待办', () => {
  let t: TestApp;
  let c: HearingCast;
  let bank: Member;
  let auditor: Member;
  const url = (path: string) => `/api/communities/${c.community}${path}`;
  const todo = async (who: { token: string }): Promise<Todo> => (await t.http.get(url('/todo')).set(bearer(who.token)).expect(200)).body;
  const notices = async (who: { token: string }): Promise<Notice[]> =>
    (await t.http.get(url('/notifications')).set(bearer(who.token)).expect(200)).body;

  beforeAll(async () => {
    t = await createTestApp();
    c = await hearingCast(t);
    bank = await createMember(t, c.community, 'bank_officer');
    auditor = await createMember(t, c.community, 'auditor');
  });
  afterAll(() => t.close());

  it('a statement in the audit reaches the bank officer, then the auditor: each is notified and has it in 我的待办', async () => {
    // Every date is in the past of this moment (the ledger refuses entries dated in the future).
    t.clock.travelTo(new Date('2026-11-20T10:00:00+08:00'));
    try {
      await t.http
        .post(url('/ledger-entries'))
        .set(bearer(c.property.token))
        .send({
          kind: 'income',
          category: '电梯广告',
          amountFen: '1200000',
          entryDate: '2026-04-03',
          counterparty: '某某传媒有限公司',
          evidenceRef: 'AD-04',
        })
        .expect(201);
      const statement = (await t.http.post(url('/statements')).set(bearer(c.clerk.token)).send({ periodDate: '2026-05-15' }).expect(201))
        .body;
      const base = url(`/statements/${statement.id}`);
      const waitsFor = async (who: Member) =>
        (await todo(who)).items.filter((i) => i.kind === 'statement_review' && i.link.endsWith(statement.id));
      // Submitted: the residents' committee reviews first; the bank and the auditor have nothing yet.
      expect(await waitsFor(bank)).toEqual([]);
      expect(await waitsFor(auditor)).toEqual([]);
      await t.http.post(`${base}/reviews`).set(bearer(c.residents.token)).send({ decision: 'approve' }).expect(201);

      const bankTasks = await waitsFor(bank);
      expect(bankTasks).toEqual([expect.objectContaining({ title: expect.stringContaining('银行对账') })]);
      const bankNotes = (await notices(bank)).filter((n) => n.subjectType === 'statement' && n.subjectId === statement.id);
      expect(bankNotes).toEqual([expect.objectContaining({ subject: '收支报表待银行对账：2026-04-01 至 2026-06-30', read: false })]);
      expect((await todo(bank)).items.some((i) => i.kind === 'notification' && i.title.includes('待银行对账'))).toBe(true);
      expect(await waitsFor(auditor)).toEqual([]);

      // The bank reconciles the one line and approves: now it is the auditor's turn, and no longer the bank's.
      const csv = Buffer.from('\uFEFF交易日期,摘要,收入,支出,参考号\n2026-04-03,电梯广告,12000.00,,AD-04\n', 'utf8');
      await t.http.post(`${base}/bank-statement`).set(bearer(bank.token)).attach('file', csv, 'bank.csv').expect(201);
      await t.http.post(`${base}/reviews`).set(bearer(bank.token)).send({ decision: 'approve' }).expect(201);
      expect(await waitsFor(bank)).toEqual([]);
      expect(await waitsFor(auditor)).toEqual([expect.objectContaining({ title: expect.stringContaining('审计') })]);
      const auditNotes = (await notices(auditor)).filter((n) => n.subjectType === 'statement' && n.subjectId === statement.id);
      expect(auditNotes).toEqual([expect.objectContaining({ subject: '收支报表待审计机构审计：2026-04-01 至 2026-06-30' })]);
    } finally {
      t.clock.reset();
    }
  });

  it('a hearing invitation reaches each invited vendor, personally, with the bid deadline; a later invitation too', async () => {
    const body = hearingBody(c, c.itemId, { vendors: c.vendors.slice(0, 3).map((v) => ({ userId: v.userId, vendorName: v.name })) });
    const hearing = (await createHearing(t, c, body).expect(201)).body;
    for (const vendor of c.vendors.slice(0, 3)) {
      const told = (await notices(vendor)).filter((n) => n.subjectType === 'hearing' && n.subjectId === hearing.id);
      expect(told).toEqual([
        expect.objectContaining({ subject: `投标邀请：${body.title}`, body: expect.stringMatching(/投标截止时间 \d{4}年/) }),
      ]);
      const tasks = (await todo(vendor)).items.filter((i) => i.kind === 'vendor_bid');
      expect(tasks).toEqual([
        expect.objectContaining({ title: `请投标：${body.title}`, link: `/c/${c.community}/hearings/${hearing.id}` }),
      ]);
      expect(tasks[0].dueText).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    }
    // Not invited yet: nothing for the fourth vendor, and the vendors never read each other's invitations.
    const late = c.vendors[3];
    expect((await notices(late)).filter((n) => n.subjectType === 'hearing')).toEqual([]);
    expect((await todo(late)).items.filter((i) => i.kind === 'vendor_bid')).toEqual([]);
    await t.http
      .post(url(`/hearings/${hearing.id}/invitations`))
      .set(bearer(c.clerk.token))
      .send({ userId: late.userId, vendorName: late.name })
      .expect(201);
    expect((await notices(late)).filter((n) => n.subjectId === hearing.id)).toHaveLength(1);
    expect((await todo(late)).items.filter((i) => i.kind === 'vendor_bid')).toHaveLength(1);
    expect((await notices(c.outsider)).filter((n) => n.subjectType === 'hearing')).toEqual([]);
  });

  it('an open vote reaches each owner with an account: notified, and 请投票 in 我的待办 until the ballot is cast', async () => {
    const owners = await ownerTokens(t, c);
    const itemId = await createItem(t, c, 'art278_7', '南门改造');
    await advanceToAssembly(t, c, itemId);
    const vote = await openVote(t, c, itemId);
    const zhang = owners.get('张三')!;
    const told = (await notices(zhang)).filter((n) => n.subjectType === 'assembly_vote' && n.subjectId === vote.id);
    expect(told).toEqual([
      expect.objectContaining({ subject: '业主大会表决：2026 年第一次业主大会', body: expect.stringContaining('投票时间') }),
    ]);
    const open = async (who: { token: string }) =>
      (await todo(who)).items.filter((i) => i.kind === 'open_vote' && i.link.endsWith(vote.id));
    expect(await open(zhang)).toEqual([expect.objectContaining({ title: '请投票：2026 年第一次业主大会', detail: '您尚未投票' })]);
    // Staff without an owner's account are not asked to vote.
    expect(await open(c.director)).toEqual([]);
    await t.http
      .post(url(`/votes/${vote.id}/ballots`))
      .set(bearer(zhang.token))
      .send({ choices: [{ motionId: vote.motions[0].id, choice: 'yes' }] })
      .expect(201);
    expect(await open(zhang)).toEqual([]);
    // The voter of the other household (201: 王五 votes for 李四's unit) has not voted and still has it.
    const others = await Promise.all([...owners].filter(([name]) => name !== '张三').map(([, o]) => open(o)));
    expect(others.filter((tasks) => tasks.length === 1)).toHaveLength(1);
  }, 120_000);
});
