import { chainCast } from '../support/chain-fixtures';
import { at, FinanceCast, financeCast, FUND_ROSTER, votedItem } from '../support/finance-fixtures';
import { committedDocument, declaredContent, jsonViolations, OpenApiDocument } from '../support/openapi-conformance';
import { issueSealsWithPins, TEST_SEAL_PIN } from '../support/seal-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/**
 * Real responses of the finance, fund-raising, export and public statement routes conform to the schemas the
 * committed OpenAPI document declares for them (the web app's types are generated from that document): every
 * field declared, no field left out, enums and nullability as declared. Downloads answer with a declared content type.
 */
describe('API contract: finance, fund-raising, exports (apps/web/src/api/generated)', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    t = await createTestApp();
    doc = committedDocument();
  });
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  /** Asserts the response's status and that its body matches the declared schema; returns the body. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const conforms = async (method: string, path: string, call: PromiseLike<{ status: number; body: any }>, status: number) => {
    const res = await call;
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    expect({ route: `${method} ${path}`, violations: jsonViolations(doc, method, path, res) }).toEqual({
      route: `${method} ${path}`,
      violations: [],
    });
    return res.body;
  };
  const declaresFile = (method: string, path: string, contentType: string | undefined) => {
    const declared = Object.keys(declaredContent(doc, method, path, 200));
    expect(declared.every((type) => declaredContent(doc, method, path, 200)[type].schema.format === 'binary')).toBe(true);
    expect(declared).toContain((contentType ?? '').split(';')[0]);
  };

  it('ledger, statement, three-party audit, reconciliation, publication and the public statement pages', async () => {
    const cast: FinanceCast = await financeCast(t);
    const c = `/api/communities/${cast.community}`;
    const p = '/api/communities/{communityId}';
    const book = (body: Record<string, unknown>) =>
      conforms(
        'POST',
        `${p}/ledger-entries`,
        t.http
          .post(`${c}/ledger-entries`)
          .set(bearer(cast.property.token))
          .send({ kind: 'income', category: '电梯广告', counterparty: '某某传媒有限公司', ...body }),
        201,
      );

    at(t, '2025-11-15');
    await book({ amountFen: '300000', entryDate: '2025-10-05', evidenceRef: 'AD-10' });
    const wrong = await book({
      kind: 'cost',
      category: '电费',
      amountFen: '50000',
      entryDate: '2025-10-20',
      counterparty: '张先生',
      counterpartyKind: 'person',
      evidenceRef: 'E-1',
      note: '记错',
    });
    const reversal = await conforms(
      'POST',
      `${p}/ledger-entries/{id}/reversal`,
      t.http.post(`${c}/ledger-entries/${wrong.id}/reversal`).set(bearer(cast.property.token)).send({ reason: '重复记账' }),
      201,
    );
    expect(reversal.reversesId).toBe(wrong.id);
    const entries = await conforms('GET', `${p}/ledger-entries`, t.http.get(`${c}/ledger-entries`).set(bearer(cast.auditor.token)), 200);
    expect(entries).toHaveLength(3);

    at(t, '2026-01-05');
    const submitted = await conforms(
      'POST',
      `${p}/statements`,
      t.http.post(`${c}/statements`).set(bearer(cast.clerk.token)).send({ periodDate: '2025-12-31' }),
      201,
    );
    expect(submitted.lines).toHaveLength(3);
    const s = `${c}/statements/${submitted.id}`;
    const sp = `${p}/statements/{id}`;
    const review = (who: { token: string }) =>
      conforms('POST', `${sp}/reviews`, t.http.post(`${s}/reviews`).set(bearer(who.token)).send({ decision: 'approve' }), 201);
    expect((await review(cast.residents)).status).toBe('bank_review');

    // The bank's file matches two ledger lines; the third ledger line and an extra bank line stay unmatched.
    const csv = Buffer.from(
      '\uFEFF交易日期,摘要,收入,支出,参考号\n2025-10-05,电梯广告,3000.00,,AD-10\n2025-10-20,电费,,500.00,E-1\n2025-12-01,利息,1.23,,\n',
      'utf8',
    );
    const uploaded = await conforms(
      'POST',
      `${sp}/bank-statement`,
      t.http.post(`${s}/bank-statement`).set(bearer(cast.bank.token)).attach('file', csv, 'bank.csv'),
      201,
    );
    expect(uploaded.matched.length).toBeGreaterThan(0);
    expect(uploaded.unmatchedLedger.length + uploaded.unmatchedBank.length).toBeGreaterThan(0);
    let view = uploaded;
    for (const itemId of uploaded.unexplained) {
      view = await conforms(
        'POST',
        `${sp}/reconciliation/explanations`,
        t.http.post(`${s}/reconciliation/explanations`).set(bearer(cast.bank.token)).send({ itemId, explanation: '跨期入账，已核对' }),
        201,
      );
    }
    expect(view.unexplained).toEqual([]);
    await conforms('GET', `${sp}/reconciliation`, t.http.get(`${s}/reconciliation`).set(bearer(cast.auditor.token)), 200);
    await review(cast.bank);
    expect((await review(cast.auditor)).status).toBe('approved');

    t.clock.reset(); // seals sign at the real time
    const requested = await conforms('POST', `${sp}/publication`, t.http.post(`${s}/publication`).set(bearer(cast.clerk.token)), 201);
    await t.http
      .post(`${c}/seal-requests/${requested.sealRequestId}/applications`)
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(201);

    const list = await conforms('GET', `${p}/statements`, t.http.get(`${c}/statements`).set(bearer(cast.auditor.token)), 200);
    expect(list[0].status).toBe('published');
    const detail = await conforms('GET', sp, t.http.get(s).set(bearer(cast.auditor.token)), 200);
    expect(detail.reviews).toHaveLength(3);
    expect(detail.documentId).toEqual(expect.any(String));

    const pub = `/api/public/communities/${cast.community}`;
    const overview = await conforms('GET', '/api/public/communities/{communityId}', t.http.get(pub), 200);
    expect(overview.statements.map((x: { id: string }) => x.id)).toEqual([submitted.id]);
    for (const format of ['csv', 'xlsx', 'pdf']) {
      const file = await t.http.get(`${pub}/statements/${submitted.id}/${format}`).buffer(true).parse(binary).expect(200);
      declaresFile('GET', `/api/public/communities/{communityId}/statements/{id}/${format}`, file.headers['content-type']);
    }
    for (const format of ['xlsx', 'csv']) {
      const file = await t.http
        .get(`${c}/exports/ledger?format=${format}`)
        .set(bearer(cast.auditor.token))
        .buffer(true)
        .parse(binary)
        .expect(200);
      declaresFile('GET', `${p}/exports/ledger`, file.headers['content-type']);
    }
  });

  it('fund-raising: project, contributions, refund, receipts, disclosure and the public pages', async () => {
    const cast = await chainCast(t, FUND_ROSTER);
    const approved = await votedItem(t, cast, 'art278_6', 'yes');
    const c = `/api/communities/${cast.community}/fundraising-projects`;
    const p = '/api/communities/{communityId}/fundraising-projects';
    const buildings = (await t.http.get(`/api/communities/${cast.community}/buildings`).set(bearer(cast.director.token)).expect(200))
      .body as { id: string }[];
    const project = await conforms(
      'POST',
      p,
      t.http
        .post(c)
        .set(bearer(cast.director.token))
        .send({
          title: '电梯更新集资',
          agendaItemId: approved,
          shareBasis: 'fixed',
          scope: 'building',
          targets: buildings.map((b) => ({ buildingId: b.id, shareFen: '100000' })),
        }),
      201,
    );
    const pay = (body: Record<string, unknown>) =>
      conforms(
        'POST',
        `${p}/{id}/contributions`,
        t.http.post(`${c}/${project.id}/contributions`).set(bearer(cast.clerk.token)).send(body),
        201,
      );
    await pay({ unitNumber: '1-1-101', kind: 'pledge', amountFen: '100000', paidOn: '2026-09-01' });
    // The community already has its seals (the vote's notice needed them): the receipt is a draft with its seal
    // requested at once. The director refuses that request, and the seal is requested again from the project.
    const payment = await pay({ unitNumber: '1-1-101', kind: 'payment', amountFen: '80000', paidOn: '2026-09-15', method: '银行转账' });
    expect(payment).toMatchObject({ receiptStatus: 'draft', receiptSealPending: true });
    await issueSealsWithPins(t, cast.community, cast.director, [cast.director, cast.residents], { term: 1 });
    const [pending] = await t.dataSource.query(`SELECT id FROM seal_requests WHERE document_id = $1 AND status = 'pending'`, [
      payment.receiptDocumentId,
    ]);
    await t.http
      .post(`/api/communities/${cast.community}/seal-requests/${pending.id}/refusals`)
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', reason: '收款凭证待核对后再盖章' })
      .expect(201);
    await conforms(
      'POST',
      `${p}/{id}/contributions/{contributionId}/receipt/seal-request`,
      t.http.post(`${c}/${project.id}/contributions/${payment.id}/receipt/seal-request`).set(bearer(cast.clerk.token)),
      201,
    );
    const refund = await conforms(
      'POST',
      `${p}/{id}/contributions/{contributionId}/refund`,
      t.http
        .post(`${c}/${project.id}/contributions/${payment.id}/refund`)
        .set(bearer(cast.clerk.token))
        .send({ amountFen: '30000', reason: '多缴', paidOn: '2026-09-20' }),
      201,
    );
    expect(refund.receiptSealPending).toBe(true);
    const receipt = await t.http
      .get(`${c}/${project.id}/contributions/${payment.id}/receipt`)
      .set(bearer(cast.clerk.token))
      .buffer(true)
      .parse(binary)
      .expect(200);
    declaresFile('GET', `${p}/{id}/contributions/{contributionId}/receipt`, receipt.headers['content-type']);

    const disclosure = await conforms(
      'POST',
      `${p}/{id}/disclosures`,
      t.http.post(`${c}/${project.id}/disclosures`).set(bearer(cast.clerk.token)).send({ periodDate: '2026-09-30' }),
      201,
    );
    const list = await conforms('GET', p, t.http.get(c).set(bearer(cast.residents.token)), 200);
    expect(list[0].totals).toEqual({ targetFen: expect.any(String), paidFen: '50000', pledgedFen: '100000' });
    const unpublished = await conforms('GET', `${p}/{id}`, t.http.get(`${c}/${project.id}`).set(bearer(cast.residents.token)), 200);
    expect(unpublished.disclosures[0].publishedAt).toBeNull();
    await t.http
      .post(`/api/communities/${cast.community}/seal-requests/${disclosure.sealRequestId}/applications`)
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(201);
    const detail = await conforms('GET', `${p}/{id}`, t.http.get(`${c}/${project.id}`).set(bearer(cast.residents.token)), 200);
    expect(detail.contributions).toHaveLength(3);
    expect(detail.disclosures[0].publishedAt).toEqual(expect.any(String));

    // This community held owners' votes: the public overview lists their notices.
    const overview = await conforms(
      'GET',
      '/api/public/communities/{communityId}',
      t.http.get(`/api/public/communities/${cast.community}`),
      200,
    );
    expect(overview.notices.length).toBeGreaterThan(0);

    const pub = `/api/public/communities/${cast.community}/fundraising`;
    const pp = '/api/public/communities/{communityId}/fundraising';
    expect((await conforms('GET', pp, t.http.get(pub), 200)).projects).toHaveLength(1);
    const page = await conforms('GET', `${pp}/{id}`, t.http.get(`${pub}/${project.id}`), 200);
    expect(page.disclosures).toHaveLength(1);
    const pdf = await t.http.get(`${pub}/${project.id}/disclosures/${page.disclosures[0].id}/pdf`).buffer(true).parse(binary).expect(200);
    declaresFile('GET', `${pp}/{id}/disclosures/{disclosureId}/pdf`, pdf.headers['content-type']);
    for (const list of ['units', 'owners']) {
      for (const format of ['xlsx', 'csv']) {
        const file = await t.http
          .get(`/api/communities/${cast.community}/exports/${list}?format=${format}`)
          .set(bearer(cast.director.token))
          .buffer(true)
          .parse(binary)
          .expect(200);
        declaresFile('GET', `/api/communities/{communityId}/exports/${list}`, file.headers['content-type']);
      }
    }
  });

  it('the checker catches a drifted statement list row and an undeclared download type', async () => {
    const path = '/api/communities/{communityId}/statements';
    const row = {
      id: '00000000-0000-4000-8000-000000000001',
      periodStart: '2025-10-01',
      periodEnd: '2025-12-31',
      version: 1,
      status: 'published',
      openingFen: '0',
      incomeFen: '0',
      costFen: '0',
      transferFen: '0',
      closingFen: '0',
      submittedAt: '2026-01-05T02:00:00.000Z',
      publishedAt: null,
      postedUntil: null,
      previousStatementId: null,
      periodLabel: '2025年第四季度',
    };
    expect(jsonViolations(doc, 'GET', path, { status: 200, body: [row] })).toEqual([]);
    const { closingFen: _dropped, ...missing } = row;
    const drifted = [{ ...missing, version: '1', status: 'draft', publishedAt: 'soon', communityId: 'x' }];
    expect(jsonViolations(doc, 'GET', path, { status: 200, body: drifted })).toEqual(
      expect.arrayContaining([
        '$[0].closingFen: missing',
        '$[0].communityId: not in the schema',
        '$[0].version: not an integer',
        '$[0].status: "draft" not in ["submitted","bank_review","audit_review","approved","returned","superseded","published"]',
        '$[0].publishedAt: "soon" not a date-time',
      ]),
    );
    expect(Object.keys(declaredContent(doc, 'GET', '/api/communities/{communityId}/exports/units', 200))).not.toContain('application/pdf');
  });
});
