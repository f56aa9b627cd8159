import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { createCommunity, createMember, importRoster, rosterCsv, SMALL_ROSTER } from '../support/fixtures';
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
    await expect(t.dataSource.query(`UPDATE record_entries SET action = 'x' WHERE community_id = $1`, [community])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.dataSource.query(`DELETE FROM record_entries WHERE community_id = $1`, [community])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('TRUNCATE record_entries CASCADE')).rejects.toThrow(/append-only/);
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
    const client = new Client({ connectionString: t.config.databaseUrl });
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
});
