import { advanceToAssembly, chainCast, createItem, noticeDocument, openVote } from '../support/chain-fixtures';
import { SMALL_ROSTER } from '../support/fixtures';
import { issueSealsWithPins, TEST_SEAL_PIN } from '../support/seal-fixtures';
import { bearer, createTestApp, type TestApp } from '../support/test-app';
import { createHearing, hearingBody, type HearingCast, hearingCast, sevenSeats, sheet, submitBid } from '../support/hearing-fixtures';
import { committedDocument, type Document, responseSchema, violations } from '../support/openapi-conformance';

/** Real responses of the hearing routes conform to the schemas the committed openapi.json declares for them. */
describe('API contract: hearings (apps/web/src/api/generated)', () => {
  let t: TestApp;
  let c: HearingCast;
  let doc: Document;
  const base = '/api/communities/{communityId}/hearings';
  const conforms = (method: string, path: string, status: number, body: unknown) =>
    expect(violations(doc, responseSchema(doc, method, base + path, status), body)).toEqual([]);

  beforeAll(async () => {
    t = await createTestApp();
    c = await hearingCast(t);
    doc = committedDocument();
  });
  afterAll(() => t.close());

  it('every hearing response, from the call for bids to the published result, matches its declared schema', async () => {
    const body = hearingBody(c, c.itemId);
    const created = (await createHearing(t, c, body).expect(201)).body;
    conforms('post', '', 201, created);
    const id: string = created.id;
    const url = (path = '') => `/api/communities/${c.community}/hearings/${id}${path}`;

    const invited = (
      await t.http
        .post(url('/invitations'))
        .set(bearer(c.clerk.token))
        .send({ userId: c.outsider.userId, vendorName: '戊公司' })
        .expect(201)
    ).body;
    conforms('post', '/{id}/invitations', 201, invited);

    const bids: string[] = [];
    for (const [i, v] of c.vendors.slice(0, 3).entries()) {
      const receipt = (
        await submitBid(t, c.community, id, v.token, {
          amountFen: String(120000000 + i * 1000000),
          warrantyMonths: 24,
          deliveryDays: 90,
          proposal: `方案 ${i}`,
          ...(i === 0 ? { attachment: { bytes: Buffer.from('%PDF-1.7 甲'), name: 'a.pdf' } } : {}),
        }).expect(201)
      ).body;
      conforms('post', '/{id}/bids', 201, receipt);
      bids.push(receipt.bidId);
    }
    conforms('get', '/{id}/my-bid', 200, (await t.http.get(url('/my-bid')).set(bearer(c.vendors[0].token)).expect(200)).body);
    const notYet = (await t.http.get(url('/my-bid')).set(bearer(c.vendors[3].token)).expect(200)).body;
    expect(notYet.current).toBeNull();
    conforms('get', '/{id}/my-bid', 200, notYet);
    // Sealed views: a vendor's (content keys absent) and the committee's.
    conforms('get', '/{id}', 200, (await t.http.get(url()).set(bearer(c.vendors[0].token)).expect(200)).body);
    conforms('get', '/{id}', 200, (await t.http.get(url()).set(bearer(c.clerk.token)).expect(200)).body);
    conforms('get', '', 200, (await t.http.get(`/api/communities/${c.community}/hearings`).set(bearer(c.clerk.token)).expect(200)).body);

    t.clock.travelTo(new Date(body.openingAt));
    try {
      const opened = (await t.http.post(url('/opening')).set(bearer(c.clerk.token)).expect(201)).body;
      expect(opened.bids[0].amountFen).toEqual(expect.any(String));
      conforms('post', '/{id}/opening', 201, opened);
      const panel = (
        await t.http
          .put(url('/panel'))
          .set(bearer(c.clerk.token))
          .send({ panel: sevenSeats(c) })
          .expect(200)
      ).body;
      conforms('put', '/{id}/panel', 200, panel);
      const sitting = [c.representative, c.clerk2, c.property, ...c.experts.slice(0, 4)];
      for (const m of sitting) {
        conforms(
          'post',
          '/{id}/declarations',
          201,
          (await t.http.post(url('/declarations')).set(bearer(m.token)).send({}).expect(201)).body,
        );
        const cells = sheet(Object.fromEntries(bids.map((b, i) => [b, [90 - i, 80, 80, 80]])));
        conforms('post', '/{id}/scores', 201, (await t.http.post(url('/scores')).set(bearer(m.token)).send(cells).expect(201)).body);
      }
      const published = (
        await t.http
          .post(url('/result'))
          .set(bearer(c.clerk.token))
          .send({ heldAt: body.openingAt, minutes: '纪要', shortlistSize: 2 })
          .expect(201)
      ).body;
      expect(published.result.ranking).toHaveLength(3);
      conforms('post', '/{id}/result', 201, published);
      const objection = (await t.http.post(url('/objections')).set(bearer(c.vendors[1].token)).send({ text: '评分过程有疑问' }).expect(201))
        .body;
      conforms('post', '/{id}/objections', 201, objection);
      const detail = (await t.http.get(url()).set(bearer(c.clerk.token)).expect(200)).body;
      expect(detail.result.attendance).toHaveLength(7);
      conforms('get', '/{id}', 200, detail);
      conforms('get', '/{id}', 200, (await t.http.get(url()).set(bearer(c.vendors[1].token)).expect(200)).body);
    } finally {
      t.clock.reset();
    }
  });

  it('declares the file downloads as binary with their content type', () => {
    const content = (path: string) => Object.entries(doc.paths[base + path].get.responses['200'].content ?? {});
    expect(content('/{id}/result.pdf')).toEqual([['application/pdf', { schema: { type: 'string', format: 'binary' } }]]);
    expect(content('/{id}/bids/{bidId}/attachment')).toEqual([
      ['application/octet-stream', { schema: { type: 'string', format: 'binary' } }],
    ]);
  });
});

/** supertest buffers only text types; PDFs are collected as bytes. */
const binary = (req: ReturnType<TestApp['http']['get']>) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

/** Real responses of the seal, document, verification and checkpoint routes conform to their declared schemas. */
describe('API contract: seals, documents and verification (apps/web/src/api/generated)', () => {
  let t: TestApp;
  let doc: Document;
  const conforms = (method: string, path: string, status: number, body: unknown) =>
    expect(violations(doc, responseSchema(doc, method, path, status), body)).toEqual([]);

  beforeAll(async () => {
    t = await createTestApp();
    doc = committedDocument();
  });
  afterAll(() => t.close());

  it('from issuing the seals to verifying the sealed file, every response matches its declared schema', async () => {
    const cast = await chainCast(t, SMALL_ROSTER);
    const item = await createItem(t, cast);
    await advanceToAssembly(t, cast, item);
    const vote = await openVote(t, cast, item);
    const c = '/api/communities/{communityId}';
    const url = (path: string) => `/api/communities/${cast.community}${path}`;
    const as = (token: string) => bearer(token);

    const issued = await issueSealsWithPins(t, cast.community, cast.director, [cast.director, cast.residents]);
    conforms('post', `${c}/seals`, 201, issued);
    const seals = (await t.http.get(url('/seals')).set(as(cast.clerk.token)).expect(200)).body;
    expect(seals[0].custodians.length).toBeGreaterThan(0);
    conforms('get', `${c}/seals`, 200, seals);
    const committee = seals.find((s: { kind: string }) => s.kind === 'committee').id;
    conforms(
      'get',
      `${c}/seals/{id}`,
      200,
      (
        await t.http
          .get(url(`/seals/${committee}`))
          .set(as(cast.clerk.token))
          .expect(200)
      ).body,
    );
    conforms('get', `${c}/my-seal-pin`, 200, (await t.http.get(url('/my-seal-pin')).set(as(cast.director.token)).expect(200)).body);
    conforms('get', `${c}/my-seal-pin`, 200, (await t.http.get(url('/my-seal-pin')).set(as(cast.clerk2.token)).expect(200)).body);

    const proposal = (
      await t.http
        .post(url(`/seals/${committee}/custody-proposals`))
        .set(as(cast.director.token))
        .send({ userIds: [cast.director.userId, cast.clerk2.userId], note: '业委会决定' })
        .expect(201)
    ).body;
    conforms('post', `${c}/seals/{id}/custody-proposals`, 201, proposal);
    const proposals = (
      await t.http
        .get(url(`/seals/${committee}/custody-proposals`))
        .set(as(cast.clerk.token))
        .expect(200)
    ).body;
    expect(proposals).toHaveLength(1);
    conforms('get', `${c}/seals/{id}/custody-proposals`, 200, proposals);
    const withdrawn = (
      await t.http
        .post(url(`/seals/${committee}/custody-proposals/${proposal.id}/withdrawal`))
        .set(as(cast.director.token))
        .expect(200)
    ).body;
    expect(withdrawn[0].decidedAt).not.toBeNull();
    conforms('post', `${c}/seals/{id}/custody-proposals/{proposalId}/withdrawal`, 200, withdrawn);

    // Publishing registered the vote's notice (and it was sealed before voting opened): a second one is refused,
    // naming the existing document. The document created here is the joint meeting's minutes.
    const notice = await noticeDocument(t, cast, vote.id);
    const again = await t.http
      .post(url('/documents'))
      .set(as(cast.clerk.token))
      .send({ type: 'assembly_notice', sourceId: vote.id })
      .expect(409);
    expect(again.body).toMatchObject({ code: 'document_exists', details: { documentId: notice.id, number: notice.number } });
    expect(again.body.message).toContain(notice.number);
    const [meeting] = await t.dataSource.query(`SELECT id FROM meetings WHERE agenda_item_id = $1 AND stage = 'joint_meeting'`, [item]);
    const created = (
      await t.http.post(url('/documents')).set(as(cast.clerk.token)).send({ type: 'meeting_minutes', sourceId: meeting.id }).expect(201)
    ).body;
    conforms('post', `${c}/documents`, 201, created);
    conforms('get', `${c}/documents`, 200, (await t.http.get(url('/documents')).set(as(cast.clerk.token)).expect(200)).body);
    // The notice is already sealed (publishing is the sealing): the document sealed here is the first half-year's
    // seal-log report (committee seal).
    const sealedDoc = (await t.http.post(url('/seal-log/reports')).set(as(cast.clerk.token)).send({ year: 2026, half: 1 }).expect(201))
      .body;
    conforms('post', `${c}/seal-log/reports`, 201, sealedDoc);
    const request = (await t.http.post(url('/seal-requests')).set(as(cast.clerk.token)).send({ documentId: sealedDoc.id }).expect(201))
      .body;
    conforms('post', `${c}/seal-requests`, 201, request);
    conforms('get', `${c}/seal-requests`, 200, (await t.http.get(url('/seal-requests')).set(as(cast.clerk.token)).expect(200)).body);
    const view = (
      await t.http
        .get(url(`/seal-requests/${request.id}`))
        .set(as(cast.clerk.token))
        .expect(200)
    ).body;
    conforms('get', `${c}/seal-requests/{id}`, 200, view);
    const custodian = { assembly: cast.residents, committee: cast.director } as const;
    for (const kind of view.requiredSeals as ('assembly' | 'committee')[]) {
      const applied = (
        await t.http
          .post(url(`/seal-requests/${request.id}/applications`))
          .set(as(custodian[kind].token))
          .send({ kind, pin: TEST_SEAL_PIN })
          .expect(201)
      ).body;
      expect(applied.log.length).toBeGreaterThan(0);
      conforms('post', `${c}/seal-requests/{id}/applications`, 201, applied);
    }
    const sealLog = (await t.http.get(url('/seal-log')).set(as(cast.clerk.token)).expect(200)).body;
    expect(sealLog.length).toBeGreaterThan(0);
    conforms('get', `${c}/seal-log`, 200, sealLog);
    const detail = (
      await t.http
        .get(url(`/documents/${sealedDoc.id}`))
        .set(as(cast.clerk.token))
        .expect(200)
    ).body;
    expect(detail.status).toBe('final');
    conforms('get', `${c}/documents/{id}`, 200, detail);

    const byNumber = (await t.http.get(`/api/verify/${detail.number}`).expect(200)).body;
    expect(byNumber.verdict).toBe('genuine');
    conforms('get', '/api/verify/{documentNumber}', 200, byNumber);
    const file = (await binary(t.http.get(`/api/verify/${detail.number}/file`)).expect(200)).body as Buffer;
    const genuine = (await t.http.post('/api/verify').attach('file', file, 'notice.pdf').expect(200)).body;
    expect([genuine.verdict, genuine.recordCheckpoints.length > 0]).toEqual(['genuine', true]);
    conforms('post', '/api/verify', 200, genuine);
    const draft = (await binary(t.http.get(url(`/documents/${sealedDoc.id}/preview`)).set(as(cast.clerk.token))).expect(200))
      .body as Buffer;
    const unsealed = (await t.http.post('/api/verify').attach('file', draft, 'draft.pdf').expect(200)).body;
    expect(unsealed.ok).toBe(false);
    conforms('post', '/api/verify', 200, unsealed);

    const p = '/api/public/communities/{communityId}/record-checkpoints';
    const published = (await t.http.post(url('/record/checkpoints')).set(as(cast.clerk.token)).expect(201)).body;
    conforms('post', `${c}/record/checkpoints`, 201, published);
    const kept = (await t.http.get(`/api/public/communities/${cast.community}/record-checkpoints`).expect(200)).body;
    expect(kept.checkpoints.length).toBeGreaterThan(0);
    conforms('get', p, 200, kept);
    const check = (
      await t.http
        .post(`/api/public/communities/${cast.community}/record-checkpoints/check`)
        .send({ seq: published.seq, hash: published.hash, signedAt: published.signedAt, signature: published.signature })
        .expect(200)
    ).body;
    expect(check.verdict).toBe('intact');
    conforms('post', `${p}/check`, 200, check);
  });

  it('declares the file downloads as binary (or text) with their content type', () => {
    const content = (path: string, method = 'get') => Object.entries(doc.paths[path][method].responses['200'].content ?? {});
    const binaryOf = (type: string) => [[type, { schema: { type: 'string', format: 'binary' } }]];
    expect(content('/api/communities/{communityId}/documents/{id}/file')).toEqual(binaryOf('application/pdf'));
    expect(content('/api/communities/{communityId}/documents/{id}/preview')).toEqual(binaryOf('application/pdf'));
    expect(content('/api/verify/{documentNumber}/file')).toEqual(binaryOf('application/pdf'));
    expect(content('/api/crl')).toEqual(binaryOf('application/pkix-crl'));
    expect(content('/api/tsa', 'post')).toEqual(binaryOf('application/timestamp-reply'));
    expect(content('/api/ca.pem')).toEqual([['application/x-pem-file', { schema: { type: 'string' } }]]);
    expect(content('/api/communities/{communityId}/seals/{id}/certificate')).toEqual([
      ['application/x-pem-file', { schema: { type: 'string' } }],
    ]);
  });
});
