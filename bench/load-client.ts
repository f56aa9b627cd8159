/**
 * Load generator run in its own process, so the client's CPU does not count
 * against the server it measures. Input (stdin JSON): { url, concurrency,
 * requests: [{ path, token, body }] }. Output (stdout JSON): throughput and latency.
 */
import { percentile } from './stats';

interface Job {
  url: string;
  concurrency: number;
  method?: string;
  requests: { path: string; token?: string; body?: unknown }[];
  expectStatus: number;
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const job = JSON.parse(Buffer.concat(chunks).toString()) as Job;
  const latencies: number[] = [];
  const failures: string[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (next < job.requests.length) {
        const request = job.requests[next++];
        const t0 = performance.now();
        const res = await fetch(`${job.url}${request.path}`, {
          method: job.method ?? (request.body === undefined ? 'GET' : 'POST'),
          headers: {
            ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
            ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
        });
        await res.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (res.status !== job.expectStatus && failures.length < 5) failures.push(`${request.path} → ${res.status}`);
      }
    }),
  );
  const wallMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  process.stdout.write(
    JSON.stringify({
      count: latencies.length,
      wallMs,
      perSecond: (latencies.length / wallMs) * 1000,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      failures,
    }),
  );
}

void main();
