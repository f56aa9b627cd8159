import {
  advanceToAssembly,
  Cast,
  chainCast,
  createItem,
  meetingBody,
  openVote,
  ownerTokens,
  publishFinalResult,
  recordStage,
} from '../support/chain-fixtures';
import { RosterLine } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';
import { VoteClosingService } from '../../apps/api/src/voting/vote-closing.service';

const ROSTER: RosterLine[] = [
  { 楼栋: '3', 单元: '1', 房号: '101', 面积: '100', 面积来源: '登记', 业主: '甲', 手机: '13900000001' },
  { 楼栋: '3', 单元: '1', 房号: '102', 面积: '100', 面积来源: '登记', 业主: '乙', 手机: '13900000002' },
  { 楼栋: '3', 单元: '1', 房号: '201', 面积: '100', 面积来源: '登记', 业主: '丙', 手机: '13900000003' },
];

describe('consultation chain', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, ROSTER);
  });
  afterAll(() => t.close());

  const item = (id: string) =>
    t.http.get(`/api/communities/${cast.community}/agenda-items/${id}`).set(bearer(cast.clerk.token)).expect(200);

  it('drives one item through every stage to done, recording each transition', async () => {
    const id = await createItem(t, cast, 'art278_5', '动用维修资金维修 3 幢屋面');
    let state = await item(id);
    expect(state.body).toMatchObject({ status: 'in_stage', currentStage: 'party_prediscussion', rulebookVersion: 1 });

    await advanceToAssembly(t, cast, id);
    expect((await item(id)).body.currentStage).toBe('assembly_vote');

    const vote = await openVote(t, cast, id);
    const owners = await ownerTokens(t, cast);
    for (const name of ['甲', '乙', '丙']) {
      await t.http
        .post(`/api/communities/${cast.community}/votes/${vote.id}/ballots`)
        .set(bearer(owners.get(name)!.token))
        .send({ choices: [{ motionId: vote.motions[0].id, choice: 'yes' }] })
        .expect(201);
    }
    t.clock.travelTo(new Date(new Date(vote.closesAt).getTime() + 1000));
    try {
      expect(await t.app.get(VoteClosingService).closeIfDue(cast.community, vote.id)).toBe('closed');
    } finally {
      t.clock.reset();
    }
    // The preliminary count does not move the item; the final result after the objection period does.
    expect((await item(id)).body.currentStage).toBe('assembly_vote');
    await publishFinalResult(t, cast, vote.id);
    state = await item(id);
    expect(state.body.currentStage).toBe('committee_resolution');

    const members = [cast.director, cast.clerk, cast.clerk2];
    const resolution = await recordStage(
      t,
      cast,
      id,
      'committee_resolution',
      cast.clerk,
      meetingBody({
        details: { memberVotes: members.map((m, i) => ({ userId: m.userId, present: i < 2, vote: 'yes', signed: i < 2 })) },
      }),
    ).expect(201);
    expect(resolution.body.meeting.details.decision).toMatchObject({ outcome: 'passed', yes: 2, memberCount: 3 });
    expect(resolution.body.item.currentStage).toBe('execution');

    await t.http
      .post(`/api/communities/${cast.community}/agenda-items/${id}/progress-reports`)
      .set(bearer(cast.property.token))
      .send({ progressPercent: 40, text: '已完成防水层拆除' })
      .expect(201);
    await t.http
      .post(`/api/communities/${cast.community}/agenda-items/${id}/progress-reports`)
      .set(bearer(cast.property.token))
      .send({ progressPercent: 100, text: '已完工' })
      .expect(201);
    const accepted = await recordStage(
      t,
      cast,
      id,
      'execution',
      cast.director,
      meetingBody({ outcome: 'advance', minutes: '业委会现场验收合格。' }),
    ).expect(201);
    expect(accepted.body.item.status).toBe('done');

    state = await item(id);
    // Transitions are listed by time; the assembly's was made on the final result, with the test clock 3 days ahead
    // (after the objection period) while the later stages ran at real time, so the order is checked without it.
    const kinds = state.body.transitions.map((x: { kind: string; stage: string | null }) => `${x.kind}:${x.stage ?? '-'}`);
    expect(kinds.filter((k: string) => k === 'advance:assembly_vote')).toHaveLength(1);
    expect([...kinds.filter((k: string) => k !== 'advance:assembly_vote')]).toEqual([
      'submitted:party_prediscussion',
      'advance:party_prediscussion',
      'advance:joint_meeting',
      'advance:representatives_meeting',
      'advance:committee_resolution',
      'advance:execution',
      'done:-',
    ]);
    expect(state.body.meetings).toHaveLength(5);
    expect(state.body.executionReports).toHaveLength(2);
    const record = await t.http.get(`/api/communities/${cast.community}/record?limit=500`).set(bearer(cast.clerk.token)).expect(200);
    const actions = record.body
      .filter((e: { subjectId: string }) => e.subjectId === id || e.subjectId === vote.id)
      .map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'agenda.item_submitted',
        'agenda.meeting_recorded',
        'voting.notice_published',
        'voting.ballot_cast',
        'voting.vote_closed',
        'agenda.progress_reported',
      ]),
    );
    const verify = await t.http.get(`/api/communities/${cast.community}/record/verify`).set(bearer(cast.clerk.token)).expect(200);
    expect(verify.body.ok).toBe(true);
  });

  it('refuses every out-of-order step with 409 and the reason', async () => {
    const id = await createItem(t, cast);
    const joint = await recordStage(
      t,
      cast,
      id,
      'joint_meeting',
      cast.clerk,
      meetingBody({ outcome: 'advance', details: { plan: 'x' } }),
    ).expect(409);
    expect(joint.body.code).toBe('chain_order_violation');
    expect(joint.body.message).toContain('支部先议');
    await recordStage(t, cast, id, 'committee_resolution', cast.clerk, meetingBody({ details: { memberVotes: [] } })).expect(409);
    const early = await t.http
      .post(`/api/communities/${cast.community}/agenda-items/${id}/votes`)
      .set(bearer(cast.clerk.token))
      .send({
        title: '表决',
        method: '网上',
        channels: ['online'],
        opensAt: '2027-01-01T00:00:00Z',
        closesAt: '2027-01-10T00:00:00Z',
        motions: [{ title: 'x', fullText: 'x', kind: 'yes_no' }],
      })
      .expect(409);
    expect(early.body.code).toBe('chain_order_violation');
    await t.http
      .post(`/api/communities/${cast.community}/agenda-items/${id}/progress-reports`)
      .set(bearer(cast.property.token))
      .send({ progressPercent: 10, text: 'x' })
      .expect(409);
    const skip = await t.http
      .post(`/api/communities/${cast.community}/agenda-items/${id}/skips`)
      .set(bearer(cast.director.token))
      .send({ stage: 'party_prediscussion', reason: '时间紧' })
      .expect(409);
    expect(skip.body.code).toBe('stage_not_skippable');
    await recordStage(t, cast, id, 'assembly_vote', cast.clerk, meetingBody({ outcome: 'advance' })).expect(409);
    // Only the party secretary records the pre-discussion.
    await recordStage(t, cast, id, 'party_prediscussion', cast.clerk, meetingBody({ outcome: 'advance' })).expect(403);
    await recordStage(t, cast, id, 'party_prediscussion', cast.secretary, meetingBody({ outcome: 'advance' })).expect(201);
    await recordStage(t, cast, id, 'party_prediscussion', cast.secretary, meetingBody({ outcome: 'advance' })).expect(409);
    // The joint meeting needs all four parties.
    const three = meetingBody({ outcome: 'advance', details: { plan: 'x' } });
    (three.attendees as { present: boolean }[])[3].present = false;
    const missing = await recordStage(t, cast, id, 'joint_meeting', cast.clerk, three).expect(400);
    expect(missing.body.message).toContain('物业');
    expect((await item(id)).body.currentStage).toBe('joint_meeting');
  });

  it('a returned item waits for resubmission and restarts where it was returned', async () => {
    const id = await createItem(t, cast);
    await recordStage(t, cast, id, 'party_prediscussion', cast.secretary, meetingBody({ outcome: 'return' })).expect(400);
    await recordStage(
      t,
      cast,
      id,
      'party_prediscussion',
      cast.secretary,
      meetingBody({ outcome: 'return', reason: '需补充费用分摊方案' }),
    ).expect(201);
    let state = await item(id);
    expect(state.body).toMatchObject({ status: 'returned', currentStage: 'party_prediscussion' });
    const blocked = await recordStage(t, cast, id, 'party_prediscussion', cast.secretary, meetingBody({ outcome: 'advance' })).expect(409);
    expect(blocked.body.code).toBe('item_returned');
    await t.http
      .post(`/api/communities/${cast.community}/agenda-items/${id}/resubmissions`)
      .set(bearer(cast.clerk.token))
      .send({ note: '已补充分摊方案' })
      .expect(201);
    state = await item(id);
    expect(state.body).toMatchObject({ status: 'in_stage', currentStage: 'party_prediscussion' });
    await recordStage(t, cast, id, 'party_prediscussion', cast.secretary, meetingBody({ outcome: 'reject', reason: '不符合规划' })).expect(
      201,
    );
    expect((await item(id)).body.status).toBe('rejected');
    await t.http
      .post(`/api/communities/${cast.community}/agenda-items/${id}/resubmissions`)
      .set(bearer(cast.clerk.token))
      .send({ note: 'x' })
      .expect(409);
  });

  it('a committee-only item skips the assembly; the resolution needs quorum, every member and in-person votes', async () => {
    const id = await createItem(t, cast, 'committee_only', '更换小区门禁卡供应商');
    const state = await item(id);
    expect(state.body.stages.find((s: { stage: string }) => s.stage === 'assembly_vote')).toBeDefined();
    await t.http
      .post(`/api/communities/${cast.community}/agenda-items/${id}/skips`)
      .set(bearer(cast.director.token))
      .send({ stage: 'joint_meeting', reason: '小额事项，无需联席' })
      .expect(201);
    const members = [cast.director, cast.clerk, cast.clerk2];
    const body = (present: number, extra: Partial<{ byProxy: boolean }> = {}) =>
      meetingBody({
        details: {
          memberVotes: members.map((m, i) => ({
            userId: m.userId,
            present: i < present,
            vote: 'yes',
            signed: i < present,
            ...(i === 2 ? extra : {}),
          })),
        },
      });
    const noQuorum = await recordStage(t, cast, id, 'committee_resolution', cast.clerk, body(1)).expect(409);
    expect(noQuorum.body.code).toBe('committee_no_quorum');
    const incomplete = meetingBody({ details: { memberVotes: [{ userId: cast.clerk.userId, present: true, vote: 'yes', signed: true }] } });
    await recordStage(t, cast, id, 'committee_resolution', cast.clerk, incomplete).expect(400);
    const proxy = await recordStage(t, cast, id, 'committee_resolution', cast.clerk, body(2, { byProxy: true })).expect(400);
    expect(proxy.body.code).toBe('committee_proxy_not_allowed');
    const done = await recordStage(t, cast, id, 'committee_resolution', cast.clerk, body(3)).expect(201);
    expect(done.body.item.currentStage).toBe('execution');
  });
});
