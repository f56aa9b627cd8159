import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { entryHash, payloadDigest } from '@gongyi/domain/record/hash-chain';
import fc from 'fast-check';
import { Client } from 'pg';
import { createCommunity, createMember, importRoster, rosterCsv, SMALL_ROSTER } from '../support/fixtures';
import { RecordQueueService } from '../../apps/api/src/record/record-queue.service';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const run = promisify(execFile);

describe('decision record', () => {
  let t: TestApp;
  let community: string;
  let member: Awaited<ReturnType<typeof createMember>>;

  beforeAll(async () => {
    t = await createTestApp();
    community = await createCommunity(t, '记录小区');
    member = await createMember(t, community, 'committee_member');
    await importRoster(t, community, member.token, rosterCsv(SMALL_ROSTER)).expect(201);
    await createMember(t, community, 'owner');
  });
  afterAll(() => t.close());

  it('writes each change with its actor and a chain of hashes', async () => {
    const res = await t.http.get(`/api/communities/${community}/record`).set(bearer(member.token)).expect(200);
    expect(res.body.map((e: { action: string }) => e.action)).toEqual([
      'registry.community_created',
      'identity.role_granted',
      'registry.roster_imported',
      'identity.role_granted',
    ]);
    expect(res.body.map((e: { seq: string }) => e.seq)).toEqual(['1', '2', '3', '4']);
    expect(res.body[0].prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < res.body.length; i++) expect(res.body[i].prevHash).toBe(res.body[i - 1].hash);
    expect(res.body[2].actorId).toBe(member.userId);
    const verify = await t.http.get(`/api/communities/${community}/record/verify`).set(bearer(member.token)).expect(200);
    expect(verify.body).toEqual({ ok: true, checked: 4 });
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await expect(t.ownerQuery(`UPDATE record_entries SET action = 'x' WHERE community_id = $1`, [community])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.ownerQuery(`DELETE FROM record_entries WHERE community_id = $1`, [community])).rejects.toThrow(/append-only/);
    await expect(t.ownerQuery('TRUNCATE record_entries CASCADE')).rejects.toThrow(/append-only/);
  });

  it('a change that fails leaves no record entry behind', async () => {
    const before = (await t.http.get(`/api/communities/${community}/record`).set(bearer(member.token))).body.length;
    await importRoster(t, community, member.token, rosterCsv([{ 楼栋: '9', 房号: '1', 面积: 'x', 面积来源: '登记', 业主: '甲' }])).expect(
      400,
    );
    await t.http
      .post(`/api/communities/${community}/roles`)
      .set(bearer(t.adminToken))
      .send({ userId: member.userId, role: 'owner', startsOn: '2026-02-30' })
      .expect(400);
    const after = (await t.http.get(`/api/communities/${community}/record`).set(bearer(member.token))).body.length;
    expect(after).toBe(before);
  });

  it('finds a tampered entry, through the API and the CLI', async () => {
    const other = await createCommunity(t, '未被篡改小区');
    // A superuser can switch the trigger off; the hash chain still gives the change away.
    const client = new Client({ connectionString: t.ownerUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE record_entries DISABLE TRIGGER record_entries_no_update_delete');
      await client.query(
        `UPDATE record_entries SET payload = jsonb_set(payload, '{unitsCreated}', '50') WHERE community_id = $1 AND seq = 3`,
        [community],
      );
      await client.query('ALTER TABLE record_entries ENABLE TRIGGER record_entries_no_update_delete');
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    const verify = await t.http.get(`/api/communities/${community}/record/verify`).set(bearer(member.token)).expect(200);
    expect(verify.body).toEqual({
      ok: false,
      checked: 3,
      firstBroken: { seq: '3', id: expect.any(String), reason: 'payload_digest_mismatch' },
    });

    const env = { ...process.env, DATABASE_URL: t.config.databaseUrl };
    const cli = ['-r', './scripts/register.js', 'scripts/record-verify.ts'];
    const broken = await run('node', [...cli, community], { env, cwd: process.cwd() }).catch((e) => e);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('first broken entry seq 3');
    const intact = await run('node', [...cli, other], { env, cwd: process.cwd() });
    expect(intact.stdout).toContain('1 条记录完整');
  });

  it('computes in the database exactly the hash the domain library computes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          communityId: fc.uuid(),
          seq: fc.bigInt({ min: 1n, max: 2n ** 62n }),
          occurredAt: fc.date({ min: new Date('1990-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }),
          actorId: fc.option(fc.uuid(), { nil: null }),
          action: fc.string({ unit: 'binary-ascii' }),
          subjectType: fc.string({ unit: 'grapheme' }),
          subjectId: fc.option(fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'grapheme' })), { nil: null }),
          payloadDigest: fc.stringMatching(/^[0-9a-f]{64}$/),
          prevHash: fc.stringMatching(/^[0-9a-f]{64}$/),
        }),
        async (fields) => {
          // PostgreSQL text cannot hold NUL; the record's fields never do either.
          fc.pre(![fields.action, fields.subjectType, fields.subjectId ?? ''].some((text) => text.includes('\u0000')));
          const [{ hash }] = await t.dataSource.query('SELECT record_entry_hash($1, $2, $3, $4, $5, $6, $7, $8, $9) AS hash', [
            fields.communityId,
            fields.seq.toString(),
            fields.occurredAt,
            fields.actorId,
            fields.action,
            fields.subjectType,
            fields.subjectId,
            fields.payloadDigest,
            fields.prevHash,
          ]);
          expect(hash).toBe(entryHash(fields));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds a record cut short at its end', async () => {
    const cut = await createCommunity(t, '被截短小区');
    await createMember(t, cut, 'owner');
    await createMember(t, cut, 'owner');
    const client = new Client({ connectionString: t.ownerUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query('ALTER TABLE record_entries DISABLE TRIGGER record_entries_no_update_delete');
      await client.query('DELETE FROM record_entries WHERE community_id = $1 AND seq = 3', [cut]);
      await client.query('ALTER TABLE record_entries ENABLE TRIGGER record_entries_no_update_delete');
      await client.query('COMMIT');
    } finally {
      await client.end();
    }
    const verify = await t.http.get(`/api/communities/${cut}/record/verify`).set(bearer(t.adminToken)).expect(200);
    expect(verify.body).toEqual({ ok: false, checked: 2, firstBroken: { seq: '2', id: expect.any(String), reason: 'head_mismatch' } });
  });

  describe('queued entries (written with a ballot, chained after commit)', () => {
    /** What cast_ballot writes for a ballot, committed on its own. */
    async function queue(communityId: string, action: string) {
      const payload = { action, amountFen: '12' };
      // As the schema owner: the app role itself may not insert into record_pending (only cast_ballot does).
      await t.ownerQuery(
        `INSERT INTO record_pending (community_id, occurred_at, actor_id, action, subject_type, subject_id, payload, payload_digest)
         VALUES ($1, date_trunc('milliseconds', clock_timestamp()), NULL, $2, 'test', NULL, $3, $4)`,
        [communityId, action, JSON.stringify(payload), payloadDigest(payload)],
      );
    }
    const actions = async (communityId: string) =>
      (await t.dataSource.query('SELECT action FROM record_entries WHERE community_id = $1 ORDER BY seq', [communityId])).map(
        (e: { action: string }) => e.action,
      );

    it('a queued entry left by a stopped server is chained by the sweep, in the order it was queued', async () => {
      const c = await createCommunity(t, '排队小区');
      await queue(c, 'test.first');
      await queue(c, 'test.second');
      await t.app.get(RecordQueueService).drainAll();
      expect(await actions(c)).toEqual(['registry.community_created', 'test.first', 'test.second']);
      expect((await t.dataSource.query('SELECT count(*)::int AS n FROM record_pending WHERE community_id = $1', [c]))[0].n).toBe(0);
      const verify = await t.http.get(`/api/communities/${c}/record/verify`).set(bearer(t.adminToken)).expect(200);
      expect(verify.body).toEqual({ ok: true, checked: 3 });
    });

    it('a direct append chains what is queued before itself, and reading the record drains the queue', async () => {
      const c = await createCommunity(t, '先后小区');
      await queue(c, 'test.queued');
      await createMember(t, c, 'owner'); // appends identity.role_granted directly
      expect(await actions(c)).toEqual(['registry.community_created', 'test.queued', 'identity.role_granted']);
      await queue(c, 'test.read');
      const list = await t.http.get(`/api/communities/${c}/record`).set(bearer(t.adminToken)).expect(200);
      expect(list.body.map((e: { action: string }) => e.action)).toEqual([
        'registry.community_created',
        'test.queued',
        'identity.role_granted',
        'test.read',
      ]);
      expect(list.body[3].payload).toEqual({ action: 'test.read', amountFen: '12' });
    });
  });
});
