import { mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { brokenTokens, CHECKLISTS, checkText, type Checklist, type DocumentFacts } from '@gongyi/domain/documents/checklists';
import { pdftotext } from '@gongyi/pdf/testing/poppler';
import { TimestampAuthorityService } from '../../apps/api/src/documents/timestamp-authority.service';
import { at, auditAndPublish, auditAndRequestSeal, FinanceCast, financeCast } from '../support/finance-fixtures';
import { TEST_SEAL_PIN } from '../support/seal-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';
import { checkSignatureTimestamps } from '../support/timestamp-check';

const binary = (req: ReturnType<TestApp['http']['get']>) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

/** Every checklist item in the pdftotext output, no contradicting default, no document number split over lines. */
function expectChecklist(list: Checklist, pdf: Buffer, facts: DocumentFacts = {}) {
  const text = pdftotext(pdf, { layout: true });
  const result = checkText(list, text, facts);
  expect({
    missing: result.missing.map((i) => `${i.id}（${i.label}）`),
    contradictions: result.contradictions.map((f) => f.id),
    broken: brokenTokens(list, text),
  }).toEqual({ missing: [], contradictions: [], broken: [] });
  return text;
}

function pageImages(name: string, pdf: Buffer) {
  const dir = 'test-output/pages';
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/${name}.pdf`, pdf);
  spawnSync('pdftoppm', ['-png', '-r', '60', `${dir}/${name}.pdf`, `${dir}/${name}`]);
}

/**
 * 公共收益收支公示 and 用章登记公示 rendered from real flows through the API, read back with pdftotext (issue 12):
 * two chained quarters audited by the three parties and sealed (one seal first refused), then the half-year's
 * seal-log report, which lists those applications and the refusal and is sealed itself.
 */
describe('statement and seal-log checklists, from real flows', () => {
  let t: TestApp;
  let cast: FinanceCast;
  let rootPem: string;
  let tsaPem: string;
  const url = (path: string) => `/api/communities/${cast.community}${path}`;
  const book = (entryDate: string, body: Record<string, unknown>) =>
    t.http
      .post(url('/ledger-entries'))
      .set(bearer(cast.property.token))
      .send({ kind: 'income', category: '电梯广告', counterparty: '某某传媒有限公司', evidenceRef: `REF-${entryDate}`, entryDate, ...body })
      .expect(201);
  const publicPdf = async (statementId: string) =>
    (await binary(t.http.get(`/api/public/communities/${cast.community}/statements/${statementId}/pdf`)).expect(200)).body as Buffer;
  /** pdfsig finds every signature valid; each carries an RFC 3161 token that openssl verifies against /api/ca.pem. */
  const expectSignedAndTimestamped = (pdf: Buffer, seals: number) => {
    const checks = checkSignatureTimestamps(pdf, rootPem, tsaPem);
    expect(
      checks.map((c) => ({ valid: c.pdfsigValid, timestamp: c.opensslVerified, genTime: c.genTime ? 'present' : c.opensslOutput })),
    ).toEqual(Array.from({ length: seals }, () => ({ valid: true, timestamp: true, genTime: 'present' })));
  };

  let q2: string;
  let q3: string;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await financeCast(t);
    rootPem = (await t.http.get('/api/ca.pem').expect(200)).text;
    tsaPem = await t.app.get(TimestampAuthorityService).certPem();
    // Q2: the first statement, published the ordinary way.
    at(t, '2026-05-10');
    await book('2026-05-03', { amountFen: '300000' });
    await book('2026-05-08', { kind: 'cost', category: '公共照明电费', amountFen: '45000', counterparty: '供电公司' });
    at(t, '2026-07-03');
    q2 = (await t.http.post(url('/statements')).set(bearer(cast.clerk.token)).send({ periodDate: '2026-06-30' }).expect(201)).body.id;
    await auditAndPublish(t, cast, q2);
    // Q3: the custodian first refuses the seal (a missing voucher), then seals a new request for the same document.
    at(t, '2026-08-12');
    await book('2026-08-05', { category: '停车', amountFen: '120050', counterparty: '地面停车收费' });
    at(t, '2026-10-05');
    q3 = (await t.http.post(url('/statements')).set(bearer(cast.clerk.token)).send({ periodDate: '2026-09-30' }).expect(201)).body.id;
    const requested = await auditAndRequestSeal(t, cast, q3);
    await t.http
      .post(url(`/seal-requests/${requested.sealRequestId}/refusals`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', reason: '停车收费银行回单未附' })
      .expect(201);
    const again = await t.http
      .post(url('/seal-requests'))
      .set(bearer(cast.clerk.token))
      .send({ documentId: requested.documentId })
      .expect(201);
    await t.http
      .post(url(`/seal-requests/${again.body.id}/applications`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(201);
  }, 240_000);
  afterEach(() => t.clock.reset());
  afterAll(() => t.close());

  it('公共收益收支公示: period, posting period, preparer and three reviewers, bank balance and reconciliation, opening = previous closing, objection contact', async () => {
    const pdf = await publicPdf(q3);
    pageImages('finance-statement-q3', pdf);
    const text = expectChecklist(CHECKLISTS.finance_statement!, pdf, {});
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain('2026年第三季度');
    // Opening 3,000.00 − 450.00 = 2,550.00 from Q2; Q3 adds 1,200.50.
    expect(flat).toContain('期初余额：¥2,550.00，等于上期（2026年第二季度）报表期末余额¥2,550.00');
    expect(flat).toContain('期末余额¥3,750.50');
    expectSignedAndTimestamped(pdf, 1);

    // The first statement says so, and is otherwise complete too.
    const first = await publicPdf(q2);
    expectChecklist(CHECKLISTS.finance_statement!, first, { firstStatement: true });
    expect(pdftotext(first).replace(/\s+/g, '')).toContain('期初余额：¥0.00（首份报表）');
  });

  it('用章登记公示: applications and the refusal listed, numbers on one line, one report per half-year', async () => {
    // 2026's second half ends at midnight Beijing time; the report is drawn up on 2 January.
    t.clock.travelTo(new Date('2027-01-02T02:00:00Z'));
    const [first, second] = await Promise.all(
      [0, 1].map(() => t.http.post(url('/seal-log/reports')).set(bearer(cast.clerk.token)).send({ year: 2026, half: 2 })),
    );
    // Two requests at once: exactly one report, the other refused in Chinese naming it.
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const report = first.status === 201 ? first : second;
    const refused = first.status === 201 ? second : first;
    expect(refused.body).toMatchObject({ code: 'report_exists', message: expect.stringContaining('每半年只出一份') });
    expect(refused.body.message).toContain(report.body.number);
    const later = await t.http.post(url('/seal-log/reports')).set(bearer(cast.clerk.token)).send({ year: 2026, half: 2 }).expect(409);
    expect(later.body.code).toBe('report_exists');
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM documents WHERE community_id = $1 AND source_type = 'seal_log'`,
      [cast.community],
    );
    expect(n).toBe(1);
    t.clock.reset();

    const req = await t.http.post(url('/seal-requests')).set(bearer(cast.clerk.token)).send({ documentId: report.body.id }).expect(201);
    await t.http
      .post(url(`/seal-requests/${req.body.id}/applications`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(201);
    const pdf = (await binary(t.http.get(url(`/documents/${report.body.id}/file`)).set(bearer(cast.clerk.token))).expect(200))
      .body as Buffer;
    pageImages('seal-log-report', pdf);
    const text = expectChecklist(CHECKLISTS.seal_log_report!, pdf, {});
    // In reading order (without -layout, a cell's lines stay together).
    const flat = pdftotext(pdf).replace(/\s+/g, '');
    // Both statements' seals and the refusal in between, with its reason.
    expect(flat).toContain('本期共用章2次，其中业主大会章0次、业主委员会章2次；保管人拒绝用章1次（理由见下表）');
    // The reason wraps inside its cell; pdftotext reads a table line by line across the cells.
    expect(flat).toMatch(/拒绝\S*停车收费\S*银行回单\S*未附/);
    const numbers = await t.dataSource.query<{ number: string }[]>(
      `SELECT d.number FROM statements s JOIN documents d ON d.id = s.document_id WHERE s.community_id = $1`,
      [cast.community],
    );
    // The second statement twice (refused, then sealed), each time on one line with its whole number.
    expect(numbers).toHaveLength(2);
    const rows = numbers.map(({ number }) => text.split('\n').filter((l) => l.includes(number)).length).sort();
    expect(rows).toEqual([1, 2]);
    expectSignedAndTimestamped(pdf, 1);
  });
});
