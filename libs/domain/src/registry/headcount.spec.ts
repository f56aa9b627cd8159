import { DomainError } from '../errors';
import { parseArea } from '../area';
import { computeTotals, groupUnitsByVoter, RegistryUnit, voterKeyForUnit } from './headcount';

const unit = (unitId: string, over: Partial<RegistryUnit> = {}): RegistryUnit => ({
  unitId,
  areaHundredths: parseArea('100'),
  status: 'sold',
  kind: 'residential',
  voterOwnerId: `owner-${unitId}`,
  ...over,
});

describe('voterKeyForUnit', () => {
  it('uses the voting owner for sold units', () => {
    expect(voterKeyForUnit(unit('1-101'))).toBe('owner-1-101');
  });
  it('keys unsold and undelivered units as the developer, whatever owner is recorded', () => {
    expect(voterKeyForUnit(unit('a', { status: 'unsold', voterOwnerId: null }))).toBe('developer');
    expect(voterKeyForUnit(unit('b', { status: 'undelivered', voterOwnerId: 'someone' }))).toBe('developer');
  });
  it('makes a sold unit with no owner recorded its own head', () => {
    expect(voterKeyForUnit(unit('3-202', { voterOwnerId: null }))).toBe('unit:3-202');
  });
  it('rejects reserved owner ids, negative areas and bad kinds', () => {
    expect(() => voterKeyForUnit(unit('x', { voterOwnerId: 'developer' }))).toThrow(DomainError);
    expect(() => voterKeyForUnit(unit('x', { voterOwnerId: 'unit:9' }))).toThrow(DomainError);
    expect(() => voterKeyForUnit(unit('x', { areaHundredths: -1n }))).toThrow(/invalid area/);
    expect(() => voterKeyForUnit(unit('x', { kind: 'garden' as never }))).toThrow(DomainError);
    expect(() => voterKeyForUnit(unit(''))).toThrow(DomainError);
  });
});

describe('computeTotals', () => {
  it('one unit = one head', () => {
    const totals = computeTotals([unit('1'), unit('2'), unit('3')]);
    expect(totals).toEqual({
      totalAreaHundredths: 30000n,
      totalHeadcount: 3,
      unitCount: 3,
      developerUnitCount: 0,
      multiUnitOwnerCount: 0,
    });
  });

  it('all units of the same owner = one head carrying the summed area', () => {
    const units = [
      unit('1', { voterOwnerId: 'zhang', areaHundredths: parseArea('89.50') }),
      unit('2', { voterOwnerId: 'zhang', areaHundredths: parseArea('120.25') }),
      unit('3', { voterOwnerId: 'li' }),
    ];
    const totals = computeTotals(units);
    expect(totals.totalHeadcount).toBe(2);
    expect(totals.multiUnitOwnerCount).toBe(1);
    expect(totals.totalAreaHundredths).toBe(8950n + 12025n + 10000n);
    expect(groupUnitsByVoter(units).get('zhang')).toEqual({ unitIds: ['1', '2'], areaHundredths: 20975n });
  });

  it('all developer units together = one head, not a multi-unit owner', () => {
    const units = [
      unit('1', { status: 'unsold', voterOwnerId: null }),
      unit('2', { status: 'undelivered', voterOwnerId: null }),
      unit('3', { status: 'unsold', voterOwnerId: null }),
      unit('4'),
    ];
    const totals = computeTotals(units);
    expect(totals.totalHeadcount).toBe(2);
    expect(totals.developerUnitCount).toBe(3);
    expect(totals.multiUnitOwnerCount).toBe(0);
    expect(groupUnitsByVoter(units).get('developer')?.unitIds).toEqual(['1', '2', '3']);
  });

  it('a co-owned unit = one head through the designated co-owner', () => {
    // The unit is held by 王 and 赵 together; the registry records 王 as the one who votes.
    const totals = computeTotals([unit('5-501', { voterOwnerId: 'wang' }), unit('5-502', { voterOwnerId: 'zhao' })]);
    expect(totals.totalHeadcount).toBe(2);
  });

  it('excludes parking from area and heads by default; counts it when the rulebook says so', () => {
    const units = [
      unit('1', { voterOwnerId: 'a' }),
      unit('P1', { kind: 'parking', voterOwnerId: 'a', areaHundredths: 1250n }),
      unit('P2', { kind: 'parking', voterOwnerId: 'parking-only', areaHundredths: 1250n }),
    ];
    expect(computeTotals(units)).toMatchObject({ totalAreaHundredths: 10000n, totalHeadcount: 1, unitCount: 1 });
    expect(groupUnitsByVoter(units).has('parking-only')).toBe(false);
    expect(computeTotals(units, { countParkingAsArea: true })).toMatchObject({
      totalAreaHundredths: 12500n,
      totalHeadcount: 2,
      unitCount: 3,
      multiUnitOwnerCount: 1,
    });
  });

  it('counts commercial units like residential ones', () => {
    expect(computeTotals([unit('S1', { kind: 'commercial' }), unit('1')]).totalHeadcount).toBe(2);
  });

  it('DOMAIN.md worked check: 306 units; one owner holding 3 of them → 304 heads', () => {
    const distinct = Array.from({ length: 306 }, (_, i) => unit(`u${i}`));
    expect(computeTotals(distinct)).toMatchObject({ totalHeadcount: 306, totalAreaHundredths: parseArea('30600') });
    const oneHoldsThree = distinct.map((u, i) => (i < 3 ? { ...u, voterOwnerId: 'big-owner' } : u));
    expect(computeTotals(oneHoldsThree)).toMatchObject({
      totalHeadcount: 304,
      totalAreaHundredths: parseArea('30600'),
      unitCount: 306,
      multiUnitOwnerCount: 1,
    });
  });

  it('rejects a unit listed twice', () => {
    expect(() => computeTotals([unit('1'), unit('1')])).toThrow(/appears twice/);
  });

  it('handles an empty registry', () => {
    expect(computeTotals([])).toEqual({
      totalAreaHundredths: 0n,
      totalHeadcount: 0,
      unitCount: 0,
      developerUnitCount: 0,
      multiUnitOwnerCount: 0,
    });
  });
});
