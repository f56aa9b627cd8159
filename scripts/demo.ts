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
import { RolesService } from '../apps/api/src/identity/roles.service';
import { UsersService } from '../apps/api/src/identity/users.service';
import { RegistryService } from '../apps/api/src/registry/registry.service';
import { RosterImportService } from '../apps/api/src/registry/roster/roster-import.service';
import { loadDemoAgenda } from './demo-agenda';
import { loadDemoSeals } from './demo-seals';
import { issueDemoActivationCodes } from './demo-activation';
import { loadDemoFinance } from './demo-finance';
import { loadDemoDocuments } from './demo-documents';
import { loadDemoHearings } from './demo-hearings';
import { loadDemoServices } from './demo-services';
import { loadDemoRequests } from './demo-requests';
import { DEMO_ACCOUNTS, DEMO_COMMUNITY, demoRoster } from './demo-data';

function csv(lines: ReturnType<typeof demoRoster>): Buffer {
  const header = ['楼栋', '单元', '房号', '面积', '面积来源', '状态', '业主', '手机', '共有人', '投票人'];
  const rows = lines.map((l) => header.map((h) => l[h] ?? '').join(','));
  return Buffer.from([header.join(','), ...rows].join('\n'));
}

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
  // Start the job queue before seeding: publishing the demo notice schedules its close.
  await app.init();
  const dataSource = app.get(DataSource);
  const [existing] = await dataSource.query('SELECT id FROM communities WHERE name = $1', [DEMO_COMMUNITY.name]);
  const lines: string[] = [];
  if (!existing) {
    const password = `Demo-${randomBytes(3).toString('hex')}-2026`;
    const [admin] = await dataSource.query<{ id: string }[]>('SELECT id FROM users WHERE is_platform_admin ORDER BY created_at LIMIT 1');
    const community = await app.get(RegistryService).createCommunity(admin.id, DEMO_COMMUNITY);
    const users = app.get(UsersService);
    const roles = app.get(RolesService);
    const who: Record<string, string> = {};
    for (const account of DEMO_ACCOUNTS) {
      const { user } = await users.create({ loginName: account.loginName, displayName: account.displayName, password });
      await roles.assign(admin.id, community.id, { userId: user.id, role: account.role });
      who[account.role] ??= user.id;
      lines.push(`  ${account.loginName.padEnd(16)} ${account.displayName}`);
    }
    const director = who.committee_director;
    const result = await app
      .get(RosterImportService)
      .import(director, community.id, { buffer: csv(demoRoster()), originalname: 'demo.csv' });
    const activationLines = await issueDemoActivationCodes(app, community.id, director);
    await loadDemoAgenda(app, community.id, who);
    const seals = await loadDemoSeals(app, community.id, who);
    announce(seals.message);
    for (const line of await loadDemoFinance(app, community.id, who, seals.pins)) logger.log(line);
    await loadDemoDocuments(app, community.id, who, seals.pins);
    await loadDemoHearings(app, community.id, who, seals.pins);
    await loadDemoRequests(app, community.id, who);
    for (const line of await loadDemoServices(app, community.id, who, seals.pins)) logger.log(line);
    const totals = await app.get(RegistryService).totals(community.id);
    logger.log(
      `已载入演示小区 demo community loaded: ${DEMO_COMMUNITY.name}, ${result.rows} 户, 总面积 ${totals.totalArea} m², 总人数 ${totals.totalHeadcount}`,
    );
    announce(`演示账号 demo accounts (password for all: ${password}):\n${lines.join('\n')}`);
    announce(
      `演示业主激活码 demo owners activate at ${config.publicUrl}/activate (no passwords are issued):\n${activationLines.join('\n')}`,
    );
  } else {
    logger.log(`演示小区已存在 demo community already loaded; demo accounts keep the password printed at first demo start`);
  }
  await app.listen(config.port, config.host);
  logger.log(`共议 Gongyi demo on http://localhost:${config.port}`);
}

main().catch((error: Error) => {
  console.error(`演示启动失败 demo failed: ${error.message}`);
  process.exit(1);
});
