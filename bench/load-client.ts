/**
 * Load generator run in its own process, so the client's CPU does not count
 * against the server it measures. node:http with a keep-alive agent rather than
 * fetch: on a small machine the client shares the CPU with the server, and
 * fetch costs it several times more per request. Input (stdin JSON): { url, concurrency,
 * requests: [{ path, token, body }] }. Output (stdout JSON): throughput and latency.
 */
import { Agent, request as httpRequest } from 'node:http';
import { percentile } from './stats';

interface Job {
  url: string;
  /** Further servers of the same API: connection i goes to [url, ...moreUrls][i % n]. */
  moreUrls?: string[];
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
  const bases = [job.url, ...(job.moreUrls ?? [])].map((url) => ({
    url: new URL(url),
    agent: new Agent({ keepAlive: true, maxSockets: job.concurrency }),
  }));
  const send = (client: number, method: string, path: string, token: string | undefined, body: string | undefined) =>
    new Promise<number>((resolve, reject) => {
      const { agent, url: base } = bases[client % bases.length];
      const req = httpRequest(
        {
          agent,
          host: base.hostname,
          port: base.port,
          method,
          path,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
          },
        },
        (res) => {
          res.on('data', () => undefined);
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: job.concurrency }, async (_, client) => {
      while (next < job.requests.length) {
        const request = job.requests[next++];
        const t0 = performance.now();
        const status = await send(
          client,
          job.method ?? (request.body === undefined ? 'GET' : 'POST'),
          request.path,
          request.token,
          request.body === undefined ? undefined : JSON.stringify(request.body),
        );
        latencies.push(performance.now() - t0);
        if (status !== job.expectStatus && failures.length < 5) failures.push(`${request.path} → ${status}`);
      }
    }),
  );
  const wallMs = performance.now() - started;
  for (const { agent } of bases) agent.destroy();
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
