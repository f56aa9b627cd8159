import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { checklistFor, checkText } from '@gongyi/domain/documents/checklists';
import { lastPageBody, pdfsig, pdftotext } from '@gongyi/pdf/testing/poppler';
import { documentKind, DocumentsService } from '../../apps/api/src/documents/documents.service';
import { TimestampAuthorityService } from '../../apps/api/src/documents/timestamp-authority.service';
import { checkSignatureTimestamps } from '../support/timestamp-check';
import { loadDemoCommunity } from '../../scripts/demo-load';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * `npm run demo`'s first run, loaded exactly as scripts/demo.ts loads it (demo-load.ts): it must finish, and
 * what it shows must be lawful — every published notice sealed by both seals on its day, before voting opened;
 * every closed vote with its sealed preliminary and final announcements; a hearing result and a 流标公告; the
 * elevator fund-raising project with payments; a non-empty seal log. (The test app's root CA and time-stamp
 * authority date from 60 days back, as prepareDemoTrust makes them for the demo.)
 */
describe('the demo on first run', () => {
  let t: TestApp;
  let communityId: string;
  type Doc = {
    id: string;
    title: string;
    type: string;
    source_type: string;
    source_id: string;
    status: string;
    required_seals: string[];
    input: unknown;
  };
  let docs: Doc[];

  beforeAll(async () => {
    t = await createTestApp();
    communityId = (await loadDemoCommunity(t.app, 'Demo-test-2026')).communityId;
    docs = await t.dataSource.query<Doc[]>(
      `SELECT id, title, type, source_type, source_id, status, required_seals, input FROM documents WHERE community_id = $1 ORDER BY seq`,
      [communityId],
    );
  }, 600_000); // the whole demo: every context's history, each document sealed
  afterAll(() => t.close());

  it('seals every published notice with both seals, the notice period before its voting opened', async () => {
    const votes = await t.dataSource.query<{ title: string; sealed: boolean; in_time: boolean; status: string }[]>(
      `SELECT v.title, v.status, v.notice_sealed_at IS NOT NULL AS sealed,
              v.notice_sealed_at <= v.opens_at - interval '15 days' AS in_time
         FROM assembly_votes v WHERE v.community_id = $1 AND v.status <> 'draft' ORDER BY v.opens_at`,
      [communityId],
    );
    expect(votes.length).toBeGreaterThanOrEqual(4);
    for (const vote of votes) expect([vote.title, vote.sealed, vote.in_time]).toEqual([vote.title, true, true]);
    const notices = docs.filter((d) => d.type === 'assembly_notice');
    expect(notices.length).toBe(votes.length);
    for (const notice of notices) expect([notice.title, notice.status]).toEqual([notice.title, 'final']);
  });

  it('has closed votes with their preliminary and final announcements, a hearing result and a 流标公告, all sealed', async () => {
    const closed = await t.dataSource.query<{ id: string; result_final_at: Date | null }[]>(
      `SELECT id, result_final_at FROM assembly_votes WHERE community_id = $1 AND status = 'closed'`,
      [communityId],
    );
    expect(closed.length).toBeGreaterThanOrEqual(2);
    for (const vote of closed) expect(vote.result_final_at).not.toBeNull();
    const find = (sourceType: string) => docs.find((d) => d.source_type === sourceType);
    for (const [name, doc, seals] of [
      ['preliminary', find('assembly_vote_preliminary'), ['committee']],
      ['final', docs.find((d) => d.source_type === 'assembly_vote' && d.title.endsWith('表决结果公告')), ['assembly', 'committee']],
      ['hearing', find('hearing'), ['committee']],
      ['tender_failed', find('hearing_failed'), ['committee']],
    ] as const) {
      expect([name, doc?.status, doc?.required_seals]).toEqual([name, 'final', seals]);
      const file = await t.app.get(DocumentsService).finalFile(communityId, doc!.id);
      expect([name, pdfsig(file.bytes).stdout.match(/Signature is Valid/g)?.length]).toEqual([name, seals.length]);
    }
    const preliminaries = docs.filter((d) => d.source_type === 'assembly_vote_preliminary');
    expect(preliminaries.map((d) => d.status)).toEqual(closed.map(() => 'final'));
  });

  it('every kind it shows: each signature valid with a verified RFC 3161 timestamp, its checklist met, no QR-only last page, a page image kept', async () => {
    const rootPem = (await t.http.get('/api/ca.pem').expect(200)).text;
    const tsaPem = await t.app.get(TimestampAuthorityService).certPem();
    const firstOfKind = new Map<string, Doc>();
    for (const doc of docs.filter((d) => d.status === 'final')) {
      const kind = documentKind({ type: doc.type, sourceType: doc.source_type, input: doc.input });
      if (!firstOfKind.has(kind)) firstOfKind.set(kind, doc);
    }
    expect(firstOfKind.size).toBeGreaterThanOrEqual(7);
    mkdirSync('test-output/pages', { recursive: true });
    for (const [kind, doc] of firstOfKind) {
      const { bytes } = await t.app.get(DocumentsService).finalFile(communityId, doc.id);
      const checks = checkSignatureTimestamps(bytes, rootPem, tsaPem);
      expect([kind, checks.map((c) => [c.pdfsigValid, c.opensslVerified])]).toEqual([kind, doc.required_seals.map(() => [true, true])]);
      writeFileSync(`test-output/pages/demo-${kind}.pdf`, bytes);
      // The last page carries text (the seals over their date, or the last lines) with the QR block: never the block alone.
      expect([kind, lastPageBody(bytes).length > 0]).toEqual([kind, true]);
      const list = checklistFor(kind as never);
      if (list) {
        // The demo's first statement is the community's first: it opens at ¥0.00 and says so.
        // Tables are read row by row (pdftotext -layout), as a reader sees them and as their checklists expect.
        const text = pdftotext(bytes, { layout: kind.startsWith('assembly_result') || kind === 'joint_bulletin' });
        const result = checkText(list, text, kind === 'finance_statement' ? { firstStatement: true } : {});
        expect([kind, result.missing.map((m) => m.id), result.contradictions.map((c) => c.id)]).toEqual([kind, [], []]);
        // The preliminary and the final result name the scrutineers the notice named, not others.
        if (kind.startsWith('assembly_result')) {
          const [{ details }] = await t.dataSource.query('SELECT notice_details AS details FROM assembly_votes WHERE id = $1', [
            doc.source_id,
          ]);
          const flat = text.replace(/\s+/g, '');
          expect([kind, details.scrutineers.filter((n: string) => !flat.includes(n.replace(/\s+/g, '')))]).toEqual([kind, []]);
        }
      }
      // Every page, kept as the PDF and as images for looking at (README shows one of them). This test writes the
      // demo's kinds: assembly_notice, assembly_result_preliminary, assembly_result, hearing_result, tender_failed,
      // finance_statement, joint_bulletin; the other kinds' images come from the checklist tests (list at the top of
      // test/api/document-content.e2e-spec.ts). Images of an earlier, longer render are removed first.
      for (const old of readdirSync('test-output/pages').filter((f) => f.startsWith(`demo-${kind}-`) && f.endsWith('.png')))
        rmSync(`test-output/pages/${old}`);
      const images = spawnSync('pdftoppm', ['-png', '-r', '60', `test-output/pages/demo-${kind}.pdf`, `test-output/pages/demo-${kind}`]);
      expect([kind, images.status]).toEqual([kind, 0]);
    }
  });

  it('has the elevator fund-raising project, approved by a passed vote, with payments, and a non-empty seal log', async () => {
    const [project] = await t.dataSource.query<{ item_status: string; payments: number }[]>(
      `SELECT i.status AS item_status,
              (SELECT count(*)::int FROM fundraising_contributions c WHERE c.project_id = p.id AND c.kind = 'payment') AS payments
         FROM fundraising_projects p JOIN agenda_items i ON i.id = p.agenda_item_id WHERE p.community_id = $1`,
      [communityId],
    );
    expect(project.payments).toBeGreaterThan(0);
    expect(project.item_status).not.toBe('voting');
    const [{ count }] = await t.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM seal_log_entries WHERE community_id = $1`,
      [communityId],
    );
    expect(count).toBeGreaterThan(5);
  });
});
