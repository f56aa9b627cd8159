import { bearer, TestApp } from './test-app';
import type { Member } from './fixtures';

let counter = 0;

/**
 * The legitimate way an owner gets an account: the committee issues a letter (JSON form of the batch), the
 * owner enters the code plus a register fact and chooses a password. No backdoor in production code.
 */
export async function activateOwner(
  t: TestApp,
  communityId: string,
  committeeToken: string,
  ownerName: string,
  fact: string,
  options: { password?: string; loginName?: string } = {},
): Promise<Member & { ownerId: string; code: string }> {
  const [owner] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM owners WHERE community_id = $1 AND name = $2`, [
    communityId,
    ownerName,
  ]);
  if (!owner) throw new Error(`no owner named ${ownerName}`);
  const issued = await t.http
    .post(`/api/communities/${communityId}/activation-letters`)
    .set(bearer(committeeToken))
    .send({ ownerIds: [owner.id], format: 'json' });
  if (issued.status !== 201) throw new Error(`issue letter: ${issued.status} ${JSON.stringify(issued.body)}`);
  const code: string = issued.body.letters[0].code;
  const password = options.password ?? 'Owner-passw0rd';
  const login = options.loginName ?? `owner${process.pid}x${++counter}`;
  const activated = await t.http.post('/api/activation').send({ code, fact, loginName: login, password });
  if (activated.status !== 201) throw new Error(`activate: ${activated.status} ${JSON.stringify(activated.body)}`);
  return { userId: activated.body.user.id, token: activated.body.token, login, password, ownerId: owner.id, code };
}

/** One line of the residents' committee's facts file (核验信息): unit, owner, registered mobile and/or identity number. */
export interface FactsLine {
  楼栋: string;
  单元?: string;
  房号: string;
  业主: string;
  手机?: string;
  证件号?: string;
}

export function factsCsv(lines: FactsLine[]): Buffer {
  const header = ['楼栋', '单元', '房号', '业主', '手机', '证件号'] as const;
  const body = [header.join(','), ...lines.map((l) => header.map((h) => l[h] ?? '').join(','))].join('\n');
  return Buffer.from(`\uFEFF${body}\n`, 'utf8');
}

/**
 * The residents' committee's facts for SMALL_ROSTER's owners. 张三's registered mobile is the committee's contact
 * number, so only his identity tail (015678) is kept; 李四 adds 2222, 王五 3333 (registered mobiles the committee
 * does not hold).
 */
export const SMALL_ROSTER_FACTS: FactsLine[] = [
  { 楼栋: '1', 单元: '1', 房号: '101', 业主: '张三', 手机: '13800000001', 证件号: '110101199001015678' },
  { 楼栋: '1', 单元: '2', 房号: '201', 业主: '李四', 手机: '13700002222' },
  { 楼栋: '1', 单元: '2', 房号: '201', 业主: '王五', 手机: '13700003333' },
];

export function importRegisterFacts(t: TestApp, communityId: string, residentsToken: string, lines: FactsLine[]) {
  return t.http
    .post(`/api/communities/${communityId}/register-facts`)
    .set(bearer(residentsToken))
    .attach('file', factsCsv(lines), 'facts.csv');
}
