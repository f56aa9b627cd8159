import { ballotCommitment, BallotRow, checkBallots } from './ballot-commitment';

const row = (over: Partial<BallotRow> = {}): BallotRow => ({
  id: 'b1',
  status: 'counted',
  voteId: 'v',
  motionId: 'm',
  voterKey: 'owner-1',
  areaHundredths: '9000',
  storedChoice: 'v1:sealed',
  nonce: 'n1',
  ...over,
});

describe('ballot commitments', () => {
  it('changes with every committed field', () => {
    const base = ballotCommitment(row());
    for (const field of ['voteId', 'motionId', 'voterKey', 'areaHundredths', 'storedChoice', 'nonce'] as const) {
      expect(ballotCommitment(row({ [field]: 'other' }))).not.toBe(base);
    }
  });

  it('every row that matches counts; a changed row and its lost commitment are reported', () => {
    const a = row();
    const b = row({ id: 'b2', voterKey: 'owner-2', nonce: 'n2' });
    const commitments = [ballotCommitment(a), ballotCommitment(b)];
    expect(checkBallots([a, b], commitments)).toEqual({ matching: [a, b], mismatched: [], unmatchedCommitments: [] });
    const flipped = { ...b, storedChoice: 'v1:other' };
    expect(checkBallots([a, flipped], commitments)).toEqual({
      matching: [a],
      mismatched: [flipped],
      unmatchedCommitments: [commitments[1]],
    });
  });

  it('a row added without a commitment, or a copied row, does not match', () => {
    const a = row();
    const commitments = [ballotCommitment(a)];
    expect(checkBallots([a, { ...a, id: 'copy' }], commitments).mismatched.map((r) => r.id)).toEqual(['copy']);
    // A row stripped of its nonce but still sealed is not legacy: it does not match.
    const sealedOnly = (r: BallotRow) => !r.storedChoice.startsWith('v1:');
    expect(checkBallots([a, row({ id: 'x', nonce: '' })], commitments, sealedOnly).mismatched.map((r) => r.id)).toEqual(['x']);
  });

  it('a ballot from before commitments (no nonce, choice in clear) counts unchecked, also beside newer ones', () => {
    const legacy = row({ id: 'old', nonce: '', storedChoice: 'yes' });
    const fresh = row({ id: 'new', voterKey: 'owner-2' });
    expect(checkBallots([legacy], [])).toEqual({ matching: [legacy], mismatched: [], unmatchedCommitments: [] });
    expect(checkBallots([legacy, fresh], [ballotCommitment(fresh)])).toEqual({
      matching: [legacy, fresh],
      mismatched: [],
      unmatchedCommitments: [],
    });
  });

  it('a committed ballot rewritten to look legacy leaves its commitment unmatched', () => {
    const a = row();
    const rewritten = { ...a, nonce: '', storedChoice: 'yes' };
    expect(checkBallots([rewritten], [ballotCommitment(a)]).unmatchedCommitments).toEqual([ballotCommitment(a)]);
  });
});
