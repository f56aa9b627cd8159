/**
 * npm run demo — starts the server like `npm start` and, on first run, loads
 * the 太平洋花园 demo community and one account per role.
 */
import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createServer, migrate, runtimeConfig } from '../apps/api/src/bootstrap';
import { loadConfig } from '../apps/api/src/config/app-config';
import { resolveDatabase } from '../apps/api/src/database/resolve-database';
import { RolesService } from '../apps/api/src/identity/roles.service';
import { UsersService } from '../apps/api/src/identity/users.service';
import { RegistryService } from '../apps/api/src/registry/registry.service';
import { RosterImportService } from '../apps/api/src/registry/roster/roster-import.service';
import { loadDemoAgenda } from './demo-agenda';
import { DEMO_ACCOUNTS, DEMO_COMMUNITY, demoRoster } from './demo-data';

function csv(lines: ReturnType<typeof demoRoster>): Buffer {
  const header = ['楼栋', '单元', '房号', '面积', '面积来源', '状态', '业主', '手机', '共有人', '投票人'];
  const rows = lines.map((l) => header.map((h) => l[h] ?? '').join(','));
  return Buffer.from([header.join(','), ...rows].join('\n'));
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new Logger('Demo');
  const database = await resolveDatabase(config);
  await migrate(database.url);
  const app = await createServer(runtimeConfig(config, database.url));
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
    const [owner] = await dataSource.query<{ id: string }[]>(
      `SELECT o.id FROM owners o JOIN unit_owners uo ON uo.owner_id = o.id JOIN units u ON u.id = uo.unit_id
       WHERE u.community_id = $1 AND u.number = '1幢-1-101'`,
      [community.id],
    );
    const [ownerUser] = await dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE login_name = 'demo.owner'`);
    await dataSource.query('UPDATE owners SET user_id = $1 WHERE id = $2', [ownerUser.id, owner.id]);
    await loadDemoAgenda(app, community.id, who);
    const totals = await app.get(RegistryService).totals(community.id);
    logger.log(
      `已载入演示小区 demo community loaded: ${DEMO_COMMUNITY.name}, ${result.rows} 户, 总面积 ${totals.totalArea} m², 总人数 ${totals.totalHeadcount}`,
    );
    logger.log(`演示账号 demo accounts (password for all: ${password}):\n${lines.join('\n')}`);
  } else {
    logger.log(`演示小区已存在 demo community already loaded; demo accounts keep the password printed at first demo start`);
  }
  await app.listen(config.port, '0.0.0.0');
  logger.log(`共议 Gongyi demo on http://localhost:${config.port}`);
}

main().catch((error: Error) => {
  console.error(`演示启动失败 demo failed: ${error.message}`);
  process.exit(1);
});
