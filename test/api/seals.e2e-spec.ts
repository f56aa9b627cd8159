import { createPublicKey, X509Certificate } from 'node:crypto';
import { decryptPrivateKey, describeCertificate, STATEMENT_TYPE } from '@gongyi/pdf';
import { sampleStatement } from '@gongyi/pdf/samples';
import { pdftotext } from '@gongyi/pdf/testing/poppler';
import { DocumentsService } from '../../apps/api/src/documents/documents.service';
import { RootCaService } from '../../apps/api/src/documents/root-ca.service';
import { Cast, chainCast, createItem } from '../support/chain-fixtures';
import { createCommunity, createMember, Member } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

/** supertest buffers only text types; PDFs are collected as bytes. */
const binary = (req: ReturnType<TestApp['http']['get']>) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

describe('seals, custodians, seal requests and the seal log', () => {
  let t: TestApp;
  let cast: Cast;
  let owner: Member;
  let seals: { id: string; kind: string; term: number; commonName: string; custodians: { userId: string; active: boolean }[] }[];
  const url = (path: string) => `/api/communities/${cast.community}${path}`;
  const sealOf = (kind: string) => seals.find((s) => s.kind === kind)!;

  /** A committee-only statement registered the way another context (finance) would. */
  const statementDocument = async (title = '公共收益收支明细表') => {
    const documents = t.app.get(DocumentsService);
    const doc = await documents.renderAndRegister(null, cast.community, {
      type: STATEMENT_TYPE,
      title,
      sourceType: 'test',
      input: sampleStatement(),
      actorId: cast.clerk.userId,
    });
    return doc.id;
  };

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, []);
    owner = await createMember(t, cast.community, 'owner');
  });
  afterAll(() => t.close());

  it('creates the deployment root CA once, at start, and serves its certificate', async () => {
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM seal_root_cas');
    expect(n).toBe(1);
    const again = await t.app.get(RootCaService).ensure();
    const res = await t.http.get('/api/ca.pem').expect(200);
    expect(res.headers['content-type']).toContain('application/x-pem-file');
    expect(res.text).toContain('-----BEGIN CERTIFICATE-----');
    expect(res.text).toBe(again.certPem);
    expect(new X509Certificate(res.text).ca).toBe(true);
  });

  it('issues an assembly and a committee seal for a term, naming community and term, with default custodians', async () => {
    await t.http.post(url('/seals')).set(bearer(cast.clerk.token)).send({ term: 3 }).expect(403);
    await t.http.post(url('/seals')).set(bearer(cast.director.token)).send({ term: 0 }).expect(400);
    const res = await t.http.post(url('/seals')).set(bearer(cast.director.token)).send({ term: 3 }).expect(201);
    seals = res.body;
    expect(seals.map((s) => s.kind).sort()).toEqual(['assembly', 'committee']);
    const [{ name }] = await t.dataSource.query('SELECT name FROM communities WHERE id = $1', [cast.community]);
    expect(sealOf('assembly').commonName).toBe(`${name}业主大会章（第三届）`);
    expect(sealOf('committee').commonName).toBe(`${name}业主委员会章（第三届）`);
    expect(sealOf('assembly').custodians.map((c) => c.userId)).toEqual([cast.residents.userId]);
    expect(sealOf('committee').custodians.map((c) => c.userId)).toEqual([cast.director.userId]);
    const pem = (
      await t.http
        .get(url(`/seals/${sealOf('assembly').id}/certificate`))
        .set(bearer(owner.token))
        .expect(200)
    ).text;
    const info = describeCertificate(pem);
    expect(info).toMatchObject({ sealKind: 'assembly', term: 3, communityCode: cast.community, organisation: name });
    const root = new X509Certificate((await t.http.get('/api/ca.pem')).text);
    expect(new X509Certificate(pem).verify(root.publicKey)).toBe(true);
    const term = await t.http
      .post(url('/seals'))
      .set(bearer(cast.director.token))
      .send({ term: 3, kinds: ['committee'] })
      .expect(409);
    expect(term.body.code).toBe('term_not_new');
  });

  it('stores no private key in clear: only AES-GCM blobs bound to their seal', async () => {
    const rows = await t.dataSource.query(
      `SELECT row_to_json(s)::text AS j FROM seals s UNION ALL SELECT row_to_json(r)::text FROM seal_root_cas r`,
    );
    expect(rows.length).toBe(3);
    const [{ key_encrypted: blob, cert_pem: certPem }] = await t.dataSource.query(
      'SELECT key_encrypted, cert_pem FROM seals WHERE id = $1',
      [sealOf('committee').id],
    );
    expect(blob).toMatch(/^v1:/);
    const master = Buffer.from(t.config.masterKey, 'hex');
    const keyPem = decryptPrivateKey(blob, master, sealOf('committee').id);
    const keyBody = keyPem.split('\n')[1];
    for (const { j } of rows) {
      expect(j).not.toContain('PRIVATE KEY');
      expect(j).not.toContain(keyBody);
    }
    expect(createPublicKey(keyPem).export({ format: 'pem', type: 'spki' })).toBe(
      new X509Certificate(certPem).publicKey.export({ format: 'pem', type: 'spki' }),
    );
    expect(() => decryptPrivateKey(blob, master, sealOf('assembly').id)).toThrow();
    expect(() => decryptPrivateKey(blob, Buffer.alloc(32, 1), sealOf('committee').id)).toThrow();
  });

  it('reassigns custodians to staff only and keeps the history', async () => {
    const committee = sealOf('committee').id;
    const bad = await t.http
      .put(url(`/seals/${committee}/custodians`))
      .set(bearer(cast.director.token))
      .send({ userIds: [owner.userId] })
      .expect(400);
    expect(bad.body.code).toBe('custodian_not_staff');
    await t.http
      .put(url(`/seals/${committee}/custodians`))
      .set(bearer(cast.clerk.token))
      .send({ userIds: [cast.clerk2.userId] })
      .expect(403);
    const changed = await t.http
      .put(url(`/seals/${committee}/custodians`))
      .set(bearer(cast.director.token))
      .send({ userIds: [cast.clerk2.userId] })
      .expect(200);
    expect(changed.body.custodians.map((c: { userId: string; active: boolean }) => [c.userId, c.active])).toEqual([
      [cast.director.userId, false],
      [cast.clerk2.userId, true],
    ]);
    await t.http
      .put(url(`/seals/${committee}/custodians`))
      .set(bearer(t.adminToken))
      .send({ userIds: [cast.director.userId, cast.clerk2.userId] })
      .expect(200);
  });

  it('a major decision needs both seals; custodians apply only their own seal and never to their own request', async () => {
    const major = await createItem(t, cast, 'art278_5', '动用维修资金更换水泵');
    const documentId = await statementDocument();
    await t.http.post(url('/seal-requests')).set(bearer(owner.token)).send({ documentId, agendaItemId: major }).expect(403);
    const req = await t.http
      .post(url('/seal-requests'))
      .set(bearer(cast.clerk2.token))
      .send({ documentId, agendaItemId: major })
      .expect(201);
    const again = await t.http
      .post(url('/seal-requests'))
      .set(bearer(cast.clerk.token))
      .send({ documentId, agendaItemId: major })
      .expect(409);
    expect(again.body.code).toBe('request_pending');
    const inbox = await t.http.get(url('/notifications')).set(bearer(cast.residents.token)).expect(200);
    expect(inbox.body[0].subject).toContain('用章申请');
    const apply = (who: Member, kind: string) =>
      t.http
        .post(url(`/seal-requests/${req.body.id}/applications`))
        .set(bearer(who.token))
        .send({ kind });

    expect((await apply(cast.clerk2, 'committee')).body.code).toBe('own_request');
    expect((await apply(cast.clerk, 'committee')).body.code).toBe('not_custodian');
    expect((await apply(cast.director, 'assembly')).body.code).toBe('not_custodian');
    const first = await apply(cast.director, 'committee').expect(201);
    expect(first.body).toMatchObject({ status: 'pending', requiredSeals: ['assembly', 'committee'], appliedSeals: ['committee'] });
    expect((await apply(cast.director, 'committee')).body.code).toBe('seal_already_applied');
    await t.http
      .get(url(`/documents/${documentId}/file`))
      .set(bearer(cast.clerk.token))
      .expect(409);
    const done = await apply(cast.residents, 'assembly').expect(201);
    expect(done.body.status).toBe('completed');
    expect(done.body.log.map((l: { sealKind: string; outcome: string; decision: string }) => [l.sealKind, l.outcome, l.decision])).toEqual([
      ['committee', 'applied', expect.stringContaining('动用维修资金更换水泵')],
      ['assembly', 'applied', expect.stringContaining('动用维修资金更换水泵')],
    ]);
    const doc = await t.http
      .get(url(`/documents/${documentId}`))
      .set(bearer(cast.clerk.token))
      .expect(200);
    expect(doc.body.status).toBe('final');
    const record = await t.dataSource.query(
      `SELECT action FROM record_entries WHERE community_id = $1 AND (action LIKE 'seals.%' OR action LIKE 'documents.%') ORDER BY seq`,
      [cast.community],
    );
    expect(record.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(['seals.requested', 'seals.applied', 'documents.finalised']),
    );
  });

  it('a committee-only decision needs the committee seal; a refusal closes the request with its reason', async () => {
    const minor = await createItem(t, cast, 'committee_only', '更换单元门禁卡');
    const documentId = await statementDocument('门禁改造费用明细');
    const req = await t.http
      .post(url('/seal-requests'))
      .set(bearer(cast.clerk.token))
      .send({ documentId, agendaItemId: minor, decision: '业委会第5次会议决议' })
      .expect(201);
    const view = await t.http
      .get(url(`/seal-requests/${req.body.id}`))
      .set(bearer(cast.residents.token))
      .expect(200);
    expect(view.body).toMatchObject({ requiredSeals: ['committee'], decision: '业委会第5次会议决议' });
    const notRequired = await t.http
      .post(url(`/seal-requests/${req.body.id}/applications`))
      .set(bearer(cast.residents.token))
      .send({ kind: 'assembly' })
      .expect(400);
    expect(notRequired.body.code).toBe('seal_not_required');
    await t.http
      .post(url(`/seal-requests/${req.body.id}/refusals`))
      .set(bearer(cast.clerk2.token))
      .send({ kind: 'committee' })
      .expect(400);
    const refused = await t.http
      .post(url(`/seal-requests/${req.body.id}/refusals`))
      .set(bearer(cast.clerk2.token))
      .send({ kind: 'committee', reason: '附件不全' })
      .expect(201);
    expect(refused.body).toMatchObject({
      status: 'refused',
      log: [expect.objectContaining({ outcome: 'refused', reason: '附件不全', sealKind: 'committee' })],
    });
    const late = await t.http
      .post(url(`/seal-requests/${req.body.id}/applications`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee' })
      .expect(409);
    expect(late.body.code).toBe('request_closed');
    const log = await t.http.get(url('/seal-log')).set(bearer(owner.token)).expect(200);
    expect(log.body.map((e: { outcome: string }) => e.outcome).sort()).toEqual(['applied', 'applied', 'refused']);
    await expect(t.dataSource.query(`UPDATE seal_log_entries SET reason = 'x' WHERE community_id = $1`, [cast.community])).rejects.toThrow(
      /immutable/,
    );
    await expect(t.dataSource.query(`DELETE FROM seal_log_entries WHERE community_id = $1`, [cast.community])).rejects.toThrow(/immutable/);
  });

  it('renders the half-year seal log as a document once the half-year has ended', async () => {
    const early = await t.http.post(url('/seal-log/reports')).set(bearer(cast.clerk.token)).send({ year: 2026, half: 2 }).expect(409);
    expect(early.body.code).toBe('period_not_ended');
    t.clock.travelTo(new Date('2027-01-02T02:00:00Z'));
    let report;
    try {
      report = await t.http.post(url('/seal-log/reports')).set(bearer(cast.clerk.token)).send({ year: 2026, half: 2 }).expect(201);
    } finally {
      t.clock.reset();
    }
    expect(report.body).toMatchObject({ type: 'seal_log', title: '2026年下半年用章登记公示', status: 'draft' });
    const pdf = await binary(t.http.get(url(`/documents/${report.body.id}/preview`)).set(bearer(cast.clerk.token))).expect(200);
    const text = pdftotext(pdf.body).replace(/\s+/g, '');
    expect(text).toContain('用章登记公示');
    // Only applications are published: the refusal is in the log, not in the report.
    expect(text).toContain('本期共用章2次，其中业主大会章1次、业主委员会章1次');
    expect(text).toContain('公共收益收支明细表');
    expect(text).not.toContain('门禁改造费用明细');
  });

  it('retires a seal: new requests wait for the next term, whose seal replaces it', async () => {
    const committee = sealOf('committee').id;
    const documentId = await statementDocument('停用后的报表');
    const requestBody = { documentId, decision: '业委会第6次会议决议' };
    const pending = await t.http.post(url('/seal-requests')).set(bearer(cast.clerk.token)).send(requestBody).expect(201);
    await t.http
      .post(url(`/seals/${committee}/retirement`))
      .set(bearer(cast.director.token))
      .send({ reason: '第三届任期届满' })
      .expect(201);
    const twice = await t.http
      .post(url(`/seals/${committee}/retirement`))
      .set(bearer(cast.director.token))
      .send({ reason: '再次停用' })
      .expect(409);
    expect(twice.body.code).toBe('seal_retired');
    const stale = await t.http
      .post(url(`/seal-requests/${pending.body.id}/applications`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee' })
      .expect(409);
    expect(stale.body.code).toBe('seal_retired');
    await t.http
      .post(url(`/seal-requests/${pending.body.id}/refusals`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', reason: '印章已停用' })
      .expect(201);
    const none = await t.http.post(url('/seal-requests')).set(bearer(cast.clerk.token)).send(requestBody).expect(409);
    expect(none.body.code).toBe('seal_not_issued');
    const issued = await t.http.post(url('/seals')).set(bearer(t.adminToken)).send({ term: 4 }).expect(201);
    const active = issued.body.filter((s: { status: string }) => s.status === 'active');
    expect(active.map((s: { term: number }) => s.term)).toEqual([4, 4]);
    expect(issued.body.find((s: { kind: string; term: number }) => s.kind === 'assembly' && s.term === 3).status).toBe('retired');
    const renewed = await t.http.post(url('/seal-requests')).set(bearer(cast.clerk.token)).send(requestBody).expect(201);
    await t.http
      .post(url(`/seal-requests/${renewed.body.id}/applications`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee' })
      .expect(201);
    const doc = await t.http
      .get(url(`/documents/${documentId}`))
      .set(bearer(cast.clerk.token))
      .expect(200);
    expect(doc.body.revisions.map((r: { seals: { sealName: string }[] }) => r.seals[0].sealName)).toEqual([
      expect.stringContaining('第四届'),
    ]);
  });

  it("another community's staff cannot see or use these seals, and ids from here are not found there", async () => {
    const other = await createCommunity(t);
    const outsider = await createMember(t, other, 'committee_director');
    const committee = sealOf('committee').id;
    await t.http.get(url('/seals')).set(bearer(outsider.token)).expect(403);
    await t.http
      .post(url(`/seals/${committee}/retirement`))
      .set(bearer(outsider.token))
      .send({ reason: '越权停用' })
      .expect(403);
    await t.http.get(`/api/communities/${other}/seals/${committee}`).set(bearer(outsider.token)).expect(404);
    await t.http
      .post(`/api/communities/${other}/seals/${committee}/retirement`)
      .set(bearer(outsider.token))
      .send({ reason: '越权停用' })
      .expect(404);
    const [request] = await t.dataSource.query('SELECT id FROM seal_requests WHERE community_id = $1 LIMIT 1', [cast.community]);
    await t.http.get(`/api/communities/${other}/seal-requests/${request.id}`).set(bearer(outsider.token)).expect(404);
  });
});
