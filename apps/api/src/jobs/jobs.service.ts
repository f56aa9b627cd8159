import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { withJobQueuesLock } from '@gongyi/database/migration-lock';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type RuntimeConfig } from '../config/app-config';

export type JobHandler = (data: Record<string, string>) => Promise<void>;

export const DATABASE_URL = Symbol('DATABASE_URL');

/** Jobs fetched per poll and run together (each waits for one of the pool's 20 connections). */
const JOB_BATCH = 50;

/**
 * Jobs that must run on time (closing a vote) live in PostgreSQL through
 * pg-boss: they survive restarts, and a singleton key makes one job per
 * subject even when several server processes schedule it.
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly crons = new Map<string, { cron: string; tz: string }>();
  private started?: Promise<void>;
  /** True from a completed start until stop (readiness: /api/health/ready). */
  private running = false;
  private readonly bossUrl: string;

  constructor(@Inject(APP_CONFIG) config: RuntimeConfig & { databaseUrl: string; ownerUrl?: string }) {
    // pg-boss creates a table per queue, so it uses the owner's connection; job handlers use the app role's.
    this.bossUrl = config.ownerUrl ?? config.databaseUrl;
    this.boss = new PgBoss({
      connectionString: this.bossUrl,
      schema: 'pgboss',
      max: 4,
      application_name: 'gongyi-jobs',
    });
    this.boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
  }

  /** Register before the application starts; work begins at bootstrap. */
  register(queue: string, handler: JobHandler): void {
    this.handlers.set(queue, handler);
  }

  /** A queue run on a cron schedule (e.g. the daily backup); pg-boss runs it once per tick across all processes. */
  registerCron(queue: string, cron: string, tz: string, handler: JobHandler): void {
    this.handlers.set(queue, handler);
    this.crons.set(queue, { cron, tz });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.started = (async () => {
      // Schema and queues are created one process at a time (two servers starting together deadlocked here).
      await withJobQueuesLock(this.bossUrl, async () => {
        await this.boss.start();
        for (const queue of this.handlers.keys()) await this.boss.createQueue(queue);
        for (const [queue, { cron, tz }] of this.crons) await this.boss.schedule(queue, cron, {}, { tz });
      });
      await this.startWorkers();
      this.running = true;
    })();
    await this.started;
  }

  private async startWorkers(only?: readonly string[]): Promise<void> {
    for (const [queue, handler] of this.handlers) {
      if (only && !only.includes(queue)) continue;
      // A batch per poll, run side by side: 100 votes closing at the same minute used to close one per poll
      // (one per second). Each job fails on its own (retried by pg-boss); the rest of the batch completes.
      await this.boss.work<Record<string, string>>(queue, { pollingIntervalSeconds: 1, batchSize: JOB_BATCH }, async (jobs) => {
        await Promise.all(
          jobs.map((job) =>
            handler(job.data).catch(async (error: Error) => {
              this.logger.error(`${queue} ${job.id}: ${error.message}`);
              await this.boss.fail(queue, job.id, { message: error.message });
            }),
          ),
        );
      });
    }
  }

  /**
   * Runs `work` with this process's workers of `queues` stopped, then starts them again; jobs scheduled meanwhile
   * wait in the queue. For loading a history (`npm run demo`): it replays past days with the Clock set back, and a
   * vote whose close job ran in between, on today's clock, would be closed today instead of on its day.
   */
  async holdWorkers<T>(queues: readonly string[], work: () => Promise<T>): Promise<T> {
    await this.started;
    const held = queues.filter((q) => this.handlers.has(q));
    for (const queue of held) await this.boss.offWork(queue);
    try {
      return await work();
    } finally {
      await this.startWorkers(held);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
  }

  /** Started, workers polling, and its schema answering through pg-boss's own connection. */
  async isRunning(): Promise<boolean> {
    if (!this.running) return false;
    return Boolean(await this.boss.isInstalled());
  }

  /** Jobs waiting to run (created or retrying) per registered queue; empty before the start. */
  async queueDepths(): Promise<Record<string, number>> {
    if (!this.running) return {};
    const depths: Record<string, number> = {};
    for (const queue of this.handlers.keys()) depths[queue] = await this.boss.getQueueSize(queue);
    return depths;
  }

  /** One job per (queue, key): scheduling it again from any process is harmless. */
  async schedule(queue: string, key: string, runAt: Date, data: Record<string, string>): Promise<void> {
    if (!this.started) throw new Error('JobsService.schedule called before the application started (call app.init())');
    await this.started;
    await this.boss.send(queue, data, { startAfter: runAt, singletonKey: key, retryLimit: 5, retryDelay: 5, retryBackoff: true });
  }

  /** A job to run now, retried by pg-boss with the given policy when its handler throws (outbound notices). */
  async enqueue(queue: string, data: Record<string, string>, retry: { retryLimit: number; retryDelay: number }): Promise<void> {
    if (!this.started) throw new Error('JobsService.enqueue called before the application started (call app.init())');
    await this.started;
    await this.boss.send(queue, data, { ...retry, retryBackoff: true });
  }
}
