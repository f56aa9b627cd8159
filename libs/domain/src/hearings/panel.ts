import { DomainError } from '../errors';
import { PANEL_KIND_LABELS_ZH } from '../labels/vocabulary';

/**
 * The hearing panel (听证评审组, DOMAIN.md §7): resident representatives, committee members, the property
 * company and technical experts. The rule is applied to the members who actually sit — a member who declares
 * a conflict of interest is recused and no longer counts — so a recusal that leaves the panel even or short
 * must be met by changing the panel, never by ignoring the recusal.
 */
export const PANEL_KINDS = ['representative', 'committee', 'property_company', 'expert'] as const;
export type PanelKind = (typeof PANEL_KINDS)[number];

export const PANEL_KIND_LABELS: Record<PanelKind, string> = PANEL_KIND_LABELS_ZH;

export const MIN_PANEL = 5;
export const MAX_PANEL = 25;

export interface PanelSeat {
  readonly userId: string;
  readonly kind: PanelKind;
  readonly recused: boolean;
}

/** Every reason the sitting panel falls short; empty when it may score. */
export function panelProblems(members: readonly PanelSeat[]): string[] {
  const problems: string[] = [];
  const ids = members.map((m) => m.userId);
  if (new Set(ids).size !== ids.length) problems.push('评审组成员重复 a person sits twice');
  if (members.length > MAX_PANEL) problems.push(`评审组最多 ${MAX_PANEL} 人 at most ${MAX_PANEL} members`);
  const sitting = members.filter((m) => !m.recused);
  if (sitting.length < MIN_PANEL)
    problems.push(`回避后评审组仅 ${sitting.length} 人，至少须 ${MIN_PANEL} 人 (at least ${MIN_PANEL} sitting members)`);
  if (sitting.length % 2 === 0) problems.push(`评审组须为单数，现为 ${sitting.length} 人 (the sitting panel must be odd)`);
  for (const kind of PANEL_KINDS) {
    if (!sitting.some((m) => m.kind === kind)) problems.push(`评审组缺少${PANEL_KIND_LABELS[kind]} (no sitting ${kind})`);
  }
  return problems;
}

/** Throws `panel_composition` (kind chosen by the caller: invalid input at setup, a conflict once under way). */
export function assertPanel(members: readonly PanelSeat[], kind: 'invalid' | 'conflict' = 'invalid'): void {
  const problems = panelProblems(members);
  if (problems.length) {
    throw new DomainError(kind, 'panel_composition', `评审组组成不符合要求 panel composition: ${problems.join('；')}`, { problems });
  }
}

/**
 * Which community roles may sit in a seat of each kind. Experts may hold any role but vendor: a vendor is a
 * bidder, never a judge.
 */
export function roleFitsKind(kind: PanelKind, roles: readonly string[]): boolean {
  switch (kind) {
    case 'representative':
      return roles.includes('representative');
    case 'committee':
      return roles.includes('committee_director') || roles.includes('committee_member');
    case 'property_company':
      return roles.includes('property_company');
    case 'expert':
      return roles.some((r) => r !== 'vendor');
  }
}
