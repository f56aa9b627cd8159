import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const SWEEP_MS = 2000;

/**
 * The record's queue for busy paths. cast_ballot writes a ballot's entry to
 * record_pending in the ballot's own transaction (so it is as durable as the
 * ballot); record_drain chains it moments later, in batches: casts never
 * queue behind the community's head row, whose lock lasts until commit.
 *
 * Draining happens right after the casting transaction commits, before the
 * record is read or verified, before any direct append (in the database), at
 * start-up and every few seconds, whichever comes first; several server
 * processes may drain at once, the head row lock orders them.
 */
@Injectable()
export class RecordQueueService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('RecordQueue');
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private sweeper?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Chains the community's queue in the background; calls arriving meanwhile are folded into one more drain. */
  drainSoon(communityId: string): void {
    if (this.running.has(communityId)) {
      this.again.add(communityId);
      return;
    }
    const run = async () => {
      do {
        this.again.delete(communityId);
        await this.drain(communityId);
      } while (this.again.has(communityId));
    };
    this.running.set(
      communityId,
      run()
        .catch((error: Error) => this.logger.error(`drain ${communityId}: ${error.message}`))
        .finally(() => this.running.delete(communityId)),
    );
  }

  /** Chains everything queued for the community now; returns how many entries it chained. */
  async drain(communityId: string): Promise<number> {
    const [{ n }] = await this.dataSource.query<{ n: number }[]>('SELECT record_drain($1) AS n', [communityId]);
    return n;
  }

  /** Drains the community only when something is queued (reading the record should not take the head lock). */
  async drainIfPending(communityId: string): Promise<void> {
    const [{ pending }] = await this.dataSource.query<{ pending: boolean }[]>(
      'SELECT EXISTS (SELECT 1 FROM record_pending WHERE community_id = $1) AS pending',
      [communityId],
    );
    if (pending) await this.drain(communityId);
  }

  /** Whatever a stopped process left queued is chained at start-up and by the sweep. */
  async drainAll(): Promise<void> {
    const communities = await this.dataSource.query<{ community_id: string }[]>('SELECT DISTINCT community_id FROM record_pending');
    for (const { community_id } of communities) await this.drain(community_id);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.drainAll();
    this.sweeper = setInterval(() => {
      this.sweeping ??= this.drainAll()
        .catch((error: Error) => this.logger.error(`sweep: ${error.message}`))
        .finally(() => (this.sweeping = undefined));
    }, SWEEP_MS);
    this.sweeper.unref();
  }

  /** Before the connection pool closes: stop sweeping and let drains under way finish. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.all([this.sweeping, ...this.running.values()]);
  }
}
