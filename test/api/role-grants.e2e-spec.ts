import { bearer, createTestApp, type TestApp } from '../support/test-app';
import { createCommunity, createMember, type Member } from '../support/fixtures';

/**
 * Issue 10 §6: the platform admin appoints a community's first holders, and after that cannot grant a role alone —
 * once a residents'-committee holder is in office, a grant is a request that such a holder (neither the grantee nor
 * the requester) confirms. Each refusal leaves the roles and the requests unchanged.
 */
describe('role grants under four eyes', () => {
  let t: TestApp;
  let community: string;
  let residents: Member;
  let director: Member;
  const state = async () => ({
    roles: (await t.dataSource.query(`SELECT user_id, role, ends_on FROM role_assignments WHERE community_id = $1 ORDER BY id`, [
      community,
    ])) as unknown[],
    requests: (await t.dataSource.query(`SELECT id, status, decided_by FROM role_grant_requests WHERE community_id = $1 ORDER BY id`, [
      community,
    ])) as unknown[],
  });
  const register = async (loginName: string, displayName: string) =>
    (await t.http.post('/api/users').send({ loginName, displayName, password: 'Own-password-1' }).expect(201)).body.user.id as string;
  const url = (path = '') => `/api/communities/${community}/roles${path}`;
  const ask = (userId: string, role: string) => t.http.post(url('/requests')).set(bearer(t.adminToken)).send({ userId, role });

  beforeAll(async () => {
    t = await createTestApp();
    community = await createCommunity(t);
    // The first appointments: nobody to check the admin yet, so it grants alone.
    director = await createMember(t, community, 'committee_director');
    residents = await createMember(t, community, 'residents_committee');
  });
  afterAll(() => t.close());

  it('says when a confirmation is required, and refuses a request while none is', async () => {
    const listed = await t.http.get(url('/requests')).set(bearer(director.token)).expect(200);
    expect(listed.body.confirmationRequired).toBe(true);
    const lone = await createCommunity(t);
    const first = await t.http.get(`/api/communities/${lone}/roles/requests`).set(bearer(t.adminToken)).expect(200);
    expect(first.body).toEqual({ confirmationRequired: false, requests: [] });
    const someone = await register(`first${process.pid}`, '首任');
    const refused = await t.http
      .post(`/api/communities/${lone}/roles/requests`)
      .set(bearer(t.adminToken))
      .send({ userId: someone, role: 'committee_member' })
      .expect(409);
    expect(refused.body.code).toBe('role_request_not_needed');
  });

  it('refuses the admin granting alone once a residents committee holder is in office, with nothing changed', async () => {
    const member = await register(`member${process.pid}`, '赵委员');
    const before = await state();
    const res = await t.http.post(url()).set(bearer(t.adminToken)).send({ userId: member, role: 'committee_member' }).expect(409);
    expect(res.body).toMatchObject({ code: 'role_grant_needs_confirmation', message: expect.stringMatching(/居委会确认/) });
    expect(await state()).toEqual(before);
  });

  it('a request takes effect only when the residents committee confirms it', async () => {
    const member = await register(`qian${process.pid}`, '钱委员');
    const asked = await ask(member, 'committee_member').expect(201);
    expect(asked.body).toMatchObject({ status: 'pending', displayName: '钱委员', role: 'committee_member' });
    // Not yet a role: the member cannot see the committee's pages.
    const login = await t.http
      .post('/api/auth/login')
      .send({ login: `qian${process.pid}`, password: 'Own-password-1' })
      .expect(200);
    await t.http.get(`/api/communities/${community}/units`).set(bearer(login.body.token)).expect(403);
    await ask(member, 'committee_member').expect(409);
    // The residents' committee is told and sees it on 我的待办.
    const todo = await t.http.get(`/api/communities/${community}/todo`).set(bearer(residents.token)).expect(200);
    expect(todo.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'role_request', title: '角色授予待确认：钱委员（业委会委员）' })]),
    );
    const notes = await t.http.get(`/api/communities/${community}/notifications`).set(bearer(residents.token)).expect(200);
    expect(notes.body.map((n: { subject: string }) => n.subject)).toContain('角色授予待确认：钱委员（业委会委员）');

    // Neither the admin, nor the committee, may confirm in the residents' committee's place.
    const before = await state();
    await t.http
      .post(url(`/requests/${asked.body.id}/confirm`))
      .set(bearer(t.adminToken))
      .expect(403);
    await t.http
      .post(url(`/requests/${asked.body.id}/confirm`))
      .set(bearer(director.token))
      .expect(403);
    expect(await state()).toEqual(before);

    const granted = await t.http
      .post(url(`/requests/${asked.body.id}/confirm`))
      .set(bearer(residents.token))
      .expect(201);
    expect(granted.body).toMatchObject({ userId: member, role: 'committee_member', active: true });
    await t.http.get(`/api/communities/${community}/units`).set(bearer(login.body.token)).expect(200);
    const again = await t.http
      .post(url(`/requests/${asked.body.id}/confirm`))
      .set(bearer(residents.token))
      .expect(409);
    expect(again.body.code).toBe('role_request_decided');
    // The record says who asked and who confirmed.
    const entries = await t.dataSource.query(
      `SELECT action, actor_id, payload FROM record_entries WHERE community_id = $1 AND action IN ('identity.role_requested', 'identity.role_granted')
        AND payload->>'userId' = $2 ORDER BY seq`,
      [community, member],
    );
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['identity.role_requested', 'identity.role_granted']);
    expect(entries[1].actor_id).toBe(residents.userId);
    expect(entries[1].payload).toMatchObject({ requestId: asked.body.id });
  });

  it('a residents committee holder cannot confirm a role granted to themselves', async () => {
    const asked = await ask(residents.userId, 'committee_member').expect(201);
    const before = await state();
    const res = await t.http
      .post(url(`/requests/${asked.body.id}/confirm`))
      .set(bearer(residents.token))
      .expect(403);
    expect(res.body).toMatchObject({ code: 'role_request_own_grant', message: expect.stringMatching(/不能确认授予自己/) });
    expect(await state()).toEqual(before);
    // Nor is it on their own 我的待办.
    const todo = await t.http.get(`/api/communities/${community}/todo`).set(bearer(residents.token)).expect(200);
    expect(todo.body.items.filter((i: { kind: string }) => i.kind === 'role_request')).toEqual([]);
  });

  it('a rejection needs a reason and grants nothing', async () => {
    const someone = await register(`sun${process.pid}`, '孙某');
    const asked = await ask(someone, 'auditor').expect(201);
    const before = await state();
    await t.http
      .post(url(`/requests/${asked.body.id}/reject`))
      .set(bearer(residents.token))
      .send({ reason: '  ' })
      .expect(400);
    expect(await state()).toEqual(before);
    const rejected = await t.http
      .post(url(`/requests/${asked.body.id}/reject`))
      .set(bearer(residents.token))
      .send({ reason: '该机构未经业委会聘请' })
      .expect(201);
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: '该机构未经业委会聘请', decidedByName: '测试residents_committee' });
    const roles = await t.dataSource.query(`SELECT 1 FROM role_assignments WHERE community_id = $1 AND user_id = $2`, [community, someone]);
    expect(roles).toEqual([]);
  });

  it('the last residents committee holder cannot be ended; after a confirmed successor, they can', async () => {
    const [held] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM role_assignments WHERE community_id = $1 AND user_id = $2 AND role = 'residents_committee'`,
      [community, residents.userId],
    );
    const before = await state();
    const res = await t.http
      .post(url(`/${held.id}/end`))
      .set(bearer(t.adminToken))
      .send({})
      .expect(409);
    expect(res.body.code).toBe('last_residents_committee');
    expect(await state()).toEqual(before);
    const successor = await register(`zhou${process.pid}`, '周主任');
    const asked = await ask(successor, 'residents_committee').expect(201);
    await t.http
      .post(url(`/requests/${asked.body.id}/confirm`))
      .set(bearer(residents.token))
      .expect(201);
    await t.http
      .post(url(`/${held.id}/end`))
      .set(bearer(t.adminToken))
      .send({})
      .expect(201);
  });

  // The operator with the server's own database credentials (the app role), trying to seat himself without anyone.
  it('an operator with the app’s database access cannot write or change a role assignment behind the record', async () => {
    const insider = await register(`insider${process.pid}`, '运维人员');
    const before = await state();
    const entries = async () =>
      (await t.dataSource.query('SELECT count(*)::int AS n FROM record_entries WHERE community_id = $1', [community]))[0].n as number;
    const recorded = await entries();
    await expect(
      t.dataSource.query(
        `INSERT INTO role_assignments (community_id, user_id, role, starts_on) VALUES ($1, $2, 'committee_director', '2020-01-01')`,
        [community, insider],
      ),
    ).rejects.toThrow(/permission denied/);
    // Nor turn someone's row into a director's, or extend a term that ended, or remove one.
    await expect(
      t.dataSource.query(`UPDATE role_assignments SET role = 'committee_director' WHERE community_id = $1`, [community]),
    ).rejects.toThrow(/permission denied/);
    await expect(t.dataSource.query(`UPDATE role_assignments SET ends_on = NULL WHERE community_id = $1`, [community])).rejects.toThrow(
      /permission denied/,
    );
    await expect(t.dataSource.query(`DELETE FROM role_assignments WHERE community_id = $1`, [community])).rejects.toThrow(
      /permission denied/,
    );
    expect(await state()).toEqual(before);
    expect(await entries()).toBe(recorded);
    // The only way in writes the record entry with the row: the seat is never quiet.
    const [row] = await t.dataSource.query(
      `SELECT assign_role($1, $2, 'committee_member', '2020-01-01', NULL, NULL, NULL, 'identity.role_granted', 'role_assignment', NULL, '{}', 'x') AS id`,
      [community, insider],
    );
    const [entry] = await t.dataSource.query(
      `SELECT action, subject_id FROM record_entries WHERE community_id = $1 AND subject_id = $2::text`,
      [community, row.id],
    );
    expect(entry).toEqual({ action: 'identity.role_granted', subject_id: row.id });
  });
});
