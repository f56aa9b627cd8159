import { appoint } from './demo-roles';
import { JobsService } from '../apps/api/src/jobs/jobs.service';
import { CLOSE_VOTE_QUEUE } from '../apps/api/src/voting/vote-closing.service';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UsersService } from '../apps/api/src/identity/users.service';
import { RegistryService } from '../apps/api/src/registry/registry.service';
import { RegisterFactsService } from '../apps/api/src/activation/register-facts.service';
import { RosterImportService } from '../apps/api/src/registry/roster/roster-import.service';
import { issueDemoActivationCodes } from './demo-activation';
import { loadDemoAgenda } from './demo-agenda';
import { DEMO_ACCOUNTS, DEMO_COMMUNITY, demoRegisterFacts, demoRoster } from './demo-data';
import { loadDemoDocuments } from './demo-documents';
import { loadDemoFinance } from './demo-finance';
import { loadDemoHearings } from './demo-hearings';
import { loadDemoRequests } from './demo-requests';
import { loadDemoSeals } from './demo-seals';
import { loadDemoServices } from './demo-services';

export interface DemoLoaded {
  communityId: string;
  /** The user id of the first account of each role. */
  who: Record<string, string>;
  /** `login  name` per demo account, for the terminal. */
  accounts: string[];
  activationLines: string[];
  sealMessage: string;
  /** Progress lines for the log (finance, services). */
  log: string[];
  households: number;
}

function csv(lines: ReturnType<typeof demoRoster>): Buffer {
  const header = ['楼栋', '单元', '房号', '面积', '面积来源', '状态', '业主', '手机', '共有人', '投票人'];
  const rows = lines.map((l) => header.map((h) => l[h] ?? '').join(','));
  return Buffer.from([header.join(','), ...rows].join('\n'));
}

/**
 * Everything `npm run demo` loads on first run, in order: the community, one account per role (all with
 * `password`), the roster, activation letters, the first term's seals, and each context's history. Shared by
 * scripts/demo.ts and the test that runs the demo end to end (test/api/demo-load.e2e-spec.ts). The app must be
 * initialised after prepareDemoTrust (demo-trust.ts).
 */
export async function loadDemoCommunity(app: INestApplication, password: string): Promise<DemoLoaded> {
  // The history is replayed with the Clock set back; a close job running in between would close a past vote today.
  return app.get(JobsService).holdWorkers([CLOSE_VOTE_QUEUE], () => loadHistory(app, password));
}

async function loadHistory(app: INestApplication, password: string): Promise<DemoLoaded> {
  const dataSource = app.get(DataSource);
  const [admin] = await dataSource.query<{ id: string }[]>('SELECT id FROM users WHERE is_platform_admin ORDER BY created_at LIMIT 1');
  const community = await app.get(RegistryService).createCommunity(admin.id, DEMO_COMMUNITY);
  const users = app.get(UsersService);
  const who: Record<string, string> = {};
  const accounts: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const { user } = await users.create({ loginName: account.loginName, displayName: account.displayName, password });
    await appoint(app, community.id, admin.id, { userId: user.id, role: account.role });
    who[account.role] ??= user.id;
    accounts.push(`  ${account.loginName.padEnd(16)} ${account.displayName}`);
  }
  const director = who.committee_director;
  const roster = demoRoster();
  const result = await app.get(RosterImportService).import(director, community.id, { buffer: csv(roster), originalname: 'demo.csv' });
  // The owners' activation facts come from the residents' committee's register, never from the committee's roster.
  await app
    .get(RegisterFactsService)
    .import(who.residents_committee, community.id, { buffer: demoRegisterFacts(roster), originalname: 'facts.csv' });
  const activationLines = await issueDemoActivationCodes(app, community.id, director);
  const seals = await loadDemoSeals(app, community.id, who);
  await loadDemoAgenda(app, community.id, who, seals.pins);
  const log = await loadDemoFinance(app, community.id, who, seals.pins);
  await loadDemoDocuments(app, community.id, who, seals.pins);
  await loadDemoHearings(app, community.id, who, seals.pins);
  await loadDemoRequests(app, community.id, who);
  log.push(...(await loadDemoServices(app, community.id, who, seals.pins)));
  return { communityId: community.id, who, accounts, activationLines, sealMessage: seals.message, log, households: result.rows };
}
