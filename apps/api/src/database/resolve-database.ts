import { Logger } from '@nestjs/common';
import { startEmbeddedPostgres } from '@gongyi/database/embedded-postgres';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { appDatabaseUrls } from './app-database';

// Kept apart from bootstrap.ts: embedded-postgres is ESM-only and Jest's workers never need it.
/** DATABASE_URL when given; otherwise the embedded PostgreSQL kept under DATA_DIR/pg. */
export async function resolveDatabase(config: AppConfig): Promise<{ url: string; migrationUrl: string; stop?: () => Promise<void> }> {
  if (config.databaseUrl) return appDatabaseUrls(config, config.databaseUrl, false);
  const logger = new Logger('EmbeddedPostgres');
  logger.log(`DATABASE_URL 未设置，启动内置 PostgreSQL (data: ${join(config.dataDir, 'pg')}, port ${config.embeddedPgPort})`);
  const embedded = await startEmbeddedPostgres({
    dataDir: join(config.dataDir, 'pg'),
    port: config.embeddedPgPort,
    database: 'gongyi',
    log: (line) => /FATAL|PANIC|ERROR|embedded PostgreSQL|postmaster/.test(line) && logger.warn(line),
  });
  return { ...(await appDatabaseUrls(config, embedded.url, true)), stop: embedded.stop };
}
