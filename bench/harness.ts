import { INestApplication } from '@nestjs/common';
import { startEmbeddedPostgres } from '@gongyi/database/embedded-postgres';
import { adminQuery, withDatabase } from '@gongyi/database/test-databases';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, migrate, runtimeConfig } from '../apps/api/src/bootstrap';
import { loadConfig } from '../apps/api/src/config/app-config';
import { UsersService } from '../apps/api/src/identity/users.service';
import { percentile } from './stats';

export { fmt, percentile } from './stats';

export interface BenchServer {
  staticDir: string;
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
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name}`);
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const databaseUrl = withDatabase(adminUrl, name);
  await migrate(databaseUrl);
  const config = runtimeConfig(
    loadConfig({
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATA_DIR: join(tmpdir(), 'gongyi-bench-data'),
      LOG_LEVEL: 'error',
      LOGIN_SLOWDOWN_MS: '0',
    }),
    databaseUrl,
  );
  // A static folder served by the same server, so downloads can be compared with plain static files.
  const staticDir = mkdtempSync(join(tmpdir(), 'gongyi-bench-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>bench</title>');
  process.env.WEB_DIST_DIR = staticDir;
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
    staticDir,
    app,
    baseUrl,
    databaseUrl,
    adminToken: token,
    close: async () => {
      await app.close();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await stopEmbedded?.();
    },
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
