import { api, withDatabase, type Person } from './browser-api';
import { closeVoteNow, ensureSeals, ownerAccount, publishFinalResultNow, sealNotice, type ChainCast } from './vote-fixtures';

const DAY = 86_400_000;

export interface PassedItemSpec {
  category: string;
  title: string;
  description: string;
  budgetFen?: string;
  voteTitle: string;
  motion: { title: string; fullText: string };
}

/**
 * An item of `spec.category` the owners approved: its chain, a vote that 张伟, 王芳, 赵敏 and 刘洋 carry (their
 * accounts are made here, so the cast's roster owners must have none yet), closed by the server's own job and its
 * final result published — time moved as in vote-fixtures.ts (the notice was lawful and sealed in time).
 */
export async function passedItem(cast: ChainCast, spec: PassedItemSpec): Promise<{ itemId: string; voteId: string }> {
  const { communityId, clerk, secretary, representative, director, admin } = cast;
  const meeting = (extra: Record<string, unknown>) => ({
    heldAt: new Date(Date.now() - DAY).toISOString(),
    place: '社区党群服务中心',
    chair: '郑书记',
    attendees: ['党支部', '居委会', '业委会', '物业'].map((party) => ({ name: `${party}代表`, party, present: true })),
    minutes: `会议讨论了「${spec.title}」。`,
    ...extra,
  });
  const item = await api<{ id: string }>('POST', `/communities/${communityId}/agenda-items`, {
    token: clerk.token,
    body: {
      title: spec.title,
      category: spec.category,
      description: spec.description,
      ...(spec.budgetFen ? { budgetFen: spec.budgetFen } : {}),
    },
  });
  const stage = (name: string, who: Person, body: Record<string, unknown>) =>
    api('POST', `/communities/${communityId}/agenda-items/${item.id}/stages/${name}/meeting`, { token: who.token, body });
  await stage('party_prediscussion', secretary, meeting({ outcome: 'advance' }));
  await stage('joint_meeting', clerk, meeting({ outcome: 'advance', details: { plan: spec.motion.fullText, options: [] } }));
  await stage(
    'representatives_meeting',
    representative,
    meeting({
      outcome: 'advance',
      details: { opinions: [{ representative: '1号楼楼栋长', for: 4, against: 0, concerns: '无' }] },
    }),
  );
  const opens = Date.now() + 16 * DAY;
  const vote = await api<{ id: string }>('POST', `/communities/${communityId}/agenda-items/${item.id}/votes`, {
    token: clerk.token,
    body: {
      title: spec.voteTitle,
      method: '网上投票',
      channels: ['online'],
      opensAt: new Date(opens).toISOString(),
      closesAt: new Date(opens + 14 * DAY).toISOString(),
      motions: [{ ...spec.motion, kind: 'yes_no' }],
    },
  });
  await ensureSeals(communityId, director, cast.residents);
  await api('POST', `/communities/${communityId}/votes/${vote.id}/notice`, { token: clerk.token });
  await sealNotice(communityId, vote.id, director, cast.residents);
  await withDatabase((db) =>
    db.query(
      `UPDATE assembly_votes SET noticed_at = noticed_at - interval '17 days', notice_sealed_at = notice_sealed_at - interval '17 days',
              opens_at = now() - interval '1 hour' WHERE id = $1`,
      [vote.id],
    ),
  );
  const detail = await api<{ motions: { id: string }[] }>('GET', `/communities/${communityId}/votes/${vote.id}`, { token: clerk.token });
  for (const name of ['张伟', '王芳', '赵敏', '刘洋']) {
    // 王芳 is the co-owner who votes for 1-1-102: without her the vote misses the two-thirds turnout by heads.
    const owner = await ownerAccount(admin, director.token, communityId, name);
    await api('POST', `/communities/${communityId}/votes/${vote.id}/ballots`, {
      token: owner.token,
      body: { choices: [{ motionId: detail.motions[0].id, choice: 'yes' }] },
    });
  }
  await closeVoteNow(communityId, vote.id, clerk.token);
  await publishFinalResultNow(communityId, vote.id, clerk.token);
  return { itemId: item.id, voteId: vote.id };
}
