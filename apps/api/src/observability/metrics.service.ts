import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JobsService } from '../jobs/jobs.service';

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * What Prometheus scrapes at GET /metrics (one registry per application instance, so API tests that start several
 * apps in one process do not collide). Counters are per process: with several API processes, sum them by job.
 * Gauges that read the database (queue depth, record drain lag) are collected at scrape time only.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly logger = new Logger('Metrics');
  private readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  private readonly ballots: Counter<'channel'>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {
    // Process figures (CPU, memory, event-loop lag) start timers and observers: only when someone scrapes.
    if (config.metricsToken) collectDefaultMetrics({ register: this.registry, prefix: 'gongyi_' });
    this.httpDuration = new Histogram({
      name: 'gongyi_http_request_duration_seconds',
      help: 'HTTP request latency by route template (e.g. /api/communities/:communityId/votes/:id/ballots)',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.ballots = new Counter({
      name: 'gongyi_ballots_cast_total',
      help: 'Ballots cast through this process, by channel (online, proxy, paper)',
      labelNames: ['channel'],
      registers: [this.registry],
    });
    const pool = () => (this.dataSource.driver as unknown as { master?: PgPool }).master;
    new Gauge({
      name: 'gongyi_db_pool_connections',
      help: "The app role's connection pool in this process: total, idle, and requests waiting for a connection",
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const p = pool();
        if (!p) return;
        this.set({ state: 'total' }, p.totalCount);
        this.set({ state: 'idle' }, p.idleCount);
        this.set({ state: 'waiting' }, p.waitingCount);
      },
    });
    const queues = this.jobs;
    new Gauge({
      name: 'gongyi_job_queue_depth',
      help: 'pg-boss jobs waiting to run (created or retrying), by queue; shared by all processes',
      labelNames: ['queue'],
      registers: [this.registry],
      async collect() {
        for (const [queue, depth] of Object.entries(await queues.queueDepths())) this.set({ queue }, depth);
      },
    });
    // One query per scrape fills both record gauges (the registry collects them side by side).
    let sample: Promise<{ n: number; lag: number }> | undefined;
    const recordQueue = () =>
      (sample ??= this.dataSource
        .query<{ n: number; lag: number }[]>(
          `SELECT count(*)::int AS n, COALESCE(EXTRACT(EPOCH FROM now() - min(occurred_at)), 0)::float8 AS lag FROM record_pending`,
        )
        .then(([row]) => row)
        .finally(() => setImmediate(() => (sample = undefined))));
    new Gauge({
      name: 'gongyi_record_drain_lag_seconds',
      help: 'Age of the oldest decision-record entry queued (record_pending) and not yet chained; 0 when none',
      registers: [this.registry],
      async collect() {
        this.set(Math.max(0, (await recordQueue()).lag));
      },
    });
    new Gauge({
      name: 'gongyi_record_pending_entries',
      help: 'Decision-record entries queued and not yet chained',
      registers: [this.registry],
      async collect() {
        this.set((await recordQueue()).n);
      },
    });
  }

  ballotCast(channel: string, count = 1): void {
    this.ballots.inc({ channel }, count);
  }

  /** Express middleware: times every request; the label is the matched route's template, never the raw URL. */
  readonly timeRequests = (req: Request, res: Response, next: () => void): void => {
    const start = process.hrtime.bigint();
    res.once('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path;
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      this.httpDuration.observe({ method: req.method, route: route ?? 'unmatched', status: String(res.statusCode) }, seconds);
    });
    next();
  };

  async render(): Promise<{ contentType: string; body: string }> {
    try {
      return { contentType: this.registry.contentType, body: await this.registry.metrics() };
    } catch (error) {
      this.logger.error(`metrics collection failed: ${(error as Error).message}`);
      throw error;
    }
  }
}
