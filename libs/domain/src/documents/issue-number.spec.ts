import { issueNumber, issuePrefix, issuerOf } from './issue-number';

describe('发文字号', () => {
  it('太业委〔2026〕1号 for the committee, 太业大 for the assembly', () => {
    expect(issueNumber('太平洋花园', 'committee', 2026, 1)).toBe('太业委〔2026〕1号');
    expect(issueNumber('太平洋花园', 'assembly', 2026, 12)).toBe('太业大〔2026〕12号');
    expect(issuePrefix(' 幸福里小区', 'committee')).toBe('幸业委');
    expect(() => issueNumber('太平洋花园', 'committee', 2026, 0)).toThrow();
  });

  it.each([
    ['assembly_notice', 'assembly'],
    ['assembly_result', 'assembly'],
    ['assembly_result_preliminary', 'committee'],
    ['committee_resolution', 'committee'],
    ['hearing_result', 'committee'],
    ['tender_failed', 'committee'],
    ['finance_statement', 'committee'],
    ['seal_log_report', 'committee'],
    ['minutes_party_prediscussion', null],
    ['minutes_joint_meeting', null],
    ['minutes_representatives_meeting', null],
  ] as const)('%s is issued by %s', (kind, issuer) => {
    expect(issuerOf(kind)).toBe(issuer);
  });
});
