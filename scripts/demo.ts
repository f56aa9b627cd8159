/**
 * npm run demo — starts the server like `npm start` and, on first run, loads
 * the 太平洋花园 demo community and one account per role.
 */
import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createServer, migrate, runtimeConfig } from '../apps/api/src/bootstrap';
import { bootLogger } from '../apps/api/src/observability/logging';
import { loadConfig } from '../apps/api/src/config/app-config';
import { resolveDatabase } from '../apps/api/src/database/resolve-database';
import { RegistryService } from '../apps/api/src/registry/registry.service';
import { prepareDemoTrust } from './demo-trust';
import { DEMO_COMMUNITY } from './demo-data';
import { loadDemoCommunity } from './demo-load';
import { errorText } from './error-text';

async function main(): Promise<void> {
  const config = loadConfig();
  Logger.overrideLogger(bootLogger(config));
  const logger = new Logger('Demo');
  // Logins, PINs and activation codes are for the person at the terminal: written as they are, not as log lines
  // (the logger would redact the codes, and log files are no place for them).
  const announce = (text: string) => process.stdout.write(`${text}\n`);
  const database = await resolveDatabase(config);
  await migrate(database.migrationUrl);
  const app = await createServer(runtimeConfig(config, database.url, database.migrationUrl));
  const dataSource = app.get(DataSource);
  const [existing] = await dataSource.query('SELECT id FROM communities WHERE name = $1', [DEMO_COMMUNITY.name]);
  // The demo's past is sealed on its days: the root CA and time-stamp authority must be older than it.
  if (!existing) await prepareDemoTrust(app);
  // Start the job queue before seeding: publishing the demo notice schedules its close.
  await app.init();
  if (!existing) {
    const password = `Demo-${randomBytes(3).toString('hex')}-2026`;
    const loaded = await loadDemoCommunity(app, password);
    announce(loaded.sealMessage);
    for (const line of loaded.log) logger.log(line);
    const totals = await app.get(RegistryService).totals(loaded.communityId);
    logger.log(
      `已载入演示小区 demo community loaded: ${DEMO_COMMUNITY.name}, ${loaded.households} 户, 总面积 ${totals.totalArea} m², 总人数 ${totals.totalHeadcount}`,
    );
    announce(`演示账号 demo accounts (password for all: ${password}):\n${loaded.accounts.join('\n')}`);
    announce(
      `演示业主激活码 demo owners activate at ${config.publicUrl}/activate (no passwords are issued):\n${loaded.activationLines.join('\n')}`,
    );
  } else {
    logger.log(`演示小区已存在 demo community already loaded; demo accounts keep the password printed at first demo start`);
  }
  await app.listen(config.port, config.host);
  logger.log(`共议 Gongyi demo on http://localhost:${config.port}`);
}

main().catch((error: unknown) => {
  console.error(`演示启动失败 demo failed: ${errorText(error)}`);
  process.exit(1);
});
