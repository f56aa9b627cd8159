import { DataSource } from 'typeorm';
import { Clock } from '../apps/api/src/common/clock';
import { AuthService } from '../apps/api/src/identity/auth.service';
import { VoteClosingService } from '../apps/api/src/voting/vote-closing.service';
import { VoteNoticeService } from '../apps/api/src/voting/vote-notice.service';
import { benchGrantRoles, BenchServer, fmt } from './harness';
import type { CommunityRole } from '../apps/api/src/identity/roles';
import { api } from './voting-bench';

const COMMUNITIES = 4;
const VOTES_PER_COMMUNITY = 25;
const DAY = 86_400_000;

/** What a community needs of the server: the harness's or a second one on another database. */
export type AppServer = Pick<BenchServer, 'app' | 'baseUrl' | 'adminToken'>;

/** A community of `units` units with the two staff roles the agenda chain needs. */
export async function community(server: AppServer, n: number, units = 20, name = `同时截止压测小区${n}`) {
  const ds = server.app.get(DataSource);
  const auth = server.app.get(AuthService);
  const created = await api(server, server.adminToken, 'POST', '/communities', { name });
  const [{ hash }] = await ds.query(`SELECT password_hash AS hash FROM users WHERE login_name = 'bench.admin'`);
  const staff: Record<string, { id: string; token: string }> = {};
  for (const role of ['committee_director', 'party_secretary']) {
    const [user] = await ds.query(`INSERT INTO users (login_name, display_name, password_hash) VALUES ($1, $1, $2) RETURNING *`, [
      `close${n}.${role}`,
      hash,
    ]);
    await benchGrantRoles(ds, created.id, [user.id], role as CommunityRole);
    const { token } = await auth.issue({ ...user, displayName: user.display_name, isPlatformAdmin: false, mustChangePassword: false });
    staff[role] = { id: user.id, token };
  }
  const lines = ['楼栋,房号,面积,面积来源,业主,手机'];
  for (let i = 0; i < units; i++)
    lines.push(`${Math.floor(i / 100) + 1},${1000 + i},${80 + (i % 60)}.50,登记,业主${n}-${i},137${String(n * 1000 + i).padStart(8, '0')}`);
  const form = new FormData();
  form.append('file', new Blob([lines.join('\n')]), 'roster.csv');
  const imported = await fetch(`${server.baseUrl}/api/communities/${created.id}/roster-imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${staff.committee_director.token}` },
    body: form,
  });
  if (imported.status !== 201) throw new Error(`import: ${imported.status}`);
  return { communityId: created.id as string, staff };
}

/** An agenda item taken to the assembly vote, and its vote published (notice period met) with one motion. */
export async function publishedVote(server: AppServer, c: Awaited<ReturnType<typeof community>>, i: number): Promise<string> {
  const base = `/communities/${c.communityId}/agenda-items`;
  const director = c.staff.committee_director.token;
  const item = await api(server, director, 'POST', base, { title: `同时截止议题${i}`, category: 'art278_5', description: '压测' });
  const meeting = (extra: object) => ({
    heldAt: '2026-11-01T10:00:00+08:00',
    place: '会议室',
    attendees: ['党支部', '居委会', '业委会', '物业'].map((party) => ({ name: party, party, present: true })),
    minutes: '纪要',
    ...extra,
  });
  await api(
    server,
    c.staff.party_secretary.token,
    'POST',
    `${base}/${item.id}/stages/party_prediscussion/meeting`,
    meeting({ outcome: 'advance' }),
  );
  await api(
    server,
    director,
    'POST',
    `${base}/${item.id}/stages/joint_meeting/meeting`,
    meeting({ outcome: 'advance', details: { plan: '方案' } }),
  );
  await api(server, director, 'POST', `${base}/${item.id}/skips`, { stage: 'representatives_meeting', reason: '压测' });
  const vote = await api(server, director, 'POST', `${base}/${item.id}/votes`, {
    title: `同时截止表决${i}`,
    method: '网上投票',
    channels: ['online'],
    opensAt: new Date(Date.now() - 5 * DAY).toISOString(),
    closesAt: new Date(Date.now() + DAY).toISOString(),
    motions: [{ title: '议案', fullText: '全文', kind: 'yes_no' }],
  });
  await server.app.get(VoteNoticeService).publish(c.staff.committee_director.id, c.communityId, vote.id);
  return vote.id as string;
}

/**
 * 100 open votes (4 communities × 25) all due at the same instant, closed by the pg-boss jobs as in production:
 * the figure is the time from the due instant until the last one is closed and tallied (its tally, record entry and
 * agenda outcome written in the same transaction).
 */
export async function runCloseVotesBench(server: BenchServer): Promise<void> {
  const ds = server.app.get(DataSource);
  const clock = server.app.get(Clock);
  const votes: { communityId: string; voteId: string }[] = [];
  const realNow = clock.now.bind(clock);
  // Published as if 17 days before opening, so the 15-day notice period is met.
  clock.now = () => new Date(Date.now() - 22 * DAY);
  try {
    for (let n = 0; n < COMMUNITIES; n++) {
      const c = await community(server, n);
      for (let i = 0; i < VOTES_PER_COMMUNITY; i++) votes.push({ communityId: c.communityId, voteId: await publishedVote(server, c, i) });
    }
  } finally {
    clock.now = realNow;
  }
  // All due at one instant a few seconds from now; their jobs are scheduled for it like at publication.
  const due = new Date(Math.ceil((Date.now() + 3000) / 1000) * 1000);
  const ids = votes.map((v) => v.voteId);
  await ds.query(`UPDATE assembly_votes SET closes_at = $1 WHERE id = ANY($2::uuid[])`, [due, ids]);
  const closing = server.app.get(VoteClosingService);
  for (const v of votes) await closing.scheduleClose({ id: v.voteId, communityId: v.communityId, closesAt: due }, `${v.voteId}:bench`);
  let closed = 0;
  while (Date.now() < due.getTime() + 60_000) {
    [{ closed }] = await ds.query(`SELECT count(*)::int AS closed FROM assembly_votes WHERE id = ANY($1::uuid[]) AND status = 'closed'`, [
      ids,
    ]);
    if (closed === ids.length) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const [{ first, last, tallies }] = await ds.query(
    `SELECT min(v.closed_at) AS first, max(v.closed_at) AS last, (SELECT count(*)::int FROM tally_records t WHERE t.vote_id = ANY($1::uuid[])) AS tallies
       FROM assembly_votes v WHERE v.id = ANY($1::uuid[])`,
    [ids],
  );
  if (closed !== ids.length || tallies !== ids.length) throw new Error(`only ${closed} of ${ids.length} votes closed (${tallies} tallies)`);
  const ms = new Date(last).getTime() - due.getTime();
  const firstMs = new Date(first).getTime() - due.getTime();
  console.log(
    `${ids.length} votes due at the same instant (${COMMUNITIES} communities): first closed ${fmt(firstMs)} ms after, last closed and tallied ${fmt(ms)} ms after (target ≤ 5,000 ms)`,
  );
  console.log(`BENCH close_100_votes_ms ${Math.round(ms)}`);
}
