import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import { APP_CONFIG, type RuntimeConfig } from '../config/app-config';

export type JobHandler = (data: Record<string, string>) => Promise<void>;

export const DATABASE_URL = Symbol('DATABASE_URL');

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
  private started?: Promise<void>;

  constructor(@Inject(APP_CONFIG) config: RuntimeConfig & { databaseUrl: string }) {
    this.boss = new PgBoss({ connectionString: config.databaseUrl, schema: 'pgboss', max: 4, application_name: 'gongyi-jobs' });
    this.boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
  }

  /** Register before the application starts; work begins at bootstrap. */
  register(queue: string, handler: JobHandler): void {
    this.handlers.set(queue, handler);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.started = (async () => {
      await this.boss.start();
      for (const [queue, handler] of this.handlers) {
        await this.boss.createQueue(queue);
        await this.boss.work<Record<string, string>>(queue, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
          await handler(job.data);
        });
      }
    })();
    await this.started;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.started) await this.boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
  }

  /** One job per (queue, key): scheduling it again from any process is harmless. */
  async schedule(queue: string, key: string, runAt: Date, data: Record<string, string>): Promise<void> {
    if (!this.started) throw new Error('JobsService.schedule called before the application started (call app.init())');
    await this.started;
    await this.boss.send(queue, data, { startAfter: runAt, singletonKey: key, retryLimit: 5, retryDelay: 5, retryBackoff: true });
  }
}
