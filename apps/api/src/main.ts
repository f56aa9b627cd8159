import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createServer, migrate, runtimeConfig } from './bootstrap';
import { resolveDatabase } from './database/resolve-database';
import { ConfigError, loadConfig } from './config/app-config';

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
  const logger = new Logger('Gongyi');
  const database = await resolveDatabase(config);
  const applied = await migrate(database.url);
  if (applied.length) logger.log(`已执行数据库迁移 applied migrations: ${applied.join(', ')}`);
  const app = await createServer(runtimeConfig(config, database.url));
  if (database.stop) {
    const stop = database.stop;
    app.getHttpServer().on('close', () => void stop());
  }
  await app.listen(config.port, '0.0.0.0');
  logger.log(`共议 Gongyi 已启动 listening on http://localhost:${config.port} (API docs /api/docs)`);
}

main().catch((error: unknown) => {
  console.error(`启动失败 failed to start: ${(error as Error).message}`);
  process.exit(1);
});
