import { DomainError } from '../errors';

/**
 * Who decides a vote (DOMAIN.md §12): the whole community, or the owners of chosen buildings / stairwells
 * (单元) — e.g. 加装电梯 is decided by the owners of that 单元 only. Roll, totals, 2/3 lines, results and
 * documents all use it.
 */
export type Electorate =
  | { readonly scope: 'community' }
  | {
      readonly scope: 'part';
      /** Whole buildings (楼栋), by id. */
      readonly buildingIds: readonly string[];
      /** Single stairwells (单元) of a building. */
      readonly stairwells: readonly { readonly buildingId: string; readonly stairwell: string }[];
    };

export const WHOLE_COMMUNITY: Electorate = { scope: 'community' };

export interface ElectorateUnit {
  readonly buildingId: string;
  readonly stairwell: string;
}

const invalid = (code: string, message: string, details?: unknown) => new DomainError('invalid', code, message, details);

/** Checks a requested electorate: a part names at least one building or stairwell, each once. */
export function assertElectorate(value: unknown): Electorate {
  const v = value as Partial<{ scope: string; buildingIds: unknown; stairwells: unknown }> | null | undefined;
  if (v === undefined || v === null || v.scope === 'community') return WHOLE_COMMUNITY;
  if (v.scope !== 'part') throw invalid('invalid_electorate', '表决范围无效：应为全体业主（community）或部分楼栋/单元（part）');
  const buildingIds = Array.isArray(v.buildingIds) ? v.buildingIds : [];
  const stairwells = Array.isArray(v.stairwells) ? v.stairwells : [];
  if (!buildingIds.every((b) => typeof b === 'string' && b.length > 0)) throw invalid('invalid_electorate', '表决范围中的楼栋无效');
  if (!stairwells.every((s) => s && typeof s.buildingId === 'string' && typeof s.stairwell === 'string' && s.stairwell.trim()))
    throw invalid('invalid_electorate', '表决范围中的单元无效：须写明楼栋和单元');
  if (buildingIds.length + stairwells.length === 0) throw invalid('empty_electorate', '部分业主表决须至少选择一个楼栋或单元');
  const keys = [...buildingIds.map((b) => `b:${b}`), ...stairwells.map((s) => `s:${s.buildingId}:${s.stairwell.trim()}`)];
  if (new Set(keys).size !== keys.length) throw invalid('invalid_electorate', '表决范围中有重复的楼栋或单元');
  return {
    scope: 'part',
    buildingIds: [...buildingIds] as string[],
    stairwells: stairwells.map((s: { buildingId: string; stairwell: string }) => ({
      buildingId: s.buildingId,
      stairwell: s.stairwell.trim(),
    })),
  };
}

export function inElectorate(unit: ElectorateUnit, electorate: Electorate): boolean {
  if (electorate.scope === 'community') return true;
  return (
    electorate.buildingIds.includes(unit.buildingId) ||
    electorate.stairwells.some((s) => s.buildingId === unit.buildingId && s.stairwell === unit.stairwell)
  );
}

/** The units whose owners decide: the one filter every roll and total goes through. */
export function electorateUnits<U extends ElectorateUnit>(units: readonly U[], electorate: Electorate): U[] {
  return units.filter((u) => inElectorate(u, electorate));
}

/** A building as printed: 「3」 → 「3幢」; names that already say 幢/栋/楼/座 (or 车库) are kept. */
export function buildingLabel(name: string): string {
  return /(幢|栋|楼|座|库|区)$/.test(name) ? name : `${name}幢`;
}

/** 「全体业主」 or 「3幢、5幢1单元的业主」, given building names by id. */
export function describeElectorate(electorate: Electorate, buildingName: (id: string) => string): string {
  if (electorate.scope === 'community') return '本小区全体业主';
  const parts = [
    ...electorate.buildingIds.map((id) => buildingLabel(buildingName(id))),
    ...electorate.stairwells.map((s) => `${buildingLabel(buildingName(s.buildingId))}${s.stairwell}单元`),
  ];
  return `${parts.join('、')}的业主（仅限上述楼栋/单元）`;
}
