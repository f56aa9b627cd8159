import { AuthService } from '../../apps/api/src/identity/auth.service';
import { createCommunity, createMember, importRoster, Member, rosterCsv, RosterLine } from './fixtures';
import { issueSealsWithPins, setSealPin, TEST_SEAL_PIN } from './seal-fixtures';
import { bearer, TestApp } from './test-app';

export interface Cast {
  community: string;
  director: Member;
  clerk: Member;
  clerk2: Member;
  secretary: Member;
  residents: Member;
  property: Member;
  representative: Member;
}

/** A community with one account per role that takes part in the chain. */
export async function chainCast(t: TestApp, roster: RosterLine[]): Promise<Cast> {
  const community = await createCommunity(t);
  const director = await createMember(t, community, 'committee_director');
  const cast: Cast = {
    community,
    director,
    clerk: await createMember(t, community, 'committee_member'),
    clerk2: await createMember(t, community, 'committee_member'),
    secretary: await createMember(t, community, 'party_secretary'),
    residents: await createMember(t, community, 'residents_committee'),
    property: await createMember(t, community, 'property_company'),
    representative: await createMember(t, community, 'representative'),
  };
  if (roster.length) await importRoster(t, community, director.token, rosterCsv(roster)).expect(201);
  return cast;
}

/** Opens accounts for every owner of the register (as the committee does after checking identity) and logs them in. */
export async function ownerTokens(t: TestApp, cast: Cast): Promise<Map<string, { ownerId: string; userId: string; token: string }>> {
  const owners = await t.dataSource.query<{ id: string; name: string; mobile: string | null }[]>(
    `SELECT id, name, mobile FROM owners WHERE community_id = $1 AND kind <> 'developer' AND user_id IS NULL`,
    [cast.community],
  );
  const auth = t.app.get(AuthService);
  const result = new Map<string, { ownerId: string; userId: string; token: string }>();
  // One shared hash: these accounts log in through issued tokens, so 500 owners cost no 500 argon2 runs.
  const [{ hash }] = await t.dataSource.query(`SELECT password_hash AS hash FROM users WHERE login_name = 'admin'`);
  for (const owner of owners) {
    const [user] = await t.dataSource.query(
      `INSERT INTO users (mobile, login_name, display_name, password_hash) VALUES ($1, $2, $3, $4) RETURNING *`,
      [owner.mobile, owner.mobile ? null : `owner-${owner.id}`, owner.name, hash],
    );
    await t.dataSource.query('UPDATE owners SET user_id = $1 WHERE id = $2', [user.id, owner.id]);
    // As the DBA (the app role may not write role_assignments; the server does it through assign_role).
    await t.ownerQuery(`INSERT INTO role_assignments (community_id, user_id, role, starts_on) VALUES ($1, $2, 'owner', '2020-01-01')`, [
      cast.community,
      user.id,
    ]);
    const { token } = await auth.issue({ ...user, displayName: user.display_name, isPlatformAdmin: false, mustChangePassword: false });
    result.set(owner.name, { ownerId: owner.id, userId: user.id, token });
  }
  return result;
}

export const meetingBody = (extra: Record<string, unknown> = {}) => ({
  heldAt: '2026-11-20T19:00:00+08:00',
  place: '社区党群服务中心',
  chair: '郑书记',
  attendees: [
    { name: '郑书记', party: '党支部', present: true },
    { name: '居委会王主任', party: '居委会', present: true },
    { name: '陈主任', party: '业委会', present: true },
    { name: '物业李经理', party: '物业', present: true },
  ],
  minutes: '会议讨论了电梯更新方案，与会各方发表了意见。',
  ...extra,
});

export async function createItem(t: TestApp, cast: Cast, category = 'art278_7', title = '3 幢加装电梯') {
  const res = await t.http
    .post(`/api/communities/${cast.community}/agenda-items`)
    .set(bearer(cast.clerk.token))
    .send({ title, category, description: '为 3 幢加装电梯一部，费用由受益业主分摊。', budgetFen: '98000000', fundingSource: '业主分摊' });
  if (res.status !== 201) throw new Error(`create item: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export function recordStage(t: TestApp, cast: Cast, itemId: string, stage: string, who: Member, body: Record<string, unknown>) {
  return t.http.post(`/api/communities/${cast.community}/agenda-items/${itemId}/stages/${stage}/meeting`).set(bearer(who.token)).send(body);
}

/** Party pre-discussion, joint meeting and representatives' meeting, all advancing. */
export async function advanceToAssembly(t: TestApp, cast: Cast, itemId: string): Promise<void> {
  await recordStage(t, cast, itemId, 'party_prediscussion', cast.secretary, meetingBody({ outcome: 'advance' })).expect(201);
  await recordStage(
    t,
    cast,
    itemId,
    'joint_meeting',
    cast.clerk,
    meetingBody({ outcome: 'advance', details: { plan: '加装一部电梯，公开招标', options: ['方案甲', '方案乙'] } }),
  ).expect(201);
  await recordStage(
    t,
    cast,
    itemId,
    'representatives_meeting',
    cast.representative,
    meetingBody({
      outcome: 'advance',
      details: { opinions: [{ representative: '3 幢楼栋长', for: 20, against: 3, concerns: '低层住户担心采光' }] },
    }),
  ).expect(201);
}

const DAY = 86_400_000;

/**
 * Drafts and publishes a vote whose window opened five days ago and closes in
 * `closesInMs`: the clock is moved back to publish the notice 17 days before opening.
 */
export async function openVote(
  t: TestApp,
  cast: Cast,
  itemId: string,
  options: { closesInMs?: number; motions?: unknown[]; channels?: string[]; electorate?: unknown; noticeDetails?: unknown } = {},
) {
  const now = Date.now();
  const opensAt = new Date(now - 5 * DAY);
  const closesAt = new Date(now + (options.closesInMs ?? 60 * 60 * 1000));
  const motions = options.motions ?? [{ title: '关于 3 幢加装电梯的议案', fullText: '议案全文：加装电梯一部……', kind: 'yes_no' }];
  const draft = await t.http
    .post(`/api/communities/${cast.community}/agenda-items/${itemId}/votes`)
    .set(bearer(cast.clerk.token))
    .send({
      title: '2026 年第一次业主大会',
      method: '网上投票与书面征求意见相结合',
      channels: options.channels ?? ['online', 'paper', 'proxy'],
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      motions,
      ...(options.electorate ? { electorate: options.electorate } : {}),
      ...(options.noticeDetails ? { noticeDetails: options.noticeDetails } : {}),
    });
  if (draft.status !== 201) throw new Error(`draft vote: ${draft.status} ${JSON.stringify(draft.body)}`);
  t.clock.travelTo(new Date(opensAt.getTime() - 17 * DAY));
  try {
    // Publishing is the sealing: the seals are cut (if the test has not), publishing asks for both, and the two
    // default custodians apply them — all 17 days before voting opens, as a committee would have done.
    const [{ active }] = await t.dataSource.query<{ active: number }[]>(
      `SELECT count(*)::int AS active FROM seals WHERE community_id = $1 AND status = 'active'`,
      [cast.community],
    );
    if (active < 2) await issueSealsWithPins(t, cast.community, cast.director, [cast.director, cast.residents]);
    const published = await t.http.post(`/api/communities/${cast.community}/votes/${draft.body.id}/notice`).set(bearer(cast.clerk.token));
    if (published.status !== 201) throw new Error(`publish: ${published.status} ${JSON.stringify(published.body)}`);
    await sealNotice(t, cast, draft.body.id);
  } finally {
    t.clock.reset();
  }
  const vote = await t.http.get(`/api/communities/${cast.community}/votes/${draft.body.id}`).set(bearer(cast.clerk.token)).expect(200);
  return vote.body as { id: string; motions: { id: string; options: { id: string }[] }[]; closesAt: string };
}

/**
 * Seals a published notice the legitimate way: the request publishing made (the system's), then the residents'
 * committee applies the assembly seal and the director the committee seal, each with their own PIN.
 */
export async function sealNotice(t: TestApp, cast: Cast, voteId: string): Promise<void> {
  const asked = await t.http
    .post(`/api/communities/${cast.community}/votes/${voteId}/notice/seal-request`)
    .set(bearer(cast.director.token));
  if (asked.status !== 201 || !asked.body.requestId) throw new Error(`notice seal request: ${asked.status} ${JSON.stringify(asked.body)}`);
  for (const [kind, who] of [
    ['assembly', cast.residents],
    ['committee', cast.director],
  ] as const) {
    const pin = await t.http.get(`/api/communities/${cast.community}/my-seal-pin`).set(bearer(who.token));
    if (!pin.body.pinSet) await setSealPin(t, cast.community, who);
    const applied = await t.http
      .post(`/api/communities/${cast.community}/seal-requests/${asked.body.requestId}/applications`)
      .set(bearer(who.token))
      .send({ kind, pin: TEST_SEAL_PIN });
    if (applied.status !== 201) throw new Error(`apply ${kind} seal to the notice: ${applied.status} ${JSON.stringify(applied.body)}`);
  }
}

/**
 * The committee publishes the final result after the objection period (the clock moves past its end): only then
 * does the item advance or return. The clerk publishes; the seal request it makes is left pending.
 */
export async function publishFinalResult(t: TestApp, cast: Cast, voteId: string): Promise<{ documentId: string; sealRequestId: string }> {
  const results = await t.http.get(`/api/communities/${cast.community}/votes/${voteId}/results`).set(bearer(cast.clerk.token));
  if (results.status !== 200) throw new Error(`results: ${results.status} ${JSON.stringify(results.body)}`);
  t.clock.travelTo(new Date(new Date(results.body.objectionEndsAt).getTime() + 1000));
  try {
    const issued = await t.http
      .post(`/api/communities/${cast.community}/votes/${voteId}/final-result`)
      .set(bearer(cast.clerk.token))
      .send({});
    if (issued.status !== 201) throw new Error(`final result: ${issued.status} ${JSON.stringify(issued.body)}`);
    return { documentId: issued.body.document.id, sealRequestId: issued.body.sealRequest.id };
  } finally {
    t.clock.reset();
  }
}

/**
 * The notice document publishing registered for a vote, found the way the vote page's sealing card finds it:
 * the community's document list, the one `assembly_notice` whose source is the vote.
 */
export async function noticeDocument(
  t: TestApp,
  cast: Cast,
  voteId: string,
): Promise<{ id: string; number: string; status: string; type: string; sourceId: string }> {
  const list = await t.http.get(`/api/communities/${cast.community}/documents`).set(bearer(cast.clerk.token));
  if (list.status !== 200) throw new Error(`documents: ${list.status} ${JSON.stringify(list.body)}`);
  const notices = (list.body as { id: string; number: string; status: string; type: string; sourceId: string }[]).filter(
    (d) => d.type === 'assembly_notice' && d.sourceId === voteId,
  );
  if (notices.length !== 1) throw new Error(`expected one notice document for vote ${voteId}, found ${notices.length}`);
  return notices[0];
}
