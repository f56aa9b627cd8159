import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { runConcurrent } from './harness';

const PGBENCH = process.env.PGBENCH ?? '/usr/bin/pgbench';

/**
 * The database's own rate for a ballot-shaped single-row insert from `clients` concurrent connections, on the same
 * cluster and in the same run as the HTTP figure: pgbench (-c clients -j 2, a custom script), or, where pgbench is
 * missing, a node loop over `clients` pg connections. Rows go to a copy of the ballots table (same columns, indexes
 * and checks), so the vote being measured stays untouched. Returns inserts per second.
 */
export async function concurrentInsertAnchor(
  databaseUrl: string,
  ids: { communityId: string; voteId: string; motionId: string },
  clients: number,
  total: number,
): Promise<{ perSecond: number; tool: 'pgbench' | 'node-pg' }> {
  const admin = new Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`DROP TABLE IF EXISTS bench_ballots_anchor`);
  await admin.query(`CREATE TABLE bench_ballots_anchor (LIKE ballots INCLUDING ALL)`);
  await admin.end();
  const insert = `INSERT INTO bench_ballots_anchor (community_id, vote_id, motion_id, voter_key, area_hundredths, choice, channel, status, cast_by, receipt_code, cast_at)
    VALUES ('${ids.communityId}', '${ids.voteId}', '${ids.motionId}', 'anchor-' || gen_random_uuid(), 9000, 'yes', 'online', 'counted', '00000000-0000-4000-8000-000000000000', 'A-' || gen_random_uuid(), now())`;
  try {
    if (existsSync(PGBENCH)) return { perSecond: await pgbench(databaseUrl, insert, clients, total), tool: 'pgbench' };
    return { perSecond: await nodeLoop(databaseUrl, insert, clients, total), tool: 'node-pg' };
  } finally {
    const cleanup = new Client({ connectionString: databaseUrl });
    await cleanup.connect();
    await cleanup.query(`DROP TABLE IF EXISTS bench_ballots_anchor`);
    await cleanup.end();
  }
}

async function pgbench(databaseUrl: string, insert: string, clients: number, total: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'gongyi-pgbench-'));
  const script = join(dir, 'insert.sql');
  writeFileSync(script, `${insert.replace(/\s*\n\s*/g, ' ')};\n`);
  try {
    const out = await new Promise<string>((resolve, reject) =>
      execFile(
        PGBENCH,
        ['-n', '-c', String(clients), '-j', '2', '-t', String(Math.ceil(total / clients)), '-M', 'prepared', '-f', script, databaseUrl],
        (error, stdout, stderr) => (error ? reject(new Error(`pgbench: ${stderr || error.message}`)) : resolve(stdout)),
      ),
    );
    const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1];
    if (!tps) throw new Error(`pgbench printed no tps: ${out}`);
    return Number(tps);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function nodeLoop(databaseUrl: string, insert: string, clients: number, total: number): Promise<number> {
  const pool = await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = new Client({ connectionString: databaseUrl });
      await c.connect();
      return c;
    }),
  );
  let free = [...pool];
  try {
    const result = await runConcurrent(total, clients, async () => {
      const c = free.pop()!;
      await c.query(insert);
      free.push(c);
    });
    return result.perSecond;
  } finally {
    free = [];
    await Promise.all(pool.map((c) => c.end()));
  }
}
