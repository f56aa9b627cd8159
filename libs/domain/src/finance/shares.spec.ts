import fc from 'fast-check';
import { DomainError } from '../errors';
import { assertRefundable, progressByUnit, sharesByArea, sharesFixed } from './shares';

const unit = (n: number, area: bigint) => ({ unitId: `u${n}`, unitNumber: `1-1-${100 + n}`, areaHundredths: area });

describe('fund-raising shares', () => {
  it('splits by area with the largest remainders getting the leftover fen', () => {
    // 100 fen over areas 1:1:1 → 33.33… each; the one leftover fen goes to the first unit number.
    const shares = sharesByArea(100n, [unit(1, 100n), unit(2, 100n), unit(3, 100n)]);
    expect([...shares.values()]).toEqual([34n, 33n, 33n]);
    // 1000 fen over 89.50 m² and 120.25 m²: 426.69… and 573.30… → 427 and 573.
    expect([...sharesByArea(1000n, [unit(1, 8950n), unit(2, 12025n)]).values()]).toEqual([427n, 573n]);
  });

  it('always sums to the target exactly and stays within one fen of the exact share (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 6n }), { minLength: 1, maxLength: 60 }),
        (target, areas) => {
          const units = areas.map((a, i) => unit(i, a));
          const shares = sharesByArea(target, units);
          const total = areas.reduce((s, a) => s + a, 0n);
          expect([...shares.values()].reduce((s, v) => s + v, 0n)).toBe(target);
          units.forEach((u) => {
            const exactTimesTotal = target * u.areaHundredths;
            const share = shares.get(u.unitId)!;
            expect(share * total >= exactTimesTotal - total && share * total <= exactTimesTotal + total).toBe(true);
          });
        },
      ),
    );
  });

  it('fixed shares are the same for every unit', () => {
    expect([...sharesFixed(50000n, [unit(1, 1n), unit(2, 9n)]).values()]).toEqual([50000n, 50000n]);
  });

  it.each([
    [() => sharesByArea(0n, [unit(1, 1n)]), 'invalid_target'],
    [() => sharesByArea(10n, []), 'no_units'],
    [() => sharesByArea(10n, [unit(1, 0n)]), 'no_area'],
    [() => sharesFixed(0n, [unit(1, 1n)]), 'invalid_share'],
    [() => assertRefundable(100n, 60n, 41n), 'refund_exceeds_payment'],
    [() => assertRefundable(100n, 0n, 0n), 'invalid_amount'],
  ])('refuses bad input %#', (fn, code) => {
    expect(fn).toThrow(DomainError);
    try {
      fn();
    } catch (e) {
      expect((e as DomainError).code).toBe(code);
    }
  });

  it('progress: paid = payments − refunds, the latest pledge counts', () => {
    const progress = progressByUnit([
      { id: '1', unitId: 'a', kind: 'pledge', amountFen: 500n },
      { id: '2', unitId: 'a', kind: 'pledge', amountFen: 800n },
      { id: '3', unitId: 'a', kind: 'payment', amountFen: 300n },
      { id: '4', unitId: 'a', kind: 'refund', amountFen: 100n, reversesId: '3' },
      { id: '5', unitId: 'b', kind: 'payment', amountFen: 70n },
    ]);
    expect(progress.get('a')).toEqual({ pledgedFen: 800n, paidFen: 200n });
    expect(progress.get('b')).toEqual({ pledgedFen: 0n, paidFen: 70n });
    assertRefundable(100n, 60n, 40n);
  });
});
