import { DataSource } from 'typeorm';
import { Clock } from '../apps/api/src/common/clock';
import { AppServer, community, publishedVote } from './close-votes-bench';
import { BenchServer, fmt, percentile, startServerOn } from './harness';

const COMMUNITIES = Number(process.env.DISTRICT_COMMUNITIES ?? 1000);
const UNITS = 300;
/** Record entries per community: a year of about one a day. */
const ENTRIES = 365;
const SAMPLES = 60;
/** Requests first sent and not counted: they warm the plan and page caches. */
const WARMUP = 20;
const DAY = 86_400_000;

/** Community tables copied for each district community, parents first. */
const CLONED = [
  'communities',
  'rulebooks',
  'buildings',
  'units',
  'owners',
  'unit_owners',
  'role_assignments',
  'agenda_items',
  'assembly_votes',
  'motions',
  'electors',
  'ballots',
];
/** uuid columns pointing at rows that are copied too: copy k gets bench_uuid(id, k) instead. */
const REMAPPED = new Set(['id', 'community_id', 'building_id', 'unit_id', 'owner_id', 'agenda_item_id', 'vote_id', 'motion_id']);

/**
 * Copies the template community `copies` times in one INSERT … SELECT per table (ids remapped, users shared), then
 * gives every community a year of record entries through record_pending + record_drain, so each chain is valid.
 */
async function buildDistrict(ds: DataSource, templateId: string, copies: number): Promise<void> {
  // A version-4-shaped uuid derived from (id, k): the API accepts only v4 ids.
  await ds.query(`CREATE OR REPLACE FUNCTION bench_uuid(o uuid, k int) RETURNS uuid LANGUAGE sql IMMUTABLE AS $$
    SELECT (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid FROM md5(o::text || ':' || k) h $$`);
  for (const table of CLONED) {
    const columns = await ds.query<{ column_name: string; udt_name: string }[]>(
      `SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    const names = columns.map((c) => `"${c.column_name}"`).join(', ');
    const values = columns
      .map(({ column_name: name, udt_name: type }) => {
        if (type === 'uuid' && REMAPPED.has(name)) return `bench_uuid(t."${name}", k)`;
        if (table === 'communities' && name === 'name') return `t.name || '-' || k`;
        return `t."${name}"`;
      })
      .join(', ');
    const scope = table === 'communities' ? 't.id = $1' : 't.community_id = $1';
    await ds.query(`INSERT INTO ${table} (${names}) SELECT ${values} FROM ${table} t, generate_series(1, $2::int) k WHERE ${scope}`, [
      templateId,
      copies,
    ]);
  }
  await recordYear(ds, `SELECT bench_uuid($1::uuid, k) AS id FROM generate_series(1, $2::int) k`, [templateId, copies]);
}

/** ENTRIES record entries per community, one a day over the past year, chained by record_drain. */
async function recordYear(ds: DataSource, communities: string, params: unknown[]): Promise<void> {
  await ds.query(
    `INSERT INTO record_pending (community_id, occurred_at, actor_id, action, subject_type, subject_id, payload, payload_digest)
     SELECT c.id, now() - make_interval(days => ${ENTRIES} - d), NULL, 'bench.daily_note', 'community', c.id::text, p.payload,
            encode(sha256(convert_to(p.payload::text, 'UTF8')), 'hex')
       FROM (${communities}) c, generate_series(1, ${ENTRIES}) d,
            LATERAL (SELECT jsonb_build_object('day', d) AS payload) p`,
    params,
  );
  await ds.query(`SELECT record_drain(c.id) FROM (${communities}) c`, params);
}

/** The reads the pages make, for one community. */
function reads(communityId: string, voteId: string): Record<string, string> {
  const c = `/api/communities/${communityId}`;
  return {
    overview_totals: `${c}/totals`,
    units: `${c}/units`,
    participation: `${c}/votes/${voteId}/participation`,
    canvassing: `${c}/votes/${voteId}/canvassing`,
    record: `${c}/record`,
    public: `/api/public/communities/${communityId}`,
    record_verify: `${c}/record/verify`,
  };
}

interface Target {
  server: AppServer;
  token: string;
  communityId: string;
  voteId: string;
}

async function timedGet(target: Target, path: string, name: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${target.server.baseUrl}${path}`, { headers: { authorization: `Bearer ${target.token}` } });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${name}: ${res.status}`);
  return performance.now() - t0;
}

/**
 * p95 (ms) of each read, alone and in the district, their requests interleaved one by one so that both see the same
 * load on this shared machine; the district's requests go round `district` communities.
 */
async function measure(lone: Target, district: Target[]) {
  const result: Record<string, { lone: number; district: number }> = {};
  for (const name of Object.keys(reads(lone.communityId, lone.voteId))) {
    const times = { lone: [] as number[], district: [] as number[] };
    for (let i = 0; i < SAMPLES + WARMUP; i++) {
      const other = district[i % district.length];
      const a = await timedGet(lone, reads(lone.communityId, lone.voteId)[name], name);
      const b = await timedGet(other, reads(other.communityId, other.voteId)[name], name);
      if (i >= WARMUP) {
        times.lone.push(a);
        times.district.push(b);
      }
    }
    times.lone.sort((x, y) => x - y);
    times.district.sort((x, y) => x - y);
    result[name] = { lone: percentile(times.lone, 95), district: percentile(times.district, 95) };
  }
  return result;
}

/** A 300-unit community with a published vote (half the ballots in) and a year of record entries. */
async function template(server: AppServer, name: string) {
  const ds = server.app.get(DataSource);
  const clock = server.app.get(Clock);
  const realNow = clock.now.bind(clock);
  clock.now = () => new Date(Date.now() - 22 * DAY);
  let c: Awaited<ReturnType<typeof community>>;
  let voteId: string;
  try {
    c = await community(server, 99, UNITS, name);
    voteId = await publishedVote(server, c, 0);
  } finally {
    clock.now = realNow;
  }
  const [motion] = await ds.query(`SELECT id FROM motions WHERE vote_id = $1`, [voteId]);
  await ds.query(
    `INSERT INTO ballots (community_id, vote_id, motion_id, voter_key, area_hundredths, choice, channel, status, cast_by, receipt_code, cast_at)
     SELECT community_id, vote_id, $2, voter_key, area_hundredths, 'yes', 'online', 'counted', $3, 'D-' || left(md5(voter_key), 12), now()
       FROM electors WHERE vote_id = $1 AND abs(hashtext(voter_key)) % 2 = 0`,
    [voteId, motion.id, c.staff.committee_director.id],
  );
  await recordYear(ds, `SELECT $1::uuid AS id`, [c.communityId]);
  return { server, token: c.staff.committee_director.token, communityId: c.communityId, voteId };
}

/**
 * A district: COMMUNITIES communities × 300 units (owners, a published vote with half the ballots in, a year of
 * record entries each) in a database of its own, served by a second server in this process; the same community
 * alone in the bench's database. The per-community reads pages make are compared between the two.
 */
export async function runDistrictBench(server: BenchServer): Promise<void> {
  const lone = await template(server, '单独压测小区');
  await server.app.get(DataSource).query('ANALYZE');
  const second = await startServerOn(server.adminUrl, `gongyi_district_${process.pid}`);
  try {
    const seed = await template(second, '街道压测小区');
    const ds = second.app.get(DataSource);
    const t0 = performance.now();
    await buildDistrict(ds, seed.communityId, COMMUNITIES - 1);
    await ds.query('ANALYZE');
    const buildMs = performance.now() - t0;
    const [{ size, units }] = await ds.query(
      `SELECT pg_database_size(current_database()) AS size, (SELECT count(*)::int FROM units) AS units`,
    );
    console.log(
      `district: ${COMMUNITIES} communities, ${units} units and as many owners, ${ENTRIES} record entries each; built in ${fmt(buildMs / 1000)} s; database ${fmt(Number(size) / 2 ** 20)} MiB`,
    );
    // Reads spread over communities all over the district (the copies' ids follow from the seed's).
    const sample = await ds.query<{ communityId: string; voteId: string }[]>(
      `SELECT bench_uuid($1::uuid, k) AS "communityId", bench_uuid($2::uuid, k) AS "voteId"
         FROM generate_series(1, $3::int) k ORDER BY random() LIMIT 20`,
      [seed.communityId, seed.voteId, COMMUNITIES - 1],
    );
    const result = await measure(
      lone,
      sample.map((t) => ({ ...t, server: second, token: seed.token })),
    );
    if (process.env.DISTRICT_HOLD_S) {
      // For EXPLAIN by hand: the district stays up this long before the bench drops it.
      console.log(`district database ${second.databaseUrl}, e.g. community ${sample[0].communityId} vote ${sample[0].voteId}`);
      await new Promise((r) => setTimeout(r, Number(process.env.DISTRICT_HOLD_S) * 1000));
    }
    for (const [name, p95] of Object.entries(result)) {
      const ratio = p95.district / p95.lone;
      console.log(
        `  ${name}: p95 ${fmt(p95.district)} ms in the district vs ${fmt(p95.lone)} ms alone → ${ratio.toFixed(2)} (target ≤ 1.2)`,
      );
      console.log(`BENCH district_${name}_p95_ms ${p95.district.toFixed(1)}`);
      console.log(`BENCH district_${name}_ratio ${ratio.toFixed(2)}`);
    }
    console.log(`BENCH district_database_mib ${Math.round(Number(size) / 2 ** 20)}`);
  } finally {
    await second.close();
  }
}
