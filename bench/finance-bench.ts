import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AuthService } from '../apps/api/src/identity/auth.service';
import { benchGrantRoles, BenchServer, fmt, runLoad } from './harness';
import type { CommunityRole } from '../apps/api/src/identity/roles';

const CLIENTS = 64;
const REQUESTS = 3000;

async function call(server: BenchServer, token: string, method: string, path: string, body?: unknown, form?: FormData) {
  const res = await fetch(`${server.baseUrl}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: form ?? (body ? JSON.stringify(body) : undefined),
  });
  const json = await res.json().catch(() => null);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json).slice(0, 200)}`);
  return json;
}

/** A published, committee-sealed quarterly statement: ledger → submit → three audits → seal. */
/** `tag` keeps names apart when another bench publishes a statement in the same database. */
export async function publishStatement(
  server: BenchServer,
  tag = '',
): Promise<{ communityId: string; statementId: string; documentNumber: string }> {
  const ds = server.app.get(DataSource);
  const auth = server.app.get(AuthService);
  const community = await call(server, server.adminToken, 'POST', '/communities', { name: `公示压测小区${tag}` });
  const [{ hash }] = await ds.query(`SELECT password_hash AS hash FROM users WHERE login_name = 'bench.admin'`);
  const token: Record<string, string> = {};
  for (const role of ['committee_director', 'committee_member', 'property_company', 'residents_committee', 'bank_officer', 'auditor']) {
    const [user] = await ds.query(`INSERT INTO users (login_name, display_name, password_hash) VALUES ($1, $1, $2) RETURNING *`, [
      `fin${tag}.${role}`,
      hash,
    ]);
    await benchGrantRoles(ds, community.id, [user.id], role as CommunityRole);
    token[role] = (await auth.issue({ ...user, displayName: user.display_name, isPlatformAdmin: false, mustChangePassword: false })).token;
  }
  const c = `/communities/${community.id}`;
  const lines: string[] = [];
  for (let i = 0; i < 120; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 3) + 4).padStart(2, '0');
    const amount = 10_000 + i * 37;
    await call(server, token.property_company, 'POST', `${c}/ledger-entries`, {
      kind: 'income',
      category: i % 2 ? '停车' : '电梯广告',
      amountFen: String(amount),
      entryDate: `2026-${month}-${day}`,
      counterparty: '某某传媒有限公司',
      evidenceRef: `E-${i}`,
    });
    lines.push(`2026-${month}-${day},收入,${(amount / 100).toFixed(2)},,E-${i}`);
  }
  const statement = await call(server, token.committee_member, 'POST', `${c}/statements`, { periodDate: '2026-04-01' });
  await call(server, token.residents_committee, 'POST', `${c}/statements/${statement.id}/reviews`, { decision: 'approve' });
  const form = new FormData();
  form.append(
    'file',
    new Blob([`交易日期,摘要,收入,支出,参考号\n${lines.map((l) => l.replace(',收入,', ',收入,')).join('\n')}`]),
    'bank.csv',
  );
  await call(server, token.bank_officer, 'POST', `${c}/statements/${statement.id}/bank-statement`, undefined, form);
  await call(server, token.bank_officer, 'POST', `${c}/statements/${statement.id}/reviews`, { decision: 'approve' });
  await call(server, token.auditor, 'POST', `${c}/statements/${statement.id}/reviews`, { decision: 'approve' });
  // Custodians set their own seal PINs before the seals are cut (the keys are wrapped for them at issue).
  await call(server, token.committee_director, 'PUT', `${c}/my-seal-pin`, { pin: 'bench-seal-pin' });
  await call(server, token.residents_committee, 'PUT', `${c}/my-seal-pin`, { pin: 'bench-seal-pin' });
  await call(server, token.committee_director, 'POST', `${c}/seals`, { term: 1 });
  const published = await call(server, token.committee_member, 'POST', `${c}/statements/${statement.id}/publication`);
  await call(server, token.committee_director, 'POST', `${c}/seal-requests/${published.sealRequestId}/applications`, {
    kind: 'committee',
    pin: 'bench-seal-pin',
  });
  return { communityId: community.id, statementId: statement.id, documentNumber: published.documentNumber as string };
}

export async function runFinanceBench(server: BenchServer): Promise<void> {
  const { communityId, statementId } = await publishStatement(server);
  const path = `/api/public/communities/${communityId}/statements/${statementId}/pdf`;
  const pdf = Buffer.from(await (await fetch(`${server.baseUrl}${path}`)).arrayBuffer());
  writeFileSync(join(server.staticDir, 'statement.pdf'), pdf);
  const load = (p: string) =>
    runLoad({
      url: server.baseUrl,
      concurrency: CLIENTS,
      expectStatus: 200,
      requests: Array.from({ length: REQUESTS }, () => ({ path: p })),
    });
  await load('/statement.pdf'); // warm-up
  const statement = await load(path);
  const staticFile = await load('/statement.pdf');
  console.log(
    `published statement PDF (${Math.round(pdf.length / 1024)} KiB), ${REQUESTS} downloads, ${CLIENTS} concurrent: ${fmt(statement.perSecond)} req/s, p99 ${fmt(statement.p99)} ms`,
  );
  console.log(
    `same file as a static file, same server: ${fmt(staticFile.perSecond)} req/s, p99 ${fmt(staticFile.p99)} ms → ${fmt((statement.perSecond / staticFile.perSecond) * 100)} % of static (target ≥ 60 %)`,
  );
}
