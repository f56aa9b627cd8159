import { DomainError } from '../errors';

/**
 * Matter categories. `art278_1` … `art278_9` are the nine items of 民法典 Art. 278 (matters the owners decide
 * together, so an assembly vote is needed); `committee_only` is anything the committee may decide by itself.
 */
export const ART278_CATEGORIES = [
  'art278_1',
  'art278_2',
  'art278_3',
  'art278_4',
  'art278_5',
  'art278_6',
  'art278_7',
  'art278_8',
  'art278_9',
] as const;
export type Art278Category = (typeof ART278_CATEGORIES)[number];

export const MATTER_CATEGORIES = [...ART278_CATEGORIES, 'committee_only'] as const;
export type MatterCategory = (typeof MATTER_CATEGORIES)[number];

/** 'ordinary': > 1/2 of participating area and heads; 'special' (items 6–8): ≥ 3/4 of both. */
export type ThresholdKind = 'ordinary' | 'special';

/** Civil Code wording, with the item number as written in the statute. */
export const MATTER_LABELS_ZH: Readonly<Record<MatterCategory, string>> = {
  art278_1: '（一）制定和修改业主大会议事规则',
  art278_2: '（二）制定和修改管理规约',
  art278_3: '（三）选举业主委员会或者更换业主委员会成员',
  art278_4: '（四）选聘和解聘物业服务企业或者其他管理人',
  art278_5: '（五）使用建筑物及其附属设施的维修资金',
  art278_6: '（六）筹集建筑物及其附属设施的维修资金',
  art278_7: '（七）改建、重建建筑物及其附属设施',
  art278_8: '（八）改变共有部分的用途或者利用共有部分从事经营活动',
  art278_9: '（九）有关共有和共同管理权利的其他重大事项',
  committee_only: '业主委员会可自行决定的事项（非民法典第二百七十八条所列事项）',
};

const SPECIAL_ITEMS: ReadonlySet<MatterCategory> = new Set<MatterCategory>(['art278_6', 'art278_7', 'art278_8']);

export function isMatterCategory(value: unknown): value is MatterCategory {
  return typeof value === 'string' && (MATTER_CATEGORIES as readonly string[]).includes(value);
}

export function assertMatterCategory(value: unknown): MatterCategory {
  if (!isMatterCategory(value)) {
    throw new DomainError(
      'invalid',
      'invalid_matter_category',
      `事项类别无效 invalid matter category "${String(value)}": use one of ${MATTER_CATEGORIES.join(', ')}`,
      { value },
    );
  }
  return value;
}

export function isArt278Category(category: MatterCategory): category is Art278Category {
  return category !== 'committee_only';
}

/** Every Art. 278 matter is decided by the owners together (assembly vote); committee_only matters are not. */
export function requiresAssemblyVote(category: MatterCategory): boolean {
  return isArt278Category(assertMatterCategory(category));
}

/** The passing threshold for an assembly vote on the matter, or null when the matter has no assembly vote. */
export function thresholdKindFor(category: MatterCategory): ThresholdKind | null {
  assertMatterCategory(category);
  if (!isArt278Category(category)) return null;
  return SPECIAL_ITEMS.has(category) ? 'special' : 'ordinary';
}

/** Like thresholdKindFor, but a committee_only matter is an error (it is not put to the assembly). */
export function assemblyThresholdKind(category: MatterCategory): ThresholdKind {
  const kind = thresholdKindFor(category);
  if (kind === null) {
    throw new DomainError(
      'invalid',
      'matter_not_for_assembly',
      `该事项由业主委员会决定，不适用业主大会表决规则 matter category "${category}" is not an Art. 278 matter and has no assembly threshold`,
      { category },
    );
  }
  return kind;
}

/** "Major" matters: party pre-discussion is required for them by default (see chain rulebook). */
export function isMajorMatter(category: MatterCategory): boolean {
  return requiresAssemblyVote(category);
}

export function matterLabelZh(category: MatterCategory): string {
  return MATTER_LABELS_ZH[assertMatterCategory(category)];
}
