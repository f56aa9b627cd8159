import { committedDocument, responseSchema, violations as check, type Schema } from '../support/openapi-conformance';
import { VoteClosingService } from '../../apps/api/src/voting/vote-closing.service';
import { Cast, chainCast, createItem, meetingBody, openVote, ownerTokens, recordStage } from '../support/chain-fixtures';
import { RosterLine } from '../support/fixtures';
import { issueFinalResult } from '../support/result-fixtures';
import { issueSealsWithPins } from '../support/seal-fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

/**
 * The agenda (chain, meetings), minutes, voting, proxies, vote-result, to-do and notification routes answer exactly
 * what the committed OpenAPI document (apps/web/src/api/generated/openapi.json) declares: the web app's chain,
 * voting, to-do and notification types are generated from it, so a response that drifts from its DTO would
 * silently mistype the pages.
 */

const doc = committedDocument();
const violations = (schema: Schema, value: unknown, at = '$'): string[] => check(doc, schema, value, at);
const declared = (method: string, path: string, status: number): Schema => responseSchema(doc, method, path, status);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

const ROSTER: RosterLine[] = [
  { 楼栋: '1', 单元: '1', 房号: '101', 面积: '100', 面积来源: '登记', 业主: '欧阳甲', 手机: '13900000001' },
  { 楼栋: '1', 单元: '1', 房号: '102', 面积: '90', 面积来源: '登记', 业主: '司马乙', 手机: '13900000002' },
  { 楼栋: '1', 单元: '1', 房号: '201', 面积: '80', 面积来源: '登记', 业主: '诸葛丙', 手机: '13900000003' },
  { 楼栋: '2', 单元: '1', 房号: '101', 面积: '70', 面积来源: '登记', 业主: '上官丁', 手机: '13900000004' },
];
const DAY = 86_400_000;
const P = '/api/communities/{communityId}';

describe('agenda, minutes, voting, to-do and notification responses conform to the generated contract', () => {
  let t: TestApp;
  let cast: Cast;
  let owners: Map<string, { ownerId: string; userId: string; token: string }>;
  const url = (rest = '') => `/api/communities/${cast.community}${rest}`;
  const as = (name: string) => bearer(owners.get(name)!.token);
  const checked: string[] = [];

  /** A real response, checked against its declared schema; the body is returned for further requests. */
  function conforms(res: { status: number; body: unknown }, path: string): Body {
    const method = (res as unknown as { req: { method: string } }).req.method.toLowerCase();
    expect({ route: `${method} ${path}`, problems: violations(declared(method, path, res.status), res.body) }).toEqual({
      route: `${method} ${path}`,
      problems: [],
    });
    checked.push(`${method} ${path}`);
    return res.body as Body;
  }

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, ROSTER);
    owners = await ownerTokens(t, cast);
  });
  afterAll(() => t.close());

  it('every route of these contexts declares a response schema (a download declares its binary content type)', () => {
    const tags = ['agenda', 'minutes', 'voting', 'todo', 'notifications'];
    const mine = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.tags?.some((tag) => tags.includes(tag)))
        .map(([method, op]) => ({ route: `${method} ${path}`, op })),
    );
    expect(mine.length).toBeGreaterThanOrEqual(40);
    const undeclared = mine
      .filter(({ route }) => !/notification-channels|notification-preferences/.test(route))
      .filter(({ op }) => !Object.entries(op.responses).some(([code, r]) => /^2/.test(code) && (code === '204' || r.content)))
      .map(({ route }) => route);
    expect(undeclared).toEqual([]);
    const scan = doc.paths[`${P}/votes/{id}/proxies/{proxyId}/scan`].get.responses['200'].content!;
    expect(Object.keys(scan)).toEqual(expect.arrayContaining(['application/pdf']));
  });

  it('the chain: items, meetings, skips, resubmissions, progress reports and the minutes', async () => {
    const clerk = bearer(cast.clerk.token);
    const created = conforms(
      await t.http
        .post(url('/agenda-items'))
        .set(clerk)
        .send({
          title: '3 幢加装电梯',
          category: 'art278_7',
          description: '加装电梯一部。',
          budgetFen: '98000000',
          fundingSource: '业主分摊',
        })
        .expect(201),
      `${P}/agenda-items`,
    );
    const attendees = [
      { name: '郑书记', party: '党支部', present: true, userId: cast.secretary.userId },
      { name: '居委会王主任', party: '居委会', present: true, userId: cast.residents.userId },
      { name: '李委员', party: '业委会', present: true, userId: cast.clerk.userId },
      { name: '物业李经理', party: '物业', present: true },
      { name: '张代表', party: '居民代表', present: false },
    ];
    const meetingPath = `${P}/agenda-items/{id}/stages/{stage}/meeting`;
    conforms(
      await recordStage(t, cast, created.id, 'party_prediscussion', cast.secretary, meetingBody({ outcome: 'advance' })).expect(201),
      meetingPath,
    );
    const joint = conforms(
      await recordStage(
        t,
        cast,
        created.id,
        'joint_meeting',
        cast.clerk,
        meetingBody({ outcome: 'advance', attendees, details: { plan: '加装一部电梯，公开招标', options: ['方案甲', '方案乙'] } }),
      ).expect(201),
      meetingPath,
    );
    conforms(
      await recordStage(
        t,
        cast,
        created.id,
        'representatives_meeting',
        cast.representative,
        meetingBody({
          outcome: 'advance',
          details: { opinions: [{ representative: '3 幢楼栋长', for: 20, against: 3, concerns: '采光' }] },
        }),
      ).expect(201),
      meetingPath,
    );
    const items = conforms(await t.http.get(url('/agenda-items')).set(clerk).expect(200), `${P}/agenda-items`);
    expect(items.length).toBeGreaterThan(0);
    const detail = conforms(
      await t.http
        .get(url(`/agenda-items/${created.id}`))
        .set(clerk)
        .expect(200),
      `${P}/agenda-items/{id}`,
    );
    expect(detail.meetings.length).toBe(3);

    // Minutes of the joint meeting: confirmed in the app, signed on paper and countersigned, then amended.
    const m = (rest: string) => url(`/meetings/${joint.meeting.id}${rest}`);
    const minutes = `${P}/meetings/{meetingId}`;
    const view = conforms(await t.http.get(m('/confirmations')).set(clerk).expect(200), `${minutes}/confirmations`);
    expect(view.attendees.length).toBe(5);
    conforms(
      await t.http.post(m('/confirmations')).set(bearer(cast.secretary.token)).send({ decision: 'confirm' }).expect(201),
      `${minutes}/confirmations`,
    );
    conforms(await t.http.post(m('/paper-confirmations/3')).set(clerk).expect(201), `${minutes}/paper-confirmations/{index}`);
    conforms(
      await t.http.post(m('/paper-confirmations/3/countersignature')).set(bearer(cast.clerk2.token)).expect(201),
      `${minutes}/paper-confirmations/{index}/countersignature`,
    );
    conforms(
      await t.http
        .post(m('/confirmations'))
        .set(bearer(cast.residents.token))
        .send({ decision: 'object', comment: '漏记意见' })
        .expect(201),
      `${minutes}/confirmations`,
    );
    conforms(
      await t.http
        .post(m('/amendments'))
        .set(clerk)
        .send({ minutes: '会议讨论了电梯更新方案（补记意见）。', reason: '按意见补记' })
        .expect(201),
      `${minutes}/amendments`,
    );

    // A returned item resubmitted; a committee-only item skipping the joint meeting through to progress reports.
    const returned = (await t.http.post(url('/agenda-items')).set(clerk).send({ title: '退回', category: 'art278_7', description: 'x' }))
      .body.id as string;
    await recordStage(
      t,
      cast,
      returned,
      'party_prediscussion',
      cast.secretary,
      meetingBody({ outcome: 'return', reason: '补充方案' }),
    ).expect(201);
    conforms(
      await t.http
        .post(url(`/agenda-items/${returned}/resubmissions`))
        .set(clerk)
        .send({ note: '已补充' })
        .expect(201),
      `${P}/agenda-items/{id}/resubmissions`,
    );
    const small = await createItem(t, cast, 'committee_only', '更换门禁卡供应商');
    await recordStage(t, cast, small, 'party_prediscussion', cast.secretary, meetingBody({ outcome: 'advance' })).expect(201);
    conforms(
      await t.http
        .post(url(`/agenda-items/${small}/skips`))
        .set(bearer(cast.director.token))
        .send({ stage: 'joint_meeting', reason: '小额事项，无需联席' })
        .expect(201),
      `${P}/agenda-items/{id}/skips`,
    );
    const members = [cast.director, cast.clerk, cast.clerk2];
    const resolution = conforms(
      await recordStage(
        t,
        cast,
        small,
        'committee_resolution',
        cast.clerk,
        meetingBody({ details: { memberVotes: members.map((mb) => ({ userId: mb.userId, present: true, vote: 'yes', signed: true })) } }),
      ).expect(201),
      meetingPath,
    );
    expect(resolution.item.currentStage).toBe('execution');
    conforms(
      await t.http
        .post(url(`/agenda-items/${small}/progress-reports`))
        .set(bearer(cast.property.token))
        .send({ progressPercent: 40, text: '已完成一半' })
        .expect(201),
      `${P}/agenda-items/{id}/progress-reports`,
    );
    conforms(
      await t.http
        .get(url(`/agenda-items/${small}`))
        .set(clerk)
        .expect(200),
      `${P}/agenda-items/{id}`,
    );
  });

  it('a vote from draft to the final result, with paper ballots, proxies and objections', async () => {
    const clerk = bearer(cast.clerk.token);
    const itemId = await createItem(t, cast, 'art278_5', '动用维修资金更换水泵');
    for (const [stage, who, extra] of [
      ['party_prediscussion', cast.secretary, {}],
      ['joint_meeting', cast.clerk, { details: { plan: '更换水泵', options: ['方案甲'] } }],
      ['representatives_meeting', cast.representative, { details: { opinions: [{ representative: '楼栋长', for: 5, against: 0 }] } }],
    ] as const)
      await recordStage(t, cast, itemId, stage, who, meetingBody({ outcome: 'advance', ...extra })).expect(201);

    // A draft edited and deleted.
    const draftBody = {
      title: '草稿',
      method: '网上投票',
      channels: ['online'],
      opensAt: new Date(Date.now() + 30 * DAY).toISOString(),
      closesAt: new Date(Date.now() + 40 * DAY).toISOString(),
      motions: [
        {
          title: '选方案',
          fullText: '从两个方案中选一个。',
          kind: 'options',
          options: [
            { id: 'A', label: '方案甲' },
            { id: 'B', label: '方案乙' },
          ],
        },
      ],
      noticeDetails: { countingPlace: '物业办公室', contacts: [{ name: '李委员', phone: '13900000009' }] },
    };
    const drafted = conforms(
      await t.http
        .post(url(`/agenda-items/${itemId}/votes`))
        .set(clerk)
        .send(draftBody)
        .expect(201),
      `${P}/agenda-items/{id}/votes`,
    );
    conforms(
      await t.http
        .put(url(`/votes/${drafted.id}`))
        .set(clerk)
        .send({ ...draftBody, title: '草稿（改）' })
        .expect(200),
      `${P}/votes/{id}`,
    );
    conforms(
      await t.http
        .delete(url(`/votes/${drafted.id}`))
        .set(clerk)
        .expect(200),
      `${P}/votes/{id}`,
    );
    // Drafted again, published a month ahead and its window moved before any seal is on the notice.
    const again = (
      await t.http
        .post(url(`/agenda-items/${itemId}/votes`))
        .set(clerk)
        .send(draftBody)
        .expect(201)
    ).body;
    conforms(
      await t.http
        .post(url(`/votes/${again.id}/notice`))
        .set(clerk)
        .expect(201),
      `${P}/votes/{id}/notice`,
    );
    conforms(
      await t.http
        .put(url(`/votes/${again.id}/window`))
        .set(clerk)
        .send({ opensAt: new Date(Date.now() + 31 * DAY).toISOString(), closesAt: new Date(Date.now() + 41 * DAY).toISOString() })
        .expect(200),
      `${P}/votes/{id}/window`,
    );

    const second = await createItem(t, cast, 'art278_5', '动用维修资金更换水泵');
    for (const [stage, who, extra] of [
      ['party_prediscussion', cast.secretary, {}],
      ['joint_meeting', cast.clerk, { details: { plan: '更换水泵', options: ['方案甲'] } }],
      ['representatives_meeting', cast.representative, { details: { opinions: [{ representative: '楼栋长', for: 5, against: 0 }] } }],
    ] as const)
      await recordStage(t, cast, second, stage, who, meetingBody({ outcome: 'advance', ...extra })).expect(201);
    const vote = await openVote(t, cast, second, {
      motions: [{ title: '更换水泵', fullText: '动用维修资金更换 1 幢水泵。', kind: 'yes_no' }],
    });
    // The earlier notice was published before any seal was cut: once the seals exist, asking again requests them.
    const sealing = conforms(
      await t.http
        .post(url(`/votes/${again.id}/notice/seal-request`))
        .set(clerk)
        .expect(201),
      `${P}/votes/{id}/notice/seal-request`,
    ) as { requestId: string | null };
    expect(sealing.requestId).toEqual(expect.any(String));
    const v = (rest = '') => url(`/votes/${vote.id}${rest}`);
    const V = `${P}/votes/{id}`;
    const motionId = vote.motions[0].id;
    conforms(await t.http.get(v()).set(clerk).expect(200), V);
    conforms(await t.http.get(v('/totals')).set(clerk).expect(200), `${V}/totals`);
    conforms(await t.http.get(v('/my-ballot')).set(as('欧阳甲')).expect(200), `${V}/my-ballot`);

    // 上官丁 gives 欧阳甲 a written proxy; entered by one member, confirmed by another; 司马乙 gives one and revokes it.
    const electorOf = async (name: string) =>
      (
        await t.dataSource.query(
          `SELECT e.id FROM electors e JOIN owners o ON o.id::text = e.voter_key WHERE e.vote_id = $1 AND o.name = $2`,
          [vote.id, name],
        )
      )[0].id as string;
    const proxy = conforms(
      await t.http
        .post(v('/proxies'))
        .set(clerk)
        .send({ electorId: await electorOf('上官丁'), holderUserId: owners.get('欧阳甲')!.userId, authorisation: '委托书-丁' })
        .expect(201),
      `${V}/proxies`,
    );
    conforms(
      await t.http
        .post(v(`/proxies/${proxy.id}/confirmation`))
        .set(bearer(cast.clerk2.token))
        .expect(201),
      `${V}/proxies/{proxyId}/confirmation`,
    );
    await t.http
      .post(v('/proxies'))
      .set(clerk)
      .send({ electorId: await electorOf('司马乙'), holderUserId: owners.get('欧阳甲')!.userId, authorisation: '委托书-乙' })
      .expect(201);
    conforms(await t.http.post(v('/my-proxy/revocation')).set(as('司马乙')).expect(201), `${V}/my-proxy/revocation`);
    conforms(await t.http.get(v('/proxies')).set(clerk).expect(200), `${V}/proxies`);

    const receipt = conforms(
      await t.http
        .post(v('/ballots'))
        .set(as('欧阳甲'))
        .send({ choices: [{ motionId, choice: 'yes' }] })
        .expect(201),
      `${V}/ballots`,
    );
    conforms(
      await t.http
        .post(v('/ballots'))
        .set(as('欧阳甲'))
        .send({ choices: [{ motionId, choice: 'yes' }], onBehalfOf: await electorOf('上官丁') })
        .expect(201),
      `${V}/ballots`,
    );
    conforms(
      await t.http
        .post(v('/ballots'))
        .set(as('司马乙'))
        .send({ choices: [{ motionId, choice: 'no' }] })
        .expect(201),
      `${V}/ballots`,
    );
    const mine = conforms(await t.http.get(v('/my-ballot')).set(as('欧阳甲')).expect(200), `${V}/my-ballot`);
    expect(mine.ballots.length).toBe(1);
    conforms(await t.http.get(v('/my-ballot')).set(as('司马乙')).expect(200), `${V}/my-ballot`);
    conforms(
      await t.http
        .get(v(`/receipts/${receipt.receiptCode}`))
        .set(clerk)
        .expect(200),
      `${V}/receipts/{code}`,
    );

    const paper = conforms(
      await t.http
        .post(v('/paper-ballots'))
        .set(clerk)
        .send({ electorId: await electorOf('诸葛丙'), choices: [{ motionId, choice: 'yes' }], paperRef: '1幢-003' })
        .expect(201),
      `${V}/paper-ballots`,
    );
    const pending = conforms(await t.http.get(v('/paper-ballots/pending')).set(clerk).expect(200), `${V}/paper-ballots/pending`);
    expect(pending.length).toBe(1);
    conforms(await t.http.get(v('/participation')).set(clerk).expect(200), `${V}/participation`);
    conforms(
      await t.http
        .post(v(`/paper-ballots/${paper.receiptCode}/confirmation`))
        .set(bearer(cast.clerk2.token))
        .send({ confirm: true })
        .expect(201),
      `${V}/paper-ballots/{code}/confirmation`,
    );
    conforms(await t.http.get(v('/participation')).set(clerk).expect(200), `${V}/participation`);
    conforms(await t.http.get(v('/canvassing')).set(clerk).expect(200), `${V}/canvassing`);

    // Closed: the preliminary result, a recount, an objection answered, then the final result.
    t.clock.travelTo(new Date(new Date(vote.closesAt).getTime() + 1000));
    try {
      expect(await t.app.get(VoteClosingService).closeIfDue(cast.community, vote.id)).toBe('closed');
      conforms(await t.http.get(v('/results')).expect(200), `${V}/results`);
      conforms(await t.http.post(v('/recount')).set(clerk).expect(201), `${V}/recount`);
      const filed = conforms(
        await t.http.post(v('/objections')).set(as('司马乙')).send({ text: '102 室的票应为反对。' }).expect(201),
        `${V}/objections`,
      );
      conforms(await t.http.get(v('/objections')).set(as('司马乙')).expect(200), `${V}/objections`);
      conforms(
        await t.http
          .post(v(`/objections/${filed.id}/answer`))
          .set(clerk)
          .send({ answer: '已核对，票面为反对，已计入。' })
          .expect(201),
        `${V}/objections/{objectionId}/answer`,
      );
    } finally {
      t.clock.reset();
    }
    await issueSealsWithPins(t, cast.community, cast.director, [cast.director, cast.residents], { term: 1 });
    const final = await issueFinalResult(t, cast.community, vote.id, cast.clerk, { scrutineers: ['王监票'], counters: ['张计票'] });
    expect(violations(declared('post', `${V}/final-result`, 201), final)).toEqual([]);
    checked.push(`post ${V}/final-result`);
    conforms(await t.http.get(v('/results')).expect(200), `${V}/results`);
    conforms(await t.http.get(v('/objections')).set(clerk).expect(200), `${V}/objections`);
  });

  it('to-do lists and notifications', async () => {
    for (const token of [cast.clerk.token, cast.secretary.token, cast.residents.token, owners.get('欧阳甲')!.token]) {
      conforms(await t.http.get(url('/todo')).set(bearer(token)).expect(200), `${P}/todo`);
      const notes = conforms(await t.http.get(url('/notifications')).set(bearer(token)).expect(200), `${P}/notifications`);
      expect(Array.isArray(notes)).toBe(true);
    }
    conforms(await t.http.post(url('/notifications/read')).set(bearer(cast.secretary.token)).expect(200), `${P}/notifications/read`);
    conforms(await t.http.get(url('/notifications')).set(bearer(cast.secretary.token)).expect(200), `${P}/notifications`);
  });

  it('checked every route of these contexts from the real flow, bar the proxy upload and scan download', () => {
    const tags = ['agenda', 'minutes', 'voting', 'todo', 'notifications'];
    const all = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => op.tags?.some((tag) => tags.includes(tag)))
        .map(([method]) => `${method} ${path}`),
    );
    const unchecked = all.filter(
      (r) => !checked.includes(r) && !/proxies-with-scan|\/scan$|notification-channels|notification-preferences/.test(r),
    );
    expect(unchecked).toEqual([]);
  });
});
