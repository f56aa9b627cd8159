import { UsersService } from '../../apps/api/src/identity/users.service';
import { activateOwner, importRegisterFacts, SMALL_ROSTER_FACTS } from '../support/activation-fixtures';
import { createCommunity, createMember, grantRole, importRoster, Member, rosterCsv, SMALL_ROSTER } from '../support/fixtures';
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
    await importRegisterFacts(t, community, residents.token, SMALL_ROSTER_FACTS).expect(201);
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
    // The committee's contact mobile (…0002) is no fact: only the residents' committee's register counts.
    await t.http.post('/api/activation').send({ code, fact: '0002', password: 'Li-si-own-pass1' }).expect(409);
    const activated = await t.http.post('/api/activation').send({ code, fact: '2222', password: 'Li-si-own-pass1' }).expect(201);
    expect(activated.body.user.mustChangePassword).toBe(false);
    const me = await t.http.get('/api/auth/me').set(bearer(activated.body.token)).expect(200);
    expect(me.body).toMatchObject({
      mobile: '13800000002',
      communities: [expect.objectContaining({ communityId: community, roles: ['owner'] })],
    });
    await t.http.post('/api/auth/login').send({ login: '13800000002', password: 'Li-si-own-pass1' }).expect(200);
    const reuse = await t.http.post('/api/activation').send({ code, fact: '2222', password: 'Another-pass1' }).expect(409);
    expect(reuse.body).toMatchObject({ code: 'activation_used', message: expect.stringMatching(/已使用/) });
    const list = await t.http.get(`/api/communities/${community}/activation-letters?q=李四`).set(bearer(director.token)).expect(200);
    expect(list.body.items[0]).toMatchObject({ status: 'activated', statusLabel: '已激活' });
    const notes = await t.http.get(`/api/communities/${community}/notifications`).set(bearer(residents.token)).expect(200);
    expect(notes.body.map((n: { subject: string }) => n.subject)).toContain('角色授予：李四（业主）');
  });

  it('accepts the last 6 of the identity number instead', async () => {
    // 张三's committee roster has identity number …011234: not a fact. The register's …015678 is.
    const code = await codeFor('张三');
    await t.http.post('/api/activation').send({ code, fact: '011234', password: 'Zhang-san-pass1' }).expect(409);
    const owner = await activateOwner(t, community, director.token, '张三', '015678');
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
    await t.http.post('/api/activation').send({ code, fact: '3333', password: 'Wang-wu-pass12' }).expect(409);
    const [letter] = await t.dataSource.query(
      `SELECT failed_attempts, revoked_at FROM activation_letters WHERE owner_id = $1 ORDER BY issued_at DESC LIMIT 1`,
      [await ownerId(t, community, '王五')],
    );
    expect(letter.failed_attempts).toBe(5);
    expect(letter.revoked_at).not.toBeNull();

    const late = await codeFor('王五');
    t.clock.travelTo(new Date(Date.now() + 31 * 86_400_000));
    try {
      const expired = await t.http.post('/api/activation').send({ code: late, fact: '3333', password: 'Wang-wu-pass12' }).expect(409);
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
    const otherResidents = await createMember(t, other, 'residents_committee');
    await importRegisterFacts(t, other, otherResidents.token, [{ 楼栋: '9', 房号: '901', 业主: '赵七', 手机: '13700000777' }]).expect(201);
    const id = (await t.dataSource.query(`SELECT id FROM owners WHERE community_id = $1 AND name = '赵七'`, [other]))[0].id;
    const code = (
      await t.http
        .post(`/api/communities/${other}/activation-letters`)
        .set(bearer(clerk.token))
        .send({ ownerIds: [id], format: 'json' })
    ).body.letters[0].code;
    const holder = await createMember(t, community, 'committee_member');
    await t.http.post('/api/activation/link').set(bearer(holder.token)).send({ code, fact: '0000' }).expect(409);
    await t.http.post('/api/activation/link').set(bearer(holder.token)).send({ code, fact: '0077' }).expect(409);
    const linked = await t.http.post('/api/activation/link').set(bearer(holder.token)).send({ code, fact: '0777' }).expect(200);
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
    const residents = await createMember(t, community, 'residents_committee');
    await importRegisterFacts(t, community, residents.token, SMALL_ROSTER_FACTS).expect(201);
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
    for (const fact of ['0000', '1234', '5678', '0002', '9999']) {
      const res = await t.http.post('/api/activation/link').set(bearer(director.token)).send({ code: issued.body.letters[0].code, fact });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const last = await t.http
      .post('/api/activation/link')
      .set(bearer(director.token))
      .send({ code: issued.body.letters[0].code, fact: '2222' })
      .expect(409);
    expect(last.body.code).toBe('activation_revoked');
    expect(await accountState(t, community)).toEqual(before);
    // The owner, with a new letter and their own fact, succeeds.
    await activateOwner(t, community, director.token, '李四', '2222');
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
    // A residents'-committee holder is in office, so the grant is a request that holder confirms.
    const granted = await grantRole(t, community, person.body.user.id, 'committee_director');
    await t.http.post(`/api/communities/${community}/roles/${granted.id}/end`).set(bearer(t.adminToken)).send({}).expect(201);
    const notes = await t.http.get(`/api/communities/${community}/notifications`).set(bearer(residents.token)).expect(200);
    const subjects = notes.body.map((n: { subject: string }) => n.subject);
    expect(subjects).toEqual(expect.arrayContaining(['角色授予：陈主任（业委会主任）', '角色结束：陈主任（业委会主任）']));
  });
});

describe("the facts an owner adds come from the residents' committee, never from the committee", () => {
  let t: TestApp;
  let community: string;
  let director: Member;
  let residents: Member;
  const factState = async () =>
    t.dataSource.query(`SELECT name, mobile_tail_hash, id_tail_hash, facts_imported_by FROM owners WHERE community_id = $1 ORDER BY name`, [
      community,
    ]);
  const issueFor = (name: string) =>
    t.dataSource.query(`SELECT id FROM owners WHERE community_id = $1 AND name = $2`, [community, name]).then(([o]) =>
      t.http
        .post(`/api/communities/${community}/activation-letters`)
        .set(bearer(director.token))
        .send({ ownerIds: [o.id], format: 'json' }),
    );
  beforeAll(async () => {
    t = await createTestApp();
    community = await createCommunity(t);
    director = await createMember(t, community, 'committee_director');
    residents = await createMember(t, community, 'residents_committee');
    await importRoster(t, community, director.token, rosterCsv(SMALL_ROSTER)).expect(201);
  });
  afterAll(() => t.close());

  it("keeps no fact from the committee's own roster: no letter is printed, a named owner is refused", async () => {
    expect(
      (await factState()).every(
        (o: { mobile_tail_hash: string | null; id_tail_hash: string | null }) => !o.mobile_tail_hash && !o.id_tail_hash,
      ),
    ).toBe(true);
    const batch = await t.http
      .post(`/api/communities/${community}/activation-letters`)
      .set(bearer(director.token))
      .send({ format: 'json' });
    expect(batch.status).toBe(201);
    expect(batch.body.issued).toBe(0);
    const named = await issueFor('李四');
    expect(named.status).toBe(409);
    expect(named.body).toMatchObject({ code: 'register_fact_missing', message: expect.stringContaining('居委会') });
    const list = await t.http.get(`/api/communities/${community}/activation-letters`).set(bearer(director.token)).expect(200);
    expect(list.body.items.every((i: { registerFact: boolean }) => i.registerFact === false)).toBe(true);
  });

  const factsTodo = async () =>
    (await t.http.get(`/api/communities/${community}/todo`).set(bearer(residents.token)).expect(200)).body.items.filter(
      (i: { kind: string }) => i.kind === 'register_facts',
    );

  it("puts the owners waiting for facts on the residents' committee's 我的待办, linking to the import", async () => {
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM owners WHERE community_id = $1 AND kind <> 'developer'`, [
      community,
    ]);
    expect(n).toBeGreaterThan(0);
    expect(await factsTodo()).toEqual([
      expect.objectContaining({ title: `${n} 位业主待导入核验信息`, link: `/c/${community}/owner-accounts` }),
    ]);
    // Only the residents' committee is asked: the director cannot import them.
    const director_ = await t.http.get(`/api/communities/${community}/todo`).set(bearer(director.token)).expect(200);
    expect(director_.body.items.some((i: { kind: string }) => i.kind === 'register_facts')).toBe(false);
  });

  it('refuses the director importing facts himself, and changes nothing', async () => {
    const before = await factState();
    const res = await importRegisterFactsAs(director.token, [{ 楼栋: '1', 单元: '2', 房号: '201', 业主: '李四', 手机: '13700002222' }]);
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await factState()).toEqual(before);
  });

  it('refuses a bad file whole, naming the lines, and changes nothing', async () => {
    const before = await factState();
    const res = await importRegisterFactsAs(residents.token, [
      { 楼栋: '1', 单元: '2', 房号: '201', 业主: '李四', 手机: '13700002222' },
      { 楼栋: '1', 单元: '2', 房号: '201', 业主: '无此人', 手机: '13700009999' },
      { 楼栋: '1', 单元: '1', 房号: '101', 业主: '张三' },
    ]);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('register_facts_invalid');
    expect(res.body.details.errors.map((e: { line: number }) => e.line)).toEqual([4]);
    expect(res.body.message).toMatch(/未导入任何数据/);
    const unknown = await importRegisterFactsAs(residents.token, [
      { 楼栋: '1', 单元: '2', 房号: '201', 业主: '无此人', 手机: '13700009999' },
    ]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.errors[0].reason).toContain('无此人');
    expect(await factState()).toEqual(before);
  });

  it("withholds facts the committee's roster reveals, keeps the rest as hashes only, and tells the director counts only", async () => {
    const res = await importRegisterFactsAs(residents.token, SMALL_ROSTER_FACTS);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      rows: 3,
      withMobileTail: 2,
      withIdTail: 1,
      withheldMobileTail: 1,
      withheldIdTail: 0,
      ownersWithoutFacts: 0,
    });
    const stored = JSON.stringify(await factState());
    for (const clear of ['2222', '3333', '015678', '13700002222']) expect(stored).not.toContain(clear);
    const [entry] = await t.dataSource.query(
      `SELECT payload FROM record_entries WHERE community_id = $1 AND action = 'registry.register_facts_imported'`,
      [community],
    );
    expect(JSON.stringify(entry.payload)).not.toMatch(/2222|3333|015678/);
    const notes = await t.http.get(`/api/communities/${community}/notifications`).set(bearer(director.token)).expect(200);
    expect(notes.body.map((n: { subject: string }) => n.subject)).toContain('居委会已导入业主核验信息');
    // The same identity number as the committee's roster is withheld too.
    const same = await importRegisterFactsAs(residents.token, [
      { 楼栋: '1', 单元: '1', 房号: '101', 业主: '张三', 证件号: '330106199001011234' },
    ]);
    expect(same.body).toMatchObject({ withIdTail: 0, withheldIdTail: 1, ownersWithoutFacts: 1 });
    await importRegisterFactsAs(residents.token, SMALL_ROSTER_FACTS).expect(201);
    // Every owner has a fact now: the residents' committee's task is gone.
    expect(await factsTodo()).toEqual([]);
  });

  it('the owner activates with the fact from the register, not with the contact mobile the committee holds', async () => {
    const issued = await issueFor('王五');
    expect(issued.status).toBe(201);
    const code = issued.body.letters[0].code;
    await t.http.post('/api/activation').send({ code, fact: '0003', password: 'Wang-wu-pass12' }).expect(409);
    await t.http.post('/api/activation').send({ code, fact: '3333', password: 'Wang-wu-pass12', loginName: 'wang.wu.facts' }).expect(201);
  });

  function importRegisterFactsAs(token: string, lines: Parameters<typeof importRegisterFacts>[3]) {
    return importRegisterFacts(t, community, token, lines);
  }
});

describe('letters for one building, under the rulebook’s own expiry', () => {
  let t: TestApp;
  let community: string;
  let director: Member;
  let residents: Member;
  beforeAll(async () => {
    t = await createTestApp();
    community = await createCommunity(t);
    director = await createMember(t, community, 'committee_director');
    residents = await createMember(t, community, 'residents_committee');
    await importRoster(
      t,
      community,
      director.token,
      rosterCsv([
        { 楼栋: '东楼', 房号: '101', 面积: '80', 面积来源: '登记', 业主: '东甲', 手机: '13800000011' },
        { 楼栋: '东楼', 房号: '102', 面积: '80', 面积来源: '登记', 业主: '东乙', 手机: '13800000012' },
        { 楼栋: '西楼', 房号: '101', 面积: '80', 面积来源: '登记', 业主: '西丙', 手机: '13800000013' },
      ]),
    ).expect(201);
    await importRegisterFacts(t, community, residents.token, [
      { 楼栋: '东楼', 房号: '101', 业主: '东甲', 手机: '13700000111' },
      { 楼栋: '东楼', 房号: '102', 业主: '东乙', 手机: '13700000112' },
      { 楼栋: '西楼', 房号: '101', 业主: '西丙', 手机: '13700000113' },
    ]).expect(201);
  });
  afterAll(() => t.close());

  it('a building batch prints only that building’s owners, with the expiry the rulebook sets', async () => {
    // The community's first rulebook, confirmed by the residents' committee: codes live 7 days.
    const draft = await t.http
      .post(`/api/communities/${community}/rulebook/drafts`)
      .set(bearer(director.token))
      .send({ change: { activationExpiryDays: 7 }, note: '激活码有效期 7 天' })
      .expect(201);
    await t.http
      .post(`/api/communities/${community}/rulebook/drafts/${draft.body.id}/confirmation`)
      .set(bearer(residents.token))
      .expect(201);
    const buildings = (await t.http.get(`/api/communities/${community}/buildings`).set(bearer(director.token)).expect(200)).body as {
      id: string;
      name: string;
    }[];
    const east = buildings.find((b) => b.name === '东楼')!;
    const issued = await t.http
      .post(`/api/communities/${community}/activation-letters`)
      .set(bearer(director.token))
      .send({ buildingId: east.id, format: 'json' })
      .expect(201);
    expect(issued.body.letters.map((l: { ownerName: string }) => l.ownerName).sort()).toEqual(['东乙', '东甲']);
    const spans = await t.dataSource.query(
      `SELECT o.name, extract(epoch FROM l.expires_at - l.issued_at)::int AS seconds
       FROM activation_letters l JOIN owners o ON o.id = l.owner_id WHERE l.community_id = $1 ORDER BY o.name`,
      [community],
    );
    expect(spans).toEqual([
      { name: '东乙', seconds: 7 * 86_400 },
      { name: '东甲', seconds: 7 * 86_400 },
    ]);
    const counts = (await t.http.get(`/api/communities/${community}/activation-letters/buildings`).set(bearer(director.token)).expect(200))
      .body as { name: string; issued: number; not_issued: number }[];
    expect(counts.find((c) => c.name === '东楼')).toMatchObject({ issued: 2, not_issued: 0 });
    expect(counts.find((c) => c.name === '西楼')).toMatchObject({ issued: 0, not_issued: 1 });
    // A building of another community is not found, and nothing is issued.
    const other = await createCommunity(t);
    const res = await t.http
      .post(`/api/communities/${other}/activation-letters`)
      .set(bearer((await createMember(t, other, 'committee_director')).token))
      .send({ buildingId: east.id, format: 'json' })
      .expect(404);
    expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
