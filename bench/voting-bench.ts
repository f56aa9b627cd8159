import { tally } from '@gongyi/domain/voting/tally';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Clock } from '../apps/api/src/common/clock';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../apps/api/src/config/app-config';
import { AuthService } from '../apps/api/src/identity/auth.service';
import { VoteNoticeService } from '../apps/api/src/voting/vote-notice.service';
import { concurrentInsertAnchor } from './concurrent-anchor';
import { availableParallelism } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { benchGrantRoles, BenchServer, fmt, runLoad, startServerProcess } from './harness';
import type { CommunityRole } from '../apps/api/src/identity/roles';

const UNITS = 5000;
const CLIENTS = 32;
/**
 * API processes serving the casts (default 1, the bench's own server): BENCH_API_PROCESSES=2 adds a second server
 * process on the same database, as a deployment on a multi-core machine runs one Node process per core (Node runs
 * JavaScript on one core per process; the anchor's PostgreSQL backends use every core). At most one per core.
 */
const API_PROCESSES = Math.max(1, Math.min(Number(process.env.BENCH_API_PROCESSES ?? 1), availableParallelism()));
const DAY = 86_400_000;

export async function api(server: Pick<BenchServer, 'baseUrl'>, token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.baseUrl}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = res.status === 204 ? null : await res.json();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

/** A 5,000-unit community with an item at the assembly vote and a published, open vote. */
export async function prepare(server: BenchServer) {
  const ds = server.app.get(DataSource);
  const auth = server.app.get(AuthService);
  const community = await api(server, server.adminToken, 'POST', '/communities', { name: '表决压测小区' });
  const [{ hash }] = await ds.query(`SELECT password_hash AS hash FROM users WHERE login_name = 'bench.admin'`);
  const staff: Record<string, string> = {};
  for (const role of ['committee_director', 'party_secretary', 'representative']) {
    const [user] = await ds.query(`INSERT INTO users (login_name, display_name, password_hash) VALUES ($1, $1, $2) RETURNING *`, [
      `bench.${role}`,
      hash,
    ]);
    await benchGrantRoles(ds, community.id, [user.id], role as CommunityRole);
    staff[role] = (await auth.issue({ ...user, displayName: user.display_name, isPlatformAdmin: false, mustChangePassword: false })).token;
  }
  const lines = ['楼栋,房号,面积,面积来源,业主,手机'];
  for (let i = 0; i < UNITS; i++)
    lines.push(
      `${Math.floor(i / 100) + 1},${1000 + i},${80 + (i % 60)}.${String(i % 100).padStart(2, '0')},登记,业主${i},136${String(i).padStart(8, '0')}`,
    );
  const form = new FormData();
  form.append('file', new Blob([lines.join('\n')]), 'roster.csv');
  const imported = await fetch(`${server.baseUrl}/api/communities/${community.id}/roster-imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${staff.committee_director}` },
    body: form,
  });
  if (imported.status !== 201) throw new Error(`import: ${imported.status}`);

  const owners = await ds.query<{ id: string; name: string; mobile: string }[]>(
    `SELECT id, name, mobile FROM owners WHERE community_id = $1`,
    [community.id],
  );
  const users = await ds.query<{ id: string; mobile: string }[]>(
    `INSERT INTO users (mobile, display_name, password_hash) SELECT unnest($1::text[]), unnest($2::text[]), $3 RETURNING id, mobile`,
    [owners.map((o) => o.mobile), owners.map((o) => o.name), hash],
  );
  const userByMobile = new Map(users.map((u) => [u.mobile, u.id]));
  await ds.query(`UPDATE owners o SET user_id = u.id FROM users u WHERE u.mobile = o.mobile AND o.community_id = $1`, [community.id]);
  await benchGrantRoles(
    ds,
    community.id,
    users.map((u) => u.id),
    'owner',
  );
  // The owners' sessions as AuthService.issue makes them (a session row, then an HS256 token naming it), in one insert.
  const ttlMinutes = server.app.get<AppConfig>(APP_CONFIG, { strict: false }).jwtTtlMinutes;
  const ownerIds = owners.map((owner) => userByMobile.get(owner.mobile)!);
  const sessions = await ds.query<{ id: string; user_id: string }[]>(
    `INSERT INTO sessions (user_id, expires_at) SELECT unnest($1::uuid[]), now() + make_interval(mins => $2) RETURNING id, user_id`,
    [ownerIds, ttlMinutes],
  );
  const sessionOf = new Map(sessions.map((row) => [row.user_id, row.id]));
  const jwt = server.app.get(JwtService);
  const tokens = ownerIds.map((id) => jwt.sign({ sub: id, sid: sessionOf.get(id)! }, { expiresIn: ttlMinutes * 60 }));

  const item = await api(server, staff.committee_director, 'POST', `/communities/${community.id}/agenda-items`, {
    title: '压测议题',
    category: 'art278_5',
    description: '压测',
  });
  const meeting = (extra: object) => ({
    heldAt: '2026-11-01T10:00:00+08:00',
    place: '会议室',
    attendees: ['党支部', '居委会', '业委会', '物业'].map((party) => ({ name: party, party, present: true })),
    minutes: '纪要',
    ...extra,
  });
  await api(
    server,
    staff.party_secretary,
    'POST',
    `/communities/${community.id}/agenda-items/${item.id}/stages/party_prediscussion/meeting`,
    meeting({ outcome: 'advance' }),
  );
  await api(
    server,
    staff.committee_director,
    'POST',
    `/communities/${community.id}/agenda-items/${item.id}/stages/joint_meeting/meeting`,
    meeting({ outcome: 'advance', details: { plan: '方案' } }),
  );
  await api(server, staff.committee_director, 'POST', `/communities/${community.id}/agenda-items/${item.id}/skips`, {
    stage: 'representatives_meeting',
    reason: '压测',
  });
  const opensAt = new Date(Date.now() - 5 * DAY);
  const vote = await api(server, staff.committee_director, 'POST', `/communities/${community.id}/agenda-items/${item.id}/votes`, {
    title: '压测表决',
    method: '网上投票',
    channels: ['online'],
    opensAt: opensAt.toISOString(),
    closesAt: new Date(Date.now() + DAY).toISOString(),
    motions: [{ title: '议案', fullText: '全文', kind: 'yes_no' }],
  });
  // Publish as if 17 days before opening, so the 15-day notice period is met.
  const clock = server.app.get(Clock);
  const realNow = clock.now.bind(clock);
  clock.now = () => new Date(opensAt.getTime() - 17 * DAY);
  try {
    const [director] = await ds.query(`SELECT id FROM users WHERE login_name = 'bench.committee_director'`);
    await server.app.get(VoteNoticeService).publish(director.id, community.id, vote.id);
  } finally {
    clock.now = realNow;
  }
  // Publishing is the sealing, and ballots wait for both seals (notice_not_sealed). The seals are not what this bench
  // measures (test/api/notice-sealing covers them), so the notice is marked sealed on its publication day directly.
  await ds.query('UPDATE assembly_votes SET notice_sealed_at = $2 WHERE id = $1', [vote.id, new Date(opensAt.getTime() - 17 * DAY)]);
  const full = await api(server, staff.committee_director, 'GET', `/communities/${community.id}/votes/${vote.id}`);
  return { communityId: community.id as string, voteId: vote.id as string, motionId: full.motions[0].id as string, tokens };
}

/** The same rows as the API writes, inserted and committed one at a time by a bare pg client (left in place: the bench database is dropped). */
async function plainLoop(server: BenchServer, voteId: string, motionId: string, communityId: string): Promise<number> {
  const client = new Client({ connectionString: server.databaseUrl });
  await client.connect();
  const keys = (await client.query(`SELECT voter_key, area_hundredths FROM electors WHERE vote_id = $1`, [voteId])).rows;
  const t0 = performance.now();
  for (const [i, k] of keys.entries()) {
    await client.query(
      `INSERT INTO ballots (community_id, vote_id, motion_id, voter_key, area_hundredths, choice, channel, status, cast_by, receipt_code, cast_at)
       VALUES ($1, $2, $3, $4, $5, 'yes', 'online', 'counted', $6, $7, now())`,
      [communityId, voteId, motionId, `${k.voter_key}-plain`, k.area_hundredths, '00000000-0000-4000-8000-000000000000', `PLAIN-${i}`],
    );
  }
  const perSecond = (keys.length / (performance.now() - t0)) * 1000;
  await client.end();
  return perSecond;
}

/**
 * BENCH_TRACE=1: while the casts run, how long the bench server's own queries take (by their first words),
 * how many there were, and the event loop's delay: where a cast waits.
 */
function traceQueries(server: BenchServer): () => void {
  const ds = server.app.get(DataSource);
  const original = ds.query.bind(ds);
  const stats = new Map<string, { n: number; ms: number }>();
  ds.query = (async (sql: string, params?: unknown[]) => {
    const t0 = performance.now();
    try {
      return await original(sql, params);
    } finally {
      const key = sql.replace(/\s+/g, ' ').trim().slice(0, 60);
      const s = stats.get(key) ?? { n: 0, ms: 0 };
      s.n++;
      s.ms += performance.now() - t0;
      stats.set(key, s);
    }
  }) as typeof ds.query;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  return () => {
    loop.disable();
    ds.query = original;
    console.log(`trace: event loop delay p50 ${fmt(loop.percentile(50) / 1e6)} ms, p99 ${fmt(loop.percentile(99) / 1e6)} ms`);
    for (const [key, s] of [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8))
      console.log(`trace: ${s.n} × ${fmt(s.ms / s.n)} ms  ${key}`);
  };
}

function tallyBench(): number {
  const ballots = Array.from({ length: 100_000 }, (_, i) => ({
    voterKey: `o${i}`,
    areaHundredths: BigInt(8000 + (i % 9000)),
    choice: i % 3 === 0 ? 'no' : i % 7 === 0 ? 'abstain' : 'yes',
  }));
  const totalArea = ballots.reduce((s, b) => s + b.areaHundredths, 0n) + 1_000_000n;
  const t0 = performance.now();
  const result = tally({
    totals: { totalAreaHundredths: totalArea, totalHeadcount: 120_000 },
    motion: { category: 'art278_7', kind: 'yes_no' },
    ballots,
  });
  const ms = performance.now() - t0;
  if (!result.outcome) throw new Error('no outcome');
  return ms;
}

export async function runVotingBench(server: BenchServer): Promise<void> {
  const { communityId, voteId, motionId, tokens } = await prepare(server);
  const trace = process.env.BENCH_TRACE ? traceQueries(server) : undefined;
  const more = await Promise.all(Array.from({ length: API_PROCESSES - 1 }, () => startServerProcess(server.databaseUrl)));
  // BENCH_CPU_PROF=<file.cpuprofile>: a V8 CPU profile of this process (the server) during the HTTP casts only.
  const profile = process.env.BENCH_CPU_PROF ? new Session() : undefined;
  if (profile) {
    profile.connect();
    await profile.post('Profiler.enable');
    await profile.post('Profiler.start');
  }
  const http = await runLoad({
    url: server.baseUrl,
    moreUrls: more.map((m) => m.baseUrl),
    concurrency: CLIENTS,
    expectStatus: 201,
    requests: tokens.map((token) => ({
      path: `/api/communities/${communityId}/votes/${voteId}/ballots`,
      token,
      body: { choices: [{ motionId, choice: 'yes' }] },
    })),
  });
  trace?.();
  await Promise.all(more.map((m) => m.stop()));
  if (profile) {
    const { profile: cpu } = await profile.post('Profiler.stop');
    writeFileSync(process.env.BENCH_CPU_PROF!, JSON.stringify(cpu));
    profile.disconnect();
  }
  const anchor = await concurrentInsertAnchor(server.databaseUrl, { communityId, voteId, motionId }, CLIENTS, tokens.length);
  const plain = await plainLoop(server, voteId, motionId, communityId);
  console.log(
    `ballots over HTTP, ${tokens.length} owners, ${CLIENTS} concurrent clients (separate process), ${API_PROCESSES} API process(es): ${fmt(http.perSecond)} ballots/s, p50 ${fmt(http.p50)} ms, p95 ${fmt(http.p95)} ms, p99 ${fmt(http.p99)} ms`,
  );
  console.log(
    `plain pg loop, same inserts, one connection: ${fmt(plain)} inserts/s → HTTP is ${fmt((http.perSecond / plain) * 100)} % of the plain loop`,
  );
  const ratio = (http.perSecond / anchor.perSecond) * 100;
  console.log(
    `same insert from ${CLIENTS} concurrent connections (${anchor.tool}, same cluster): ${fmt(anchor.perSecond)} inserts/s → HTTP is ${fmt(ratio)} % of it (target ≥ 30 %, p99 ≤ 100 ms)`,
  );
  console.log(`BENCH ballots_per_s ${Math.round(http.perSecond)}`);
  console.log(`BENCH ballots_anchor_concurrent_per_s ${Math.round(anchor.perSecond)}`);
  console.log(`BENCH ballots_ratio_pct ${ratio.toFixed(1)}`);
  console.log(`BENCH ballots_p99_ms ${Math.round(http.p99)}`);
  const runs = [tallyBench(), tallyBench(), tallyBench()].sort((a, b) => a - b);
  console.log(`tally of 100,000 ballots (pure function): median ${fmt(runs[1])} ms of 3 runs (target ≤ 1,000 ms)`);
}
