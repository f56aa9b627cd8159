import { UsersService } from '../../apps/api/src/identity/users.service';
import { activateOwner } from '../support/activation-fixtures';
import { createCommunity, createMember, importRoster, Member, rosterCsv, SMALL_ROSTER } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

/** Rows that tell whether anything about owner accounts changed. */
async function accountState(t: TestApp, community: string) {
  const [row] = await t.dataSource.query(
    `SELECT (SELECT count(*) FROM users)::int AS users,
            (SELECT count(*) FROM owners WHERE community_id = $1 AND user_id IS NOT NULL)::int AS linked,
            (SELECT count(*) FROM role_assignments WHERE community_id = $1)::int AS roles,
            (SELECT count(*) FROM activation_letters WHERE community_id = $1 AND used_at IS NOT NULL)::int AS used`,
    [community],
  );
  return row;
}

const ownerId = async (t: TestApp, community: string, name: string): Promise<string> =>
  (await t.dataSource.query(`SELECT id FROM owners WHERE community_id = $1 AND name = $2`, [community, name]))[0].id;

describe('owner accounts from activation letters', () => {
  let t: TestApp;
  let community: string;
  let director: Member;
  let residents: Member;
  const issue = (body: object, token = director.token) =>
    t.http.post(`/api/communities/${community}/activation-letters`).set(bearer(token)).send(body);
  const codeFor = async (name: string) =>
    (await issue({ ownerIds: [await ownerId(t, community, name)], format: 'json' }).expect(201)).body.letters[0].code as string;

  beforeAll(async () => {
    t = await createTestApp();
    community = await createCommunity(t);
    director = await createMember(t, community, 'committee_director');
    residents = await createMember(t, community, 'residents_committee');
    await importRoster(t, community, director.token, rosterCsv(SMALL_ROSTER)).expect(201);
  });
  afterAll(() => t.close());

  it('prints one letter per owner (not the developer) as a PDF and stores only hashes of the codes', async () => {
    const res = await issue({}).buffer(true).expect(201);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-letters-issued']).toBe('3');
    expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
    const rows = await t.dataSource.query(
      `SELECT code_hash, expires_at - issued_at AS span FROM activation_letters WHERE community_id = $1`,
      [community],
    );
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.span.days).toBe(30); // rulebook activationExpiryDays default
    }
    const list = await t.http.get(`/api/communities/${community}/activation-letters`).set(bearer(director.token)).expect(200);
    expect(list.body.items.map((i: { statusLabel: string }) => i.statusLabel)).toEqual(['已发放', '已发放', '已发放']);
    // A second batch skips owners whose code is still valid.
    const again = await issue({ format: 'json' }).expect(201);
    expect(again.body.issued).toBe(0);
  });

  it('lets the owner activate with the code and the mobile tail, choosing the password; the code works once', async () => {
    const code = await codeFor('李四');
    const activated = await t.http.post('/api/activation').send({ code, fact: '0002', password: 'Li-si-own-pass1' }).expect(201);
    expect(activated.body.user.mustChangePassword).toBe(false);
    const me = await t.http.get('/api/auth/me').set(bearer(activated.body.token)).expect(200);
    expect(me.body).toMatchObject({
      mobile: '13800000002',
      communities: [expect.objectContaining({ communityId: community, roles: ['owner'] })],
    });
    await t.http.post('/api/auth/login').send({ login: '13800000002', password: 'Li-si-own-pass1' }).expect(200);
    const reuse = await t.http.post('/api/activation').send({ code, fact: '0002', password: 'Another-pass1' }).expect(409);
    expect(reuse.body).toMatchObject({ code: 'activation_used', message: expect.stringMatching(/已使用/) });
    const list = await t.http.get(`/api/communities/${community}/activation-letters?q=李四`).set(bearer(director.token)).expect(200);
    expect(list.body.items[0]).toMatchObject({ status: 'activated', statusLabel: '已激活' });
    const notes = await t.http.get(`/api/communities/${community}/notifications`).set(bearer(residents.token)).expect(200);
    expect(notes.body.map((n: { subject: string }) => n.subject)).toContain('角色授予：李四（业主）');
  });

  it('accepts the last 6 of the identity number instead', async () => {
    const owner = await activateOwner(t, community, director.token, '张三', '011234');
    await t.http.get(`/api/communities/${community}/totals`).set(bearer(owner.token)).expect(200);
  });

  it('kills the old code when a letter is reissued or revoked', async () => {
    const old = await codeFor('王五');
    const fresh = await codeFor('王五');
    const dead = await t.http.post('/api/activation/check').send({ code: old }).expect(409);
    expect(dead.body).toMatchObject({ code: 'activation_revoked', message: expect.stringMatching(/作废/) });
    await t.http.post('/api/activation/check').send({ code: fresh }).expect(200);
    const id = await ownerId(t, community, '王五');
    const revoked = await t.http
      .post(`/api/communities/${community}/owners/${id}/activation-letter/revoke`)
      .set(bearer(director.token))
      .expect(200);
    expect(revoked.body.statusLabel).toBe('未发放');
    await t.http.post('/api/activation/check').send({ code: fresh }).expect(409);
    await t.http.post(`/api/communities/${community}/owners/${id}/activation-letter/revoke`).set(bearer(director.token)).expect(409);
  });

  it('kills a code after 5 wrong facts, and counts an expired code as 已过期', async () => {
    const code = await codeFor('王五');
    for (let i = 0; i < 4; i++) {
      const wrong = await t.http.post('/api/activation').send({ code, fact: '9999', password: 'Wang-wu-pass12' }).expect(409);
      expect(wrong.body).toMatchObject({ code: 'activation_mismatch', message: expect.stringMatching(/不正确/) });
    }
    const fifth = await t.http.post('/api/activation').send({ code, fact: '9999', password: 'Wang-wu-pass12' }).expect(409);
    expect(fifth.body.code).toBe('activation_revoked');
    await t.http.post('/api/activation').send({ code, fact: '0003', password: 'Wang-wu-pass12' }).expect(409);
    const [letter] = await t.dataSource.query(
      `SELECT failed_attempts, revoked_at FROM activation_letters WHERE owner_id = $1 ORDER BY issued_at DESC LIMIT 1`,
      [await ownerId(t, community, '王五')],
    );
    expect(letter.failed_attempts).toBe(5);
    expect(letter.revoked_at).not.toBeNull();

    const late = await codeFor('王五');
    t.clock.travelTo(new Date(Date.now() + 31 * 86_400_000));
    try {
      const expired = await t.http.post('/api/activation').send({ code: late, fact: '0003', password: 'Wang-wu-pass12' }).expect(409);
      expect(expired.body).toMatchObject({ code: 'activation_expired', message: expect.stringMatching(/过期/) });
      const counts = await t.http
        .get(`/api/communities/${community}/activation-letters/buildings`)
        .set(bearer(residents.token))
        .expect(200);
      expect(counts.body).toEqual([
        expect.objectContaining({ name: '1', total: 3, activated: 2, expired: 1, issued: 0, not_issued: 0 }),
        expect.objectContaining({ name: '2', total: 0 }),
      ]);
    } finally {
      t.clock.reset();
    }
  });

  it('links an existing account only when its holder enters the code and the fact', async () => {
    const other = await createCommunity(t);
    const clerk = await createMember(t, other, 'committee_member');
    await importRoster(
      t,
      other,
      clerk.token,
      rosterCsv([{ 楼栋: '9', 房号: '901', 面积: '80', 面积来源: '登记', 业主: '赵七', 手机: '13800000077' }]),
    ).expect(201);
    const id = (await t.dataSource.query(`SELECT id FROM owners WHERE community_id = $1 AND name = '赵七'`, [other]))[0].id;
    const code = (
      await t.http
        .post(`/api/communities/${other}/activation-letters`)
        .set(bearer(clerk.token))
        .send({ ownerIds: [id], format: 'json' })
    ).body.letters[0].code;
    const holder = await createMember(t, community, 'committee_member');
    await t.http.post('/api/activation/link').set(bearer(holder.token)).send({ code, fact: '0000' }).expect(409);
    const linked = await t.http.post('/api/activation/link').set(bearer(holder.token)).send({ code, fact: '0077' }).expect(200);
    expect(linked.body).toEqual({ communityId: other, ownerId: id });
    const me = await t.http.get('/api/auth/me').set(bearer(holder.token)).expect(200);
    expect(me.body.communities).toEqual(expect.arrayContaining([expect.objectContaining({ communityId: other, roles: ['owner'] })]));
  });

  it('refuses bad input with a Chinese message', async () => {
    const short = await t.http.post('/api/activation').send({ code: 'ABC', fact: '1234', password: 'x' }).expect(400);
    expect(short.body.message).toMatch(/激活码/);
    const fact = await t.http.post('/api/activation').send({ code: 'ACDE-FGHJ-KMNP', fact: 'abcd', password: 'Some-pass-123' }).expect(400);
    expect(fact.body.message).toMatch(/手机号后 4 位/);
    const unknown = await t.http
      .post('/api/activation')
      .send({ code: 'ACDE-FGHJ-KMNP', fact: '1234', password: 'Some-pass-123' })
      .expect(409);
    expect(unknown.body.message).toMatch(/不正确/);
  });
});

describe('the single insider cannot open an owner account', () => {
  let t: TestApp;
  let community: string;
  let director: Member;
  beforeAll(async () => {
    t = await createTestApp();
    community = await createCommunity(t);
    director = await createMember(t, community, 'committee_director');
    await importRoster(t, community, director.token, rosterCsv(SMALL_ROSTER)).expect(201);
  });
  afterAll(() => t.close());

  it('refuses the director naming a user id for an owner (the route is gone)', async () => {
    const before = await accountState(t, community);
    const id = await ownerId(t, community, '李四');
    await t.http
      .post(`/api/communities/${community}/owners/${id}/account`)
      .set(bearer(director.token))
      .send({ userId: director.userId })
      .expect(404);
    expect(await accountState(t, community)).toEqual(before);
  });

  it('gives the director no usable credential: the letter reply has a code, which alone opens nothing', async () => {
    const id = await ownerId(t, community, '李四');
    const issued = await t.http
      .post(`/api/communities/${community}/activation-letters`)
      .set(bearer(director.token))
      .send({ ownerIds: [id], format: 'json' })
      .expect(201);
    expect(Object.keys(issued.body.letters[0]).sort()).toEqual(['code', 'expiresAt', 'ownerId', 'ownerName', 'units']);
    expect(JSON.stringify(issued.body)).not.toMatch(/password/i);
    const before = await accountState(t, community);
    // The director does not know the register fact: guessing is refused and the code dies after 5 tries.
    for (const fact of ['0000', '1234', '5678', '0001', '9999']) {
      const res = await t.http.post('/api/activation/link').set(bearer(director.token)).send({ code: issued.body.letters[0].code, fact });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const last = await t.http
      .post('/api/activation/link')
      .set(bearer(director.token))
      .send({ code: issued.body.letters[0].code, fact: '0002' })
      .expect(409);
    expect(last.body.code).toBe('activation_revoked');
    expect(await accountState(t, community)).toEqual(before);
    // The owner, with a new letter and their own fact, succeeds.
    await activateOwner(t, community, director.token, '李四', '0002');
    expect((await accountState(t, community)).linked).toBe(before.linked + 1);
  });

  it('stops issuing letters for an owner after 10 wrong facts in all, so reissuing cannot be used to guess', async () => {
    const id = await ownerId(t, community, '王五');
    for (let round = 0; round < 2; round++) {
      const issued = await t.http
        .post(`/api/communities/${community}/activation-letters`)
        .set(bearer(director.token))
        .send({ ownerIds: [id], format: 'json' })
        .expect(201);
      for (let i = 0; i < 5; i++)
        await t.http
          .post('/api/activation/link')
          .set(bearer(director.token))
          .send({ code: issued.body.letters[0].code, fact: String(1000 + round * 5 + i) })
          .expect(409);
    }
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM activation_letters WHERE owner_id = $1`, [id]);
    const refused = await t.http
      .post(`/api/communities/${community}/activation-letters`)
      .set(bearer(director.token))
      .send({ ownerIds: [id], format: 'json' })
      .expect(409);
    expect(refused.body).toMatchObject({ code: 'activation_locked', message: expect.stringMatching(/居委会/) });
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM activation_letters WHERE owner_id = $1`, [id])).toEqual(before);
    // The committee cannot lift the lock; the residents' committee can, after checking the owner in person.
    await t.http.post(`/api/communities/${community}/owners/${id}/activation-letter/unlock`).set(bearer(director.token)).expect(403);
    const residents = await createMember(t, community, 'residents_committee');
    const unlocked = await t.http
      .post(`/api/communities/${community}/owners/${id}/activation-letter/unlock`)
      .set(bearer(residents.token))
      .expect(200);
    expect(unlocked.body.locked).toBe(false);
    await t.http
      .post(`/api/communities/${community}/activation-letters`)
      .set(bearer(director.token))
      .send({ ownerIds: [id], format: 'json' })
      .expect(201);
  });

  it('forces a one-time password to be changed before any other route answers', async () => {
    const { oneTimePassword } = await t.app.get(UsersService).create({ loginName: 'reset.case', displayName: '重置' });
    const login = await t.http.post('/api/auth/login').send({ login: 'reset.case', password: oneTimePassword }).expect(200);
    const token = login.body.token;
    const refused = await t.http.get('/api/communities').set(bearer(token)).expect(403);
    expect(refused.body).toMatchObject({ code: 'password_change_required', message: expect.stringMatching(/一次性密码/) });
    await t.http.post('/api/activation/link').set(bearer(token)).send({ code: 'ACDE-FGHJ-KMNP', fact: '1234' }).expect(403);
    await t.http.get('/api/auth/me').set(bearer(token)).expect(200);
    await t.http
      .post('/api/auth/password')
      .set(bearer(token))
      .send({ currentPassword: oneTimePassword, newPassword: 'My-own-pass-12' })
      .expect(204);
    await t.http.get('/api/communities').set(bearer(token)).expect(200);
  });
});

describe('the platform admin keeps out of communities', () => {
  let t: TestApp;
  let community: string;
  let residents: Member;
  let adminId: string;
  const roleCount = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM role_assignments`))[0].n;
  const grant = (userId: string, role = 'committee_director') =>
    t.http.post(`/api/communities/${community}/roles`).set(bearer(t.adminToken)).send({ userId, role });
  beforeAll(async () => {
    t = await createTestApp();
    community = await createCommunity(t);
    residents = await createMember(t, community, 'residents_committee');
    adminId = (await t.http.get('/api/auth/me').set(bearer(t.adminToken))).body.id;
  });
  afterAll(() => t.close());

  it('refuses the admin granting itself a role', async () => {
    const before = await roleCount();
    const res = await grant(adminId).expect(403);
    expect(res.body).toMatchObject({ code: 'admin_self_grant', message: expect.stringMatching(/平台管理员不能/) });
    expect(await roleCount()).toBe(before);
  });

  it('refuses the admin granting a role to an account it registered from its own session', async () => {
    const made = await t.http
      .post('/api/users')
      .set(bearer(t.adminToken))
      .send({ loginName: 'admin.alt', displayName: '替身', password: 'Alt-account-12' })
      .expect(201);
    const before = await roleCount();
    const res = await grant(made.body.user.id).expect(403);
    expect(res.body.code).toBe('admin_self_grant');
    expect(await roleCount()).toBe(before);
  });

  it('appoints a person who registered themselves, and tells the residents committee of the grant and the end', async () => {
    const person = await t.http
      .post('/api/users')
      .send({ loginName: 'chen.zhuren', displayName: '陈主任', password: 'Chen-own-pass1' })
      .expect(201);
    const granted = await grant(person.body.user.id).expect(201);
    await t.http.post(`/api/communities/${community}/roles/${granted.body.id}/end`).set(bearer(t.adminToken)).send({}).expect(201);
    const notes = await t.http.get(`/api/communities/${community}/notifications`).set(bearer(residents.token)).expect(200);
    const subjects = notes.body.map((n: { subject: string }) => n.subject);
    expect(subjects).toEqual(expect.arrayContaining(['角色授予：陈主任（业委会主任）', '角色结束：陈主任（业委会主任）']));
  });
});
