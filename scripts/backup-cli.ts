import { startEmbeddedPostgres } from '@gongyi/database/embedded-postgres';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../apps/api/src/config/app-config';

/**
 * The connection backup and restore use: the schema owner (MIGRATION_DATABASE_URL) or DATABASE_URL, else the
 * embedded cluster in DATA_DIR/pg as its superuser. Backup and files:move-to-s3 refuse to create an empty cluster.
 */
export async function commandDatabase(
  purpose: 'backup' | 'restore' | 'files:move-to-s3',
): Promise<{ url: string; embedded: boolean; stop: () => Promise<void> }> {
  const config = loadConfig();
  const given = process.env.MIGRATION_DATABASE_URL?.trim() || config.databaseUrl;
  if (given) return { url: given, embedded: false, stop: async () => undefined };
  const dataDir = join(config.dataDir, 'pg');
  const exists = existsSync(join(dataDir, 'PG_VERSION'));
  if (purpose !== 'restore' && !exists) {
    throw new Error(`数据文件夹 ${config.dataDir} 里没有数据库 no database in DATA_DIR (set DATA_DIR or DATABASE_URL)`);
  }
  if (purpose === 'restore' && exists) {
    throw new Error(
      `数据文件夹 ${config.dataDir} 已有数据库（${dataDir}），恢复只写入空的数据文件夹，以免覆盖现有数据。请换一个空的 DATA_DIR，或设置 DATABASE_URL 指向一个空数据库。` +
        ' DATA_DIR already holds a database',
    );
  }
  const embedded = await startEmbeddedPostgres({ dataDir, port: config.embeddedPgPort, database: 'gongyi' }).catch((error: unknown) => {
    // The restore found the folder empty: a cluster it initialised but could not start is removed, so a retry
    // (with a free port) is not refused as "already holds a database".
    if (purpose === 'restore') rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  return { url: embedded.url, embedded: true, stop: embedded.stop };
}

export function usage(command: string): never {
  console.error(`用法 usage: npm run ${command} -- <文件 file>`);
  process.exit(2);
}
