import { DomainError } from '../errors';

/**
 * Counting owners and areas (DOMAIN.md §3; 法释〔2009〕7号 Arts. 8–9):
 * one unit = one head; all units of the same owner = one head; all unsold or undelivered developer units
 * together = one head; co-owners vote through one designated co-owner (`voterOwnerId`).
 * Parking units count (area and head) only when the rulebook says so.
 */
export type UnitStatus = 'sold' | 'unsold' | 'undelivered';
export type UnitKind = 'residential' | 'commercial' | 'parking';

export interface RegistryUnit {
  readonly unitId: string;
  /** Exclusive area in hundredths of m². */
  readonly areaHundredths: bigint;
  readonly status: UnitStatus;
  readonly kind: UnitKind;
  /** The owner who votes for the unit (for co-owned units, the designated co-owner); null if none recorded. */
  readonly voterOwnerId: string | null;
}

export interface HeadcountOptions {
  /** Whether parking spaces count as exclusive area (and so as heads). Default false. */
  readonly countParkingAsArea?: boolean;
}

export interface CommunityTotals {
  totalAreaHundredths: bigint;
  totalHeadcount: number;
  /** Units counted (parking excluded unless the rulebook counts it). */
  unitCount: number;
  /** Counted units held by the developer (unsold or undelivered). */
  developerUnitCount: number;
  /** Owners (not the developer) holding more than one counted unit. */
  multiUnitOwnerCount: number;
}

export interface VoterGroup {
  unitIds: string[];
  areaHundredths: bigint;
}

export const DEVELOPER_VOTER_KEY = 'developer';
const UNIT_KEY_PREFIX = 'unit:';

const STATUSES: readonly UnitStatus[] = ['sold', 'unsold', 'undelivered'];
const KINDS: readonly UnitKind[] = ['residential', 'commercial', 'parking'];

function invalid(code: string, message: string, details?: unknown): DomainError {
  return new DomainError('invalid', code, message, details);
}

function validateUnit(unit: RegistryUnit): void {
  if (typeof unit.unitId !== 'string' || unit.unitId.length === 0) {
    throw invalid('invalid_unit', '房屋缺少编号 unit has no id');
  }
  if (typeof unit.areaHundredths !== 'bigint' || unit.areaHundredths < 0n) {
    throw invalid('invalid_unit', `房屋面积无效 unit "${unit.unitId}" has an invalid area`, { unitId: unit.unitId });
  }
  if (!STATUSES.includes(unit.status) || !KINDS.includes(unit.kind)) {
    throw invalid('invalid_unit', `房屋状态或类型无效 unit "${unit.unitId}" has an invalid status or kind`, {
      unitId: unit.unitId,
    });
  }
  const owner = unit.voterOwnerId;
  if (owner !== null && (owner === DEVELOPER_VOTER_KEY || owner.startsWith(UNIT_KEY_PREFIX) || owner.length === 0)) {
    throw invalid('reserved_voter_key', `业主标识与保留字冲突 owner id "${owner}" is reserved or empty`, {
      unitId: unit.unitId,
    });
  }
}

export function isDeveloperUnit(unit: Pick<RegistryUnit, 'status'>): boolean {
  return unit.status === 'unsold' || unit.status === 'undelivered';
}

/** 'developer' for unsold/undelivered units; else the voting owner; a sold unit with no owner is its own head. */
export function voterKeyForUnit(unit: RegistryUnit): string {
  validateUnit(unit);
  if (isDeveloperUnit(unit)) return DEVELOPER_VOTER_KEY;
  return unit.voterOwnerId ?? `${UNIT_KEY_PREFIX}${unit.unitId}`;
}

/** Whether the unit counts for area and headcount under the options. */
export function isCountedUnit(unit: RegistryUnit, options: HeadcountOptions = {}): boolean {
  return unit.kind !== 'parking' || options.countParkingAsArea === true;
}

/** voterKey → the voter's counted units and their summed area (what one ballot carries). */
export function groupUnitsByVoter(units: readonly RegistryUnit[], options: HeadcountOptions = {}): Map<string, VoterGroup> {
  const seen = new Set<string>();
  const groups = new Map<string, VoterGroup>();
  for (const unit of units) {
    const key = voterKeyForUnit(unit);
    if (seen.has(unit.unitId)) {
      throw invalid('duplicate_unit', `房屋重复 unit "${unit.unitId}" appears twice`, { unitId: unit.unitId });
    }
    seen.add(unit.unitId);
    if (!isCountedUnit(unit, options)) continue;
    const group = groups.get(key);
    if (group) {
      group.unitIds.push(unit.unitId);
      group.areaHundredths += unit.areaHundredths;
    } else {
      groups.set(key, { unitIds: [unit.unitId], areaHundredths: unit.areaHundredths });
    }
  }
  return groups;
}

export function computeTotals(units: readonly RegistryUnit[], options: HeadcountOptions = {}): CommunityTotals {
  const groups = groupUnitsByVoter(units, options);
  let totalAreaHundredths = 0n;
  let unitCount = 0;
  let multiUnitOwnerCount = 0;
  for (const [key, group] of groups) {
    totalAreaHundredths += group.areaHundredths;
    unitCount += group.unitIds.length;
    if (key !== DEVELOPER_VOTER_KEY && group.unitIds.length > 1) multiUnitOwnerCount += 1;
  }
  return {
    totalAreaHundredths,
    totalHeadcount: groups.size,
    unitCount,
    developerUnitCount: groups.get(DEVELOPER_VOTER_KEY)?.unitIds.length ?? 0,
    multiUnitOwnerCount,
  };
}
