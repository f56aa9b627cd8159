import { DomainError } from '../errors';
import { CommitteeVote, decideCommitteeResolution } from './committee-decision';

const members = (n: number) => Array.from({ length: n }, (_, i) => `m${i + 1}`);
const votes = (yes: number, no = 0, offset = 0): CommitteeVote[] => [
  ...members(yes).map((_, i) => ({ memberId: `m${offset + i + 1}`, choice: 'yes' as const })),
  ...members(no).map((_, i) => ({ memberId: `m${offset + yes + i + 1}`, choice: 'no' as const })),
];

describe('committee resolution', () => {
  it('7 members: 4 present is quorum, 3 is not', () => {
    const seven = members(7);
    expect(decideCommitteeResolution({ memberIds: seven, presentMemberIds: members(4), votes: votes(4) })).toMatchObject({
      quorumMet: true,
      requiredPresent: 4,
      outcome: 'passed',
    });
    const r = decideCommitteeResolution({ memberIds: seven, presentMemberIds: members(3), votes: votes(3) });
    expect(r).toMatchObject({ quorumMet: false, outcome: 'no_quorum' });
    expect(r.reasonZh).toContain('至少4人');
  });

  it('7 members: 4 yes passes, 3 yes fails even if all present voters agree', () => {
    const seven = members(7);
    expect(decideCommitteeResolution({ memberIds: seven, presentMemberIds: seven, votes: votes(4, 3) }).outcome).toBe('passed');
    const r = decideCommitteeResolution({ memberIds: seven, presentMemberIds: members(5), votes: votes(3, 0) });
    expect(r).toMatchObject({ outcome: 'failed', yes: 3, abstain: 2, requiredYes: 4 });
    expect(r.reasonZh).toContain('未达到全体委员过半数同意');
  });

  it('6 members: 3 yes fails by default, passes under the national ≥ 1/2 rule', () => {
    const six = members(6);
    const input = { memberIds: six, presentMemberIds: members(4), votes: votes(3, 1) };
    expect(decideCommitteeResolution(input)).toMatchObject({ outcome: 'failed', requiredYes: 4 });
    expect(decideCommitteeResolution({ ...input, rule: 'national' })).toMatchObject({ outcome: 'passed', requiredYes: 3 });
    expect(decideCommitteeResolution({ ...input, rule: 'half_of_all' })).toMatchObject({ rule: 'national', outcome: 'passed' });
    expect(decideCommitteeResolution({ ...input, rule: 'majority_of_all' })).toMatchObject({ rule: 'default', outcome: 'failed' });
    // 6 members: 3 present is exactly half — not more than half, so no quorum.
    expect(decideCommitteeResolution({ memberIds: six, presentMemberIds: members(3), votes: votes(3), rule: 'national' }).outcome).toBe(
      'no_quorum',
    );
  });

  it('refuses proxy votes', () => {
    const err = (() => {
      try {
        decideCommitteeResolution({
          memberIds: members(5),
          presentMemberIds: members(3),
          votes: [...votes(2), { memberId: 'm3', choice: 'yes', byProxy: true }],
        });
      } catch (e) {
        return e as DomainError;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ kind: 'invalid', code: 'committee_proxy_not_allowed' });
  });

  it('refuses votes by absent members or non-members, duplicate votes and bad input', () => {
    const base = { memberIds: members(5), presentMemberIds: members(3) };
    expect(() => decideCommitteeResolution({ ...base, votes: [{ memberId: 'm5', choice: 'yes' }] })).toThrow(/not present/);
    expect(() => decideCommitteeResolution({ ...base, votes: [{ memberId: 'x', choice: 'yes' }] })).toThrow(/not a member/);
    expect(() => decideCommitteeResolution({ ...base, votes: [...votes(1), ...votes(1)] })).toThrow(/voted twice/);
    expect(() => decideCommitteeResolution({ ...base, votes: [{ memberId: 'm1', choice: 'maybe' as never }] })).toThrow(DomainError);
    expect(() => decideCommitteeResolution({ ...base, presentMemberIds: ['m1', 'm1'], votes: [] })).toThrow(/duplicate/);
    expect(() => decideCommitteeResolution({ ...base, presentMemberIds: ['zz'], votes: [] })).toThrow(/not a member/);
    expect(() => decideCommitteeResolution({ memberIds: [], presentMemberIds: [], votes: [] })).toThrow(DomainError);
    expect(() => decideCommitteeResolution({ ...base, votes: [], rule: 'local' as never })).toThrow(DomainError);
  });

  it('lists every attending member as a signatory', () => {
    const r = decideCommitteeResolution({ memberIds: members(5), presentMemberIds: ['m2', 'm4', 'm5'], votes: [] });
    expect(r.signatories).toEqual(['m2', 'm4', 'm5']);
    expect(r).toMatchObject({ abstain: 3, outcome: 'failed' });
  });

  it('agrees with the plain rule for every committee size 1–11 and every yes count', () => {
    for (let n = 1; n <= 11; n++) {
      for (let yes = 0; yes <= n; yes++) {
        const all = members(n);
        const r = decideCommitteeResolution({ memberIds: all, presentMemberIds: all, votes: votes(yes, n - yes) });
        const nat = decideCommitteeResolution({ memberIds: all, presentMemberIds: all, votes: votes(yes, n - yes), rule: 'national' });
        expect(r.outcome).toBe(yes * 2 > n ? 'passed' : 'failed');
        expect(nat.outcome).toBe(yes * 2 >= n ? 'passed' : 'failed');
      }
    }
  });
});
