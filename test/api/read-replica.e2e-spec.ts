import { STATEMENT_TYPE } from '@gongyi/pdf';
import { sampleStatement } from '@gongyi/pdf/samples';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PUBLIC_READS } from '../../apps/api/src/database/public-reads';
import { DocumentsService } from '../../apps/api/src/documents/documents.service';
import { Cast, chainCast, createItem } from '../support/chain-fixtures';
import { issueSealsWithPins, TEST_SEAL_PIN } from '../support/seal-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

/**
 * Here the "replica" is the same database reached as another role that can only SELECT, on connections whose
 * transactions are read-only (a real streaming standby is test/api/read-replica-streaming.e2e-spec.ts): enough to
 * prove that the public routes read through it (and still answer), that taking it away breaks only them, and that
 * no write goes there (it would be refused, and every signed-in step below writes).
 */
const REPLICA_ROLE = 'gongyi_replica_test';
const REPLICA_PASSWORD = 'gongyi-replica-test';

async function asOwner<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function ensureReplicaRole(ownerUrl: string): Promise<string> {
  // Roles are cluster-wide and test files run in parallel: a duplicate from another run is fine.
  try {
    await asOwner(ownerUrl, `CREATE ROLE ${REPLICA_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${REPLICA_PASSWORD}'`);
  } catch (error) {
    if (!['42710', '23505'].includes((error as { code?: string }).code ?? '')) throw error;
  }
  await asOwner(ownerUrl, `GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${REPLICA_ROLE}`);
  const url = new URL(ownerUrl);
  url.username = REPLICA_ROLE;
  url.password = REPLICA_PASSWORD;
  return url.toString();
}

describe('DATABASE_REPLICA_URL: public pages read from the replica', () => {
  let t: TestApp;
  let cast: Cast;
  let number: string;
  const replicaQueries = () =>
    t.ownerQuery<{ query: string }>(
      `SELECT query FROM pg_stat_activity WHERE usename = $1 AND datname = current_database() AND application_name = 'gongyi-public-reads'`,
      [REPLICA_ROLE],
    );

  beforeAll(async () => {
    t = await createTestApp(async (db) => ({ DATABASE_REPLICA_URL: await ensureReplicaRole(db.url) }));
    cast = await chainCast(t, []);
    await issueSealsWithPins(t, cast.community, cast.director, [cast.residents, cast.director]);
    const doc = await t.app.get(DocumentsService).renderAndRegister(null, cast.community, {
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
    number = doc.number;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('uses a second pool, logged in as the replica role, whose transactions are read-only', async () => {
    const reads = t.app.get<DataSource>(PUBLIC_READS);
    expect(reads).not.toBe(t.dataSource);
    const [facts] = await reads.query<{ role: string; readOnly: string }[]>(
      `SELECT current_user AS role, current_setting('default_transaction_read_only') AS "readOnly"`,
    );
    expect(facts).toEqual({ role: REPLICA_ROLE, readOnly: 'on' });
    await expect(reads.query(`UPDATE communities SET name = name WHERE id = $1`, [cast.community])).rejects.toThrow(/read-only/);
    const [primary] = await t.dataSource.query<{ role: string }[]>('SELECT current_user AS role');
    expect(primary.role).toBe('gongyi_app');
  });

  it('answers the public community list, community page and verification by number from the replica', async () => {
    const list = await t.http.get('/api/public/communities').expect(200);
    expect(list.body.map((c: { id: string }) => c.id)).toContain(cast.community);
    const page = await t.http.get(`/api/public/communities/${cast.community}`).expect(200);
    expect(page.body.community.name).toEqual(expect.any(String));
    const verified = await t.http.get(`/api/verify/${number}`).expect(200);
    expect(verified.body).toMatchObject({ number, verdict: 'genuine', ok: true });
    await t.http.get(`/api/verify/${number}/file`).expect(200);
    const seen = (await replicaQueries()).map((r) => r.query).join('\n');
    expect(seen).toMatch(/FROM (communities|documents)/);
    // Only reads ever reached the replica's connections.
    expect(seen).not.toMatch(/^\s*(INSERT|UPDATE|DELETE)/im);
  });

  it('taking the replica away breaks only the public pages: signed-in pages and writes stay on the primary', async () => {
    await t.ownerQuery(`REVOKE SELECT ON communities FROM ${REPLICA_ROLE}`);
    try {
      const refused = await t.http.get(`/api/public/communities/${cast.community}`);
      expect(refused.status).toBeGreaterThanOrEqual(500);
      await t.http.get(`/api/communities/${cast.community}`).set(bearer(cast.director.token)).expect(200);
      // A signed-in write (an agenda item, with its record entry) still succeeds.
      const itemId = await createItem(t, cast, 'art278_5', '更换二次供水水泵');
      await t.http.get(`/api/communities/${cast.community}/agenda-items/${itemId}`).set(bearer(cast.clerk.token)).expect(200);
    } finally {
      await t.ownerQuery(`GRANT SELECT ON communities TO ${REPLICA_ROLE}`);
    }
    await t.http.get(`/api/public/communities/${cast.community}`).expect(200);
  });
});
