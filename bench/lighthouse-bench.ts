import { spawn } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { Clock } from '../apps/api/src/common/clock';
import { AuthService } from '../apps/api/src/identity/auth.service';
import { publishStatement } from './finance-bench';
import type { PageScore } from './lighthouse-client';
import { benchGrantRoles, BenchServer } from './harness';
import { community, publishedVote } from './close-votes-bench';

const DAY = 86_400_000;

/** A 20-unit community with an open vote, and one of its owners signed in with an owner account. */
async function ownerWithOpenVote(server: BenchServer): Promise<{ communityId: string; voteId: string; token: string }> {
  const ds = server.app.get(DataSource);
  const clock = server.app.get(Clock);
  const realNow = clock.now.bind(clock);
  clock.now = () => new Date(Date.now() - 22 * DAY);
  let c: Awaited<ReturnType<typeof community>>;
  let voteId: string;
  try {
    c = await community(server, 50, 20, '页面压测小区');
    voteId = await publishedVote(server, c, 0);
  } finally {
    clock.now = realNow;
  }
  const [owner] = await ds.query(`SELECT id, name, mobile FROM owners WHERE community_id = $1 ORDER BY mobile LIMIT 1`, [c.communityId]);
  const [{ hash }] = await ds.query(`SELECT password_hash AS hash FROM users WHERE login_name = 'bench.admin'`);
  const [user] = await ds.query(`INSERT INTO users (mobile, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`, [
    owner.mobile,
    owner.name,
    hash,
  ]);
  await ds.query(`UPDATE owners SET user_id = $1 WHERE id = $2`, [user.id, owner.id]);
  await benchGrantRoles(ds, c.communityId, [user.id], 'owner');
  const { token } = await server.app
    .get(AuthService)
    .issue({ id: user.id, displayName: owner.name, isPlatformAdmin: false, mustChangePassword: false } as never);
  return { communityId: c.communityId, voteId, token };
}

/** The pages owners and visitors open on their phones (issue 15), each measured on a first visit. */
export async function runLighthouseBench(server: BenchServer): Promise<void> {
  const web = resolve(process.cwd(), 'dist', 'web');
  if (!existsSync(join(web, 'index.html'))) throw new Error('dist/web is missing: run `npm run build` first');
  // The bench server serves this folder at /; put the real build there, .br/.gz copies included.
  cpSync(web, server.staticDir, { recursive: true });

  const statement = await publishStatement(server, '-lighthouse');
  const vote = await ownerWithOpenVote(server);
  const pages = [
    { name: 'login', url: `${server.baseUrl}/login` },
    { name: 'public', url: `${server.baseUrl}/p/${statement.communityId}` },
    // The statement's public page: its sealed PDF's registration and seals, looked up by document number.
    { name: 'statement', url: `${server.baseUrl}/verify/${encodeURIComponent(statement.documentNumber)}` },
    { name: 'verify', url: `${server.baseUrl}/verify` },
    { name: 'ballot', url: `${server.baseUrl}/c/${vote.communityId}/my-votes/${vote.voteId}`, token: vote.token },
  ];
  const child = spawn(process.execPath, [join(__dirname, 'lighthouse-client.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stdin.end(JSON.stringify({ origin: server.baseUrl, tokenKey: 'gongyi.token', pages }));
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  if (code !== 0) throw new Error(`lighthouse client exited with ${code}`);
  for (const page of JSON.parse(out) as PageScore[]) {
    console.log(
      `lighthouse ${page.name} (mobile): performance ${page.performance}, LCP ${page.lcpMs} ms, accessibility ${page.accessibility}, ${Math.round(page.bytes / 1024)} KiB` +
        (page.failedAudits.length ? ` (accessibility audits failed: ${page.failedAudits.join(', ')})` : '') +
        ' (targets ≥ 95, ≤ 2,000 ms, 100, ≤ 250 KiB)',
    );
    console.log(`BENCH lighthouse_${page.name}_performance ${page.performance}`);
    console.log(`BENCH lighthouse_${page.name}_lcp_ms ${page.lcpMs}`);
    console.log(`BENCH lighthouse_${page.name}_accessibility ${page.accessibility}`);
    console.log(`BENCH lighthouse_${page.name}_bytes ${page.bytes}`);
  }
}
