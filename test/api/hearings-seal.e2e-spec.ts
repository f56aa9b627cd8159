import { TENDER_FAILED_CHECKLIST } from '@gongyi/domain/documents/checklists/hearing-result';
import { pdftotext } from '@gongyi/pdf/testing/poppler';
import type { Response } from 'supertest';
import { BidSeal } from '../../apps/api/src/hearings/bid-seal';
import { bearer, createTestApp, type TestApp } from '../support/test-app';
import { createItem } from '../support/chain-fixtures';
import { createHearing, hearingBody, type HearingCast, hearingCast, submitBid } from '../support/hearing-fixtures';
import { rawBody } from '../support/raw-body';
import { grantRole } from '../support/fixtures';

type Method = 'get' | 'post';

// Any response, JSON or binary, is collected as raw bytes so nothing escapes the scan.
const raw = rawBody;

describe('sealed bids', () => {
  let t: TestApp;
  let c: HearingCast;
  let hearingId: string;
  let openingAt: Date;
  const bidIds: string[] = [];
  // What each vendor sealed; only the final version of each is ever revealed.
  const SECRETS: Record<number, string[]> = {
    0: ['98765432', '987,654.32', 'SEALED-PROPOSAL-A', 'ATTACHMENT-SECRET-A'],
    1: ['87654321', '876,543.21', 'SEALED-PROPOSAL-B'],
    2: ['76543210', '765,432.10', 'SEALED-PROPOSAL-C'],
  };
  const SUPERSEDED = ['11111111', '111,111.11', 'SUPERSEDED-PROPOSAL', 'SUPERSEDED-ATTACHMENT'];
  const url = (path = '') => `/api/communities/${c.community}/hearings/${hearingId}${path}`;

  beforeAll(async () => {
    t = await createTestApp();
    c = await hearingCast(t);
    const body = hearingBody(c, c.itemId);
    openingAt = new Date(body.openingAt);
    hearingId = (await createHearing(t, c, body).expect(201)).body.id;
    const [a, b, cc] = c.vendors;
    await submitBid(t, c.community, hearingId, a.token, {
      amountFen: '11111111',
      warrantyMonths: 12,
      deliveryDays: 60,
      proposal: 'SUPERSEDED-PROPOSAL',
      attachment: { bytes: Buffer.from('SUPERSEDED-ATTACHMENT'), name: 'old.pdf' },
    }).expect(201);
    const revised = await submitBid(t, c.community, hearingId, a.token, {
      amountFen: '98765432',
      warrantyMonths: 36,
      deliveryDays: 90,
      proposal: 'SEALED-PROPOSAL-A',
      attachment: { bytes: Buffer.from('%PDF ATTACHMENT-SECRET-A'), name: '技术方案.pdf' },
    }).expect(201);
    expect(revised.body.version).toBe(2);
    bidIds.push(revised.body.bidId);
    bidIds.push(
      (
        await submitBid(t, c.community, hearingId, b.token, {
          amountFen: '87654321',
          warrantyMonths: 24,
          deliveryDays: 80,
          proposal: 'SEALED-PROPOSAL-B',
        }).expect(201)
      ).body.bidId,
    );
    bidIds.push(
      (
        await submitBid(t, c.community, hearingId, cc.token, {
          amountFen: '76543210',
          warrantyMonths: 18,
          deliveryDays: 100,
          proposal: 'SEALED-PROPOSAL-C',
        }).expect(201)
      ).body.bidId,
    );
  });
  afterAll(() => t.close());

  it('before the opening, no route shows any bid content to anyone — committee, admin, panel or other vendors', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m): m is Method => m === 'get')
        .map((method) => ({ method, path })),
    );
    expect(routes).toEqual(
      expect.arrayContaining([
        { method: 'get', path: '/api/communities/{communityId}/hearings/{id}' },
        { method: 'get', path: '/api/communities/{communityId}/record' },
      ]),
    );
    const versionIds = (await t.dataSource.query('SELECT id FROM bid_versions WHERE hearing_id = $1', [hearingId])).map(
      (r: { id: string }) => r.id,
    );
    const candidates = [hearingId, c.itemId, ...bidIds, ...versionIds];
    const [vendorA, vendorB, , vendorD] = c.vendors;
    const callers: { who: string; token: string; own?: number }[] = [
      { who: 'admin', token: t.adminToken },
      ...(['director', 'clerk', 'clerk2', 'secretary', 'residents', 'property', 'representative'] as const).map((k) => ({
        who: k,
        token: c[k].token,
      })),
      { who: 'expert', token: c.experts[0].token },
      { who: 'vendor B (bidder)', token: vendorB.token, own: 1 },
      { who: 'vendor D (invited, no bid)', token: vendorD.token },
      { who: 'outsider vendor', token: c.outsider.token },
      // Control: the scan must find vendor A's content exactly where A may read it, its own bid, and nowhere else.
      { who: 'vendor A (control)', token: vendorA.token },
    ];
    const leaks: string[] = [];
    let requests = 0;
    const detailStatus: Record<string, number> = {};
    for (const caller of callers) {
      const forbidden = [
        ...SUPERSEDED,
        ...Object.entries(SECRETS)
          .filter(([i]) => Number(i) !== caller.own)
          .flatMap(([, s]) => s),
      ];
      for (const { method, path } of routes) {
        const ids = /\{(?!communityId)\w+\}/.test(path) ? candidates : [hearingId];
        for (const id of ids) {
          const target = path
            .replace('{communityId}', c.community)
            .replace('{id}', path.includes('{bidId}') ? hearingId : id)
            .replace(/\{\w+\}/g, id);
          requests++;
          const res: Response = await t.http[method](target).set(bearer(caller.token)).buffer(true).parse(raw);
          const text = (res.body as Buffer).toString('utf8');
          const hit = forbidden.find((s) => text.includes(s));
          if (hit) leaks.push(`${caller.who}: ${method.toUpperCase()} ${path} (${id}) → ${res.status} shows ${hit}`);
          if (path === '/api/communities/{communityId}/hearings/{id}' && id === hearingId) detailStatus[caller.who] = res.status;
        }
      }
    }
    const control = leaks.filter((l) => l.startsWith('vendor A (control)'));
    expect(leaks.filter((l) => !control.includes(l))).toEqual([]);
    expect(control.length).toBeGreaterThan(0);
    expect(control.every((l) => l.includes('GET /api/communities/{communityId}/hearings/{id}/my-bid'))).toBe(true);
    expect(requests).toBeGreaterThan(500);
    // The walk did reach the hearing: everyone with a role sees its metadata; the uninvited vendor sees nothing.
    expect(detailStatus).toMatchObject({ admin: 200, director: 200, 'vendor B (bidder)': 200, 'outsider vendor': 404 });
  }, 240_000);

  it('before the opening members see only how many bids arrived, not from whom or when', async () => {
    const asAdmin = await t.http.get(url()).set(bearer(t.adminToken)).expect(200);
    expect(asAdmin.body).toMatchObject({ status: 'bidding', sealed: true, bidCount: 3, bids: [] });
    const asDirector = await t.http.get(url()).set(bearer(c.director.token)).expect(200);
    expect(asDirector.body).toMatchObject({ bidCount: 3, bids: [] });
    for (const v of asDirector.body.vendors) expect(v).not.toHaveProperty('submitted');
    // The decision record, as read through the API, keeps the bidders and times of a sealed hearing out too.
    const record = await t.http.get(`/api/communities/${c.community}/record?limit=500`).set(bearer(c.director.token)).expect(200);
    const bidEntries = record.body.filter((e: { action: string }) => e.action === 'hearing.bid_submitted');
    expect(bidEntries.length).toBeGreaterThan(0);
    for (const e of bidEntries)
      expect(e).toMatchObject({ actorId: null, occurredAt: null, payload: { note: '开标前不公开投标人和投标时间' } });
  });

  it('a vendor who also holds another role sees only its own bid before the opening', async () => {
    const vendor = c.vendors[1];
    await grantRole(t, c.community, vendor.userId, 'owner');
    const res = await t.http.get(url()).set(bearer(vendor.token)).expect(200);
    expect(res.body.bids.map((b: { id: string }) => b.id)).toEqual([bidIds[1]]);
    expect(res.body.bidCount).toBeUndefined();
    expect(res.body.panel).toBeUndefined();
    expect(res.body.vendors).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toContain('甲电梯工程有限公司');
    const record = await t.http.get(`/api/communities/${c.community}/record?limit=500`).set(bearer(vendor.token)).expect(200);
    const others = record.body.filter((e: { action: string; actorId: string | null }) => e.action === 'hearing.bid_submitted');
    expect(others.every((e: { actorId: string | null }) => e.actorId === null)).toBe(true);
  });

  it('a vendor of the hearing sees its own bid and nothing of the others', async () => {
    const asOther = await t.http.get(url()).set(bearer(c.vendors[1].token)).expect(200);
    expect(asOther.body.bids.map((b: { id: string }) => b.id)).toEqual([bidIds[1]]);
    expect(asOther.body.panel).toBeUndefined();
    expect(asOther.body.bidCount).toBeUndefined();
    expect(
      (await t.http.get(`/api/communities/${c.community}/hearings`).set(bearer(c.vendors[1].token)).expect(200)).body.map(
        (h: { id: string }) => h.id,
      ),
    ).toEqual([hearingId]);
    expect((await t.http.get(`/api/communities/${c.community}/hearings`).set(bearer(c.outsider.token)).expect(200)).body).toEqual([]);
    // The bidding vendor alone reads its own current version.
    const own = await t.http.get(url('/my-bid')).set(bearer(c.vendors[0].token)).expect(200);
    expect(own.body.current).toMatchObject({ version: 2, amountFen: '98765432', proposal: 'SEALED-PROPOSAL-A' });
    expect(own.body.versions).toHaveLength(2);
    await t.http.get(url('/my-bid')).set(bearer(t.adminToken)).expect(403);
    await t.http.get(url('/my-bid')).set(bearer(c.outsider.token)).expect(404);
    await t.http
      .get(url(`/bids/${bidIds[0]}/attachment`))
      .set(bearer(c.director.token))
      .expect(409);
  });

  it('stores bid content only inside the seal', async () => {
    const dump = JSON.stringify(
      await t.dataSource.query('SELECT b.*, v.* FROM bids b JOIN bid_versions v ON v.bid_id = b.id WHERE b.hearing_id = $1', [hearingId]),
    );
    const ciphertexts = (await t.dataSource.query('SELECT ciphertext FROM bid_versions WHERE hearing_id = $1', [hearingId]))
      .map((r: { ciphertext: Buffer }) => r.ciphertext.toString('latin1'))
      .join('');
    const records = JSON.stringify(await t.dataSource.query('SELECT payload FROM record_entries WHERE community_id = $1', [c.community]));
    for (const s of [...SUPERSEDED, ...Object.values(SECRETS).flat()]) {
      expect(dump).not.toContain(s);
      expect(ciphertexts).not.toContain(s);
      expect(records).not.toContain(s);
    }
    const [row] = await t.dataSource.query('SELECT amount_fen, proposal, attachment FROM bids WHERE id = $1', [bidIds[0]]);
    expect(row).toEqual({ amount_fen: null, proposal: null, attachment: null });
    await expect(t.ownerQuery('UPDATE bid_versions SET commitment = $1 WHERE hearing_id = $2', ['x', hearingId])).rejects.toThrow(
      /immutable/,
    );
  });

  it('refuses to open before the opening time, and never for the admin', async () => {
    const early = await t.http.post(url('/opening')).set(bearer(c.director.token)).expect(409);
    expect(early.body.code).toBe('opening_not_due');
    await t.http.post(url('/opening')).set(bearer(t.adminToken)).expect(403);
    await t.http.post(url('/opening')).set(bearer(c.vendors[0].token)).expect(403);
    const row = await t.dataSource.query('SELECT count(*)::int AS n FROM bids WHERE hearing_id = $1 AND amount_fen IS NOT NULL', [
      hearingId,
    ]);
    expect(row[0].n).toBe(0);
  });

  it('opens all bids at once at the opening time, revealing final versions that match their sealed commitments', async () => {
    t.clock.travelTo(openingAt);
    let opened;
    try {
      opened = await t.http.post(url('/opening')).set(bearer(c.director.token)).expect(201);
      await t.http.post(url('/opening')).set(bearer(c.director.token)).expect(409);
    } finally {
      t.clock.reset();
    }
    expect(opened.body).toMatchObject({ status: 'opened', sealed: false });
    expect(opened.body.bids.map((b: { amountFen: string }) => b.amountFen)).toEqual(['98765432', '87654321', '76543210']);
    const asVendor = await t.http.get(url()).set(bearer(c.vendors[1].token)).expect(200);
    expect(asVendor.body.bids).toHaveLength(3);
    const file = await t.http
      .get(url(`/bids/${bidIds[0]}/attachment`))
      .set(bearer(c.experts[0].token))
      .buffer(true)
      .parse(raw)
      .expect(200);
    expect((file.body as Buffer).toString()).toBe('%PDF ATTACHMENT-SECRET-A');
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('技术方案.pdf'));
    // Anyone can check the reveal against the commitment recorded, in the hash chain, when the bid was sealed.
    const [submitted] = await t.dataSource.query(
      `SELECT payload FROM record_entries WHERE action = 'hearing.bid_submitted' AND subject_id = $1 AND payload->>'version' = '2'`,
      [bidIds[0]],
    );
    const [reveal] = await t.dataSource.query(
      `SELECT payload FROM record_entries WHERE action = 'hearing.bids_opened' AND subject_id = $1`,
      [hearingId],
    );
    const first = reveal.payload.bids[0];
    expect(BidSeal.commit(BidSeal.plaintext(first.nonce, first.content, file.body as Buffer))).toBe(submitted.payload.commitment);
    const everything = JSON.stringify([
      asVendor.body,
      reveal.payload,
      await t.dataSource.query('SELECT * FROM bids WHERE hearing_id = $1', [hearingId]),
    ]);
    for (const s of SUPERSEDED) expect(everything).not.toContain(s);
  });

  it('with fewer than three bids the hearing goes to re-tender unopened, and a new tender may follow', async () => {
    const item = await createItem(t, c, 'art278_5', '2 幢水泵更换');
    const body = hearingBody(c, item);
    const second = (await createHearing(t, c, body).expect(201)).body.id;
    const again = await createHearing(t, c, body).expect(409);
    expect(again.body.code).toBe('hearing_exists');
    for (const [i, v] of c.vendors.slice(0, 2).entries()) {
      await submitBid(t, c.community, second, v.token, {
        amountFen: `5555555${i}`,
        warrantyMonths: 12,
        deliveryDays: 30,
        proposal: `PUMP-${i}`,
      }).expect(201);
    }
    t.clock.travelTo(new Date(body.openingAt));
    try {
      const res = await t.http.post(`/api/communities/${c.community}/hearings/${second}/opening`).set(bearer(c.clerk.token)).expect(201);
      expect(res.body).toMatchObject({ status: 're_tender', sealed: true, bidCount: 2 });
      expect(JSON.stringify(res.body)).not.toMatch(/5555555|PUMP-/);
      expect(res.body.bids).toEqual([]); // still sealed: nobody learns who bid
    } finally {
      t.clock.reset();
    }
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM bids WHERE hearing_id = $1 AND amount_fen IS NOT NULL', [
      second,
    ]);
    expect(n).toBe(0);
    const [entry] = await t.dataSource.query(`SELECT payload FROM record_entries WHERE action = 'hearing.re_tender' AND subject_id = $1`, [
      second,
    ]);
    expect(entry.payload).toMatchObject({ bidCount: 2 });
    // 流标公告: registered with the re-tender, committee seal, naming the bidders and no bid content.
    const [failed] = await t.dataSource.query(
      `SELECT id, type, title, required_seals FROM documents WHERE source_type = 'hearing_failed' AND source_id = $1`,
      [second],
    );
    expect(failed).toMatchObject({ type: 'tender_failed', required_seals: ['committee'] });
    const notice = await t.http
      .get(`/api/communities/${c.community}/documents/${failed.id}/preview`)
      .set(bearer(c.clerk.token))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (x: Buffer) => chunks.push(x));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const text = pdftotext(notice.body as Buffer).replace(/\s+/g, '');
    for (const phrase of ['流标公告', '收到投标：2份（有效投标须不少于3份）', '未予开启', '重新组织招标', '特此公告。'])
      expect([phrase, text.includes(phrase)]).toEqual([phrase, true]);
    expect(TENDER_FAILED_CHECKLIST.items.filter((i) => !i.pattern.test(text)).map((i) => i.id)).toEqual([]);
    expect((TENDER_FAILED_CHECKLIST.forbidden ?? []).filter((f) => f.pattern.test(text)).map((f) => f.id)).toEqual([]);
    expect(text).not.toMatch(/5555555|PUMP-/);
    await createHearing(t, c, hearingBody(c, item, { title: '2 幢水泵更换（重新招标）' })).expect(201);
  });
});
