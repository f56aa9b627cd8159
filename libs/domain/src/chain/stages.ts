import { DomainError } from '../errors';
import { isArt278Category, MATTER_CATEGORIES, MatterCategory, assertMatterCategory } from '../voting/matter';

/** The consultation chain (DOMAIN.md §5), in order. */
export const CHAIN_STAGES = [
  'party_prediscussion',
  'joint_meeting',
  'representatives_meeting',
  'assembly_vote',
  'committee_resolution',
  'execution',
] as const;
export type ChainStage = (typeof CHAIN_STAGES)[number];

export const STAGE_LABELS_ZH: Readonly<Record<ChainStage, string>> = {
  party_prediscussion: '支部先议',
  joint_meeting: '联席会议',
  representatives_meeting: '居民代表会议',
  assembly_vote: '业主大会表决',
  committee_resolution: '业委会决议',
  execution: '物业执行',
};

/**
 * - required: must be held and advance; cannot be skipped.
 * - skippable: must be held or skipped (with a recorded reason) before any later stage is recorded.
 * - optional: may be held, skipped with a reason, or simply passed over when a later stage is recorded.
 * - not_applicable: never held for this matter.
 */
export type StageRequirement = 'required' | 'optional' | 'skippable' | 'not_applicable';
export const STAGE_REQUIREMENTS: readonly StageRequirement[] = ['required', 'optional', 'skippable', 'not_applicable'];

export type StagePlan = Readonly<Record<ChainStage, StageRequirement>>;

export interface ChainRulebook {
  readonly stages: Readonly<Record<MatterCategory, StagePlan>>;
}

export function stageIndex(stage: ChainStage): number {
  const index = CHAIN_STAGES.indexOf(stage);
  if (index < 0) {
    throw new DomainError('invalid', 'invalid_stage', `议事环节无效 invalid stage "${String(stage)}"`, { stage });
  }
  return index;
}

export function stageLabel(stage: ChainStage): string {
  return `「${STAGE_LABELS_ZH[stage]}」(${stage})`;
}

function defaultPlan(category: MatterCategory): StagePlan {
  if (!isArt278Category(category)) {
    return {
      party_prediscussion: 'optional',
      joint_meeting: 'skippable',
      representatives_meeting: 'optional',
      assembly_vote: 'not_applicable',
      committee_resolution: 'required',
      execution: 'required',
    };
  }
  // Rules, statute and committee elections (items 1–3) have nothing for the property company to execute.
  const nothingToExecute = category === 'art278_1' || category === 'art278_2' || category === 'art278_3';
  return {
    party_prediscussion: 'required', // major items: the party branch discusses first (四步法 支部先议)
    joint_meeting: 'required',
    representatives_meeting: 'skippable',
    assembly_vote: 'required',
    committee_resolution: 'required',
    execution: nothingToExecute ? 'skippable' : 'required',
  };
}

export const DEFAULT_CHAIN_RULEBOOK: ChainRulebook = {
  stages: Object.fromEntries(MATTER_CATEGORIES.map((c) => [c, defaultPlan(c)])) as Record<MatterCategory, StagePlan>,
};

/**
 * Checks a rulebook against the law: the assembly vote is required for every Art. 278 matter and not applicable
 * to committee-only matters; every stage has a known requirement; at least one stage applies.
 */
export function validateChainRulebook(rulebook: ChainRulebook): ChainRulebook {
  for (const category of MATTER_CATEGORIES) {
    const plan = rulebook.stages?.[category];
    if (!plan) {
      throw new DomainError('invalid', 'invalid_chain_rulebook', `议事规则缺少事项类别 rulebook has no stage plan for "${category}"`, {
        category,
      });
    }
    for (const stage of CHAIN_STAGES) {
      if (!STAGE_REQUIREMENTS.includes(plan[stage])) {
        throw new DomainError(
          'invalid',
          'invalid_chain_rulebook',
          `议事规则环节要求无效 rulebook: "${category}" stage "${stage}" has invalid requirement "${String(plan[stage])}"`,
          { category, stage },
        );
      }
    }
    const vote = plan.assembly_vote;
    if (isArt278Category(category) ? vote !== 'required' : vote !== 'not_applicable') {
      throw new DomainError(
        'invalid',
        'invalid_chain_rulebook',
        isArt278Category(category)
          ? `民法典第二百七十八条事项必须经业主大会表决 rulebook: assembly_vote must be required for "${category}"`
          : `业委会自行决定事项不经业主大会表决 rulebook: assembly_vote must be not_applicable for "${category}"`,
        { category },
      );
    }
  }
  return rulebook;
}

export function stagePlan(category: MatterCategory, rulebook: ChainRulebook = DEFAULT_CHAIN_RULEBOOK): StagePlan {
  assertMatterCategory(category);
  return validateChainRulebook(rulebook).stages[category];
}

/** The stages that must be held and advance (cannot be skipped), in order. */
export function requiredStages(category: MatterCategory, rulebook: ChainRulebook = DEFAULT_CHAIN_RULEBOOK): ChainStage[] {
  const plan = stagePlan(category, rulebook);
  return CHAIN_STAGES.filter((s) => plan[s] === 'required');
}

/** The stages that apply to the matter at all (everything but not_applicable), in order. */
export function applicableStages(category: MatterCategory, rulebook: ChainRulebook = DEFAULT_CHAIN_RULEBOOK): ChainStage[] {
  const plan = stagePlan(category, rulebook);
  return CHAIN_STAGES.filter((s) => plan[s] !== 'not_applicable');
}
