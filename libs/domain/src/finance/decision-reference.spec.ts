import { DomainError } from '../errors';
import { assertFundraisingApproval, assertPassedDecision, passedBy } from './decision-reference';

const item = (category: string, status: string, stages: Record<string, string>) => ({ category, status, stages });
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('passed decisions', () => {
  it.each([
    ['assembly vote passed', item('art278_5', 'in_stage', { assembly_vote: 'advanced', committee_resolution: 'pending' }), 'assembly_vote'],
    [
      'committee resolution passed',
      item('committee_only', 'done', { assembly_vote: 'pending', committee_resolution: 'advanced' }),
      'committee_resolution',
    ],
    ['vote pending', item('art278_5', 'in_stage', { assembly_vote: 'pending', committee_resolution: 'pending' }), null],
    ['vote failed (rejected)', item('art278_5', 'rejected', { assembly_vote: 'pending', committee_resolution: 'pending' }), null],
    ['resolution only skipped', item('committee_only', 'in_stage', { committee_resolution: 'skipped' }), null],
  ])('%s', (_name, cited, expected) => {
    expect(passedBy(cited)).toBe(expected);
  });

  it('refuses a missing or unpassed item with Chinese messages', () => {
    expect(codeOf(() => assertPassedDecision(null))).toBe('decision_not_found');
    expect(codeOf(() => assertPassedDecision(item('art278_5', 'in_stage', {})))).toBe('decision_not_passed');
    expect(() => assertPassedDecision(null)).toThrow(/已通过/);
  });

  it('fund-raising needs a passed art278_6 assembly vote', () => {
    const passed = item('art278_6', 'in_stage', { assembly_vote: 'advanced' });
    expect(codeOf(() => assertFundraisingApproval(passed, ['passed']))).toBeNull();
    expect(codeOf(() => assertFundraisingApproval(null, []))).toBe('decision_not_found');
    expect(codeOf(() => assertFundraisingApproval(item('art278_5', 'in_stage', { assembly_vote: 'advanced' }), ['passed']))).toBe(
      'decision_wrong_category',
    );
    expect(codeOf(() => assertFundraisingApproval(passed, []))).toBe('decision_not_passed');
    expect(codeOf(() => assertFundraisingApproval(passed, ['passed', 'failed']))).toBe('decision_not_passed');
    expect(codeOf(() => assertFundraisingApproval(item('art278_6', 'rejected', { assembly_vote: 'pending' }), ['failed']))).toBe(
      'decision_not_passed',
    );
  });
});
