import { VoteClosingService } from '../../apps/api/src/voting/vote-closing.service';
import { advanceToAssembly, Cast, createItem, openVote, ownerTokens, publishFinalResult } from './chain-fixtures';
import { createCommunity, createMember, Member, RosterLine } from './fixtures';
import { issueSealsWithPins, TEST_SEAL_PIN } from './seal-fixtures';
import { bearer, TestApp } from './test-app';

/** The people of the public-income flow in one community. */
export interface FinanceCast {
  community: string;
  director: Member;
  clerk: Member;
  property: Member;
  residents: Member;
  bank: Member;
  auditor: Member;
}

export async function financeCast(t: TestApp): Promise<FinanceCast> {
  const community = await createCommunity(t);
  const cast: FinanceCast = {
    community,
    director: await createMember(t, community, 'committee_director'),
    clerk: await createMember(t, community, 'committee_member'),
    property: await createMember(t, community, 'property_company'),
    residents: await createMember(t, community, 'residents_committee'),
    bank: await createMember(t, community, 'bank_officer'),
    auditor: await createMember(t, community, 'auditor'),
  };
  // The default custodians (director: committee seal; residents' committee: assembly seal) set their PINs first.
  await issueSealsWithPins(t, community, cast.director, [cast.director, cast.residents], { term: 1 });
  return cast;
}

/** Moves the test clock to 10:00 Beijing time on `date`. */
export const at = (t: TestApp, date: string) => t.clock.travelTo(new Date(`${date}T10:00:00+08:00`));

const yuan = (fen: bigint) => `${fen / 100n}.${(fen % 100n).toString().padStart(2, '0')}`;

/**
 * Three-party audit and publication of a submitted statement: the bank uploads a statement with one line per
 * ledger line (and explains whatever stays unmatched), the three parties approve, the clerk requests the seal
 * and the director applies it with the seal PIN. Seals sign at the real time, so the clock is reset for that and left reset.
 */
export async function auditAndPublish(t: TestApp, cast: FinanceCast, statementId: string): Promise<void> {
  const requested = await auditAndRequestSeal(t, cast, statementId);
  await ok(
    t.http
      .post(`/api/communities/${cast.community}/seal-requests/${requested.sealRequestId}/applications`)
      .set(bearer(cast.director.token))
      .send({ kind: 'committee', pin: TEST_SEAL_PIN }),
    'apply seal',
  );
}

const ok = async (p: PromiseLike<{ status: number; body: unknown }>, what: string) => {
  const res = await p;
  if (res.status !== 201) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
};

/** The audit and the publication request of auditAndPublish, without applying the seal (the clock is left reset). */
export async function auditAndRequestSeal(
  t: TestApp,
  cast: FinanceCast,
  statementId: string,
): Promise<{ sealRequestId: string; documentId: string; documentNumber: string }> {
  const base = `/api/communities/${cast.community}/statements/${statementId}`;
  const statement = (await t.http.get(base).set(bearer(cast.auditor.token))).body as {
    lines: { entryDate: string; category: string; signedFen: string; evidenceRef: string | null }[];
  };
  const rows = statement.lines.map((l) => {
    const fen = BigInt(l.signedFen);
    return [l.entryDate, l.category, fen > 0n ? yuan(fen) : '', fen < 0n ? yuan(-fen) : '', l.evidenceRef ?? ''].join(',');
  });
  const csv = Buffer.from(`\uFEFF交易日期,摘要,收入,支出,参考号\n${rows.join('\n')}\n`, 'utf8');
  await ok(t.http.post(`${base}/reviews`).set(bearer(cast.residents.token)).send({ decision: 'approve' }), 'residents review');
  // A period without movements has nothing to upload: the bank confirms it has no lines either.
  const uploaded = rows.length
    ? ((await ok(t.http.post(`${base}/bank-statement`).set(bearer(cast.bank.token)).attach('file', csv, 'bank.csv'), 'bank upload')) as {
        unexplained: string[];
      })
    : { unexplained: [] };
  for (const itemId of uploaded.unexplained) {
    await ok(
      t.http.post(`${base}/reconciliation/explanations`).set(bearer(cast.bank.token)).send({ itemId, explanation: '跨期入账，已核对' }),
      'explain',
    );
  }
  await ok(t.http.post(`${base}/reviews`).set(bearer(cast.bank.token)).send({ decision: 'approve' }), 'bank review');
  await ok(t.http.post(`${base}/reviews`).set(bearer(cast.auditor.token)).send({ decision: 'approve' }), 'audit review');
  t.clock.reset();
  return (await ok(t.http.post(`${base}/publication`).set(bearer(cast.clerk.token)), 'publication')) as {
    sealRequestId: string;
    documentId: string;
    documentNumber: string;
  };
}

/** Two buildings, three stairwells, six sold units with six different owners (no developer units). */
export const FUND_ROSTER: RosterLine[] = [
  { 楼栋: '1', 单元: '1', 房号: '101', 面积: '89.50', 面积来源: '登记', 业主: '赵一', 手机: '13900000001' },
  { 楼栋: '1', 单元: '1', 房号: '102', 面积: '120.25', 面积来源: '登记', 业主: '钱二', 手机: '13900000002' },
  { 楼栋: '1', 单元: '2', 房号: '201', 面积: '100', 面积来源: '登记', 业主: '孙三', 手机: '13900000003' },
  { 楼栋: '2', 单元: '1', 房号: '101', 面积: '75.05', 面积来源: '登记', 业主: '李四', 手机: '13900000004' },
  { 楼栋: '2', 单元: '1', 房号: '102', 面积: '75.05', 面积来源: '登记', 业主: '周五', 手机: '13900000005' },
  { 楼栋: '2', 单元: '1', 房号: '103', 面积: '60', 面积来源: '登记', 业主: '吴六', 手机: '13900000006' },
];

/**
 * An agenda item of `category` taken to an owners' vote in which every owner answers `choice`, then closed and
 * tallied, and its final result published after the objection period (only then does the item advance or
 * return): with 'yes' the assembly vote passes (every owner agrees, above ¾ of area and heads).
 */
export async function votedItem(t: TestApp, cast: Cast, category: string, choice: 'yes' | 'no', title = '1–2 幢电梯更新集资') {
  const owners = await ownerTokens(t, cast);
  const item = await createItem(t, cast, category, title);
  await advanceToAssembly(t, cast, item);
  const vote = await openVote(t, cast, item);
  for (const owner of owners.values()) {
    const res = await t.http
      .post(`/api/communities/${cast.community}/votes/${vote.id}/ballots`)
      .set(bearer(owner.token))
      .send({ choices: [{ motionId: vote.motions[0].id, choice }] });
    if (res.status !== 201 && res.body.code !== 'already_voted') throw new Error(`ballot: ${res.status} ${JSON.stringify(res.body)}`);
  }
  t.clock.travelTo(new Date(Date.parse(vote.closesAt) + 60_000));
  try {
    const closed = await t.app.get(VoteClosingService).closeIfDue(cast.community, vote.id);
    if (closed !== 'closed') throw new Error(`close vote: ${closed}`);
  } finally {
    t.clock.reset();
  }
  await publishFinalResult(t, cast, vote.id);
  return item;
}
