import fc from 'fast-check';
import { computeTotals, groupUnitsByVoter, RegistryUnit } from '../registry/headcount';
import { ART278_CATEGORIES, Art278Category } from './matter';
import { tally, TallyBallot, TallyInput } from './tally';

/**
 * A deliberately naive reference: loops instead of maps, and every fraction test phrased as
 * "those in favour against those not in favour" (e.g. more than half ⇔ yes > base − yes;
 * three quarters ⇔ yes ≥ 3 × (base − yes); two thirds ⇔ part ≥ 2 × (whole − part)),
 * with minimums found by counting up one at a time.
 */
type Frac = 'half' | 'threeQuarters' | 'twoThirds';
function naiveMeets(part: bigint, whole: bigint, frac: Frac): boolean {
  if (whole === 0n) return false;
  const rest = whole - part;
  if (frac === 'half') return part > rest;
  if (frac === 'threeQuarters') return part >= 3n * rest;
  return part >= 2n * rest;
}
function naiveMinimum(whole: bigint, frac: Frac): bigint | null {
  if (whole === 0n) return null;
  for (let k = 0n; ; k++) if (naiveMeets(k, whole, frac)) return k;
}

interface NaiveCount {
  heads: number;
  areaHundredths: bigint;
}
function naiveCount(ballots: readonly TallyBallot[], choice: string): NaiveCount {
  let heads = 0;
  let areaHundredths = 0n;
  for (const b of ballots) {
    if (b.choice === choice) {
      heads = heads + 1;
      areaHundredths = areaHundredths + b.areaHundredths;
    }
  }
  return { heads, areaHundredths };
}

function naiveTally(input: TallyInput) {
  const special = ['art278_6', 'art278_7', 'art278_8'].includes(input.motion.category);
  const frac: Frac = special ? 'threeQuarters' : 'half';
  const choiceIds = input.motion.kind === 'yes_no' ? ['yes', 'no'] : [...input.motion.optionIds];
  const totalHeads = BigInt(input.totals.totalHeadcount);
  const totalArea = input.totals.totalAreaHundredths;
  let pHeads = 0;
  let pArea = 0n;
  for (const b of input.ballots) {
    pHeads++;
    pArea += b.areaHundredths;
  }
  const quorum = {
    area: naiveMeets(pArea, totalArea, 'twoThirds'),
    heads: naiveMeets(BigInt(pHeads), totalHeads, 'twoThirds'),
    met: false,
  };
  quorum.met = quorum.area && quorum.heads;
  const judge = (c: NaiveCount, baseHeads: number, baseArea: bigint) => {
    const area = naiveMeets(c.areaHundredths, baseArea, frac);
    const heads = naiveMeets(BigInt(c.heads), BigInt(baseHeads), frac);
    return { area, heads, met: area && heads };
  };
  const raw = choiceIds.map((choice) => ({ choice, ...naiveCount(input.ballots, choice) }));
  const choices = raw.map((c) => ({ ...c, passing: judge(c, pHeads, pArea) }));

  let adjusted = null;
  let baseHeads = pHeads;
  let baseArea = pArea;
  let decisive = choices;
  if (input.rulebook?.countNonVotersWithMajority) {
    const nonVoters = { heads: input.totals.totalHeadcount - pHeads, areaHundredths: totalArea - pArea };
    let majorityChoice: string | null = null;
    if (quorum.met) {
      for (const c of raw) {
        let beatsAll = c.heads > 0;
        for (const o of raw) if (o !== c && !(c.heads > o.heads && c.areaHundredths > o.areaHundredths)) beatsAll = false;
        if (beatsAll) majorityChoice = c.choice;
      }
    }
    if (majorityChoice !== null) {
      baseHeads = input.totals.totalHeadcount;
      baseArea = totalArea;
    }
    const adjustedChoices = raw.map((c) => {
      const count =
        c.choice === majorityChoice
          ? { heads: c.heads + nonVoters.heads, areaHundredths: c.areaHundredths + nonVoters.areaHundredths }
          : { heads: c.heads, areaHundredths: c.areaHundredths };
      return { choice: c.choice, ...count, passing: judge(count, baseHeads, baseArea) };
    });
    adjusted = { nonVoters, majorityChoice, choices: adjustedChoices, base: { heads: baseHeads, areaHundredths: baseArea } };
    decisive = adjustedChoices;
  }

  let outcome: string;
  let winningOptionId: string | null = null;
  if (!quorum.met) outcome = 'no_quorum';
  else if (input.motion.kind === 'yes_no') outcome = decisive[0].passing.met ? 'passed' : 'failed';
  else {
    const winners = decisive.filter((c) => c.passing.met);
    outcome = winners.length === 1 ? 'passed' : 'no_decision';
    if (winners.length === 1) winningOptionId = winners[0].choice;
  }
  const requiredHeads = naiveMinimum(BigInt(baseHeads), frac);
  return {
    motionKind: input.motion.kind,
    category: input.motion.category,
    totals: { heads: input.totals.totalHeadcount, areaHundredths: totalArea },
    participation: {
      heads: pHeads,
      areaHundredths: pArea,
      quorum,
      requiredHeads: Number(naiveMinimum(totalHeads, 'twoThirds')),
      requiredAreaHundredths: naiveMinimum(totalArea, 'twoThirds'),
    },
    choices,
    abstain: naiveCount(input.ballots, 'abstain'),
    threshold: {
      kind: special ? 'special' : 'ordinary',
      numerator: special ? 3n : 1n,
      denominator: special ? 4n : 2n,
      comparison: special ? 'gte' : 'gt',
      basis: adjusted?.majorityChoice ? 'participants_and_non_voters' : 'participants',
      baseHeads,
      baseAreaHundredths: baseArea,
      requiredHeads: requiredHeads === null ? null : Number(requiredHeads),
      requiredAreaHundredths: naiveMinimum(baseArea, frac),
    },
    adjusted,
    outcome,
    winningOptionId,
  };
}

const unitArb = (i: number) =>
  fc.record({
    unitId: fc.constant(`u${i}`),
    areaHundredths: fc.oneof(fc.constant(100n), fc.constant(200n), fc.bigInt({ min: 0n, max: 500n })),
    status: fc.constantFrom('sold', 'sold', 'sold', 'unsold', 'undelivered'),
    kind: fc.constantFrom('residential', 'residential', 'commercial', 'parking'),
    voterOwnerId: fc.option(fc.constantFrom('o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8'), { freq: 6 }),
  }) as fc.Arbitrary<RegistryUnit>;

const scenarioArb = fc
  .record({
    unitCount: fc.integer({ min: 1, max: 14 }),
    countParkingAsArea: fc.boolean(),
    countNonVoters: fc.boolean(),
    category: fc.constantFrom(...ART278_CATEGORIES),
    optionCount: fc.constantFrom(0, 0, 2, 3),
    seedChoices: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 20, maxLength: 20 }),
  })
  .chain((s) => fc.tuple(...Array.from({ length: s.unitCount }, (_, i) => unitArb(i))).map((units) => ({ ...s, units })));

describe('tally agrees with a naive reference on random communities', () => {
  it('every field matches', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const options = { countParkingAsArea: s.countParkingAsArea };
        const totals = computeTotals(s.units, options);
        fc.pre(totals.totalHeadcount > 0 && totals.totalAreaHundredths > 0n);
        const motion: TallyInput['motion'] =
          s.optionCount === 0
            ? { category: s.category as Art278Category, kind: 'yes_no' }
            : { category: s.category, kind: 'options', optionIds: ['A', 'B', 'C'].slice(0, s.optionCount) };
        const choiceIds = motion.kind === 'yes_no' ? ['yes', 'no'] : motion.optionIds;
        const ballots: TallyBallot[] = [];
        let i = 0;
        for (const [voterKey, group] of groupUnitsByVoter(s.units, options)) {
          const pick = s.seedChoices[i++ % s.seedChoices.length];
          if (pick < 3) continue; // did not take part
          const choice = pick === 3 ? 'abstain' : choiceIds[pick % choiceIds.length];
          ballots.push({ voterKey, areaHundredths: group.areaHundredths, choice });
        }
        const input: TallyInput = {
          totals: { totalAreaHundredths: totals.totalAreaHundredths, totalHeadcount: totals.totalHeadcount },
          motion,
          ballots,
          rulebook: { countNonVotersWithMajority: s.countNonVoters },
        };
        const { reasonZh, threshold, ...actual } = tally(input);
        const { descriptionZh, ...thresholdFields } = threshold;
        expect({ ...actual, threshold: thresholdFields }).toEqual(naiveTally(input));
        expect(descriptionZh.length).toBeGreaterThan(0);
        const keyword = { passed: '通过', failed: '未通过', no_quorum: '不成立', no_decision: '不形成决定' }[actual.outcome];
        expect(reasonZh).toContain(keyword);
      }),
      { numRuns: 2000 },
    );
  });

  it('headcount totals agree with counting distinct voters by hand', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const counted = s.units.filter((u) => u.kind !== 'parking' || s.countParkingAsArea);
        const keys: string[] = [];
        let area = 0n;
        for (const u of counted) {
          const key = u.status !== 'sold' ? 'developer' : u.voterOwnerId === null ? 'unit:' + u.unitId : u.voterOwnerId;
          if (!keys.includes(key)) keys.push(key);
          area += u.areaHundredths;
        }
        const totals = computeTotals(s.units, { countParkingAsArea: s.countParkingAsArea });
        expect(totals.totalHeadcount).toBe(keys.length);
        expect(totals.totalAreaHundredths).toBe(area);
        expect(totals.unitCount).toBe(counted.length);
        expect(totals.developerUnitCount).toBe(counted.filter((u) => u.status !== 'sold').length);
      }),
      { numRuns: 500 },
    );
  });
});
