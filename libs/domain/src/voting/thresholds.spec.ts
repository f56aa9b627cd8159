import { DomainError } from '../errors';
import {
  meetsFraction,
  meetsPassing,
  meetsQuorum,
  minimumToMeet,
  ORDINARY_RULE,
  QUORUM_RULE,
  SPECIAL_RULE,
  minimumForRule,
} from './thresholds';
import {
  assemblyThresholdKind,
  assertMatterCategory,
  ART278_CATEGORIES,
  isMajorMatter,
  matterLabelZh,
  MATTER_CATEGORIES,
  requiresAssemblyVote,
  thresholdKindFor,
} from './matter';

describe('meetsFraction', () => {
  it('decides exactly at the line: gte includes it, gt does not', () => {
    expect(meetsFraction(2n, 3n, 2n, 3n, 'gte')).toBe(true);
    expect(meetsFraction(2n, 3n, 2n, 3n, 'gt')).toBe(false);
    expect(meetsFraction(204, 306, 2n, 3n, 'gte')).toBe(true);
    expect(meetsFraction(203, 306, 2n, 3n, 'gte')).toBe(false);
    expect(meetsFraction(153, 306, 1n, 2n, 'gt')).toBe(false);
    expect(meetsFraction(154, 306, 1n, 2n, 'gt')).toBe(true);
  });
  it('works on huge bigints without loss', () => {
    const whole = 10n ** 30n + 1n;
    const twoThirds = (2n * whole + 2n) / 3n; // ceil
    expect(meetsFraction(twoThirds, whole, 2n, 3n, 'gte')).toBe(true);
    expect(meetsFraction(twoThirds - 1n, whole, 2n, 3n, 'gte')).toBe(false);
  });
  it('never meets a fraction of an empty whole', () => {
    expect(meetsFraction(0n, 0n, 0n, 1n, 'gte')).toBe(false);
    expect(meetsFraction(0, 0, 3n, 4n, 'gte')).toBe(false);
  });
  it('rejects negative, non-integer and zero-denominator inputs', () => {
    expect(() => meetsFraction(-1n, 3n, 1n, 2n, 'gt')).toThrow(DomainError);
    expect(() => meetsFraction(1.5, 3, 1n, 2n, 'gt')).toThrow(DomainError);
    expect(() => meetsFraction(1n, 3n, 1n, 0n, 'gt')).toThrow(DomainError);
    expect(() => meetsFraction(1n, 3n, -1n, 2n, 'gt')).toThrow(DomainError);
  });
});

describe('minimumToMeet', () => {
  it('matches the DOMAIN.md worked check', () => {
    expect(minimumForRule(306, QUORUM_RULE)).toBe(204n);
    expect(minimumForRule(3060000n, QUORUM_RULE)).toBe(2040000n);
    expect(minimumForRule(210, ORDINARY_RULE)).toBe(106n);
    expect(minimumForRule(2100000n, ORDINARY_RULE)).toBe(1050001n);
    expect(minimumForRule(210, SPECIAL_RULE)).toBe(158n);
    expect(minimumForRule(2100000n, SPECIAL_RULE)).toBe(1575000n);
  });
  it('is the least part meeting the fraction, for every small whole', () => {
    for (let whole = 1n; whole <= 40n; whole++) {
      for (const [num, den] of [
        [1n, 2n],
        [2n, 3n],
        [3n, 4n],
      ] as const) {
        for (const cmp of ['gt', 'gte'] as const) {
          const min = minimumToMeet(whole, num, den, cmp);
          if (min <= whole) expect(meetsFraction(min, whole, num, den, cmp)).toBe(true);
          expect(meetsFraction(min - 1n, whole, num, den, cmp)).toBe(false);
        }
      }
    }
  });
  it('refuses an empty whole', () => {
    expect(() => minimumToMeet(0n, 1n, 2n, 'gt')).toThrow(DomainError);
  });
});

describe('quorum and passing', () => {
  it('needs both lines for quorum', () => {
    const totals = { totalAreaHundredths: 300n, totalHeadcount: 3 };
    expect(meetsQuorum({ ...totals, participatingAreaHundredths: 200n, participatingHeads: 2 })).toEqual({
      area: true,
      heads: true,
      met: true,
    });
    expect(meetsQuorum({ ...totals, participatingAreaHundredths: 199n, participatingHeads: 3 }).met).toBe(false);
    expect(meetsQuorum({ ...totals, participatingAreaHundredths: 300n, participatingHeads: 1 }).met).toBe(false);
  });
  it('ordinary is strictly more than half, special is at least three quarters', () => {
    const base = { baseAreaHundredths: 400n, baseHeads: 4 };
    expect(meetsPassing('ordinary', { ...base, yesAreaHundredths: 200n, yesHeads: 3 }).met).toBe(false);
    expect(meetsPassing('ordinary', { ...base, yesAreaHundredths: 201n, yesHeads: 3 }).met).toBe(true);
    expect(meetsPassing('special', { ...base, yesAreaHundredths: 300n, yesHeads: 3 }).met).toBe(true);
    expect(meetsPassing('special', { ...base, yesAreaHundredths: 299n, yesHeads: 3 })).toEqual({
      area: false,
      heads: true,
      met: false,
    });
  });
});

describe('matter categories', () => {
  it('has nine Art. 278 items plus committee_only, each with a Chinese label', () => {
    expect(ART278_CATEGORIES).toHaveLength(9);
    expect(MATTER_CATEGORIES).toHaveLength(10);
    expect(matterLabelZh('art278_1')).toBe('（一）制定和修改业主大会议事规则');
    expect(matterLabelZh('art278_7')).toBe('（七）改建、重建建筑物及其附属设施');
    for (const c of MATTER_CATEGORIES) expect(matterLabelZh(c).length).toBeGreaterThan(5);
  });
  it('puts items 6–8 on the special threshold and the rest on the ordinary one', () => {
    const kinds = ART278_CATEGORIES.map((c) => thresholdKindFor(c));
    expect(kinds).toEqual(['ordinary', 'ordinary', 'ordinary', 'ordinary', 'ordinary', 'special', 'special', 'special', 'ordinary']);
    expect(thresholdKindFor('committee_only')).toBeNull();
    expect(() => assemblyThresholdKind('committee_only')).toThrow(/not an Art. 278 matter/);
  });
  it('requires an assembly vote only for Art. 278 matters', () => {
    for (const c of ART278_CATEGORIES) {
      expect(requiresAssemblyVote(c)).toBe(true);
      expect(isMajorMatter(c)).toBe(true);
    }
    expect(requiresAssemblyVote('committee_only')).toBe(false);
  });
  it('rejects unknown categories', () => {
    expect(() => assertMatterCategory('art278_10')).toThrow(DomainError);
    expect(() => thresholdKindFor('elevator' as never)).toThrow(/invalid matter category/);
  });
});
