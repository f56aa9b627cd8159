import { APP_ROLE, roleUrl } from '@gongyi/database/db-roles';
import { dropDatabase, TEST_APP_PASSWORD, TEST_ENV } from '@gongyi/database/test-databases';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { advanceToAssembly, Cast, chainCast, createItem, openVote, ownerTokens } from '../support/chain-fixtures';
import type { RosterLine } from '../support/fixtures';
import { freePort, ServerProcess, spawnServer } from '../support/server-process';
import { createTestApp, TestApp } from '../support/test-app';

const METRICS_TOKEN = 'two-process-metrics-token-0123';
/** Nine owners, one unit each, areas 80.00 … 160.00 m². */
const ROSTER: RosterLine[] = Array.from({ length: 9 }, (_, i) => ({
  楼栋: '5',
  房号: String(101 + i),
  面积: `${80 + i * 10}.00`,
  面积来源: '登记',
  业主: `双进程业主${i}`,
  手机: `1390000${String(1000 + i)}`,
}));

interface Api {
  baseUrl: string;
  server: ServerProcess;
}

async function waitReady(api: Api, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (api.server.child.exitCode !== null) throw new Error(`server exited early:\n${api.server.output()}`);
    const res = await fetch(`${api.baseUrl}/api/health/ready`).catch(() => undefined);
    if (res?.ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not ready in time:\n${api.server.output()}`);
}

async function stop(server: ServerProcess): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGTERM');
  await server.exited;
}

/**
 * Scale-out as documented in the README ("More than one machine"): two API processes, each started the way
 * `npm start` starts one, on one database and with the same shared settings. Ballots go through both, the
 * vote is closed once by whichever process's job worker takes the job, and the tally and chain are whole.
 * Runs on the test cluster, embedded or DATABASE_URL's (CI runs both).
 */
describe('two API processes on one database', () => {
  let t: TestApp;
  let cast: Cast;
  let databaseName: string;
  const apis: Api[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'gongyi-two-'));

  beforeAll(async () => {
    t = await createTestApp();
    databaseName = new URL(t.ownerUrl).pathname.slice(1);
    const ports = [await freePort(), await freePort()];
    // The settings every process must share: the database, the secrets (tokens issued by one are valid on the
    // other), the public address. Each process has its own port and data folder.
    for (const [i, port] of ports.entries()) {
      const server = spawnServer({
        DATABASE_URL: roleUrl(t.ownerUrl, APP_ROLE, TEST_APP_PASSWORD),
        MIGRATION_DATABASE_URL: t.ownerUrl,
        JWT_SECRET: t.config.jwtSecret,
        MASTER_KEY: t.config.masterKey,
        PUBLIC_URL: 'http://gongyi.test',
        DATA_DIR: join(dataDir, `p${i}`),
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_FORMAT: 'json',
        METRICS_TOKEN,
        LOGIN_SLOWDOWN_MS: '0',
        PUBLIC_RATE_PER_MINUTE: '1000000',
      });
      apis.push({ baseUrl: `http://127.0.0.1:${port}`, server });
    }
    // Meanwhile, the community up to its assembly vote (through the in-process server on the same database).
    cast = await chainCast(t, ROSTER);
    await Promise.all(apis.map((api) => waitReady(api)));
  }, 200_000);

  afterAll(async () => {
    for (const api of apis) await stop(api.server);
    await t?.app.close().catch(() => undefined);
    if (databaseName) await dropDatabase(process.env[TEST_ENV.adminUrl]!, databaseName);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('casts through both, closes once, and the tally and the record chain are whole', async () => {
    const owners = [...(await ownerTokens(t, cast)).values()];
    expect(owners).toHaveLength(9);
    const item = await createItem(t, cast, 'art278_5', '双进程表决议题');
    await advanceToAssembly(t, cast, item);
    const vote = await openVote(t, cast, item, { closesInMs: 30_000, channels: ['online'] });
    // From here on only the two spawned processes serve and run jobs.
    await t.app.close();
    const motionId = vote.motions[0].id;
    const ballotUrl = (api: Api) => `${api.baseUrl}/api/communities/${cast.community}/votes/${vote.id}/ballots`;
    const castVia = (api: Api, token: string, choice: string) =>
      fetch(ballotUrl(api), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ choices: [{ motionId, choice }] }),
      });

    // Owners 0–7 vote (0–5 yes, 6–7 no), alternating between the processes, all at once; owner 8 abstains from voting.
    const statuses = await Promise.all(
      owners.slice(0, 8).map((o, i) => castVia(apis[i % 2], o.token, i < 6 ? 'yes' : 'no').then((r) => r.status)),
    );
    expect(statuses).toEqual(Array(8).fill(201));
    // One ballot per voter holds across processes: owner 0 voted through A, B refuses a second.
    const again = await castVia(apis[1], owners[0].token, 'no');
    expect(again.status).toBe(409);
    expect(((await again.json()) as { requestId?: string }).requestId).toBe(again.headers.get('x-request-id'));

    // Each process counted the ballots it took.
    for (const api of apis) {
      const metrics = await fetch(`${api.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toMatch(/^gongyi_ballots_cast_total\{channel="online"\} 4$/m);
    }

    // The close job runs in one of the processes at the closing time.
    const deadline = Date.now() + 90_000;
    let status = '';
    while (Date.now() < deadline && status !== 'closed') {
      await new Promise((r) => setTimeout(r, 500));
      [{ status }] = await t.ownerQuery<{ status: string }>('SELECT status FROM assembly_votes WHERE id = $1', [vote.id]);
    }
    expect(status).toBe('closed');
    const [a, b] = await Promise.all(
      apis.map((api) => fetch(`${api.baseUrl}/api/communities/${cast.community}/votes/${vote.id}/results`).then((r) => r.json())),
    );
    expect(a).toEqual(b);
    const motion = (
      a as { motions: { outcome: string; tally: { choices: { choice: string; heads: number; areaHundredths: string }[] } }[] }
    ).motions[0];
    expect(motion.outcome).toBe('passed');
    const byChoice = Object.fromEntries(motion.tally.choices.map((c) => [c.choice, c]));
    expect(byChoice.yes).toMatchObject({ heads: 6, areaHundredths: '63000' });
    expect(byChoice.no).toMatchObject({ heads: 2, areaHundredths: '29000' });

    const [{ n: tallies }] = await t.ownerQuery<{ n: number }>('SELECT count(*)::int AS n FROM tally_records WHERE vote_id = $1', [
      vote.id,
    ]);
    expect(tallies).toBe(1);
    const actions = await t.ownerQuery<{ action: string; n: number }>(
      `SELECT action, count(*)::int AS n FROM record_entries WHERE community_id = $1 AND action IN ('voting.ballot_cast', 'voting.vote_closed') GROUP BY action`,
      [cast.community],
    );
    expect(Object.fromEntries(actions.map((r) => [r.action, r.n]))).toEqual({ 'voting.ballot_cast': 8, 'voting.vote_closed': 1 });

    // The chain, checked by each process, is unbroken.
    for (const api of apis) {
      const verify = await fetch(`${api.baseUrl}/api/communities/${cast.community}/record/verify`, {
        headers: { authorization: `Bearer ${cast.director.token}` },
      });
      expect(verify.status).toBe(200);
      expect(await verify.json()).toMatchObject({ ok: true });
    }
  }, 240_000);

  it('wrote its logs as JSON lines, each request line with its request id', () => {
    for (const api of apis) {
      const lines = api.server.output().split('\n').filter(Boolean);
      const parsed = lines.map((line) => {
        try {
          return JSON.parse(line) as Record<string, unknown>;
        } catch {
          throw new Error(`not a JSON log line: ${line}`);
        }
      });
      const requests = parsed.filter((e) => e.msg === 'request completed');
      expect(requests.length).toBeGreaterThan(0);
      for (const entry of requests) expect(entry.requestId).toEqual(expect.any(String));
    }
  });
});
