import { ensureAppRole, APP_ROLE, roleUrl } from '@gongyi/database/db-roles';
import { STATEMENT_TYPE } from '@gongyi/pdf';
import { sampleStatement } from '@gongyi/pdf/samples';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { migrate } from '../../apps/api/src/bootstrap';
import { PUBLIC_READS } from '../../apps/api/src/database/public-reads';
import { DocumentsService } from '../../apps/api/src/documents/documents.service';
import { Cast, chainCast, createItem } from '../support/chain-fixtures';
import { issueSealsWithPins, TEST_SEAL_PIN } from '../support/seal-fixtures';
import { startStreamingPair, StreamingPair } from '../support/streaming-replica';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const APP_PASSWORD = 'gongyi-app-replica-test';

async function query<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * DATABASE_REPLICA_URL with a real streaming replica: a primary (wal_level=replica, a replication role allowed by
 * pg_hba) and a hot standby made with `pg_basebackup -R`, each its own PostgreSQL server on loopback. The app runs
 * with DATABASE_URL on the primary and DATABASE_REPLICA_URL on the standby; what is sealed through the signed-in
 * routes is then read through the public routes from the standby, and the writes are on the primary.
 */
describe('DATABASE_REPLICA_URL on a streaming standby (pg_basebackup -R)', () => {
  let pair: StreamingPair;
  let t: TestApp;
  let cast: Cast;
  let doc: { id: string; number: string };
  /** What the app's public-reads pool has run on the standby (pg_stat_activity there). */
  const onStandby = () =>
    query<{ query: string; role: string }>(
      pair.standbyUrl,
      `SELECT query, usename AS role FROM pg_stat_activity WHERE application_name = 'gongyi-public-reads' AND datname = current_database()`,
    );

  beforeAll(async () => {
    pair = await startStreamingPair();
    await ensureAppRole(pair.primaryUrl, APP_PASSWORD);
    await migrate(pair.primaryUrl);
    const standbyPort = new URL(pair.standbyUrl).port;
    const replicaUrl = new URL(roleUrl(pair.primaryUrl, APP_ROLE, APP_PASSWORD));
    replicaUrl.port = standbyPort;
    t = await createTestApp(
      { DATABASE_REPLICA_URL: replicaUrl.toString() },
      { url: pair.primaryUrl, appUrl: roleUrl(pair.primaryUrl, APP_ROLE, APP_PASSWORD), drop: async () => undefined },
    );
    cast = await chainCast(t, []);
    await issueSealsWithPins(t, cast.community, cast.director, [cast.residents, cast.director]);
    doc = await t.app.get(DocumentsService).renderAndRegister(null, cast.community, {
      type: STATEMENT_TYPE,
      title: '公共收益收支明细表',
      sourceType: 'test',
      input: sampleStatement(),
      actorId: cast.clerk.userId,
    });
    const req = await t.http
      .post(`/api/communities/${cast.community}/seal-requests`)
      .set(bearer(cast.clerk.token))
      .send({ documentId: doc.id, decision: '业委会第1次会议决议' })
      .expect(201);
    await t.http
      .post(`/api/communities/${cast.community}/seal-requests/${req.body.id}/applications`)
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN })
      .expect(201);
    await pair.caughtUp();
  }, 90_000);
  afterAll(async () => {
    await t?.close();
    await pair?.stop();
  });

  it('the standby is a hot standby streaming from the primary', async () => {
    const [standby] = await query<{ recovering: boolean }>(pair.standbyUrl, 'SELECT pg_is_in_recovery() AS recovering');
    expect(standby.recovering).toBe(true);
    const senders = await query<{ state: string; role: string }>(pair.primaryUrl, 'SELECT state, usename AS role FROM pg_stat_replication');
    expect(senders).toEqual([{ state: 'streaming', role: 'gongyi_replication' }]);
    await expect(query(pair.standbyUrl, `CREATE TABLE refused (id int)`)).rejects.toThrow(/read-only/);
  });

  it("the app's public-reads pool is on the standby, its main pool on the primary", async () => {
    const reads = t.app.get<DataSource>(PUBLIC_READS);
    const [replica] = await reads.query<{ recovering: boolean; port: number }[]>(
      'SELECT pg_is_in_recovery() AS recovering, inet_server_port() AS port',
    );
    expect(replica).toEqual({ recovering: true, port: Number(new URL(pair.standbyUrl).port) });
    const [primary] = await t.dataSource.query<{ recovering: boolean; port: number }[]>(
      'SELECT pg_is_in_recovery() AS recovering, inet_server_port() AS port',
    );
    expect(primary).toEqual({ recovering: false, port: Number(new URL(pair.primaryUrl).port) });
  });

  it('what was sealed on the primary is read through the public routes from the standby', async () => {
    const page = await t.http.get(`/api/public/communities/${cast.community}`).expect(200);
    expect(page.body.community.name).toEqual(expect.any(String));
    const verified = await t.http.get(`/api/verify/${doc.number}`).expect(200);
    expect(verified.body).toMatchObject({ number: doc.number, verdict: 'genuine', ok: true });
    const seen = await onStandby();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((s) => s.role === APP_ROLE)).toBe(true);
    expect(seen.map((s) => s.query).join('\n')).toMatch(/FROM "?(communities|documents)"?/);
    // No public read went to the primary: no public-reads connection exists there.
    const onPrimary = await query(pair.primaryUrl, `SELECT 1 FROM pg_stat_activity WHERE application_name = 'gongyi-public-reads'`);
    expect(onPrimary).toEqual([]);
  });

  it('writes go to the primary and reach the public page through replication', async () => {
    const itemId = await createItem(t, cast, 'art278_5', '更换二次供水水泵');
    const [row] = await query<{ title: string }>(pair.primaryUrl, 'SELECT title FROM agenda_items WHERE id = $1', [itemId]);
    expect(row.title).toBe('更换二次供水水泵');
    await pair.caughtUp();
    const [copy] = await query<{ title: string }>(pair.standbyUrl, 'SELECT title FROM agenda_items WHERE id = $1', [itemId]);
    expect(copy.title).toBe('更换二次供水水泵');
    // Only reads ever reached the standby's connections (a write there would be refused anyway).
    expect((await onStandby()).map((s) => s.query).join('\n')).not.toMatch(/^\s*(INSERT|UPDATE|DELETE)/im);
  });
});
