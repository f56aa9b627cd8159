import { DEFAULT_CHAIN_RULEBOOK } from '../chain/stages';
import { DEFAULT_RULEBOOK, reviseRulebook, RulebookSettings } from './rulebook';

const base: RulebookSettings = { ...DEFAULT_RULEBOOK, stages: DEFAULT_CHAIN_RULEBOOK.stages };

describe('rulebook', () => {
  it('accepts changes within the law', () => {
    expect(reviseRulebook(base, { proxyCap: 5, countNonVotersWithMajority: true })).toMatchObject({
      proxyCap: 5,
      countNonVotersWithMajority: true,
      noticeDays: 15,
    });
  });

  it('refuses to shorten the notice below 15 days or the interim notice below 7', () => {
    expect(() => reviseRulebook(base, { noticeDays: 14 })).toThrow(/noticeDays/);
    expect(() => reviseRulebook(base, { interimNoticeDays: 6 })).toThrow(/interimNoticeDays/);
    expect(() => reviseRulebook(base, { postingDays: 10 })).toThrow(/postingDays/);
  });

  it('lists every problem and refuses unknown settings', () => {
    try {
      reviseRulebook(base, {
        proxyCap: 0,
        committeeDecisionRule: 'whatever' as never,
        votingWindowMinDays: 90,
        votingWindowMaxDays: 30,
        surprise: 1,
      } as never);
      throw new Error('should have thrown');
    } catch (error) {
      const problems = (error as { details: { problems: string[] } }).details.problems;
      expect(problems).toEqual([
        expect.stringContaining('committeeDecisionRule'),
        expect.stringContaining('proxyCap'),
        'votingWindowMinDays 不能大于 votingWindowMaxDays',
        'surprise: 未知设置 unknown setting',
      ]);
    }
  });
});

describe('activationExpiryDays', () => {
  const base = { ...DEFAULT_RULEBOOK, stages: {} } as unknown as RulebookSettings;
  it('defaults to 30 days', () => {
    expect(DEFAULT_RULEBOOK.activationExpiryDays).toBe(30);
  });
  it('gives a version written before the setting existed the default', () => {
    const { activationExpiryDays: _omitted, ...old } = base;
    expect(reviseRulebook(old as RulebookSettings, { proxyCap: 4 }).activationExpiryDays).toBe(30);
  });
  it('accepts 1–365 and refuses 0', () => {
    expect(reviseRulebook(base, { activationExpiryDays: 7 }).activationExpiryDays).toBe(7);
    expect(() => reviseRulebook(base, { activationExpiryDays: 0 })).toThrow(/activationExpiryDays/);
  });
});

describe('assemblySealKinds', () => {
  it('is empty by default, also for a version written before the setting existed', () => {
    expect(DEFAULT_RULEBOOK.assemblySealKinds).toEqual([]);
    const { assemblySealKinds: _omitted, ...old } = base;
    expect(reviseRulebook(old as RulebookSettings, { proxyCap: 4 }).assemblySealKinds).toEqual([]);
  });
  it('accepts results and reports, refuses meeting records in Chinese', () => {
    expect(reviseRulebook(base, { assemblySealKinds: ['hearing_result', 'tender_failed'] }).assemblySealKinds).toEqual([
      'hearing_result',
      'tender_failed',
    ]);
    expect(() => reviseRulebook(base, { assemblySealKinds: ['minutes_joint_meeting'] })).toThrow(
      /assemblySealKinds: 「联席会议纪要」不能加盖业主大会章/,
    );
  });
});
