import { pdfsig } from '@gongyi/pdf/testing/poppler';
import { RolesService } from '../../apps/api/src/identity/roles.service';
import { UsersService } from '../../apps/api/src/identity/users.service';
import { RegistryService } from '../../apps/api/src/registry/registry.service';
import { RosterImportService } from '../../apps/api/src/registry/roster/roster-import.service';
import { DocumentsService } from '../../apps/api/src/documents/documents.service';
import { DEMO_ACCOUNTS, DEMO_COMMUNITY, demoRoster } from '../../scripts/demo-data';
import { loadDemoDocuments } from '../../scripts/demo-documents';
import { loadDemoHearings } from '../../scripts/demo-hearings';
import { loadDemoSeals } from '../../scripts/demo-seals';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The demo's first run shows every result kind sealed: the vote's preliminary result and final announcement, the
 * hearing's 评审结果公示 and the failed tender's 流标公告 (the steps of scripts/demo.ts that make them).
 */
describe('demo result documents on first run', () => {
  let t: TestApp;
  let communityId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const [admin] = await t.dataSource.query<{ id: string }[]>('SELECT id FROM users WHERE is_platform_admin ORDER BY created_at LIMIT 1');
    communityId = (await t.app.get(RegistryService).createCommunity(admin.id, DEMO_COMMUNITY)).id;
    const who: Record<string, string> = {};
    for (const account of DEMO_ACCOUNTS) {
      const { user } = await t.app
        .get(UsersService)
        .create({ loginName: account.loginName, displayName: account.displayName, password: 'Demo-test-2026' });
      await t.app.get(RolesService).assign(admin.id, communityId, { userId: user.id, role: account.role });
      who[account.role] ??= user.id;
    }
    const header = ['楼栋', '单元', '房号', '面积', '面积来源', '状态', '业主', '手机', '共有人', '投票人'];
    const rows = demoRoster().map((l) => header.map((h) => (l as Record<string, string>)[h] ?? '').join(','));
    await t.app.get(RosterImportService).import(who.committee_director, communityId, {
      buffer: Buffer.from([header.join(','), ...rows].join('\n')),
      originalname: 'demo.csv',
    });
    const seals = await loadDemoSeals(t.app, communityId, who);
    await loadDemoDocuments(t.app, communityId, who, seals.pins);
    await loadDemoHearings(t.app, communityId, who, seals.pins);
  }, 180_000); // the demo's documents and hearings, every one sealed
  afterAll(() => t.close());

  it('has a closed vote with its preliminary and final announcements, a hearing result and a 流标公告, all sealed', async () => {
    const docs = await t.dataSource.query<{ id: string; title: string; source_type: string; status: string; required_seals: string[] }[]>(
      `SELECT id, title, source_type, status, required_seals FROM documents WHERE community_id = $1 ORDER BY seq`,
      [communityId],
    );
    const find = (sourceType: string) => docs.find((d) => d.source_type === sourceType);
    const preliminary = find('assembly_vote_preliminary');
    const final = docs.find((d) => d.source_type === 'assembly_vote' && d.title.endsWith('表决结果公告'));
    const hearing = find('hearing');
    const failed = find('hearing_failed');
    for (const [name, doc, seals] of [
      ['preliminary', preliminary, ['committee']],
      ['final', final, ['assembly', 'committee']],
      ['hearing', hearing, ['committee']],
      ['tender_failed', failed, ['committee']],
    ] as const) {
      expect([name, doc?.status, doc?.required_seals]).toEqual([name, 'final', seals]);
      const file = await t.app.get(DocumentsService).finalFile(communityId, doc!.id);
      expect([name, pdfsig(file.bytes).stdout.match(/Signature is Valid/g)?.length]).toEqual([name, seals.length]);
    }
    const [vote] = await t.dataSource.query(`SELECT result_final_at FROM assembly_votes WHERE community_id = $1 AND status = 'closed'`, [
      communityId,
    ]);
    expect(vote.result_final_at).not.toBeNull();
  });
});
