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
