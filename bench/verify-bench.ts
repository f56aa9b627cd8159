/**
 * Verification bench: the largest crafted PDF POST /api/verify accepts (bench/crafted-pdf.ts: 10 MB, 8 real
 * CMS signatures each covering the file, /Contents at its limit), uploaded from another process while a third
 * process polls /api/health, so neither client shares the server's event loop.
 *
 *   BENCH verify_worst_case_ms <median of the uploads>
 *   BENCH health_p99_during_verify_ms <p99 of health polls while the uploads run>
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { worstAllowedPdf } from './crafted-pdf';
import type { BenchServer } from './harness';

const UPLOADS = 5;

const UPLOADER = `
const { readFileSync } = require('node:fs');
const [url, file, n] = process.argv.slice(1);
(async () => {
  const bytes = readFileSync(file);
  const times = [];
  for (let i = 0; i < Number(n); i++) {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'application/pdf' }), 'worst.pdf');
    const t0 = performance.now();
    const res = await fetch(url + '/api/verify', { method: 'POST', body: form });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error('verify answered ' + res.status);
    times.push(performance.now() - t0);
  }
  process.stdout.write(JSON.stringify(times));
})().catch((e) => { console.error(e); process.exit(1); });
`;

const POLLER = `
const http = require('node:http');
const url = process.argv[1] + '/api/health';
const times = [];
let stop = false;
process.stdin.on('data', () => (stop = true));
const once = () => new Promise((resolve, reject) => {
  const t0 = performance.now();
  http.get(url, (res) => { res.resume(); res.on('end', () => { times.push(performance.now() - t0); resolve(); }); }).on('error', reject);
});
(async () => {
  while (!stop) { await once(); await new Promise((r) => setTimeout(r, 20)); }
  process.stdout.write(JSON.stringify(times));
})().catch((e) => { console.error(e); process.exit(1); });
`;

function run(script: string, args: string[]) {
  const child = spawn(process.execPath, ['-e', script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const done = new Promise<number[]>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as number[]) : reject(new Error(`bench child exited ${code}`)))),
  );
  return { child, done };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

export async function runVerifyBench(server: BenchServer): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gongyi-verify-bench-'));
  try {
    const file = join(dir, 'worst.pdf');
    const pdf = await worstAllowedPdf();
    writeFileSync(file, pdf);
    // One upload first: starts (and warms) the worker thread. Then collect what building the file left behind
    // (this process also hosts the server), so its garbage is not timed as the server's.
    await run(UPLOADER, [server.baseUrl, file, '1']).done;
    (globalThis as { gc?: () => void }).gc?.();
    // The same polling with nothing else running: on a loaded machine the scheduler alone shows in the p99.
    const idle = run(POLLER, [server.baseUrl]);
    await new Promise((r) => setTimeout(r, 3000));
    idle.child.stdin.end('stop');
    const idleTimes = await idle.done;
    const poller = run(POLLER, [server.baseUrl]);
    await new Promise((r) => setTimeout(r, 200));
    // The server runs in this process: its own event-loop delay separates a blocked loop from a busy machine.
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const uploads = await run(UPLOADER, [server.baseUrl, file, String(UPLOADS)]).done;
    loop.disable();
    poller.child.stdin.end('stop');
    const health = await poller.done;
    console.log(
      `worst allowed upload: ${(pdf.length / 1024 / 1024).toFixed(1)} MB, 8 signatures; ${UPLOADS} uploads, ${health.length} health polls`,
    );
    console.log(`BENCH verify_worst_case_ms ${Math.round(percentile(uploads, 50))}`);
    console.log(`BENCH health_p99_during_verify_ms ${Math.round(percentile(health, 99))}`);
    console.log(`BENCH health_p99_idle_ms ${Math.round(percentile(idleTimes, 99))}`);
    console.log(
      `health during verify p50 ${Math.round(percentile(health, 50))} ms, p95 ${Math.round(percentile(health, 95))} ms; ` +
        `server event-loop delay p99 ${Math.round(loop.percentile(99) / 1e6)} ms, max ${Math.round(loop.max / 1e6)} ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
