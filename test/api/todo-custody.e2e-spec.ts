import { Cast, chainCast } from '../support/chain-fixtures';
import { Member } from '../support/fixtures';
import { issueSealsWithPins } from '../support/seal-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

interface Todo {
  items: { kind: string; title: string; detail: string; link: string }[];
}

/** 我的待办 of who keeps the seals: a custody decision waiting for its second member, and a seal nobody can keep. */
describe('我的待办: seal custody', () => {
  let t: TestApp;
  let cast: Cast;
  let committeeSeal: { id: string; commonName: string };
  const url = (path: string) => `/api/communities/${cast.community}${path}`;
  const kinds = async (who: Member, kind: string) =>
    ((await t.http.get(url('/todo')).set(bearer(who.token)).expect(200)).body as Todo).items.filter((i) => i.kind === kind);

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, []);
    // The committee seal kept by the director, the assembly seal by the residents' committee.
    await issueSealsWithPins(t, cast.community, cast.director, [cast.director, cast.residents]);
    const seals = (await t.http.get(url('/seals')).set(bearer(cast.director.token)).expect(200)).body as {
      id: string;
      kind: string;
      status: string;
      commonName: string;
    }[];
    committeeSeal = seals.find((s) => s.kind === 'committee' && s.status === 'active')!;
  });
  afterAll(() => t.close());

  it('a seal kept by someone in office asks nobody to appoint a custodian', async () => {
    for (const who of [cast.director, cast.clerk, cast.residents]) expect(await kinds(who, 'custody_vacant')).toEqual([]);
  });

  it('when the only custodian of the committee seal leaves office, every committee member is asked to appoint one', async () => {
    const [assignment] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM role_assignments WHERE community_id = $1 AND user_id = $2 AND role = 'committee_director'`,
      [cast.community, cast.director.userId],
    );
    await t.http
      .post(url(`/roles/${assignment.id}/end`))
      .set(bearer(t.adminToken))
      .send({})
      .expect(201);
    for (const who of [cast.clerk, cast.clerk2]) {
      const [task] = await kinds(who, 'custody_vacant');
      expect(task).toMatchObject({ title: `${committeeSeal.commonName}无人保管，请指定保管人`, link: `/c/${cast.community}/seals` });
    }
    // The assembly seal's custodian is in office; the 居委会 does not appoint the committee seal's.
    expect(await kinds(cast.residents, 'custody_vacant')).toEqual([]);
  });

  it('a member’s proposal waits for another member, never for the proposer, and leaves the list once confirmed', async () => {
    const proposed = await t.http
      .post(url(`/seals/${committeeSeal.id}/custody-proposals`))
      .set(bearer(cast.clerk.token))
      .send({ userIds: [cast.clerk2.userId], note: '主任任期届满，由王委员保管' })
      .expect(201);
    expect(await kinds(cast.clerk, 'custody_confirm')).toEqual([]);
    const [task] = await kinds(cast.clerk2, 'custody_confirm');
    expect(task.title).toBe(`请确认：${committeeSeal.commonName}保管人`);
    expect(task.link).toBe(`/c/${cast.community}/seals`);
    expect(await kinds(cast.residents, 'custody_confirm')).toEqual([]);

    await t.http
      .post(url(`/seals/${committeeSeal.id}/custody-proposals/${proposed.body.id}/confirmation`))
      .set(bearer(cast.clerk2.token))
      .send({})
      .expect(201);
    expect(await kinds(cast.clerk2, 'custody_confirm')).toEqual([]);
    // Kept again by someone in office: nobody is asked any more.
    for (const who of [cast.clerk, cast.clerk2]) expect(await kinds(who, 'custody_vacant')).toEqual([]);
  });
});
