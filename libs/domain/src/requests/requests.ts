import { DomainError } from '../errors';
import { REQUEST_ACTION_LABELS_ZH, REQUEST_STATE_LABELS_ZH } from '../labels/vocabulary';

/**
 * 点单 → 派单 → 接单 → 评单 (issue 17). Pure rules: the states of a resident's request, who may take each step,
 * and the response-time rules per category (52022 by default: on site within 5 minutes, a small problem solved
 * within 20 minutes, a plan for a complex one within 2 days).
 */
export const REQUEST_STATES = ['filed', 'dispatched', 'accepted', 'in_progress', 'closed', 'rated', 'reopened', 'cancelled'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const REQUEST_ACTIONS = ['dispatch', 'accept', 'progress', 'close', 'rate', 'reopen', 'cancel'] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/** Who is acting, as far as the rules care. */
export interface RequestActor {
  /** Roles held today in the request's community. */
  roles: readonly string[];
  /** The resident the request is for (their own account). */
  isFiler: boolean;
  /** The named assignee, or (for the property company) anyone holding its role, or (for a department, which has no
   * account) a dispatcher recording its steps. */
  isAssignee: boolean;
}

/** 支部派单 / 社区派单: the party branch, the committee or the residents' committee dispatch. */
export const DISPATCHER_ROLES = ['party_secretary', 'committee_director', 'committee_member', 'residents_committee'] as const;
/** Who may file for oneself (an owner or tenant account). */
export const RESIDENT_ROLES = ['owner', 'tenant'] as const;
/** Who may enter a request for a resident (登记列账 at a reception day, or by phone). */
export const ENTRY_ROLES = [...DISPATCHER_ROLES, 'property_company'] as const;

export const isDispatcher = (roles: readonly string[]) => roles.some((r) => (DISPATCHER_ROLES as readonly string[]).includes(r));
export const isResident = (roles: readonly string[]) => roles.some((r) => (RESIDENT_ROLES as readonly string[]).includes(r));
export const mayEnterForResident = (roles: readonly string[]) => roles.some((r) => (ENTRY_ROLES as readonly string[]).includes(r));

interface Step {
  from: readonly RequestState[];
  to: RequestState;
  who: (a: RequestActor) => boolean;
  whoZh: string;
}

const STEPS: Record<RequestAction, Step> = {
  // Reassigning before acceptance is a new dispatch; a reopened request is dispatched again.
  dispatch: {
    from: ['filed', 'dispatched', 'reopened'],
    to: 'dispatched',
    who: (a) => isDispatcher(a.roles),
    whoZh: '党支部书记、业委会或居委会',
  },
  accept: { from: ['dispatched'], to: 'accepted', who: (a) => a.isAssignee, whoZh: '接单人' },
  progress: { from: ['accepted', 'in_progress'], to: 'in_progress', who: (a) => a.isAssignee, whoZh: '接单人' },
  close: { from: ['accepted', 'in_progress'], to: 'closed', who: (a) => a.isAssignee, whoZh: '接单人' },
  rate: { from: ['closed'], to: 'rated', who: (a) => a.isFiler, whoZh: '提出诉求的居民' },
  reopen: { from: ['closed', 'rated'], to: 'reopened', who: (a) => a.isFiler, whoZh: '提出诉求的居民' },
  cancel: {
    from: ['filed', 'dispatched'],
    to: 'cancelled',
    who: (a) => a.isFiler || isDispatcher(a.roles),
    whoZh: '提出诉求的居民或派单人',
  },
};

/** The actions open in a state (for buttons), before asking who may take them. */
export function actionsFrom(state: RequestState): RequestAction[] {
  return REQUEST_ACTIONS.filter((a) => STEPS[a].from.includes(state));
}

export interface StepContext {
  now: Date;
  /** When it was closed (for the reopen window). */
  closedAt?: Date | null;
  reopenDays?: number;
  /** close: the evidence text and how many photos come with it. */
  evidenceText?: string;
  evidencePhotos?: number;
  /** rate: 1–5 stars. */
  rating?: number;
}

/**
 * The state after `action`, or a DomainError saying in Chinese why not: 409 for the wrong state or a closed
 * window, 403 for the wrong person, 400 for missing evidence or a bad rating.
 */
export function nextRequestState(state: RequestState, action: RequestAction, actor: RequestActor, ctx: StepContext): RequestState {
  const step = STEPS[action];
  if (!step) throw new DomainError('invalid', 'request_unknown_action', '未知的诉求操作');
  if (!step.from.includes(state)) {
    throw new DomainError(
      'conflict',
      'request_wrong_state',
      `诉求当前为「${REQUEST_STATE_LABELS_ZH[state]}」，不能${REQUEST_ACTION_LABELS_ZH[action]}`,
      { state, action },
    );
  }
  if (!step.who(actor)) {
    throw new DomainError('forbidden', 'request_not_allowed', `只有${step.whoZh}可以${REQUEST_ACTION_LABELS_ZH[action]}`, { action });
  }
  if (action === 'close' && !(ctx.evidenceText ?? '').trim() && !(ctx.evidencePhotos ?? 0)) {
    throw new DomainError('invalid', 'request_evidence_required', '办结须附办理情况说明或照片');
  }
  if (action === 'rate' && !(Number.isInteger(ctx.rating) && ctx.rating! >= 1 && ctx.rating! <= 5)) {
    throw new DomainError('invalid', 'request_rating_range', '评价须为 1–5 星');
  }
  if (action === 'reopen') {
    const until = reopenDeadline(ctx.closedAt ?? null, ctx.reopenDays ?? DEFAULT_REQUEST_REOPEN_DAYS);
    if (!until || ctx.now.getTime() > until.getTime()) {
      throw new DomainError(
        'conflict',
        'request_reopen_window_passed',
        `办结已超过 ${ctx.reopenDays ?? DEFAULT_REQUEST_REOPEN_DAYS} 天，不能重新打开，请重新提出诉求`,
      );
    }
  }
  return step.to;
}

export function reopenDeadline(closedAt: Date | null, reopenDays: number): Date | null {
  return closedAt ? new Date(closedAt.getTime() + reopenDays * 86_400_000) : null;
}

// ---------------------------------------------------------------- response-time rules (rulebook)

/** fix: the problem itself is solved in time; plan: a plan (方案) is given in time for a complex one. */
export type ResolveKind = 'fix' | 'plan';

export interface RequestRule {
  category: string;
  /** Chinese name shown to residents. */
  label: string;
  /** From dispatch to acceptance (接单/到场). */
  acceptMinutes: number;
  /** From acceptance to closing (fix) or to the plan (plan). */
  resolveMinutes: number;
  resolveKind: ResolveKind;
}

/** 52022: 5 minutes to be on site, 20 minutes for a small problem, 2 days for a plan. */
export const DEFAULT_REQUEST_RULES: RequestRule[] = [
  { category: 'repair', label: '小修小补', acceptMinutes: 5, resolveMinutes: 20, resolveKind: 'fix' },
  { category: 'sanitation', label: '环境卫生', acceptMinutes: 5, resolveMinutes: 20, resolveKind: 'fix' },
  { category: 'safety', label: '安全隐患', acceptMinutes: 5, resolveMinutes: 20, resolveKind: 'fix' },
  { category: 'neighbour', label: '邻里纠纷', acceptMinutes: 5, resolveMinutes: 2 * 24 * 60, resolveKind: 'plan' },
  { category: 'facility', label: '公共设施（电梯、管网等）', acceptMinutes: 5, resolveMinutes: 2 * 24 * 60, resolveKind: 'plan' },
  { category: 'parking', label: '停车与交通', acceptMinutes: 5, resolveMinutes: 2 * 24 * 60, resolveKind: 'plan' },
  { category: 'wish', label: '微心愿', acceptMinutes: 5, resolveMinutes: 2 * 24 * 60, resolveKind: 'plan' },
  { category: 'other', label: '其他', acceptMinutes: 5, resolveMinutes: 2 * 24 * 60, resolveKind: 'plan' },
];
/** Days after closing in which the resident may reopen. */
export const DEFAULT_REQUEST_REOPEN_DAYS = 7;

/** The rules of a rulebook version; versions written before the setting existed take the defaults. */
export function requestRulesOf(settings: { requestRules?: RequestRule[] }): RequestRule[] {
  return settings.requestRules?.length ? settings.requestRules : DEFAULT_REQUEST_RULES;
}

export function requestRuleFor(rules: readonly RequestRule[], category: string): RequestRule {
  const rule = rules.find((r) => r.category === category);
  if (!rule) {
    throw new DomainError(
      'invalid',
      'request_unknown_category',
      `诉求类别「${category}」不在议事规则中，可选：${rules.map((r) => r.label).join('、')}`,
    );
  }
  return rule;
}

/** Due times, written when the request is dispatched (accept) and accepted (resolve). */
export function acceptDueAt(rule: RequestRule, dispatchedAt: Date): Date {
  return new Date(dispatchedAt.getTime() + rule.acceptMinutes * 60_000);
}
export function resolveDueAt(rule: RequestRule, acceptedAt: Date): Date {
  return new Date(acceptedAt.getTime() + rule.resolveMinutes * 60_000);
}

export type DueKind = 'accept' | 'resolve';
/** Which due time, if any, is missed at `now` (a request waiting for acceptance, or accepted and not closed). */
export function missedDue(state: RequestState, due: { acceptDueAt: Date | null; resolveDueAt: Date | null }, now: Date): DueKind | null {
  if (state === 'dispatched' && due.acceptDueAt && now.getTime() > due.acceptDueAt.getTime()) return 'accept';
  if ((state === 'accepted' || state === 'in_progress') && due.resolveDueAt && now.getTime() > due.resolveDueAt.getTime()) return 'resolve';
  return null;
}

/** Checks the rulebook's request rules (used by reviseRulebook); null when fine. */
export function checkRequestRules(value: unknown): string | null {
  if (!Array.isArray(value) || value.length === 0) return '应为至少一条诉求类别规则';
  const seen = new Set<string>();
  for (const r of value as RequestRule[]) {
    if (!r || typeof r !== 'object') return '每条规则应为对象';
    if (typeof r.category !== 'string' || !/^[a-z][a-z0-9_]{0,39}$/.test(r.category)) return '类别代码应为小写字母、数字或下划线';
    if (seen.has(r.category)) return `类别「${r.category}」重复`;
    seen.add(r.category);
    if (typeof r.label !== 'string' || !r.label.trim() || r.label.length > 40) return `类别「${r.category}」须有 1–40 字的名称`;
    if (!Number.isInteger(r.acceptMinutes) || r.acceptMinutes < 1 || r.acceptMinutes > 7 * 24 * 60)
      return `类别「${r.category}」接单时限应为 1–10080 分钟`;
    if (!Number.isInteger(r.resolveMinutes) || r.resolveMinutes < 1 || r.resolveMinutes > 90 * 24 * 60)
      return `类别「${r.category}」办结时限应为 1–129600 分钟`;
    if (r.resolveKind !== 'fix' && r.resolveKind !== 'plan') return `类别「${r.category}」办结方式应为 fix 或 plan`;
  }
  return null;
}

/** A place must be a unit, a building, or a named common area. */
export function checkPlace(place: { kind: string; unitId?: string | null; buildingId?: string | null; text?: string | null }): void {
  if (place.kind === 'unit' && !place.unitId) throw new DomainError('invalid', 'request_place', '请选择房屋');
  if (place.kind === 'building' && !place.buildingId) throw new DomainError('invalid', 'request_place', '请选择楼栋');
  if (place.kind === 'common' && !(place.text ?? '').trim()) throw new DomainError('invalid', 'request_place', '请写明公共区域的位置');
  if (!['unit', 'building', 'common'].includes(place.kind))
    throw new DomainError('invalid', 'request_place', '地点应为房屋、楼栋或公共区域');
}
