import { randomUUID } from 'node:crypto';
import { describeCertificate, encryptPrivateKey, issueSealCertificate } from '@gongyi/pdf';
import { STATEMENT_TYPE } from '@gongyi/pdf';
import { sampleStatement } from '@gongyi/pdf/samples';
import { DocumentsService } from '../../apps/api/src/documents/documents.service';
import { RootCaService } from '../../apps/api/src/documents/root-ca.service';
import { Cast, chainCast } from '../support/chain-fixtures';
import { setSealPin, TEST_SEAL_PIN } from '../support/seal-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

/**
 * Seals issued before seal PINs existed carry their key under MASTER_KEY. They cannot be applied until their
 * custodian sets a PIN; the first PIN re-wraps the key for that custodian, and once every active custodian holds a
 * PIN-protected copy the MASTER_KEY copy is erased.
 */
describe('seals issued before seal PINs', () => {
  let t: TestApp;
  let cast: Cast;
  let sealId: string;
  const url = (path: string) => `/api/communities/${cast.community}${path}`;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, []);
    // A committee seal as the previous release stored it: key under MASTER_KEY, custodians director and clerk2.
    const rootCa = t.app.get(RootCaService);
    const issued = issueSealCertificate(await rootCa.keyAndCertificate(), {
      kind: 'committee',
      communityName: '旧版小区',
      communityCode: cast.community,
      term: 1,
    });
    const info = describeCertificate(issued.certPem);
    sealId = randomUUID();
    await t.dataSource.query(
      `INSERT INTO seals (id, community_id, kind, term, status, common_name, cert_pem, key_encrypted, serial_number, fingerprint, not_before, not_after, issued_by, issued_at)
       VALUES ($1, $2, 'committee', 1, 'active', $3, $4, $5, $6, $7, $8, $9, $10, now())`,
      [
        sealId,
        cast.community,
        info.commonName,
        issued.certPem,
        encryptPrivateKey(issued.keyPem, rootCa.masterKey, sealId),
        info.serialNumber,
        info.fingerprint256,
        info.notBefore,
        info.notAfter,
        cast.director.userId,
      ],
    );
    for (const who of [cast.director, cast.clerk2]) {
      await t.dataSource.query(
        'INSERT INTO seal_custodians (community_id, seal_id, user_id, assigned_by, assigned_at) VALUES ($1, $2, $3, $3, now())',
        [cast.community, sealId, who.userId],
      );
    }
  });
  afterAll(() => t.close());

  const request = async () => {
    const doc = await t.app.get(DocumentsService).renderAndRegister(null, cast.community, {
      type: STATEMENT_TYPE,
      title: '旧章用章测试',
      sourceType: 'test',
      input: sampleStatement(),
      actorId: cast.clerk.userId,
    });
    return (
      await t.http
        .post(url('/seal-requests'))
        .set(bearer(cast.clerk.token))
        .send({ documentId: doc.id, decision: '业委会第1次会议决议' })
        .expect(201)
    ).body.id as string;
  };

  it('cannot be applied before its custodian sets a PIN, even with the MASTER_KEY copy in the database', async () => {
    const id = await request();
    const res = await t.http
      .post(url(`/seal-requests/${id}/applications`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'seal_pin_not_set', message: '请先设置用章密码' });
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM seal_log_entries WHERE request_id = $1', [id]))[0].n).toBe(0);
  });

  it('is re-wrapped for the custodian who sets a PIN; the MASTER_KEY copy stays until every custodian has one', async () => {
    await setSealPin(t, cast.community, cast.director);
    const [afterFirst] = await t.dataSource.query('SELECT key_encrypted IS NOT NULL AS legacy FROM seals WHERE id = $1', [sealId]);
    expect(afterFirst.legacy).toBe(true);
    const copies = await t.dataSource.query('SELECT user_id FROM seal_key_copies WHERE seal_id = $1', [sealId]);
    expect(copies).toEqual([{ user_id: cast.director.userId }]);
    const [entry] = await t.dataSource.query(
      `SELECT payload FROM record_entries WHERE community_id = $1 AND action = 'seals.pin_set' ORDER BY seq DESC LIMIT 1`,
      [cast.community],
    );
    expect(entry.payload.legacySealsRewrapped).toEqual([sealId]);
    const [pending] = await t.dataSource.query(
      `SELECT id FROM seal_requests WHERE seal_requests.community_id = $1 AND status = 'pending'`,
      [cast.community],
    );
    await t.http
      .post(url(`/seal-requests/${pending.id}/applications`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(201);
    await setSealPin(t, cast.community, cast.clerk2, 'clerk2-pin-8642');
    const [afterBoth] = await t.dataSource.query('SELECT key_encrypted FROM seals WHERE id = $1', [sealId]);
    expect(afterBoth.key_encrypted).toBeNull();
  });

  it('a forgotten PIN destroys the custodian copy (recorded); another custodian hands the key over again', async () => {
    await t.http.delete(url('/my-seal-pin')).set(bearer(cast.director.token)).expect(200);
    const [reset] = await t.dataSource.query(
      `SELECT payload FROM record_entries WHERE community_id = $1 AND action = 'seals.pin_reset' ORDER BY seq DESC LIMIT 1`,
      [cast.community],
    );
    expect(reset.payload.sealIdsLost).toEqual([sealId]);
    const id = await request();
    const lost = await t.http
      .post(url(`/seal-requests/${id}/applications`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(409);
    expect(lost.body.code).toBe('seal_pin_not_set');
    await setSealPin(t, cast.community, cast.director, 'director-new-pin');
    const missing = await t.http
      .post(url(`/seal-requests/${id}/applications`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: 'director-new-pin' })
      .expect(409);
    expect(missing.body.code).toBe('seal_key_missing');
    await t.http
      .post(url(`/seals/${sealId}/key-handovers`))
      .set(bearer(cast.clerk2.token))
      .send({ pin: 'clerk2-pin-8642' })
      .expect(201);
    await t.http
      .post(url(`/seal-requests/${id}/applications`))
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: 'director-new-pin' })
      .expect(201);
  });

  it('locks the custodian key after five wrong PINs in a row, for fifteen minutes', async () => {
    const id = await request();
    const apply = (pin: string) =>
      t.http
        .post(url(`/seal-requests/${id}/applications`))
        .set(bearer(cast.director.token))
        .send({ kind: 'committee', pin });
    for (let i = 0; i < 5; i++) expect((await apply(`wrong-pin-${i}`)).body.code).toBe('seal_pin_wrong');
    const locked = await apply('director-new-pin').expect(409);
    expect(locked.body).toMatchObject({ code: 'seal_pin_locked', message: expect.stringContaining('已锁定') });
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM seal_log_entries WHERE request_id = $1', [id]))[0].n).toBe(0);
    t.clock.travelTo(new Date(Date.now() + 16 * 60_000));
    try {
      await apply('director-new-pin').expect(201);
    } finally {
      t.clock.reset();
    }
    const [row] = await t.dataSource.query('SELECT failed_pins FROM custodian_keys WHERE user_id = $1', [cast.director.userId]);
    expect(row.failed_pins).toBe(0);
  });
});
