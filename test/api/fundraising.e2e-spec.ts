import { Cast, chainCast, createItem } from '../support/chain-fixtures';
import { FUND_ROSTER, votedItem } from '../support/finance-fixtures';
import { pdfsig, pdftotext } from '../../libs/pdf/src/testing/poppler';
import { issueSealsWithPins, TEST_SEAL_PIN } from '../support/seal-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('fund-raising (集资) for a project approved by the owners', () => {
  let t: TestApp;
  let cast: Cast;
  let approved: string;
  let projectId: string;
  let buildings: { id: string; name: string }[];
  const base = () => `/api/communities/${cast.community}/fundraising-projects`;
  const count = async (table: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE community_id = $1`, [cast.community]))[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, FUND_ROSTER);
    approved = await votedItem(t, cast, 'art278_6', 'yes');
    buildings = (await t.http.get(`/api/communities/${cast.community}/buildings`).set(bearer(cast.director.token)).expect(200)).body;
  });
  afterAll(() => t.close());

  const projectBody = (agendaItemId: string) => ({
    title: '1–2 幢电梯更新集资',
    agendaItemId,
    shareBasis: 'area',
    scope: 'building',
    targets: buildings.map((b) => ({ buildingId: b.id, targetFen: b.name === '1' ? '1000000' : '500001' })),
  });

  it('needs a passed art278_6 owners’ vote of this community; refuses anything else and changes nothing', async () => {
    const pending = await createItem(t, cast, 'art278_6', '尚未表决的集资');
    const wrongKind = await votedItem(t, cast, 'art278_5', 'yes', '动用维修资金');
    const failed = await votedItem(t, cast, 'art278_6', 'no', '被否决的集资');
    const before = await count('fundraising_projects');
    const cases: [string, number, string][] = [
      [pending, 409, 'decision_not_passed'],
      [failed, 409, 'decision_not_passed'],
      [wrongKind, 409, 'decision_wrong_category'],
      ['6f1c2a4e-0000-4000-8000-000000000000', 400, 'decision_not_found'],
    ];
    for (const [item, status, code] of cases) {
      const res = await t.http.post(base()).set(bearer(cast.director.token)).send(projectBody(item)).expect(status);
      expect(res.body.code).toBe(code);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    await t.http.post(base()).set(bearer(cast.property.token)).send(projectBody(approved)).expect(403);
    const duplicate = { ...projectBody(approved), targets: [projectBody(approved).targets[0], projectBody(approved).targets[0]] };
    expect((await t.http.post(base()).set(bearer(cast.director.token)).send(duplicate).expect(400)).body.code).toBe('duplicate_target');
    expect(await count('fundraising_projects')).toBe(before);
  });

  it('splits each building’s target by area into exact fen that sum to the target', async () => {
    const created = await t.http.post(base()).set(bearer(cast.director.token)).send(projectBody(approved)).expect(201);
    projectId = created.body.id;
    const detail = (await t.http.get(`${base()}/${projectId}`).set(bearer(cast.residents.token)).expect(200)).body;
    expect(detail.groups.map((g: { label: string; targetFen: string; units: number }) => [g.label, g.targetFen, g.units])).toEqual([
      ['1', '1000000', 3],
      ['2', '500001', 3],
    ]);
    const share = (n: string) => detail.units.find((u: { unitNumber: string }) => u.unitNumber === n).shareFen;
    // Building 1: 89.50 / 120.25 / 100 of 309.75 m² → 288942.69… / 388216.30… / 322841.00… → 288943 + 388216 + 322841.
    expect([share('1-1-101'), share('1-1-102'), share('1-2-201')]).toEqual(['288943', '388216', '322841']);
    expect(
      detail.units
        .filter((u: { targetId: string }) => u.targetId === detail.groups[1].targetId)
        .reduce((s: bigint, u: { shareFen: string }) => s + BigInt(u.shareFen), 0n),
    ).toBe(500001n);
    expect(detail.agendaItem.title).toBe('1–2 幢电梯更新集资');
  });

  let paymentId: string;

  it('records pledges and payments with receipts; refuses overpaying, future dates and units outside the project', async () => {
    const pay = (body: Record<string, unknown>) =>
      t.http.post(`${base()}/${projectId}/contributions`).set(bearer(cast.clerk.token)).send(body);
    await pay({ unitNumber: '1-1-101', kind: 'pledge', amountFen: '288943', paidOn: '2026-09-01' }).expect(201);
    const payment = await pay({
      unitNumber: '1-1-101',
      kind: 'payment',
      amountFen: '200000',
      paidOn: '2026-09-15',
      method: '银行转账',
    }).expect(201);
    expect(payment.body.receiptCode).toMatch(/^JZ-[0-9A-F]{8}-1-\d{5}$/);
    paymentId = payment.body.id;
    await pay({ unitNumber: '2-1-103', kind: 'payment', amountFen: '50000', paidOn: '2026-09-20' }).expect(201);
    const before = await count('fundraising_contributions');
    expect((await pay({ unitNumber: '1-1-101', kind: 'payment', amountFen: '88944', paidOn: '2026-09-16' }).expect(409)).body.code).toBe(
      'payment_exceeds_share',
    );
    // Tomorrow in the community's time zone reaches the service's own rule; a date years away is stopped earlier by the
    // global input bound.
    const tomorrow = new Date(t.clock.now().getTime() + 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    expect((await pay({ unitNumber: '1-1-101', kind: 'payment', amountFen: '1', paidOn: tomorrow }).expect(400)).body.code).toBe(
      'date_in_future',
    );
    expect((await pay({ unitNumber: '1-1-101', kind: 'payment', amountFen: '1', paidOn: '2099-01-01' }).expect(400)).body.code).toBe(
      'date_out_of_range',
    );
    expect((await pay({ unitNumber: '9-9-999', kind: 'payment', amountFen: '1', paidOn: '2026-09-16' }).expect(400)).body.code).toBe(
      'unit_not_in_project',
    );
    await pay({ unitNumber: '1-1-101', kind: 'payment', amountFen: '0', paidOn: '2026-09-16' }).expect(400);
    expect(await count('fundraising_contributions')).toBe(before);

    const receipt = await t.http
      .get(`${base()}/${projectId}/contributions/${paymentId}/receipt`)
      .set(bearer(cast.clerk.token))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = pdftotext(receipt.body as Buffer).replace(/\s+/g, '');
    expect(text).toContain('集资缴款收据');
    expect(text).toContain('1-1-101');
    expect(text).toContain('¥2,000.00');
    expect(text).toContain(payment.body.receiptCode);
    expect(text).not.toContain('赵一');
  });

  it('refunds as a reversing record, never more than was paid; the original stays', async () => {
    const refund = (amountFen: string) =>
      t.http
        .post(`${base()}/${projectId}/contributions/${paymentId}/refund`)
        .set(bearer(cast.clerk.token))
        .send({ amountFen, reason: '多缴退还', paidOn: '2026-09-25' });
    const ok = await refund('50000').expect(201);
    expect(ok.body).toMatchObject({ kind: 'refund', reversesId: paymentId, receiptCode: expect.stringMatching(/^TK-/) });
    expect((await refund('150001').expect(409)).body.code).toBe('refund_exceeds_payment');
    await expect(t.dataSource.query('UPDATE fundraising_contributions SET amount_fen = 1 WHERE id = $1', [paymentId])).rejects.toThrow(
      /immutable/,
    );
    await expect(t.dataSource.query('DELETE FROM fundraising_contributions WHERE id = $1', [paymentId])).rejects.toThrow(/immutable/);
    const detail = (await t.http.get(`${base()}/${projectId}`).set(bearer(cast.residents.token)).expect(200)).body;
    expect(detail.units.find((u: { unitNumber: string }) => u.unitNumber === '1-1-101')).toMatchObject({
      paidFen: '150000',
      pledgedFen: '288943',
    });
    expect(detail.groups.map((g: { paidFen: string }) => g.paidFen)).toEqual(['150000', '50000']);
  });

  it('shows progress by unit number on the public page without logging in, never names; a sealed disclosure per period', async () => {
    const current = await t.http
      .post(`${base()}/${projectId}/disclosures`)
      .set(bearer(cast.clerk.token))
      .send({ periodDate: '2026-11-20' })
      .expect(409);
    expect(current.body.code).toBe('period_not_ended');
    await issueSealsWithPins(t, cast.community, cast.director, [cast.director, cast.residents], { term: 1 });
    const requested = await t.http
      .post(`${base()}/${projectId}/disclosures`)
      .set(bearer(cast.clerk.token))
      .send({ periodDate: '2026-09-30' })
      .expect(201);
    await t.http.post(`${base()}/${projectId}/disclosures`).set(bearer(cast.clerk.token)).send({ periodDate: '2026-08-01' }).expect(409);
    let page = await t.http.get(`/api/public/communities/${cast.community}/fundraising/${projectId}`).expect(200);
    expect(page.body.disclosures).toEqual([]);
    await t.http
      .post(`/api/communities/${cast.community}/seal-requests/${requested.body.sealRequestId}/applications`)
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(201);
    page = await t.http.get(`/api/public/communities/${cast.community}/fundraising/${projectId}`).expect(200);
    expect(page.body.groups.map((g: { label: string; paidFen: string; targetFen: string }) => [g.label, g.paidFen, g.targetFen])).toEqual([
      ['1', '150000', '1000000'],
      ['2', '50000', '500001'],
    ]);
    expect(page.body.units).toContainEqual({ unitNumber: '1-1-101', targetId: expect.any(String), shareFen: '288943', paidFen: '150000' });
    expect(page.body.approvedBy).toContain('业主大会表决通过');
    const json = JSON.stringify(page.body);
    for (const name of ['赵一', '钱二', '孙三', '李四', '周五', '吴六', '139000000']) expect(json).not.toContain(name);
    expect(page.body.disclosures).toHaveLength(1);
    const list = await t.http.get(`/api/public/communities/${cast.community}/fundraising`).expect(200);
    expect(list.body.projects[0].totals).toEqual({ targetFen: '1500001', paidFen: '200000', pledgedFen: '288943' });
    const pdf = await t.http
      .get(`/api/public/communities/${cast.community}/fundraising/${projectId}/disclosures/${page.body.disclosures[0].id}/pdf`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = pdftotext(pdf.body as Buffer).replace(/\s+/g, '');
    expect(text).toContain('集资情况公示');
    expect(text).toContain('2026年第三季度');
    expect(text).toContain('1-1-101');
    expect(text).not.toContain('赵一');
    expect(pdfsig(pdf.body as Buffer).stdout).toContain('Signature is Valid');
  });

  it('registers every receipt as a document: once the committee seal is on it, /verify by number and an upload say genuine', async () => {
    const detailOf = async () => (await t.http.get(`${base()}/${projectId}`).set(bearer(cast.clerk.token)).expect(200)).body;
    const receiptOf = async (id: string) =>
      (
        await t.http
          .get(`${base()}/${projectId}/contributions/${id}/receipt`)
          .set(bearer(cast.clerk.token))
          .buffer(true)
          .parse(binary)
          .expect(200)
      ).body as Buffer;
    const seal = async (documentId: string) => {
      const [request] = await t.dataSource.query(`SELECT id FROM seal_requests WHERE document_id = $1 AND status = 'pending'`, [
        documentId,
      ]);
      await t.http
        .post(`/api/communities/${cast.community}/seal-requests/${request.id}/applications`)
        .set(bearer(cast.director.token))
        .send({ kind: 'committee', pin: TEST_SEAL_PIN })
        .expect(201);
    };
    const number = /^GY-[0-9A-F]{8}-\d{4}-\d{6}$/;

    // The community already had its seals when the first payment was recorded (the vote's notice needed them), so
    // its receipt was registered with a seal request; the director refuses that one (with a reason), leaving a
    // registered draft with no pending request.
    const recorded = (await detailOf()).contributions.find((c: { id: string }) => c.id === paymentId);
    expect(recorded).toMatchObject({ receiptNumber: expect.stringMatching(number), receiptStatus: 'draft', receiptSealPending: true });
    const [pending] = await t.dataSource.query(`SELECT id FROM seal_requests WHERE document_id = $1 AND status = 'pending'`, [
      recorded.receiptDocumentId,
    ]);
    await t.http
      .post(`/api/communities/${cast.community}/seal-requests/${pending.id}/refusals`)
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', reason: '收款凭证待核对后再盖章' })
      .expect(201);
    const early = (await detailOf()).contributions.find((c: { id: string }) => c.id === paymentId);
    expect(early).toMatchObject({ receiptNumber: recorded.receiptNumber, receiptStatus: 'draft', receiptSealPending: false });
    const draft = await t.http
      .post('/api/verify')
      .attach('file', await receiptOf(paymentId), 'draft.pdf')
      .expect(200);
    expect(draft.body).toMatchObject({ ok: false, verdict: 'draft', documentNumber: early.receiptNumber });

    // A payment now: its receipt is registered and the committee seal requested in the same transaction.
    const paid = await t.http
      .post(`${base()}/${projectId}/contributions`)
      .set(bearer(cast.clerk.token))
      .send({ unitNumber: '2-1-103', kind: 'payment', amountFen: '10000', paidOn: '2026-11-02', method: '现金' })
      .expect(201);
    expect(paid.body).toMatchObject({ receiptNumber: expect.stringMatching(number), receiptStatus: 'draft', receiptSealPending: true });
    await seal(paid.body.receiptDocumentId);
    const sealed = await receiptOf(paid.body.id);
    expect(pdfsig(sealed).stdout).toContain('Signature is Valid');
    const text = pdftotext(sealed).replace(/\s+/g, '');
    expect(text).toContain(paid.body.receiptCode);
    expect(text).toContain(paid.body.receiptNumber);
    expect(text).toContain('2-1-103');
    const byNumber = await t.http.get(`/api/verify/${paid.body.receiptNumber}`).expect(200);
    expect(byNumber.body).toMatchObject({ ok: true, verdict: 'genuine', number: paid.body.receiptNumber });
    expect(byNumber.body.title).toContain(paid.body.receiptCode);
    const upload = await t.http.post('/api/verify').attach('file', sealed, 'receipt.pdf').expect(200);
    expect(upload.body).toMatchObject({ ok: true, verdict: 'genuine', matchesRegistered: true, documentNumber: paid.body.receiptNumber });
    // An altered copy of the sealed receipt (amount edited) is not genuine.
    const altered = Buffer.from(sealed);
    altered[Math.floor(altered.length / 3)] ^= 0xff;
    expect((await t.http.post('/api/verify').attach('file', altered, 'altered.pdf').expect(200)).body.ok).toBe(false);

    // The early receipt: its seal is requested from the project page, once.
    const requested = await t.http
      .post(`${base()}/${projectId}/contributions/${paymentId}/receipt/seal-request`)
      .set(bearer(cast.clerk.token));
    expect(requested.status).toBe(201);
    expect(requested.body.documentId).toBe(early.receiptDocumentId);
    const again = await t.http.post(`${base()}/${projectId}/contributions/${paymentId}/receipt/seal-request`).set(bearer(cast.clerk.token));
    expect([again.status, again.body.code]).toEqual([409, 'request_pending']);
    await seal(early.receiptDocumentId);
    expect((await t.http.get(`/api/verify/${early.receiptNumber}`).expect(200)).body).toMatchObject({ ok: true, verdict: 'genuine' });
    const done = await t.http.post(`${base()}/${projectId}/contributions/${paymentId}/receipt/seal-request`).set(bearer(cast.clerk.token));
    expect([done.status, done.body.code]).toEqual([409, 'receipt_sealed']);
    // A payment recorded before receipts were registered (inserted as the migration owner, as an older release did):
    // its first download registers the receipt, as the app's own role.
    const unit = (await detailOf()).units.find((u: { unitNumber: string }) => u.unitNumber === '1-1-102');
    const [{ next }] = await t.ownerQuery<{ next: number }>(
      'SELECT max(seq) + 1 AS next FROM fundraising_contributions WHERE project_id = $1',
      [projectId],
    );
    const [legacy] = await t.ownerQuery<{ id: string }>(
      `INSERT INTO fundraising_contributions (community_id, project_id, unit_id, seq, kind, amount_fen, paid_on, method, note, receipt_code, recorded_by)
       VALUES ($1, $2, $3, $4, 'payment', 1000, '2026-10-08', '现金', '', $5, $6) RETURNING id`,
      [cast.community, projectId, unit.unitId, next, `JZ-LEGACY-${next}`, cast.clerk.userId],
    );
    expect((await detailOf()).contributions.find((c: { id: string }) => c.id === legacy.id).receiptNumber).toBeNull();
    const [first, second] = await Promise.all([receiptOf(legacy.id), receiptOf(legacy.id)]);
    expect(pdftotext(first).replace(/\s+/g, '')).toContain(`JZ-LEGACY-${next}`);
    expect(second.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const registered = (await detailOf()).contributions.find((c: { id: string }) => c.id === legacy.id);
    expect(registered).toMatchObject({ receiptNumber: expect.stringMatching(number), receiptStatus: 'draft' });
    const receipts = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM documents WHERE source_type = 'fundraising_receipt' AND source_id = $1`,
      [legacy.id],
    );
    expect(receipts[0].n).toBe(1);

    // A pledge has no receipt to seal; owners outside the cashiers may not ask.
    const pledge = (await detailOf()).contributions.find((c: { kind: string }) => c.kind === 'pledge');
    expect(pledge.receiptNumber).toBeNull();
    await t.http.post(`${base()}/${projectId}/contributions/${pledge.id}/receipt/seal-request`).set(bearer(cast.clerk.token)).expect(409);
    await t.http
      .post(`${base()}/${projectId}/contributions/${paymentId}/receipt/seal-request`)
      .set(bearer(cast.residents.token))
      .expect(403);
  });
});
