import { X509Certificate } from 'node:crypto';
import { ASSEMBLY_NOTICE_TYPE, decryptPrivateKey, describeCertificate, MINUTES_TYPE, STATEMENT_TYPE } from '@gongyi/pdf';
import { sampleMinutes, sampleNotice, sampleStatement } from '@gongyi/pdf/samples';
import { SEAL_POLICY } from '@gongyi/domain/documents/seal-policy';
import { pdftotext } from '@gongyi/pdf/testing/poppler';
import { DocumentsService } from '../../apps/api/src/documents/documents.service';
import { RootCaService } from '../../apps/api/src/documents/root-ca.service';
import { openCustodianKey, unwrapSealKey } from '../../apps/api/src/seals/seal-key-wrap';
import { Cast, chainCast, createItem } from '../support/chain-fixtures';
import { createCommunity, createMember, Member } from '../support/fixtures';
import { setSealPin, TEST_SEAL_PIN } from '../support/seal-fixtures';
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

  /** An assembly notice (an act of the assembly: both seals), registered as the voting context would. */
  const noticeDocument = async (agendaItemId: string) => {
    const doc = await t.app.get(DocumentsService).renderAndRegister(null, cast.community, {
      type: ASSEMBLY_NOTICE_TYPE,
      title: '业主大会会议公告',
      sourceType: 'assembly_vote',
      agendaItemId,
      input: sampleNotice(),
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
    const [{ n }] = await t.dataSource.query("SELECT count(*)::int AS n FROM seal_root_cas WHERE name = 'seal-root'");
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
    // The keys are wrapped for the custodians at issue time, so they must have set their own seal PINs first.
    const early = await t.http.post(url('/seals')).set(bearer(cast.director.token)).send({ term: 3 }).expect(409);
    expect(early.body).toMatchObject({ code: 'custodian_pin_missing', message: expect.stringContaining('用章密码') });
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM seals WHERE community_id = $1', [cast.community]))[0].n).toBe(0);
    await setSealPin(t, cast.community, cast.residents);
    await setSealPin(t, cast.community, cast.director);
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

  it('stores no seal key the server can open: no MASTER_KEY copy, only PIN-protected copies per custodian', async () => {
    const rows = await t.dataSource.query(
      `SELECT row_to_json(s)::text AS j FROM seals s UNION ALL SELECT row_to_json(r)::text FROM seal_root_cas r
       UNION ALL SELECT row_to_json(k)::text FROM seal_key_copies k UNION ALL SELECT row_to_json(c)::text FROM custodian_keys c`,
    );
    for (const { j } of rows) expect(j).not.toContain('PRIVATE KEY');
    const stored = await t.dataSource.query('SELECT key_encrypted FROM seals WHERE community_id = $1', [cast.community]);
    expect(stored).toEqual([{ key_encrypted: null }, { key_encrypted: null }]);
    const copies = await t.dataSource.query(
      'SELECT seal_id AS "sealId", user_id AS "userId" FROM seal_key_copies WHERE community_id = $1 ORDER BY user_id',
      [cast.community],
    );
    expect(copies).toEqual(
      expect.arrayContaining([
        { sealId: sealOf('committee').id, userId: cast.director.userId },
        { sealId: sealOf('assembly').id, userId: cast.residents.userId },
      ]),
    );
    expect(copies).toHaveLength(2);
  });

  describe('the operator with MASTER_KEY and the whole database cannot sign (电子签名法 Art. 13)', () => {
    it('no stored blob opens with MASTER_KEY, and the API refuses to apply a seal without the custodian PIN', async () => {
      const master = Buffer.from(t.config.masterKey, 'hex');
      const blobs = await t.dataSource.query(
        `SELECT k.seal_id, k.key_wrapped, c.private_wrapped FROM seal_key_copies k
         JOIN custodian_keys c ON c.user_id = k.user_id AND c.community_id = k.community_id WHERE k.community_id = $1`,
        [cast.community],
      );
      expect(blobs.length).toBe(2);
      for (const b of blobs) {
        expect(() => decryptPrivateKey(b.key_wrapped, master, b.seal_id)).toThrow();
        expect(() => decryptPrivateKey(b.private_wrapped, master, b.seal_id)).toThrow();
        await expect(
          openCustodianKey(b.private_wrapped, t.config.masterKey, `${cast.community}|${cast.director.userId}`),
        ).rejects.toThrow();
        // Even the right custodian's key copy needs the PIN: MASTER_KEY as the personal key does not open it.
        expect(() => unwrapSealKey(b.key_wrapped, master, b.seal_id)).toThrow();
      }
      const documentId = await statementDocument('无密码用章的报表');
      const req = await t.http
        .post(url('/seal-requests'))
        .set(bearer(cast.clerk.token))
        .send({ documentId, decision: '业委会第1次会议决议' })
        .expect(201);
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM seal_log_entries WHERE community_id = $1', [cast.community]);
      const noPin = await t.http
        .post(url(`/seal-requests/${req.body.id}/applications`))
        .set(bearer(cast.director.token))
        .send({ kind: 'committee' })
        .expect(400);
      expect(noPin.body.message).toMatch(/[\u4e00-\u9fa5]/);
      const wrong = await t.http
        .post(url(`/seal-requests/${req.body.id}/applications`))
        .set(bearer(cast.director.token))
        .send({ kind: 'committee', pin: t.config.masterKey })
        .expect(403);
      expect(wrong.body).toMatchObject({ code: 'seal_pin_wrong', message: '用章密码不正确' });
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM seal_log_entries WHERE community_id = $1', [cast.community])).toEqual(
        before,
      );
      expect(
        (
          await t.http
            .get(url(`/documents/${documentId}`))
            .set(bearer(cast.clerk.token))
            .expect(200)
        ).body.status,
      ).toBe('draft');
      await t.http
        .post(url(`/seal-requests/${req.body.id}/refusals`))
        .set(bearer(cast.director.token))
        .send({ kind: 'committee', reason: '测试结束' })
        .expect(201);
    });
  });

  describe('seal custody is decided by the right party', () => {
    const custodiansOf = async (sealId: string) =>
      (
        await t.dataSource.query('SELECT user_id FROM seal_custodians WHERE seal_id = $1 AND ended_at IS NULL ORDER BY user_id', [sealId])
      ).map((r: { user_id: string }) => r.user_id);

    it('refuses the director naming himself custodian of the assembly seal', async () => {
      const assembly = sealOf('assembly').id;
      const before = await custodiansOf(assembly);
      const res = await t.http
        .put(url(`/seals/${assembly}/custodians`))
        .set(bearer(cast.director.token))
        .send({ userIds: [cast.director.userId] })
        .expect(403);
      expect(res.body).toMatchObject({ code: 'custody_residents_committee_only', message: '业主大会章保管人只能由居委会指定' });
      expect(await custodiansOf(assembly)).toEqual(before);
      const admin = await t.http
        .put(url(`/seals/${assembly}/custodians`))
        .set(bearer(t.adminToken))
        .send({ userIds: [cast.director.userId] });
      expect(admin.status).toBe(403);
      expect(await custodiansOf(assembly)).toEqual(before);
    });

    it('refuses the director replacing the committee seal custodians alone', async () => {
      const committee = sealOf('committee').id;
      const before = await custodiansOf(committee);
      const res = await t.http
        .put(url(`/seals/${committee}/custodians`))
        .set(bearer(cast.director.token))
        .send({ userIds: [cast.clerk.userId] })
        .expect(403);
      expect(res.body.code).toBe('custody_committee_decision_only');
      expect(res.body.message).toContain('两名委员');
      expect(await custodiansOf(committee)).toEqual(before);
    });

    it('refuses one person keeping both seals, whoever appoints', async () => {
      const assembly = sealOf('assembly').id;
      const before = await custodiansOf(assembly);
      const res = await t.http
        .put(url(`/seals/${assembly}/custodians`))
        .set(bearer(cast.residents.token))
        .send({ userIds: [cast.residents.userId, cast.director.userId] })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'custody_both_seals', message: '同一人不能同时保管本小区的业主大会章和业委会章' });
      expect(await custodiansOf(assembly)).toEqual(before);
      const bad = await t.http
        .put(url(`/seals/${assembly}/custodians`))
        .set(bearer(cast.residents.token))
        .send({ userIds: [owner.userId] })
        .expect(400);
      expect(bad.body.code).toBe('custodian_not_staff');
    });

    it('refuses a committee member confirming his own custody proposal', async () => {
      const committee = sealOf('committee').id;
      const proposal = await t.http
        .post(url(`/seals/${committee}/custody-proposals`))
        .set(bearer(cast.director.token))
        .send({ userIds: [cast.director.userId, cast.clerk2.userId, cast.secretary.userId], note: '业委会第2次会议决定' })
        .expect(201);
      const before = await custodiansOf(committee);
      const self = await t.http
        .post(url(`/seals/${committee}/custody-proposals/${proposal.body.id}/confirmation`))
        .set(bearer(cast.director.token))
        .expect(403);
      expect(self.body).toMatchObject({ code: 'custody_same_member', message: expect.stringContaining('另一名业委会委员') });
      expect(await custodiansOf(committee)).toEqual(before);
      const residents = await t.http
        .post(url(`/seals/${committee}/custody-proposals/${proposal.body.id}/confirmation`))
        .set(bearer(cast.residents.token));
      expect(residents.status).toBe(403);
      expect(await custodiansOf(committee)).toEqual(before);
      const twice = await t.http
        .post(url(`/seals/${committee}/custody-proposals`))
        .set(bearer(cast.clerk.token))
        .send({ userIds: [cast.clerk.userId] })
        .expect(409);
      expect(twice.body.code).toBe('custody_proposal_pending');
    });

    it('accepts a second committee member confirming; the residents committee and the other seal are told; the key is handed over with a PIN', async () => {
      const committee = sealOf('committee').id;
      const [pending] = (
        await t.http
          .get(url(`/seals/${committee}/custody-proposals`))
          .set(bearer(cast.clerk.token))
          .expect(200)
      ).body;
      const confirmed = await t.http
        .post(url(`/seals/${committee}/custody-proposals/${pending.id}/confirmation`))
        .set(bearer(cast.clerk.token))
        .expect(201);
      expect(
        confirmed.body.custodians
          .filter((c: { active: boolean }) => c.active)
          .map((c: { userId: string; hasKey: boolean }) => [c.userId, c.hasKey]),
      ).toEqual(
        expect.arrayContaining([
          [cast.director.userId, true],
          [cast.clerk2.userId, false],
        ]),
      );
      const inbox = await t.http.get(url('/notifications')).set(bearer(cast.residents.token)).expect(200);
      expect(inbox.body.map((n: { subject: string }) => n.subject)).toContain('业委会章保管人变更');
      const [entry] = await t.dataSource.query(
        `SELECT payload FROM record_entries WHERE community_id = $1 AND action = 'seals.custodians_changed' ORDER BY seq DESC LIMIT 1`,
        [cast.community],
      );
      expect(entry.payload.decidedBy).toEqual([cast.director.userId, cast.clerk.userId]);
      // The new custodian sets a PIN; the director, who holds the key, hands a copy over under his own PIN.
      const nobody = await t.http
        .post(url(`/seals/${committee}/key-handovers`))
        .set(bearer(cast.director.token))
        .send({ pin: TEST_SEAL_PIN })
        .expect(409);
      expect(nobody.body.code).toBe('handover_nobody');
      await setSealPin(t, cast.community, cast.clerk2, 'clerk2-own-pin');
      await setSealPin(t, cast.community, cast.secretary, 'secretary-own-pin');
      await t.http
        .post(url(`/seals/${committee}/key-handovers`))
        .set(bearer(cast.director.token))
        .send({ pin: 'wrong-pin-0' })
        .expect(403);
      const handed = await t.http
        .post(url(`/seals/${committee}/key-handovers`))
        .set(bearer(cast.director.token))
        .send({ pin: TEST_SEAL_PIN })
        .expect(201);
      const active = handed.body.custodians.filter((c: { active: boolean }) => c.active);
      expect(active.map((c: { userId: string; hasKey: boolean }) => [c.userId, c.hasKey])).toEqual(
        expect.arrayContaining([
          [cast.clerk2.userId, true],
          [cast.secretary.userId, true],
        ]),
      );
      // The secretary steps down, through the same two-member decision; his key copy is destroyed with the custody.
      const back = await t.http
        .post(url(`/seals/${committee}/custody-proposals`))
        .set(bearer(cast.clerk2.token))
        .send({ userIds: [cast.director.userId, cast.clerk2.userId] })
        .expect(201);
      await t.http
        .post(url(`/seals/${committee}/custody-proposals/${back.body.id}/confirmation`))
        .set(bearer(cast.clerk.token))
        .expect(201);
      expect(await custodiansOf(committee)).toEqual([cast.director.userId, cast.clerk2.userId].sort());
      const copies = await t.dataSource.query('SELECT user_id FROM seal_key_copies WHERE seal_id = $1 ORDER BY user_id', [committee]);
      expect(copies.map((c: { user_id: string }) => c.user_id)).toEqual([cast.director.userId, cast.clerk2.userId].sort());
    });
  });

  it('an act of the assembly needs both seals; custodians apply only their own seal and never to their own request', async () => {
    const major = await createItem(t, cast, 'art278_5', '动用维修资金更换水泵');
    const documentId = await noticeDocument(major);
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
        .send({ kind, pin: TEST_SEAL_PIN });

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
      // The item's decision is still pending: the notice cites the rulebook article, never that decision.
      ['committee', 'applied', SEAL_POLICY.assembly_notice.rulebookArticle],
      ['assembly', 'applied', SEAL_POLICY.assembly_notice.rulebookArticle],
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
      .send({ kind: 'assembly', pin: TEST_SEAL_PIN })
      .expect(409);
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
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(409);
    expect(late.body.code).toBe('request_closed');
    const log = await t.http.get(url('/seal-log')).set(bearer(owner.token)).expect(200);
    expect(log.body.map((e: { outcome: string }) => e.outcome).sort()).toEqual(['applied', 'applied', 'refused', 'refused']);
    await expect(t.ownerQuery(`UPDATE seal_log_entries SET reason = 'x' WHERE community_id = $1`, [cast.community])).rejects.toThrow(
      /immutable/,
    );
    await expect(t.ownerQuery(`DELETE FROM seal_log_entries WHERE community_id = $1`, [cast.community])).rejects.toThrow(/immutable/);
  });

  it('minutes of an Art. 278 item carry no seal (attendees confirm them); a committee resolution never cites a pending decision', async () => {
    const major = await createItem(t, cast, 'art278_7', '3 幢加装电梯');
    const register = (stage: string) =>
      t.app.get(DocumentsService).renderAndRegister(null, cast.community, {
        type: MINUTES_TYPE,
        title: `纪要 ${stage}`,
        sourceType: 'meeting',
        agendaItemId: major,
        input: { ...sampleMinutes(2), stage },
        actorId: cast.clerk.userId,
      });
    // The meetings' own records carry no seal at all: the attendees confirm them (apps/api/src/minutes).
    for (const stage of ['party_prediscussion', 'joint_meeting', 'representatives_meeting']) {
      const doc = await register(stage);
      expect(doc.requiredSeals).toEqual([]);
      const req = await t.http.post(url('/seal-requests')).set(bearer(cast.clerk.token)).send({ documentId: doc.id }).expect(409);
      expect(req.body.code).toBe('no_seal_required');
      const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM seal_requests WHERE document_id = $1', [doc.id]);
      expect(n).toBe(0);
    }
    const resolution = await register('committee_resolution');
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM seal_requests WHERE document_id = $1', [resolution.id]);
    for (const decision of [undefined, '业委会第9次会议决议']) {
      const refused = await t.http
        .post(url('/seal-requests'))
        .set(bearer(cast.clerk.token))
        .send({ documentId: resolution.id, decision })
        .expect(409);
      expect(refused.body).toMatchObject({ code: 'basis_decision_not_passed' });
      expect(refused.body.message).toContain('尚未作出');
    }
    const after = await t.dataSource.query('SELECT count(*)::int AS n FROM seal_requests WHERE document_id = $1', [resolution.id]);
    expect(after).toEqual(before);
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
    // Applications and refusals are both published; the count is of applications.
    expect(text).toContain('本期共用章2次，其中业主大会章1次、业主委员会章1次；保管人拒绝用章');
    expect(text).toContain('拒绝');
    expect(text).toContain('附件不全');
    expect(text).toContain('业主大会会议公告');
    expect(text).toContain('门禁改造费用明细');
    // Every document number on one line.
    const lines = pdftotext(pdf.body).split('\n');
    for (const n of text.match(/GY-[0-9A-F]{8}-\d{4}-\d{6}/g) ?? []) expect(lines.some((l) => l.includes(n))).toBe(true);
    t.clock.travelTo(new Date('2027-01-02T03:00:00Z'));
    try {
      const second = await t.http.post(url('/seal-log/reports')).set(bearer(cast.clerk.token)).send({ year: 2026, half: 2 }).expect(409);
      expect(second.body.code).toBe('report_exists');
      expect(second.body.message).toContain('每半年只出一份');
    } finally {
      t.clock.reset();
    }
  });

  it('retires a seal: new requests wait for the next term, whose seal replaces it', async () => {
    const committee = sealOf('committee').id;
    const documentId = await statementDocument('停用后的报表');
    const requestBody = { documentId, decision: '业委会第6次会议决议' };
    const pending = await t.http.post(url('/seal-requests')).set(bearer(cast.clerk.token)).send(requestBody).expect(201);
    const adminRetires = await t.http
      .post(url(`/seals/${committee}/retirement`))
      .set(bearer(t.adminToken))
      .send({ reason: '平台管理员停用' })
      .expect(403);
    expect(adminRetires.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(
      (
        await t.http
          .get(url(`/seals/${committee}`))
          .set(bearer(cast.director.token))
          .expect(200)
      ).body.status,
    ).toBe('active');
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
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(409);
    expect(stale.body.code).toBe('seal_retired');
    await t.http
      .post(url(`/seal-requests/${pending.body.id}/refusals`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', reason: '印章已停用' })
      .expect(201);
    const none = await t.http.post(url('/seal-requests')).set(bearer(cast.clerk.token)).send(requestBody).expect(409);
    expect(none.body.code).toBe('seal_not_issued');
    // The platform admin keeps out of a community's seals: refused, nothing cut.
    const sealsBefore = await t.dataSource.query('SELECT count(*)::int AS n FROM seals WHERE community_id = $1', [cast.community]);
    const byAdmin = await t.http.post(url('/seals')).set(bearer(t.adminToken)).send({ term: 4 }).expect(403);
    expect(byAdmin.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM seals WHERE community_id = $1', [cast.community])).toEqual(sealsBefore);
    const issued = await t.http.post(url('/seals')).set(bearer(cast.director.token)).send({ term: 4 }).expect(201);
    const active = issued.body.filter((s: { status: string }) => s.status === 'active');
    expect(active.map((s: { term: number }) => s.term)).toEqual([4, 4]);
    expect(issued.body.find((s: { kind: string; term: number }) => s.kind === 'assembly' && s.term === 3).status).toBe('retired');
    const renewed = await t.http.post(url('/seal-requests')).set(bearer(cast.clerk.token)).send(requestBody).expect(201);
    await t.http
      .post(url(`/seal-requests/${renewed.body.id}/applications`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(201);
    const doc = await t.http
      .get(url(`/documents/${documentId}`))
      .set(bearer(cast.clerk.token))
      .expect(200);
    expect(doc.body.revisions.map((r: { seals: { sealName: string }[] }) => r.seals[0].sealName)).toEqual([
      expect.stringContaining('第四届'),
    ]);
  });

  it('a new term keeps the custodians the committee decided: the director cannot regain custody alone by cutting seals', async () => {
    const committee = (await t.http.get(url('/seals')).set(bearer(cast.director.token)).expect(200)).body.find(
      (s: { kind: string; status: string }) => s.kind === 'committee' && s.status === 'active',
    ).id;
    // Two members decide that 王委员 (clerk2) alone keeps the committee seal.
    const proposal = await t.http
      .post(url(`/seals/${committee}/custody-proposals`))
      .set(bearer(cast.clerk2.token))
      .send({ userIds: [cast.clerk2.userId] })
      .expect(201);
    await t.http
      .post(url(`/seals/${committee}/custody-proposals/${proposal.body.id}/confirmation`))
      .set(bearer(cast.clerk.token))
      .expect(201);
    // The director, alone, retires the seal and cuts a new term.
    await t.http
      .post(url(`/seals/${committee}/retirement`))
      .set(bearer(cast.director.token))
      .send({ reason: '印章遗失' })
      .expect(201);
    const issued = await t.http.post(url('/seals')).set(bearer(cast.director.token)).send({ term: 5 }).expect(201);
    const fresh = issued.body.find((s: { kind: string; status: string }) => s.kind === 'committee' && s.status === 'active');
    expect(fresh.term).toBe(5);
    expect(fresh.custodians.filter((c: { active: boolean }) => c.active).map((c: { userId: string }) => c.userId)).toEqual([
      cast.clerk2.userId,
    ]);
    // So he still cannot apply it: the request stays as it was.
    const documentId = await statementDocument('换届后的报表');
    const request = await t.http
      .post(url('/seal-requests'))
      .set(bearer(cast.clerk.token))
      .send({ documentId, decision: '业委会第7次会议决议' })
      .expect(201);
    const refused = await t.http
      .post(url(`/seal-requests/${request.body.id}/applications`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(403);
    expect(refused.body.message).toMatch(/[\u4e00-\u9fa5]/);
    const [row] = await t.dataSource.query('SELECT status FROM seal_requests WHERE id = $1', [request.body.id]);
    expect(row.status).toBe('pending');
    await t.http
      .post(url(`/seal-requests/${request.body.id}/applications`))
      .set(bearer(cast.clerk2.token))
      .send({ kind: 'committee', pin: 'clerk2-own-pin' })
      .expect(201);
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
