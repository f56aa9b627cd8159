import { DomainError } from '../errors';

/**
 * 集资 shares per unit, in exact fen.
 *
 * By area: a group's (building's or stairwell's) target T is split in proportion to the units' exclusive
 * areas a_i (hundredths of m²). Each unit first gets floor(T·a_i / A) fen (A = Σ a_i); the fen left over
 * (fewer than the number of units) go one each to the units with the largest remainders T·a_i mod A,
 * ties to the earlier unit number. The shares therefore always sum to exactly T (largest-remainder rule).
 *
 * Fixed: every unit owes the same amount F; the group's target is F × number of units.
 */
export interface ShareUnit {
  unitId: string;
  unitNumber: string;
  areaHundredths: bigint;
}

export function sharesByArea(targetFen: bigint, units: readonly ShareUnit[]): Map<string, bigint> {
  if (targetFen <= 0n) throw new DomainError('invalid', 'invalid_target', '集资目标金额须为正数（分）');
  if (units.length === 0) throw new DomainError('invalid', 'no_units', '该范围内没有房屋，不能分摊');
  const total = units.reduce((sum, u) => sum + u.areaHundredths, 0n);
  if (total <= 0n) throw new DomainError('invalid', 'no_area', '该范围内房屋面积合计为零，不能按面积分摊');
  const rows = units.map((u, index) => ({
    unit: u,
    index,
    fen: (targetFen * u.areaHundredths) / total,
    remainder: (targetFen * u.areaHundredths) % total,
  }));
  let left = targetFen - rows.reduce((sum, r) => sum + r.fen, 0n);
  const order = [...rows].sort((a, b) =>
    a.remainder === b.remainder
      ? a.unit.unitNumber.localeCompare(b.unit.unitNumber, 'en', { numeric: true }) || a.index - b.index
      : a.remainder > b.remainder
        ? -1
        : 1,
  );
  for (const row of order) {
    if (left === 0n) break;
    row.fen += 1n;
    left -= 1n;
  }
  return new Map(rows.map((r) => [r.unit.unitId, r.fen]));
}

export function sharesFixed(shareFen: bigint, units: readonly ShareUnit[]): Map<string, bigint> {
  if (shareFen <= 0n) throw new DomainError('invalid', 'invalid_share', '每户分摊金额须为正数（分）');
  if (units.length === 0) throw new DomainError('invalid', 'no_units', '该范围内没有房屋，不能分摊');
  return new Map(units.map((u) => [u.unitId, shareFen]));
}

export type ContributionKind = 'pledge' | 'payment' | 'refund';

export interface Contribution {
  id: string;
  unitId: string;
  kind: ContributionKind;
  amountFen: bigint;
  /** A refund reverses (part of) one payment. */
  reversesId?: string | null;
}

export interface UnitProgress {
  pledgedFen: bigint;
  paidFen: bigint;
}

/** Paid = payments − refunds; pledged = the latest pledge of each unit (a new pledge replaces the old one). */
export function progressByUnit(contributions: readonly Contribution[]): Map<string, UnitProgress> {
  const out = new Map<string, UnitProgress>();
  const get = (unitId: string) => out.get(unitId) ?? out.set(unitId, { pledgedFen: 0n, paidFen: 0n }).get(unitId)!;
  for (const c of contributions) {
    if (c.amountFen <= 0n) throw new DomainError('invalid', 'invalid_amount', '金额须为正整数（分）');
    const p = get(c.unitId);
    if (c.kind === 'pledge') p.pledgedFen = c.amountFen;
    else if (c.kind === 'payment') p.paidFen += c.amountFen;
    else p.paidFen -= c.amountFen;
  }
  return out;
}

/** A refund may return at most what is left of the payment it reverses. */
export function assertRefundable(paymentFen: bigint, alreadyRefundedFen: bigint, refundFen: bigint): void {
  if (refundFen <= 0n) throw new DomainError('invalid', 'invalid_amount', '退款金额须为正整数（分）');
  if (alreadyRefundedFen + refundFen > paymentFen) {
    throw new DomainError(
      'conflict',
      'refund_exceeds_payment',
      `退款金额超过该笔缴款的剩余金额（缴款 ${paymentFen} 分，已退 ${alreadyRefundedFen} 分）`,
    );
  }
}
