import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { canonicalJson } from '@gongyi/domain/record/canonical-json';
import { sha256Hex } from '@gongyi/domain/record/hash-chain';
import { ballotCommitment } from '@gongyi/domain/voting/ballot-commitment';
import { BallotSeal } from '../../apps/api/src/voting/ballot-seal';
import { VoteClosingService } from '../../apps/api/src/voting/vote-closing.service';
import { AssemblyVote } from '../../apps/api/src/voting/entities/assembly-vote.entity';
import { RecordQueueService } from '../../apps/api/src/record/record-queue.service';
import { advanceToAssembly, Cast, chainCast, createItem, openVote, ownerTokens } from '../support/chain-fixtures';
import { RosterLine } from '../support/fixtures';
import { bearer, createTestApp, TestApp } from '../support/test-app';

const run = promisify(execFile);

const ROSTER: RosterLine[] = [
  { 楼栋: '1', 房号: '101', 面积: '100', 面积来源: '登记', 业主: '甲一', 手机: '13910000001' },
  { 楼栋: '1', 房号: '102', 面积: '100', 面积来源: '登记', 业主: '乙二', 手机: '13910000002' },
  { 楼栋: '1', 房号: '201', 面积: '100', 面积来源: '登记', 业主: '丙三', 手机: '13910000003' },
  { 楼栋: '1', 房号: '202', 面积: '100', 面积来源: '登记', 业主: '丁四', 手机: '13910000004' },
  // Never votes: the insider below inserts a ballot for this owner behind the record's back.
  { 楼栋: '1', 房号: '301', 面积: '100', 面积来源: '登记', 业主: '戊五', 手机: '13910000005' },
];

/** Ballots inside the record (commitments with a nonce kept in the row) and choices sealed until the close. */
describe('ballot commitments and sealed choices', () => {
  let t: TestApp;
  let cast: Cast;
  let owners: Map<string, { ownerId: string; userId: string; token: string }>;
  let vote: Awaited<ReturnType<typeof openVote>>;
  const receipts = new Map<string, { receiptCode: string; motions: { motionId: string; commitment: string }[] }>();
  const url = (path: string) => `/api/communities/${cast.community}/votes/${vote.id}${path}`;

  beforeAll(async () => {
    t = await createTestApp();
    cast = await chainCast(t, ROSTER);
    owners = await ownerTokens(t, cast);
    const itemId = await createItem(t, cast, 'art278_5', '动用维修资金更换水泵');
    await advanceToAssembly(t, cast, itemId);
    vote = await openVote(t, cast, itemId);
    for (const [name, choice] of [
      ['甲一', 'yes'],
      ['乙二', 'yes'],
      ['丙三', 'yes'],
      ['丁四', 'no'],
    ]) {
      const res = await t.http
        .post(url('/ballots'))
        .set(bearer(owners.get(name)!.token))
        .send({ choices: [{ motionId: vote.motions[0].id, choice }] })
        .expect(201);
      receipts.set(name, res.body);
    }
    await t.app.get(RecordQueueService).drainAll();
  });
  afterAll(() => t.close());

  it('stores choices sealed: a database reader sees no choice, and the server opens none before the close', async () => {
    const rows = await t.ownerQuery<{ choice: string; nonce: string }>('SELECT choice, nonce FROM ballots WHERE vote_id = $1', [vote.id]);
    expect(rows).toHaveLength(4);
    for (const row of rows) {
      expect(row.choice).toMatch(/^v1:[A-Za-z0-9+/=]+$/);
      expect(row.nonce).toMatch(/^[0-9a-f]{32}$/);
    }
    // Same choice, different ciphertexts: equal answers cannot be grouped either.
    expect(new Set(rows.map((r) => r.choice)).size).toBe(4);
    const closing = t.app.get(VoteClosingService);
    const entity = await t.dataSource.getRepository(AssemblyVote).findOneByOrFail({ id: vote.id });
    await expect(closing.tallyVote(t.dataSource.manager, entity)).rejects.toMatchObject({ code: 'choices_sealed' });
    // Interim results are not published anywhere.
    const early = await t.http.get(url('/results')).expect(409);
    expect(early.body.code).toBe('vote_not_closed');
    // The seal binds the motion: a ciphertext moved to another motion does not open.
    const seal = t.app.get(BallotSeal);
    expect(seal.opens(vote.id, vote.motions[0].id, rows[0].choice)).toBe(true);
    expect(seal.opens(vote.id, '00000000-0000-0000-0000-000000000000', rows[0].choice)).toBe(false);
  });

  it('a receipt plus every record entry a member can read reveals nothing about the choice', async () => {
    const record = await t.http
      .get(`/api/communities/${cast.community}/record`)
      .set(bearer(cast.clerk.token))
      .query({ limit: 500 })
      .expect(200);
    const casts = record.body.filter((e: { action: string }) => e.action === 'voting.ballot_cast');
    expect(casts).toHaveLength(4);
    for (const entry of casts) expect(Object.keys(entry.payload).sort()).toEqual(['channel', 'commitments', 'electorId', 'receiptDigest']);
    const receipt = receipts.get('丁四')!;
    const check = await t.http
      .get(url(`/receipts/${receipt.receiptCode}`))
      .set(bearer(owners.get('丁四')!.token))
      .expect(200);
    const commitment = check.body.motions[0].commitment as string;
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
    expect(commitment).toBe(receipt.motions[0].commitment);
    // The receipt finds the owner's entry in the record, holding exactly that commitment: the ballot is in.
    const mine = casts.find((e: { payload: { receiptDigest: string } }) => e.payload.receiptDigest === sha256Hex(receipt.receiptCode));
    expect(mine.payload.commitments).toEqual([{ commitment, motionId: vote.motions[0].id }]);
    // Everything a member holds, tried against each possible answer, matches none of them.
    const [elector] = await t.dataSource.query('SELECT voter_key, area_hundredths::text AS area FROM electors WHERE id = $1', [
      mine.payload.electorId,
    ]);
    const visible = JSON.stringify([record.body, check.body]);
    for (const choice of ['yes', 'no', 'abstain']) {
      const guesses = [
        ballotCommitment({
          voteId: vote.id,
          motionId: vote.motions[0].id,
          voterKey: elector.voter_key,
          areaHundredths: elector.area,
          storedChoice: choice,
          nonce: '',
        }),
        ballotCommitment({
          voteId: vote.id,
          motionId: vote.motions[0].id,
          voterKey: elector.voter_key,
          areaHundredths: elector.area,
          storedChoice: choice,
          nonce: receipt.receiptCode,
        }),
        sha256Hex(
          canonicalJson({ receiptCode: receipt.receiptCode, channel: 'online', choices: [{ motionId: vote.motions[0].id, choice }] }),
        ),
      ];
      for (const guess of guesses) expect(visible).not.toContain(guess);
    }
    expect(visible).not.toMatch(/"choice"/);
  });

  it('a ballot flipped in the table is reported by verify (API and CLI), left out of the tally and named by the recount', async () => {
    const verifyBefore = await t.http.get(`/api/communities/${cast.community}/record/verify`).set(bearer(cast.clerk.token)).expect(200);
    expect(verifyBefore.body.ok).toBe(true);
    // The strongest insider short of the record: database superuser who also holds MASTER_KEY, sealing a new choice.
    const motionId = vote.motions[0].id;
    const forged = t.app.get(BallotSeal).seal(vote.id, motionId, 'yes');
    await t.ownerQuery(`UPDATE ballots SET choice = $1 WHERE vote_id = $2 AND voter_key = $3`, [
      forged,
      vote.id,
      owners.get('丁四')!.ownerId,
    ]);
    // And one rewritten to look like a ballot from before sealing: choice in clear, nonce removed.
    await t.ownerQuery(`UPDATE ballots SET choice = 'no', nonce = NULL WHERE vote_id = $1 AND voter_key = $2`, [
      vote.id,
      owners.get('丙三')!.ownerId,
    ]);

    // And one inserted for an owner who never voted, made to look like a ballot from before commitments.
    const [elector] = await t.ownerQuery<{ area_hundredths: string }>(
      'SELECT area_hundredths::text FROM electors WHERE vote_id = $1 AND voter_key = $2',
      [vote.id, owners.get('戊五')!.ownerId],
    );
    await t.ownerQuery(
      `INSERT INTO ballots (community_id, vote_id, motion_id, voter_key, area_hundredths, choice, channel, status, cast_by, receipt_code, cast_at)
       VALUES ($1, $2, $3, $4, $5, 'yes', 'online', 'counted', $6, 'FAKE-0001', now())`,
      [cast.community, vote.id, motionId, owners.get('戊五')!.ownerId, elector.area_hundredths, owners.get('戊五')!.userId],
    );

    const verify = await t.http.get(`/api/communities/${cast.community}/record/verify`).set(bearer(cast.clerk.token)).expect(200);
    expect(verify.body.ok).toBe(false);
    expect(verify.body.ballotIssues).toEqual(
      expect.arrayContaining([{ voteId: vote.id, motionId, motionSeq: 1, unitNumbers: ['1-301'], reason: 'ballot_changed' }]),
    );
    expect(verify.body.ballotIssues).toEqual(
      expect.arrayContaining([
        { voteId: vote.id, motionId, motionSeq: 1, unitNumbers: ['1-202'], reason: 'ballot_changed' },
        { voteId: vote.id, motionId, motionSeq: 1, unitNumbers: ['1-202'], reason: 'ballot_missing' },
        { voteId: vote.id, motionId, motionSeq: 1, unitNumbers: ['1-201'], reason: 'ballot_missing' },
      ]),
    );
    const env = { ...process.env, DATABASE_URL: t.config.databaseUrl };
    const cli = await run('node', ['-r', './scripts/register.js', 'scripts/record-verify.ts', cast.community], {
      env,
      cwd: process.cwd(),
    }).catch((e) => e);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain('房屋 1-202 的选票与决策记录不符');

    t.clock.travelTo(new Date(new Date(vote.closesAt).getTime() + 1000));
    try {
      expect(await t.app.get(VoteClosingService).closeIfDue(cast.community, vote.id)).toBe('closed');
    } finally {
      t.clock.reset();
    }
    const results = await t.http.get(url('/results')).expect(200);
    // Counted: the two untouched yes ballots; the flipped and the rewritten one are left out, not counted.
    const choices = results.body.motions[0].tally.choices as { choice: string; heads: number }[];
    expect(choices.find((c) => c.choice === 'yes')).toMatchObject({ heads: 2 });
    expect(choices.find((c) => c.choice === 'no')?.heads ?? 0).toBe(0);
    expect(results.body.motions[0].tally.participation).toMatchObject({ heads: 2 });
    const recount = await t.http.post(url('/recount')).set(bearer(cast.residents.token)).expect(201);
    expect(recount.body.matches).toBe(false);
    expect(recount.body.ballotIssues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ unitNumbers: ['1-202'], reason: 'ballot_changed' }),
        expect.objectContaining({ unitNumbers: ['1-301'], reason: 'ballot_changed' }),
      ]),
    );
    const [closed] = await t.dataSource.query(
      `SELECT payload FROM record_entries WHERE community_id = $1 AND action = 'voting.vote_closed' AND subject_id = $2`,
      [cast.community, vote.id],
    );
    // Closing published the results: the record's head after the close is a signed checkpoint, the newest one (the
    // sealing of the vote's notice signed the one before, ahead of the vote).
    const checkpoints = await t.http.get(`/api/public/communities/${cast.community}/record-checkpoints`).expect(200);
    const [head] = await t.dataSource.query('SELECT seq::text, hash FROM record_heads WHERE community_id = $1', [cast.community]);
    const [notice] = await t.dataSource.query<{ seq: string; hash: string }[]>(
      `SELECT c.seq::text, c.hash FROM record_checkpoints c JOIN documents d ON d.id = c.document_id
        WHERE c.community_id = $1 AND d.source_id = $2 AND d.type = 'assembly_notice'`,
      [cast.community, vote.id],
    );
    expect(checkpoints.body.checkpoints).toEqual([
      expect.objectContaining({ seq: notice.seq, hash: notice.hash }),
      expect.objectContaining({ seq: head.seq, hash: head.hash }),
    ]);
    expect(closed.payload.ballotIssues).toEqual(expect.arrayContaining([expect.objectContaining({ unitNumbers: ['1-202'] })]));
  });

  it('cast_ballot computes the same commitment as the domain library', async () => {
    for (const [voter, area, stored, nonce] of [
      ['owner-x', '12345', 'v1:abc+/=', 'ff00'],
      ['名字"引号\\', '0', '选择\n换行', ''],
    ]) {
      const [{ c }] = await t.dataSource.query('SELECT ballot_commitment($1, $2, $3, $4, $5, $6) AS c', [
        vote.id,
        vote.motions[0].id,
        voter,
        area,
        stored,
        nonce,
      ]);
      expect(c).toBe(
        ballotCommitment({
          voteId: vote.id,
          motionId: vote.motions[0].id,
          voterKey: voter,
          areaHundredths: area,
          storedChoice: stored,
          nonce,
        }),
      );
    }
  });
});
