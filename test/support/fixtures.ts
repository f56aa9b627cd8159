import ExcelJS from 'exceljs';
import { bearer, TestApp } from './test-app';

let counter = 0;
const unique = (prefix: string) => `${prefix}${process.pid}x${++counter}`;

export async function createCommunity(t: TestApp, name = unique('小区')): Promise<string> {
  const res = await t.http.post('/api/communities').set(bearer(t.adminToken)).send({ name, district: '测试区' });
  if (res.status !== 201) throw new Error(`create community: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export interface Member {
  userId: string;
  token: string;
  login: string;
  password: string;
}

/** The residents'-committee holder createMember seated in each community: it confirms the admin's later grants. */
const residentsCommitteeOf = new Map<string, Member>();

/**
 * The admin grants `role`: directly while the community has no residents'-committee holder in office (the first
 * appointments), otherwise as a request that the residents'-committee holder createMember seated confirms.
 */
export async function grantRole(
  t: TestApp,
  communityId: string,
  userId: string,
  role: string,
  extra: { startsOn?: string; endsOn?: string } = {},
): Promise<{ id: string }> {
  const direct = await t.http
    .post(`/api/communities/${communityId}/roles`)
    .set(bearer(t.adminToken))
    .send({ userId, role, ...extra });
  if (direct.status === 201) return direct.body;
  if (direct.body?.code !== 'role_grant_needs_confirmation') throw new Error(`grant role: ${direct.status} ${JSON.stringify(direct.body)}`);
  const confirmer = residentsCommitteeOf.get(communityId);
  if (!confirmer)
    throw new Error('grant role: the community has a residents\u2019 committee holder createMember did not seat; confirm by hand');
  const asked = await t.http
    .post(`/api/communities/${communityId}/roles/requests`)
    .set(bearer(t.adminToken))
    .send({ userId, role, ...extra });
  if (asked.status !== 201) throw new Error(`request role: ${asked.status} ${JSON.stringify(asked.body)}`);
  const confirmed = await t.http
    .post(`/api/communities/${communityId}/roles/requests/${asked.body.id}/confirm`)
    .set(bearer(confirmer.token));
  if (confirmed.status !== 201) throw new Error(`confirm role: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return confirmed.body;
}

/** An account holding `role` in the community, already logged in. */
export async function createMember(
  t: TestApp,
  communityId: string,
  role: string,
  extra: { startsOn?: string; endsOn?: string } = {},
): Promise<Member> {
  const login = unique('user').toLowerCase();
  const password = 'Passw0rd-test';
  // The person registers their own account (no one sets a password for someone else), then the admin grants the role.
  const created = await t.http.post('/api/users').send({ loginName: login, displayName: `测试${role}`, password });
  if (created.status !== 201) throw new Error(`create user: ${created.status} ${JSON.stringify(created.body)}`);
  await grantRole(t, communityId, created.body.user.id, role, extra);
  const session = await t.http.post('/api/auth/login').send({ login, password });
  const member = { userId: created.body.user.id, token: session.body.token, login, password };
  if (role === 'residents_committee' && !extra.endsOn && !extra.startsOn && !residentsCommitteeOf.has(communityId))
    residentsCommitteeOf.set(communityId, member);
  return member;
}

export const ROSTER_HEADER = ['楼栋', '单元', '房号', '面积', '面积来源', '状态', '类型', '业主', '手机', '证件号', '共有人', '投票人'];

export type RosterLine = Partial<Record<(typeof ROSTER_HEADER)[number], string>>;

export function rosterCsv(lines: RosterLine[]): Buffer {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const body = [ROSTER_HEADER.join(','), ...lines.map((l) => ROSTER_HEADER.map((h) => quote(l[h] ?? '')).join(','))].join('\n');
  return Buffer.from(`\uFEFF${body}\n`, 'utf8');
}

export async function rosterXlsx(lines: RosterLine[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow(ROSTER_HEADER);
  for (const line of lines) {
    // Areas typed as numbers, the way Excel users enter them.
    sheet.addRow(ROSTER_HEADER.map((h) => (h === '面积' && line[h] && /^\d+(\.\d+)?$/.test(line[h]!) ? Number(line[h]) : (line[h] ?? ''))));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function importRoster(t: TestApp, communityId: string, token: string, file: Buffer, filename = 'roster.csv') {
  return t.http.post(`/api/communities/${communityId}/roster-imports`).set(bearer(token)).attach('file', file, filename);
}

/** A small community: 4 units, one owner with two units, one co-owned unit, one unsold developer unit. */
export const SMALL_ROSTER: RosterLine[] = [
  { 楼栋: '1', 单元: '1', 房号: '101', 面积: '89.50', 面积来源: '登记', 业主: '张三', 手机: '13800000001', 证件号: '330106199001011234' },
  { 楼栋: '1', 单元: '1', 房号: '102', 面积: '100.25', 面积来源: '实测', 业主: '张三', 手机: '13800000001' },
  {
    楼栋: '1',
    单元: '2',
    房号: '201',
    面积: '120',
    面积来源: '合同',
    业主: '李四',
    手机: '13800000002',
    共有人: '王五:13800000003',
    投票人: '王五',
  },
  { 楼栋: '2', 房号: '301', 面积: '75.05', 面积来源: '登记', 状态: '未售' },
  { 楼栋: '2', 房号: '302', 面积: '75.05', 面积来源: '登记', 状态: '未交付' },
];
