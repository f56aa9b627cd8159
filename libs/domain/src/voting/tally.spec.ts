import { DomainError } from '../errors';
import { parseArea } from '../area';
import { computeTotals, groupUnitsByVoter, RegistryUnit } from '../registry/headcount';
import { tally, TallyBallot, TallyInput } from './tally';
import { serializeTally } from './tally-report';

const A = (m2: string) => parseArea(m2);
const WORKED_TOTALS = { totalAreaHundredths: A('30600'), totalHeadcount: 306 };

/** `n` owners of 100.00 m² each (or `area` each) voting `choice`, keys prefixed to stay distinct. */
function voters(prefix: string, n: number, choice: string, area = A('100')): TallyBallot[] {
  return Array.from({ length: n }, (_, i) => ({ voterKey: `${prefix}${i}`, areaHundredths: area, choice }));
}

function yesNo(ballots: TallyBallot[], over: Partial<TallyInput> = {}) {
  return tally({ totals: WORKED_TOTALS, motion: { category: 'art278_4', kind: 'yes_no' }, ballots, ...over });
}

describe('tally — DOMAIN.md §4 worked check', () => {
  it('210 owners with 21,000.00 m² meet quorum; 106 yes with 10,600.00 m² pass an ordinary matter', () => {
    const result = yesNo([...voters('y', 106, 'yes'), ...voters('n', 104, 'no')]);
    expect(result.participation).toMatchObject({
      heads: 210,
      areaHundredths: A('21000'),
      quorum: { area: true, heads: true, met: true },
      requiredHeads: 204,
      requiredAreaHundredths: A('20400'),
    });
    expect(result.choices[0]).toMatchObject({ choice: 'yes', heads: 106, areaHundredths: A('10600') });
    expect(result.threshold).toMatchObject({
      kind: 'ordinary',
      comparison: 'gt',
      numerator: 1n,
      denominator: 2n,
      basis: 'participants',
      requiredHeads: 106,
      requiredAreaHundredths: A('10500.01'),
    });
    expect(result.outcome).toBe('passed');
    expect(result.reasonZh).toContain('表决通过');
    expect(result.reasonZh).toContain('21,000.00平方米');
  });

  it('105 yes owners fail whatever their area', () => {
    const result = yesNo([...voters('y', 105, 'yes', A('190')), ...voters('n', 105, 'no', A('10'))]);
    expect(result.choices[0].areaHundredths).toBe(A('19950'));
    expect(result.choices[0].passing).toEqual({ area: true, heads: false, met: false });
    expect(result.outcome).toBe('failed');
    expect(result.reasonZh).toContain('同意票人数未达到');
  });

  it('a 3/4 matter needs ≥ 158 heads and ≥ 15,750.00 m²', () => {
    const special = (ballots: TallyBallot[]) => tally({ totals: WORKED_TOTALS, motion: { category: 'art278_6', kind: 'yes_no' }, ballots });
    const pass = special([
      ...voters('y', 157, 'yes'),
      { voterKey: 'y157', areaHundredths: A('50'), choice: 'yes' },
      ...voters('n', 51, 'no'),
      { voterKey: 'n51', areaHundredths: A('150'), choice: 'no' },
    ]);
    expect(pass.participation.areaHundredths).toBe(A('21000'));
    expect(pass.participation.heads).toBe(210);
    expect(pass.threshold).toMatchObject({ kind: 'special', requiredHeads: 158, requiredAreaHundredths: A('15750') });
    expect(pass.choices[0]).toMatchObject({ heads: 158, areaHundredths: A('15750') });
    expect(pass.outcome).toBe('passed');
    const oneHundredthShort = special([
      ...voters('y', 157, 'yes'),
      { voterKey: 'y157', areaHundredths: A('49.99'), choice: 'yes' },
      ...voters('n', 51, 'no'),
      { voterKey: 'n51', areaHundredths: A('150.01'), choice: 'no' },
    ]);
    expect(oneHundredthShort.outcome).toBe('failed');
    const oneHeadShort = special([...voters('y', 157, 'yes', A('101')), ...voters('n', 53, 'no', A('96'))]);
    expect(oneHeadShort.choices[0].passing.heads).toBe(false);
    expect(oneHeadShort.outcome).toBe('failed');
  });
});

describe('tally — quorum edges', () => {
  const totals = { totalAreaHundredths: A('300'), totalHeadcount: 3 };
  it('exactly 2/3 of heads and area meets quorum', () => {
    const r = tally({ totals, motion: { category: 'art278_1', kind: 'yes_no' }, ballots: voters('o', 2, 'yes') });
    expect(r.participation.quorum.met).toBe(true);
    expect(r.outcome).toBe('passed');
  });
  it('one hundredth of a m² short of 2/3 area is no quorum', () => {
    const r = tally({
      totals,
      motion: { category: 'art278_1', kind: 'yes_no' },
      ballots: [...voters('o', 1, 'yes'), { voterKey: 'x', areaHundredths: A('99.99'), choice: 'yes' }],
    });
    expect(r.participation.quorum).toEqual({ area: false, heads: true, met: false });
    expect(r.outcome).toBe('no_quorum');
    expect(r.reasonZh).toContain('面积未达到总面积300.00平方米的三分之二');
    expect(r.reasonZh).not.toContain('人数未达到');
  });
  it('one head short of 2/3 is no quorum even with all the area', () => {
    const r = yesNo(voters('o', 203, 'yes', A('150')));
    expect(r.participation.quorum).toEqual({ area: true, heads: false, met: false });
    expect(r.outcome).toBe('no_quorum');
    expect(r.reasonZh).toContain('至少204人');
  });
  it('no ballots at all is no quorum with empty threshold requirements', () => {
    const r = yesNo([]);
    expect(r.outcome).toBe('no_quorum');
    expect(r.threshold.requiredHeads).toBeNull();
    expect(r.threshold.requiredAreaHundredths).toBeNull();
  });
});

describe('tally — passing edges', () => {
  const totals = { totalAreaHundredths: A('400'), totalHeadcount: 4 };
  it('exactly one half fails an ordinary matter; abstentions count as participants', () => {
    const r = tally({
      totals,
      motion: { category: 'art278_2', kind: 'yes_no' },
      ballots: [...voters('y', 2, 'yes'), ...voters('a', 2, 'abstain')],
    });
    expect(r.abstain).toEqual({ heads: 2, areaHundredths: A('200') });
    expect(r.choices[0].passing).toEqual({ area: false, heads: false, met: false });
    expect(r.outcome).toBe('failed');
  });
  it('exactly 3/4 passes a special matter', () => {
    const r = tally({
      totals,
      motion: { category: 'art278_8', kind: 'yes_no' },
      ballots: [...voters('y', 3, 'yes'), ...voters('n', 1, 'no')],
    });
    expect(r.outcome).toBe('passed');
  });
});

describe('tally — who is a voter', () => {
  it('a multi-unit owner is one head carrying the summed area', () => {
    const units: RegistryUnit[] = [
      { unitId: '1', areaHundredths: A('100'), status: 'sold', kind: 'residential', voterOwnerId: 'big' },
      { unitId: '2', areaHundredths: A('100'), status: 'sold', kind: 'residential', voterOwnerId: 'big' },
      { unitId: '3', areaHundredths: A('100'), status: 'sold', kind: 'residential', voterOwnerId: 'c' },
      { unitId: '4', areaHundredths: A('100'), status: 'unsold', kind: 'residential', voterOwnerId: null },
      { unitId: '5', areaHundredths: A('100'), status: 'undelivered', kind: 'residential', voterOwnerId: null },
      { unitId: '6', areaHundredths: A('100'), status: 'sold', kind: 'residential', voterOwnerId: 'd' },
    ];
    const totals = computeTotals(units);
    expect(totals.totalHeadcount).toBe(4);
    const groups = groupUnitsByVoter(units);
    const ballot = (key: string, choice: string) => ({ voterKey: key, areaHundredths: groups.get(key)!.areaHundredths, choice });
    const r = tally({
      totals,
      motion: { category: 'art278_9', kind: 'yes_no' },
      ballots: [ballot('big', 'yes'), ballot('developer', 'yes'), ballot('c', 'no')],
    });
    expect(r.participation).toMatchObject({ heads: 3, areaHundredths: A('500') });
    expect(r.choices[0]).toMatchObject({ heads: 2, areaHundredths: A('400') });
    expect(r.outcome).toBe('passed');
  });

  it('rejects the same voterKey twice (units must be merged by the caller)', () => {
    const ballots = [...voters('o', 2, 'yes'), { voterKey: 'o1', areaHundredths: A('1'), choice: 'no' }];
    expect(() => yesNo(ballots)).toThrow(DomainError);
    try {
      yesNo(ballots);
    } catch (e) {
      expect(e).toMatchObject({ kind: 'invalid', code: 'duplicate_voter' });
    }
  });

  it('rejects invalid choices, areas, totals and committee-only matters', () => {
    expect(() => yesNo([{ voterKey: 'a', areaHundredths: 1n, choice: 'maybe' }])).toThrow(/invalid choice/);
    expect(() => yesNo([{ voterKey: 'a', areaHundredths: -1n, choice: 'yes' }])).toThrow(DomainError);
    expect(() => yesNo([{ voterKey: '', areaHundredths: 1n, choice: 'yes' }])).toThrow(DomainError);
    expect(() => yesNo([], { totals: { totalAreaHundredths: 0n, totalHeadcount: 1 } })).toThrow(DomainError);
    expect(() => yesNo([], { totals: { totalAreaHundredths: 1n, totalHeadcount: 0 } })).toThrow(DomainError);
    expect(() => yesNo(voters('o', 307, 'yes', 1n))).toThrow(/exceed/);
    expect(() => yesNo(voters('o', 2, 'yes', A('20000')))).toThrow(/exceed/);
    expect(() => yesNo([], { motion: { category: 'committee_only', kind: 'yes_no' } })).toThrow(/not an Art. 278/);
  });
});

describe('tally — options motions', () => {
  const motion = { category: 'art278_7' as const, kind: 'options' as const, optionIds: ['vendorA', 'vendorB', 'vendorC'] };
  const totals = { totalAreaHundredths: A('1000'), totalHeadcount: 10 };

  it('no option alone meeting the threshold gives no decision, even with a clear plurality', () => {
    const r = tally({
      totals,
      motion,
      ballots: [...voters('a', 6, 'vendorA'), ...voters('b', 2, 'vendorB'), ...voters('c', 2, 'vendorC')],
    });
    expect(r.choices.map((c) => [c.choice, c.heads])).toEqual([
      ['vendorA', 6],
      ['vendorB', 2],
      ['vendorC', 2],
    ]);
    expect(r.outcome).toBe('no_decision');
    expect(r.winningOptionId).toBeNull();
    expect(r.reasonZh).toContain('不形成决定');
  });

  it('passes the one option that meets the threshold', () => {
    const r = tally({ totals, motion, ballots: [...voters('a', 8, 'vendorA'), ...voters('b', 2, 'abstain')] });
    expect(r.outcome).toBe('passed');
    expect(r.winningOptionId).toBe('vendorA');
    expect(r.reasonZh).toContain('选项「vendorA」单独达到');
  });

  it('rejects yes/no choices, unknown options and malformed option lists', () => {
    expect(() => tally({ totals, motion, ballots: voters('a', 1, 'yes') })).toThrow(/invalid choice/);
    expect(() => tally({ totals, motion: { ...motion, optionIds: ['x'] }, ballots: [] })).toThrow(DomainError);
    expect(() => tally({ totals, motion: { ...motion, optionIds: ['x', 'x'] }, ballots: [] })).toThrow(DomainError);
    expect(() => tally({ totals, motion: { ...motion, optionIds: ['x', 'abstain'] }, ballots: [] })).toThrow(DomainError);
  });
});

describe('tally — counting non-voters with the majority', () => {
  const totals = { totalAreaHundredths: A('900'), totalHeadcount: 9 };
  const motion = { category: 'art278_6' as const, kind: 'yes_no' as const };
  const ballots = [...voters('y', 4, 'yes'), ...voters('n', 2, 'no')];

  it('is off by default: 4 of 6 fails a 3/4 matter', () => {
    const r = tally({ totals, motion, ballots });
    expect(r.adjusted).toBeNull();
    expect(r.outcome).toBe('failed');
  });

  it('when on, adds non-voters to the majority, keeps raw participation apart, and decides on adjusted figures', () => {
    const r = tally({ totals, motion, ballots, rulebook: { countNonVotersWithMajority: true } });
    expect(r.participation).toMatchObject({ heads: 6, areaHundredths: A('600') });
    expect(r.choices[0]).toMatchObject({ heads: 4, passing: { met: false } });
    expect(r.adjusted).toMatchObject({
      nonVoters: { heads: 3, areaHundredths: A('300') },
      majorityChoice: 'yes',
      base: { heads: 9, areaHundredths: A('900') },
    });
    expect(r.adjusted!.choices[0]).toMatchObject({ heads: 7, areaHundredths: A('700'), passing: { met: true } });
    expect(r.threshold).toMatchObject({ basis: 'participants_and_non_voters', baseHeads: 9, requiredHeads: 7 });
    expect(r.outcome).toBe('passed');
    expect(r.reasonZh).toContain('计入多数意见（同意）');
  });

  it('never helps reach quorum', () => {
    const r = tally({ totals, motion, ballots: voters('y', 5, 'yes'), rulebook: { countNonVotersWithMajority: true } });
    expect(r.outcome).toBe('no_quorum');
    expect(r.adjusted).toMatchObject({ majorityChoice: null, nonVoters: { heads: 4 } });
  });

  it('adds nothing when no side leads on both heads and area', () => {
    const split = [...voters('y', 4, 'yes', A('50')), ...voters('n', 2, 'no', A('200'))];
    const r = tally({ totals, motion, ballots: split, rulebook: { countNonVotersWithMajority: true } });
    expect(r.adjusted!.majorityChoice).toBeNull();
    expect(r.threshold.basis).toBe('participants');
    expect(r.outcome).toBe('failed');
    expect(r.reasonZh).toContain('未予计入');
  });
});

describe('serializeTally', () => {
  it('turns every bigint into a string and survives JSON', () => {
    const r = yesNo([...voters('y', 106, 'yes'), ...voters('n', 104, 'no')]);
    const s = serializeTally(r);
    expect(s.participation.areaHundredths).toBe('2100000');
    expect(s.threshold.numerator).toBe('1');
    expect(s.choices[0].areaHundredths).toBe('1060000');
    expect(s.participation.heads).toBe(210);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});
