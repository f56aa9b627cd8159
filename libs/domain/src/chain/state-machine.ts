import { DomainError } from '../errors';
import { MatterCategory, assertMatterCategory } from '../voting/matter';
import { CHAIN_STAGES, ChainRulebook, ChainStage, DEFAULT_CHAIN_RULEBOOK, stageIndex, stageLabel, stagePlan } from './stages';

/**
 * The agenda item's path through the consultation chain (DOMAIN.md §5), as pure state transitions.
 * The rulebook passed to each call is the authority on which stages apply and which may be skipped.
 */
export type ItemStatus = 'draft' | 'in_stage' | 'returned' | 'rejected' | 'done';
export type StageStatus = 'pending' | 'advanced' | 'skipped' | 'passed_over';

export type StageOutcome =
  | { readonly type: 'advance' }
  | { readonly type: 'return'; readonly reasons: readonly string[] }
  | { readonly type: 'reject'; readonly reason: string };

export interface ActionMeta {
  readonly by?: string;
  readonly at?: string;
}

export type ChainEventType = 'submitted' | 'resubmitted' | 'advanced' | 'returned' | 'rejected' | 'skipped' | 'passed_over' | 'done';

export interface ChainEvent {
  readonly type: ChainEventType;
  readonly stage: ChainStage | null;
  readonly reasons?: readonly string[];
  readonly by?: string;
  readonly at?: string;
}

export interface ChainState {
  readonly category: MatterCategory;
  readonly status: ItemStatus;
  /** in_stage: the stage the item waits on; returned / rejected: where that happened; draft / done: null. */
  readonly stage: ChainStage | null;
  readonly stages: Readonly<Record<ChainStage, StageStatus>>;
  readonly events: readonly ChainEvent[];
}

function conflict(code: string, message: string, details?: unknown): DomainError {
  return new DomainError('conflict', code, message, details);
}

function event(type: ChainEventType, stage: ChainStage | null, meta: ActionMeta, reasons?: readonly string[]): ChainEvent {
  return { type, stage, ...(reasons ? { reasons: [...reasons] } : {}), ...meta };
}

function cleanReasons(reasons: readonly string[] | undefined, code: string, what: string): string[] {
  const cleaned = (reasons ?? []).map((r) => (typeof r === 'string' ? r.trim() : '')).filter((r) => r.length > 0);
  if (cleaned.length === 0) throw new DomainError('invalid', code, `${what}须说明理由 a reason is required`);
  return cleaned;
}

export function createChainState(category: MatterCategory, rulebook: ChainRulebook = DEFAULT_CHAIN_RULEBOOK): ChainState {
  stagePlan(assertMatterCategory(category), rulebook);
  return {
    category,
    status: 'draft',
    stage: null,
    stages: Object.fromEntries(CHAIN_STAGES.map((s) => [s, 'pending'])) as Record<ChainStage, StageStatus>,
    events: [],
  };
}

/** The first applicable stage not yet finished (the one the item waits on), or null when closed or complete. */
export function nextStage(state: ChainState, rulebook: ChainRulebook = DEFAULT_CHAIN_RULEBOOK): ChainStage | null {
  if (state.status === 'rejected' || state.status === 'done') return null;
  const plan = stagePlan(state.category, rulebook);
  return CHAIN_STAGES.find((s) => plan[s] !== 'not_applicable' && state.stages[s] === 'pending') ?? null;
}

/** Stages that may be recorded now: the next stage, and past it as long as only optional stages are passed over. */
export function recordableStages(state: ChainState, rulebook: ChainRulebook = DEFAULT_CHAIN_RULEBOOK): ChainStage[] {
  if (state.status !== 'in_stage') return [];
  const plan = stagePlan(state.category, rulebook);
  const result: ChainStage[] = [];
  for (const stage of CHAIN_STAGES) {
    if (plan[stage] === 'not_applicable' || state.stages[stage] !== 'pending') continue;
    result.push(stage);
    if (plan[stage] !== 'optional') break;
  }
  return result;
}

/** Throws unless `stage` may be recorded (an outcome or a skip) in this state. */
export function assertCanRecord(state: ChainState, stage: ChainStage, rulebook: ChainRulebook = DEFAULT_CHAIN_RULEBOOK): void {
  const index = stageIndex(stage);
  const plan = stagePlan(state.category, rulebook);
  if (plan[stage] === 'not_applicable') {
    throw conflict('stage_not_applicable', `该事项不适用${stageLabel(stage)} stage ${stage} does not apply to ${state.category}`, {
      stage,
      category: state.category,
    });
  }
  if (state.status === 'draft') {
    throw conflict('item_not_submitted', `议题尚未提交 the item has not been submitted yet`, { stage });
  }
  if (state.status === 'returned') {
    throw conflict('item_returned', `议题已退回，须修改后重新提交 the item was returned; resubmit it first`, { stage });
  }
  if (state.status === 'rejected' || state.status === 'done') {
    throw conflict('item_closed', `议题已${state.status === 'done' ? '办结' : '否决'} the item is ${state.status}`, { stage });
  }
  if (state.stages[stage] !== 'pending') {
    throw conflict('stage_already_completed', `${stageLabel(stage)}已办理 stage ${stage} is already ${state.stages[stage]}`, {
      stage,
    });
  }
  for (const earlier of CHAIN_STAGES.slice(0, index)) {
    const requirement = plan[earlier];
    if (state.stages[earlier] !== 'pending' || requirement === 'not_applicable' || requirement === 'optional') continue;
    const how = requirement === 'required' ? 'must advance' : 'must advance or be skipped with a reason';
    throw conflict(
      'chain_order_violation',
      `议事顺序错误：须先完成${stageLabel(earlier)}，才能办理${stageLabel(stage)} chain order violation: ${earlier} ${how} before ${stage}`,
      { mustFirst: earlier, attempted: stage },
    );
  }
}

/** Marks `stage` finished (advanced or skipped), passing over earlier pending optional stages. */
function finishStage(
  state: ChainState,
  stage: ChainStage,
  as: 'advanced' | 'skipped',
  meta: ActionMeta,
  rulebook: ChainRulebook,
  reasons?: readonly string[],
): ChainState {
  const plan = stagePlan(state.category, rulebook);
  const stages = { ...state.stages };
  const events = [...state.events];
  for (const earlier of CHAIN_STAGES.slice(0, stageIndex(stage))) {
    if (plan[earlier] === 'optional' && stages[earlier] === 'pending') {
      stages[earlier] = 'passed_over';
      events.push(event('passed_over', earlier, meta));
    }
  }
  stages[stage] = as;
  events.push(event(as, stage, meta, reasons));
  const interim: ChainState = { ...state, stages, events };
  const next = nextStage(interim, rulebook);
  if (next === null) {
    return { ...interim, status: 'done', stage: null, events: [...events, event('done', null, meta)] };
  }
  return { ...interim, status: 'in_stage', stage: next };
}

/** Draft → the first stage; returned → the stage it was returned from. */
export function submit(state: ChainState, rulebook: ChainRulebook = DEFAULT_CHAIN_RULEBOOK, meta: ActionMeta = {}): ChainState {
  if (state.status !== 'draft' && state.status !== 'returned') {
    throw conflict('item_not_submittable', `议题当前状态不能提交 an item that is ${state.status} cannot be submitted`, {
      status: state.status,
    });
  }
  const stage = nextStage(state, rulebook);
  if (stage === null) throw conflict('item_not_submittable', '该事项没有适用的议事环节 no stage applies to this item');
  const type = state.status === 'draft' ? 'submitted' : 'resubmitted';
  return { ...state, status: 'in_stage', stage, events: [...state.events, event(type, stage, meta)] };
}

/** Records a stage's outcome: advance, return (to the proposer, with reasons) or reject. */
export function applyOutcome(
  state: ChainState,
  stage: ChainStage,
  outcome: StageOutcome,
  rulebook: ChainRulebook = DEFAULT_CHAIN_RULEBOOK,
  meta: ActionMeta = {},
): ChainState {
  assertCanRecord(state, stage, rulebook);
  switch (outcome?.type) {
    case 'advance':
      return finishStage(state, stage, 'advanced', meta, rulebook);
    case 'return': {
      const reasons = cleanReasons(outcome.reasons, 'return_reason_required', '退回');
      return { ...state, status: 'returned', stage, events: [...state.events, event('returned', stage, meta, reasons)] };
    }
    case 'reject': {
      const reasons = cleanReasons([outcome.reason], 'reject_reason_required', '否决');
      return { ...state, status: 'rejected', stage, events: [...state.events, event('rejected', stage, meta, reasons)] };
    }
    default:
      throw new DomainError(
        'invalid',
        'invalid_outcome',
        `环节结果无效 invalid outcome "${String((outcome as { type?: unknown })?.type)}"`,
      );
  }
}

/** Skips a stage with a recorded reason (and who skipped it), only where the rulebook allows. */
export function skipStage(
  state: ChainState,
  stage: ChainStage,
  reason: string,
  rulebook: ChainRulebook = DEFAULT_CHAIN_RULEBOOK,
  meta: ActionMeta = {},
): ChainState {
  assertCanRecord(state, stage, rulebook);
  const requirement = stagePlan(state.category, rulebook)[stage];
  if (requirement !== 'optional' && requirement !== 'skippable') {
    throw conflict(
      'stage_not_skippable',
      `议事规则不允许跳过${stageLabel(stage)} the rulebook does not allow skipping ${stage} (${requirement}) for ${state.category}`,
      { stage, requirement },
    );
  }
  const reasons = cleanReasons([reason], 'skip_reason_required', '跳过环节');
  return finishStage(state, stage, 'skipped', meta, rulebook, reasons);
}
