import { SMALL_ROSTER } from '../support/fixtures';
import { advanceToAssembly, Cast, chainCast, createItem, openVote } from '../support/chain-fixtures';
import { createTestApp, TestApp } from '../support/test-app';

/** Votes due at the same moment are closed by the job worker together, each exactly once, with its tally. */
describe('closing votes due together', () => {
  let t: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, SMALL_ROSTER);
  });
  afterAll(() => t?.close());

  it('closes and tallies every vote due at the same moment, once each', async () => {
    const votes: string[] = [];
    // One closing instant for all four, far enough ahead for the fixture to seal each notice first.
    const due = Date.now() + 45_000;
    for (let i = 0; i < 4; i++) {
      const item = await createItem(t, cast, 'art278_5', `同时截止议题${i}`);
      await advanceToAssembly(t, cast, item);
      votes.push((await openVote(t, cast, item, { closesInMs: due - Date.now() })).id);
    }
    // All four were scheduled for (almost) the same instant; wait for the worker, not for a clock.
    const deadline = due + 30_000;
    let closed = 0;
    while (Date.now() < deadline && closed < votes.length) {
      await new Promise((r) => setTimeout(r, 250));
      [{ closed }] = await t.dataSource.query(
        `SELECT count(*)::int AS closed FROM assembly_votes WHERE id = ANY($1::uuid[]) AND status = 'closed'`,
        [votes],
      );
    }
    expect(closed).toBe(votes.length);
    const tallies = await t.dataSource.query<{ vote_id: string; n: number }[]>(
      `SELECT vote_id, count(*)::int AS n FROM tally_records WHERE vote_id = ANY($1::uuid[]) GROUP BY vote_id`,
      [votes],
    );
    expect(tallies.map((r) => r.n)).toEqual([1, 1, 1, 1]);
    const entries = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM record_entries WHERE action = 'voting.vote_closed' AND subject_id = ANY($1::text[])`,
      [votes],
    );
    expect(entries[0].n).toBe(votes.length);
  }, 150_000);
});
