import { VoteClosingService } from '../../apps/api/src/voting/vote-closing.service';
import { advanceToAssembly, Cast, chainCast, createItem, openVote, ownerTokens } from '../support/chain-fixtures';
import { RosterLine } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const OWNERS = 500;
const roster: RosterLine[] = Array.from({ length: OWNERS }, (_, i) => ({
  楼栋: String(Math.floor(i / 50) + 1),
  房号: String(1000 + i),
  面积: `${80 + (i % 40)}.${String(i % 100).padStart(2, '0')}`,
  面积来源: '登记',
  业主: `业主${i}`,
  手机: `137${String(i).padStart(8, '0')}`,
}));

describe('voting under concurrency', () => {
  let t: TestApp;
  let cast: Cast;
  let owners: Map<string, { token: string }>;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, roster);
    owners = await ownerTokens(t, cast);
  }, 120_000);
  afterAll(() => t.close());

  const ballotOf = (voteId: string, motionId: string, token: string) =>
    t.http
      .post(`/api/communities/${cast.community}/votes/${voteId}/ballots`)
      .set(bearer(token))
      .send({ choices: [{ motionId, choice: 'yes' }] });

  it('200 simultaneous casts by one owner leave exactly one ballot', async () => {
    const item = await createItem(t, cast, 'art278_5', '并发一');
    await advanceToAssembly(t, cast, item);
    const vote = await openVote(t, cast, item);
    const token = owners.get('业主0')!.token;
    const responses = await Promise.all(Array.from({ length: 200 }, () => ballotOf(vote.id, vote.motions[0].id, token)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(199);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM ballots WHERE vote_id = $1', [vote.id]);
    expect(n).toBe(1);
    // The fixture seals the notice (two custodians, a PDF per seal) before the casts: more than the default minute on a busy machine.
  }, 120_000);

  it('500 owners casting at once are all counted', async () => {
    const item = await createItem(t, cast, 'art278_5', '并发二');
    await advanceToAssembly(t, cast, item);
    const vote = await openVote(t, cast, item);
    const responses = await Promise.all([...owners.values()].map(({ token }) => ballotOf(vote.id, vote.motions[0].id, token)));
    expect(responses.filter((r) => r.status === 201)).toHaveLength(OWNERS);
    const participation = await t.http
      .get(`/api/communities/${cast.community}/votes/${vote.id}/participation`)
      .set(bearer(cast.clerk.token))
      .expect(200);
    expect(participation.body.motions[0].heads).toBe(OWNERS);
    const verify = await t.http.get(`/api/communities/${cast.community}/record/verify`).set(bearer(cast.clerk.token)).expect(200);
    expect(verify.body.ok).toBe(true);
  }, 120_000);

  it('casts racing the close are either counted or refused, never lost after a success reply', async () => {
    const item = await createItem(t, cast, 'art278_5', '并发三');
    await advanceToAssembly(t, cast, item);
    const vote = await openVote(t, cast, item);
    const closing = t.app.get(VoteClosingService);
    // The notice is sealed and voting open; the server's clock moves to 1.5 s before the close, so casts race it.
    t.clock.travelTo(new Date(new Date(vote.closesAt).getTime() - 1500));
    const tokens = [...owners.values()].slice(0, 300);
    const casts = tokens.map(({ token }, i) =>
      new Promise((r) => setTimeout(r, i * 10)).then(() => ballotOf(vote.id, vote.motions[0].id, token)),
    );
    // Closers keep trying from just before the closing time, as the job and a second process would.
    const closers = Array.from({ length: 5 }, async () => {
      for (;;) {
        const outcome = await closing.closeIfDue(cast.community, vote.id);
        if (outcome !== 'not_due') return outcome;
        await new Promise((r) => setTimeout(r, 5));
      }
    });
    const [responses, outcomes] = await Promise.all([Promise.all(casts), Promise.all(closers)]).finally(() => t.clock.reset());
    expect(outcomes.filter((o) => o === 'closed')).toHaveLength(1);
    const accepted = responses.filter((r) => r.status === 201).length;
    const refused = responses.filter((r) => r.status === 409 && r.body.code === 'vote_closed').length;
    expect(accepted + refused).toBe(tokens.length);
    expect(accepted).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    const results = await t.http.get(`/api/communities/${cast.community}/votes/${vote.id}/results`).expect(200);
    expect(results.body.motions[0].tally.participation.heads).toBe(accepted);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM ballots WHERE vote_id = $1`, [vote.id]);
    expect(n).toBe(accepted);
  });
});
