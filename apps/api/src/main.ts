import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createServer, migrate, runtimeConfig } from './bootstrap';
import { resolveDatabase } from './database/resolve-database';
import { assertLeastPrivilege } from './database/app-database';
import { ConfigError, loadConfig } from './config/app-config';
import { installShutdown } from './shutdown';
import { bootLogger } from './observability/logging';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  Logger.overrideLogger(bootLogger(config));
  const logger = new Logger('Gongyi');
  const database = await resolveDatabase(config);
  stopOnFailure = database.stop;
  const applied = await migrate(database.migrationUrl);
  if (applied.length) logger.log(`已执行数据库迁移 applied migrations: ${applied.join(', ')}`);
  await assertLeastPrivilege(config, database.url);
  const app = await createServer(runtimeConfig(config, database.url, database.migrationUrl), { ownShutdown: true });
  installShutdown(app, database.stop);
  await app.listen(config.port, config.host);
  stopOnFailure = undefined;
  const shown =
    config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host.includes(':') ? `[${config.host}]` : config.host;
  logger.log(`共议 Gongyi 已启动 listening on http://${shown}:${config.port} (bound to ${config.host}; API docs /api/docs)`);
}

// The embedded PostgreSQL started so far, stopped again if start-up fails (else it outlives us).
let stopOnFailure: (() => Promise<void>) | undefined;

main().catch(async (error: unknown) => {
  // Whatever was thrown (pg.start() rejects with undefined), this handler itself must not throw.
  const reason = error instanceof Error ? error.message : String(error ?? 'unknown error');
  console.error(`启动失败 failed to start: ${reason}`);
  await stopOnFailure?.().catch(() => undefined);
  process.exit(1);
});
