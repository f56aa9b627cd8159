import {
  adminToken,
  api,
  createCommunity,
  createPerson,
  csvWithBom,
  TEST_PASSWORD,
  unique,
  withDatabase,
  type Person,
} from './browser-api';
import { GOOD_REGISTER_FACTS, GOOD_ROSTER, REGISTERED_MOBILES } from './roster-fixtures';

const DAY = 86_400_000;

export interface VoteFixture {
  communityId: string;
  communityName: string;
  itemId: string;
  voteId: string;
  motionId: string;
  director: Person;
  clerk: Person;
  clerk2: Person;
  residents: Person;
  owner: Person;
  /** Everyone of the community (chainCast), for fixtures that need more than the vote's people. */
  cast: ChainCast;
}

/** The activation code of a fresh letter for the roster owner `ownerName` (the JSON form of what the committee prints). */
export async function activationCode(committeeToken: string, communityId: string, ownerName: string): Promise<string> {
  const owners = await api<{ items: { id: string; name: string }[] }>(
    'GET',
    `/communities/${communityId}/owners?q=${encodeURIComponent(ownerName)}`,
    { token: committeeToken },
  );
  const owner = owners.items.find((o) => o.name === ownerName);
  if (!owner) throw new Error(`owner ${ownerName} not in the roster`);
  const issued = await api<{ letters: { code: string }[] }>('POST', `/communities/${communityId}/activation-letters`, {
    token: committeeToken,
    body: { ownerIds: [owner.id], format: 'json' },
  });
  return issued.letters[0].code;
}

/**
 * The fact a GOOD_ROSTER owner adds to the code: the last 4 digits of the mobile the residents' committee's register
 * holds (REGISTERED_MOBILES), not the contact number in the committee's roster.
 */
export function mobileTailOf(ownerName: string): string {
  const mobile = REGISTERED_MOBILES[ownerName];
  if (!mobile) throw new Error(`owner ${ownerName} not in GOOD_ROSTER`);
  return mobile.slice(-4);
}

/** Gives the roster owner `ownerName` an account the way an owner does: letter code + register fact + own password. */
export async function ownerAccount(_admin: string, committeeToken: string, communityId: string, ownerName: string): Promise<Person> {
  const code = await activationCode(committeeToken, communityId, ownerName);
  const loginName = unique('o').toLowerCase();
  const result = await api<{ token: string; user: { id: string } }>('POST', '/activation', {
    body: { code, fact: mobileTailOf(ownerName), loginName, password: TEST_PASSWORD },
  });
  return { userId: result.user.id, login: loginName, password: TEST_PASSWORD, token: result.token, name: ownerName };
}

const meeting = (extra: Record<string, unknown>) => ({
  heldAt: new Date(Date.now() - DAY).toISOString(),
  place: '社区党群服务中心',
  chair: '郑书记',
  attendees: [
    { name: '郑书记', party: '党支部', present: true },
    { name: '刘主任', party: '居委会', present: true },
    { name: '陈主任', party: '业委会', present: true },
    { name: '物业孙经理', party: '物业', present: true },
  ],
  minutes: '会议讨论了更换水泵的方案，与会各方发表了意见。',
  ...extra,
});

export interface ChainCast {
  admin: string;
  communityId: string;
  communityName: string;
  director: Person;
  clerk: Person;
  clerk2: Person;
  secretary: Person;
  residents: Person;
  representative: Person;
  property: Person;
}

/** A community with the roster of roster-fixtures.ts (5 owners, 1,798.50 m²) and one account per role of the chain. */
export async function chainCast(): Promise<ChainCast> {
  const admin = await adminToken();
  const communityName = unique('议事小区');
  const communityId = await createCommunity(admin, communityName);
  const person = (name: string, role: string) => createPerson(admin, communityId, name, [role]);
  const cast: ChainCast = {
    admin,
    communityId,
    communityName,
    director: await person('陈主任', 'committee_director'),
    clerk: await person('李委员', 'committee_member'),
    clerk2: await person('王委员', 'committee_member'),
    secretary: await person('郑书记', 'party_secretary'),
    residents: await person('居委会刘主任', 'residents_committee'),
    representative: await person('楼栋长周阿姨', 'representative'),
    property: await person('物业孙经理', 'property_company'),
  };
  await api('POST', `/communities/${communityId}/roster-imports`, {
    token: cast.director.token,
    file: { name: 'roster.csv', content: csvWithBom(GOOD_ROSTER.split('\r\n')) },
  });
  // The owners' activation facts come from the residents' committee, never from the committee's roster.
  await api('POST', `/communities/${communityId}/register-facts`, {
    token: cast.residents.token,
    file: { name: 'facts.csv', content: csvWithBom(GOOD_REGISTER_FACTS.split('\r\n')) },
  });
  return cast;
}

/** An Art. 278 (五) item taken through 支部先议, 联席会议 and 居民代表会议: it waits for the assembly vote. */
export async function itemAtAssembly(cast: ChainCast, title = '动用维修资金更换 2 号楼水泵'): Promise<string> {
  const { communityId, clerk, secretary, representative } = cast;
  const item = await api<{ id: string }>('POST', `/communities/${communityId}/agenda-items`, {
    token: clerk.token,
    body: { title, category: 'art278_5', description: '2 号楼生活水泵老化，拟动用维修资金更换。', budgetFen: '4500000' },
  });
  const stage = (name: string, who: Person, body: Record<string, unknown>) =>
    api('POST', `/communities/${communityId}/agenda-items/${item.id}/stages/${name}/meeting`, { token: who.token, body });
  await stage('party_prediscussion', secretary, meeting({ outcome: 'advance' }));
  await stage('joint_meeting', clerk, meeting({ outcome: 'advance', details: { plan: '更换水泵一台，公开比价', options: [] } }));
  await stage(
    'representatives_meeting',
    representative,
    meeting({
      outcome: 'advance',
      details: { opinions: [{ representative: '2 号楼楼栋长', for: 3, against: 0, concerns: '施工期间停水' }] },
    }),
  );
  return item.id;
}

/** Drafts a vote on the item through the API (clerk), voting from `opensInDays` for two weeks. */
export async function draftVote(cast: ChainCast, itemId: string, opensInDays: number): Promise<string> {
  const opens = Date.now() + opensInDays * DAY;
  const draft = await api<{ id: string }>('POST', `/communities/${cast.communityId}/agenda-items/${itemId}/votes`, {
    token: cast.clerk.token,
    body: {
      title: '2026 年第一次业主大会',
      method: '网上投票与书面征求意见相结合',
      channels: ['online', 'paper', 'proxy'],
      opensAt: new Date(opens).toISOString(),
      closesAt: new Date(opens + 14 * DAY).toISOString(),
      motions: [
        { title: '关于动用维修资金更换 2 号楼水泵的议案', fullText: '动用维修资金 45,000.00 元更换 2 号楼生活水泵一台。', kind: 'yes_no' },
      ],
    },
  });
  return draft.id;
}

/** The seal PIN the fixture's custodians (director: committee seal; residents' committee: assembly seal) set. */
export const FIXTURE_SEAL_PIN = 'fixture-seal-pin-1357';

/** Cuts the term's seals unless they are: the default custodians set their own PINs first (keys wrapped for them). */
export async function ensureSeals(communityId: string, director: Person, residents: Person): Promise<void> {
  const seals = await api<{ status: string }[]>('GET', `/communities/${communityId}/seals`, { token: director.token });
  if (seals.filter((s) => s.status === 'active').length >= 2) return;
  for (const who of [director, residents]) {
    const status = await api<{ pinSet: boolean }>('GET', `/communities/${communityId}/my-seal-pin`, { token: who.token });
    if (!status.pinSet) await api('PUT', `/communities/${communityId}/my-seal-pin`, { token: who.token, body: { pin: FIXTURE_SEAL_PIN } });
  }
  await api('POST', `/communities/${communityId}/seals`, { token: director.token, body: { term: 1 } });
}

/** Publishing asked for the notice's seals; the two custodians apply them (publishing is the sealing). */
export async function sealNotice(communityId: string, voteId: string, director: Person, residents: Person): Promise<void> {
  const asked = await api<{ requestId: string }>('POST', `/communities/${communityId}/votes/${voteId}/notice/seal-request`, {
    token: director.token,
  });
  for (const [kind, who] of [
    ['assembly', residents],
    ['committee', director],
  ] as const)
    await api('POST', `/communities/${communityId}/seal-requests/${asked.requestId}/applications`, {
      token: who.token,
      body: { kind, pin: FIXTURE_SEAL_PIN },
    });
}

/**
 * The cast, an item at the assembly stage, and an assembly vote on it that is open now.
 *
 * The notice must be published at least 15 days before voting opens, and the server runs on the real clock. So the
 * vote is drafted and published lawfully with voting 16 days ahead; then the test moves the notice and the opening
 * back in time in the database (noticed_at − 17 days, opens_at = an hour ago). That only moves time: the
 * notice-to-opening gap stays above 15 days and nothing else about the vote changes.
 */
export async function openVoteFixture(): Promise<VoteFixture> {
  const cast = await chainCast();
  const { admin, communityId, communityName, director, clerk, clerk2, residents } = cast;
  const owner = await ownerAccount(admin, director.token, communityId, '张伟');
  const itemId = await itemAtAssembly(cast);
  const voteId = await draftVote(cast, itemId, 16);
  await ensureSeals(communityId, director, residents);
  await api('POST', `/communities/${communityId}/votes/${voteId}/notice`, { token: clerk.token });
  await sealNotice(communityId, voteId, director, residents);
  // Moves time only (see above): the notice was lawful and sealed in time; the test cannot wait 16 days for voting.
  await withDatabase((db) =>
    db.query(
      `UPDATE assembly_votes SET noticed_at = noticed_at - interval '17 days', notice_sealed_at = notice_sealed_at - interval '17 days',
              opens_at = now() - interval '1 hour' WHERE id = $1`,
      [voteId],
    ),
  );
  const vote = await api<{ isOpen: boolean; motions: { id: string }[] }>('GET', `/communities/${communityId}/votes/${voteId}`, {
    token: clerk.token,
  });
  if (!vote.isOpen) throw new Error('the vote did not open after moving its opening time');
  return { communityId, communityName, itemId, voteId, motionId: vote.motions[0].id, director, clerk, clerk2, residents, owner, cast };
}

/**
 * Ends the vote now: moves its closing time to the past and its pg-boss close job (scheduled for the original closing
 * time) to now, then waits for the server's own close and tally. Again only time moves; the close is the server's.
 */
export async function closeVoteNow(communityId: string, voteId: string, token: string): Promise<void> {
  await withDatabase(async (db) => {
    await db.query(`UPDATE assembly_votes SET closes_at = now() - interval '1 second' WHERE id = $1`, [voteId]);
    await db.query(`UPDATE pgboss.job SET start_after = now() WHERE name = 'vote-close' AND data->>'voteId' = $1 AND state = 'created'`, [
      voteId,
    ]);
  });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const vote = await api<{ status: string }>('GET', `/communities/${communityId}/votes/${voteId}`, { token });
    if (vote.status === 'closed') return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the vote was not closed by its job within 30 s');
}

/**
 * The objection period of a closed vote ends now (time only, as closeVoteNow moves the closing) and the clerk
 * publishes the final result: only then does the item advance.
 */
export async function publishFinalResultNow(communityId: string, voteId: string, token: string): Promise<void> {
  await withDatabase((db) =>
    db.query(`UPDATE assembly_votes SET objection_ends_at = now() - interval '1 second' WHERE id = $1 AND status = 'closed'`, [voteId]),
  );
  await api('POST', `/communities/${communityId}/votes/${voteId}/final-result`, { token, body: {} });
}

/** The notice document publishing registered, and the seal request publishing made for it (the system's). */
export async function publishedNotice(
  communityId: string,
  voteId: string,
  token: string,
): Promise<{ documentId: string; documentNumber: string; requestId: string }> {
  const sealing = await api<{ documentId: string; documentNumber: string; requestId: string | null }>(
    'POST',
    `/communities/${communityId}/votes/${voteId}/notice/seal-request`,
    { token },
  );
  if (!sealing.requestId) throw new Error('the published notice has no seal request');
  return { documentId: sealing.documentId, documentNumber: sealing.documentNumber, requestId: sealing.requestId };
}

/**
 * Cuts the term's seals with every custodian's own PIN, then makes the clerk keep the committee seal with the
 * director (a custody decision by two members, then the director's key handover).
 */
export async function sealsWithClerkAsSecondCustodian(cast: ChainCast, pin: string): Promise<void> {
  const { communityId, director, clerk, clerk2, residents } = cast;
  for (const who of [director, residents, clerk]) {
    await api('PUT', `/communities/${communityId}/my-seal-pin`, { token: who.token, body: { pin } });
  }
  await api('POST', `/communities/${communityId}/seals`, { token: director.token, body: { term: 1 } });
  const seals = await api<{ id: string; kind: string; status: string }[]>('GET', `/communities/${communityId}/seals`, {
    token: director.token,
  });
  const committeeSeal = seals.find((s) => s.kind === 'committee' && s.status === 'active')!;
  const proposal = await api<{ id: string }>('POST', `/communities/${communityId}/seals/${committeeSeal.id}/custody-proposals`, {
    token: director.token,
    body: { userIds: [director.userId, clerk.userId] },
  });
  await api('POST', `/communities/${communityId}/seals/${committeeSeal.id}/custody-proposals/${proposal.id}/confirmation`, {
    token: clerk2.token,
  });
  await api('POST', `/communities/${communityId}/seals/${committeeSeal.id}/key-handovers`, { token: director.token, body: { pin } });
}
