import { advanceToAssembly, Cast, chainCast, createItem, openVote, ownerTokens } from '../support/chain-fixtures';
import { createMember, Member, RosterLine } from '../support/fixtures';
import { issueSealsWithPins } from '../support/seal-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const ROSTER: RosterLine[] = ['甲', '乙', '丙'].map((n, i) => ({
  楼栋: '1',
  单元: '1',
  房号: `${i + 1}01`,
  面积: '90',
  面积来源: '登记',
  业主: `业主${n}`,
  手机: `1390000020${i}`,
}));

interface Todo {
  count: number;
  items: { kind: string; title: string; detail: string; link: string; atText: string | null }[];
}

/** Issue 14: every event that creates work for someone tells that person (in-app), and it shows in 我的待办. */
describe('work that waits: the second clerk, new role holders and new custodians are told', () => {
  let t: TestApp;
  let cast: Cast;
  const url = (path: string) => `/api/communities/${cast.community}${path}`;
  const todo = async (who: Member): Promise<Todo> => (await t.http.get(url('/todo')).set(bearer(who.token)).expect(200)).body;
  const personal = (userId: string, subjectType: string) =>
    t.dataSource.query<{ subject: string; body: string; recipient_role: string }[]>(
      'SELECT subject, body, recipient_role FROM notifications WHERE community_id = $1 AND recipient_user_id = $2 AND subject_type = $3',
      [cast.community, userId, subjectType],
    );

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, ROSTER);
  });
  afterAll(() => t.close());

  it('a role granted is told to the person who holds it now, not only to the 居委会', async () => {
    const rep = await createMember(t, cast.community, 'representative');
    const [note] = await personal(rep.userId, 'role_assignment');
    expect(note).toMatchObject({ subject: '您已获授「居民代表」角色', recipient_role: 'representative' });
    expect(note.body).toMatch(/自 \d{4}-\d{2}-\d{2} 起生效/);
    expect((await todo(rep)).items.some((i) => i.kind === 'notification' && i.title === '新通知：您已获授「居民代表」角色')).toBe(true);
    // Someone else holding the same role reads only the notice of their own grant, not this one.
    expect((await todo(cast.representative)).items.filter((i) => i.title.includes('您已获授'))).toHaveLength(1);
    expect(await personal(rep.userId, 'role_assignment')).toHaveLength(1);
  });

  it('a new assembly-seal custodian is told personally to set a PIN and take the key', async () => {
    await issueSealsWithPins(t, cast.community, cast.director, [cast.residents, cast.director]);
    const seals = (await t.http.get(url('/seals')).set(bearer(cast.residents.token)).expect(200)).body as {
      id: string;
      kind: string;
      active?: boolean;
    }[];
    const assembly = seals.find((s) => s.kind === 'assembly')!;
    const deputy = await createMember(t, cast.community, 'residents_committee');
    await t.http
      .put(url(`/seals/${assembly.id}/custodians`))
      .set(bearer(cast.residents.token))
      .send({ userIds: [cast.residents.userId, deputy.userId] })
      .expect(200);
    const notes = await personal(deputy.userId, 'seal');
    expect(notes.map((n) => n.subject)).toEqual(['您已成为业主大会章保管人']);
    expect(notes[0].body).toContain('设置用章密码');
    // The custodian who stays is not told he became one.
    expect((await personal(cast.residents.userId, 'seal')).map((n) => n.subject)).not.toContain('您已成为业主大会章保管人');
  });

  it('a written proxy waits for a second member in 我的待办 — not for the clerk who entered it nor the holder — until confirmed', async () => {
    const owners = await ownerTokens(t, cast);
    const item = await createItem(t, cast, 'art278_5', '动用维修资金更换水泵');
    await advanceToAssembly(t, cast, item);
    const vote = await openVote(t, cast, item);
    const [elector] = await t.dataSource.query('SELECT id FROM electors WHERE vote_id = $1 AND voter_key = $2', [
      vote.id,
      owners.get('业主甲')!.ownerId,
    ]);
    const entered = await t.http
      .post(url(`/votes/${vote.id}/proxies`))
      .set(bearer(cast.clerk.token))
      .send({ electorId: elector.id, holderUserId: cast.director.userId, authorisation: '委托书-甲' })
      .expect(201);
    const proxyTasks = async (who: Member) => (await todo(who)).items.filter((i) => i.kind === 'proxy');
    const [task] = await proxyTasks(cast.clerk2);
    expect(task).toMatchObject({ link: `/c/${cast.community}/votes/${vote.id}` });
    expect(task.title).toContain('书面委托待核对');
    expect(task.atText).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
    expect(await proxyTasks(cast.clerk)).toEqual([]);
    expect(await proxyTasks(cast.director)).toEqual([]);
    await t.http
      .post(url(`/votes/${vote.id}/proxies/${entered.body.id}/confirmation`))
      .set(bearer(cast.clerk2.token))
      .expect(201);
    expect(await proxyTasks(cast.clerk2)).toEqual([]);
  });
});
