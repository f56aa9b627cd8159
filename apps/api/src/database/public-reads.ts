import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/**
 * The DataSource the public (no-login) read routes use: the community's public page, published statements,
 * vote results and notices, verification by document number. With DATABASE_REPLICA_URL it is a pool on the
 * replica (a streaming standby, so it may be seconds behind the primary); without, it is the primary itself.
 * Nothing that writes and nothing behind a login goes through it.
 */
export const PUBLIC_READS = Symbol('PUBLIC_READS');

/** Inject the public-reads DataSource (a replica when configured). */
export const InjectPublicReads = () => Inject(PUBLIC_READS);

/**
 * A replica pool refuses writes itself, whatever role it connects as: every transaction on it is read-only
 * (a hot standby refuses them anyway; a primary given as "replica" by mistake then behaves the same).
 */
export function replicaOptions(url: string) {
  const base = dataSourceOptions(url);
  return {
    ...base,
    migrations: [],
    extra: { max: 10, application_name: 'gongyi-public-reads', options: '-c default_transaction_read_only=on' },
  } as typeof base;
}

@Injectable()
class ReplicaShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(PUBLIC_READS) private readonly reads: DataSource,
    @Inject(getDataSourceToken()) private readonly primary: DataSource,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.reads !== this.primary && this.reads.isInitialized) await this.reads.destroy();
  }
}

@Global()
@Module({})
export class PublicReadsModule {
  static forRoot(replicaUrl: string | undefined): DynamicModule {
    const provider = replicaUrl
      ? {
          provide: PUBLIC_READS,
          useFactory: async () => {
            const reads = await new DataSource(replicaOptions(replicaUrl)).initialize();
            new Logger('PublicReads').log('公示页面从只读副本读取 public pages read from DATABASE_REPLICA_URL');
            return reads;
          },
        }
      : { provide: PUBLIC_READS, useExisting: getDataSourceToken() };
    return { module: PublicReadsModule, providers: [provider, ReplicaShutdown], exports: [PUBLIC_READS] };
  }
}
