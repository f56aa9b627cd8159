import { INestApplication } from '@nestjs/common';
import { startEmbeddedPostgres } from '@gongyi/database/embedded-postgres';
import { adminQuery, TEST_APP_PASSWORD, withDatabase } from '@gongyi/database/test-databases';
import { APP_ROLE, ensureAppRole, roleUrl } from '@gongyi/database/db-roles';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, migrate, runtimeConfig } from '../apps/api/src/bootstrap';
import { loadConfig } from '../apps/api/src/config/app-config';
import { AuthService } from '../apps/api/src/identity/auth.service';
import { UsersService } from '../apps/api/src/identity/users.service';
import { DataSource } from 'typeorm';
import { percentile } from './stats';
import { assignRoleRecorded } from '../apps/api/src/identity/role-writes';
import type { CommunityRole } from '../apps/api/src/identity/roles';

export { fmt, percentile } from './stats';

export interface BenchServer {
  staticDir: string;
  /** The cluster's maintenance database, for creating more databases on it. */
  adminUrl: string;
  app: INestApplication;
  baseUrl: string;
  databaseUrl: string;
  adminToken: string;
  close(): Promise<void>;
}

/** A real server on a fresh database (DATABASE_URL's server, or a throwaway embedded cluster). */
export async function startBenchServer(): Promise<BenchServer> {
  let adminUrl: string;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
  } else {
    const embedded = await startEmbeddedPostgres({
      dataDir: mkdtempSync(join(tmpdir(), 'gongyi-bench-pg-')),
      port: 25000 + (process.pid % 5000),
      database: 'postgres',
      persistent: false,
    });
    adminUrl = embedded.adminUrl;
    stopEmbedded = embedded.stop;
  }
  const name = `gongyi_bench_${process.pid}`;
  // A static folder served by the same server, so downloads can be compared with plain static files.
  const staticDir = mkdtempSync(join(tmpdir(), 'gongyi-bench-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>bench</title>');
  process.env.WEB_DIST_DIR = staticDir;
  const server = await startServerOn(adminUrl, name);
  return {
    ...server,
    staticDir,
    close: async () => {
      await server.close();
      await stopEmbedded?.();
    },
  };
}

/** A fresh database `name` on the cluster of `adminUrl`, migrated, with a server on it and its admin signed in. */
export async function startServerOn(adminUrl: string, name: string): Promise<Omit<BenchServer, 'staticDir'>> {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name}`);
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const databaseUrl = withDatabase(adminUrl, name);
  // Measured as the server runs: connected as the app role, migrated by the owner.
  await ensureAppRole(adminUrl, TEST_APP_PASSWORD);
  await migrate(databaseUrl);
  const config = benchServerConfig(databaseUrl);
  const app = await createServer(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const admin = await app
    .get(UsersService)
    .create({ loginName: 'bench.admin', displayName: '压测管理员', password: 'BenchAdmin123', isPlatformAdmin: true });
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: admin.user.loginName, password: 'BenchAdmin123' }),
  });
  const { token } = (await login.json()) as { token: string };
  return {
    adminUrl,
    app,
    baseUrl,
    databaseUrl,
    adminToken: token,
    close: async () => {
      await app.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** The server configuration of the bench (quiet logs, no login slowdown or rate limits), on `databaseUrl`. */
export function benchServerConfig(databaseUrl: string) {
  return runtimeConfig(
    loadConfig({
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: join(tmpdir(), 'gongyi-bench-data'),
      LOG_LEVEL: 'error',
      LOGIN_SLOWDOWN_MS: '0',
      // The load client logs thousands of owners in from one address.
      LOGIN_RATE_PER_MINUTE: '10000000',
      PUBLIC_RATE_PER_MINUTE: '10000000',
    }),
    roleUrl(databaseUrl, APP_ROLE, TEST_APP_PASSWORD),
    databaseUrl,
  );
}

/**
 * One more API server in a process of its own (bench/server-process), on the same database and secrets as the
 * bench's server: what a deployment on several cores runs (one Node process per core behind the proxy).
 */
export async function startServerProcess(databaseUrl: string): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [join(__dirname, 'server-process.js')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_SERVER_DATABASE_URL: databaseUrl },
  });
  let out = '';
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /^listening (\d+)$/m.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`bench server process exited with ${code}`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export interface LoadResult {
  count: number;
  wallMs: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  failures: string[];
}

/** Runs the requests from a separate process (bench/load-client) with `concurrency` clients. */
export async function runLoad(job: {
  url: string;
  /** More servers: client connections are spread over `url` and these, round robin. */
  moreUrls?: string[];
  concurrency: number;
  expectStatus: number;
  requests: { path: string; token?: string; body?: unknown }[];
}): Promise<LoadResult> {
  const child = spawn(process.execPath, [join(__dirname, 'load-client.js')], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stdin.end(JSON.stringify(job));
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  if (code !== 0) throw new Error(`load client exited with ${code}`);
  const result = JSON.parse(out) as LoadResult;
  if (result.failures.length) throw new Error(`unexpected responses: ${result.failures.join(', ')}`);
  return result;
}

/** Runs `task` `total` times with `concurrency` workers; returns per-call latencies (ms) and wall time. */
export async function runConcurrent(total: number, concurrency: number, task: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t0 = performance.now();
        await task(i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const wallMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    wallMs,
    perSecond: (total / wallMs) * 1000,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

/**
 * Roles for the bench's people, written as the server writes them (assign_role: the assignment and its record
 * entry; the app role may not insert role_assignments itself). One transaction for the lot.
 */
export async function benchGrantRoles(ds: DataSource, communityId: string, userIds: string[], role: CommunityRole): Promise<void> {
  await ds.transaction(async (manager) => {
    for (const userId of userIds) {
      await assignRoleRecorded(
        manager,
        { communityId, userId, role, startsOn: '2020-01-01', endsOn: null, grantedBy: null },
        { actorId: null, payload: { userId, role, startsOn: '2020-01-01', endsOn: null, bench: true } },
      );
    }
  });
}

/**
 * A signed-in committee director of the community, made directly in the database (the bench measures the server,
 * not sign-up): the roster is the committee's to import, never the platform admin's.
 */
export async function benchDirectorToken(server: Pick<BenchServer, 'app'>, communityId: string, login: string): Promise<string> {
  const ds = server.app.get(DataSource);
  const [{ hash }] = await ds.query(`SELECT password_hash AS hash FROM users WHERE login_name = 'bench.admin'`);
  const [user] = await ds.query(`INSERT INTO users (login_name, display_name, password_hash) VALUES ($1, $1, $2) RETURNING *`, [
    login,
    hash,
  ]);
  await benchGrantRoles(ds, communityId, [user.id], 'committee_director');
  return (
    await server.app.get(AuthService).issue({ ...user, displayName: user.display_name, isPlatformAdmin: false, mustChangePassword: false })
  ).token;
}
