import { DomainError } from '../errors';

/**
 * Who must agree before a role the platform admin grants takes effect (issue 10 §6: the admin creates communities
 * and appoints the first committee and residents'-committee holders, and keeps out of communities' decisions).
 *
 * - While no residents'-committee (居委会) holder is in office there is nobody to check the admin: it appoints the
 *   first holders alone, and every grant is told to the residents' committee once one is seated.
 * - Once a residents'-committee holder is in office, a grant is a request that takes effect only when such a holder
 *   — neither the person receiving the role nor the one who asked — confirms it (两人经手).
 * - The last residents'-committee holder in office cannot be ended: that would put the admin back on its own.
 *   A successor is granted (and confirmed) first.
 */
export type GrantRoute = 'direct' | 'residents_committee_confirms';

export function grantRoute(residentsCommitteeInOffice: number): GrantRoute {
  return residentsCommitteeInOffice > 0 ? 'residents_committee_confirms' : 'direct';
}

export type GrantRequestStatus = 'pending' | 'confirmed' | 'rejected';

export interface GrantDecisionInput {
  status: GrantRequestStatus;
  deciderId: string;
  deciderHoldsResidentsCommittee: boolean;
  granteeId: string;
  requestedBy: string;
}

/** Why this person may not confirm or reject the request, or null when they may. */
export function grantDecisionRefusal(input: GrantDecisionInput): DomainError | null {
  if (input.status !== 'pending')
    return new DomainError('conflict', 'role_request_decided', '这项角色申请已经处理过 (this role request was already decided)');
  if (!input.deciderHoldsResidentsCommittee)
    return new DomainError(
      'forbidden',
      'role_request_needs_residents_committee',
      '角色申请须由在任的居委会人员确认 (only a residents\u2019 committee holder may confirm a role request)',
    );
  if (input.deciderId === input.granteeId)
    return new DomainError('forbidden', 'role_request_own_grant', '不能确认授予自己的角色 (you cannot confirm a role granted to yourself)');
  if (input.deciderId === input.requestedBy)
    return new DomainError('forbidden', 'role_request_own_request', '不能确认自己提出的角色申请 (you cannot confirm your own request)');
  return null;
}

/** Ending a role is refused when it would leave no residents'-committee holder in office. */
export function endRoleRefusal(input: { role: string; residentsCommitteeInOfficeAfter: number }): DomainError | null {
  if (input.role === 'residents_committee' && input.residentsCommitteeInOfficeAfter === 0)
    return new DomainError(
      'conflict',
      'last_residents_committee',
      '不能结束最后一位在任居委会人员的角色：请先授予继任者并经其确认 (the last residents\u2019 committee holder cannot be ended)',
    );
  return null;
}

/** The refusal of a direct grant once a residents'-committee holder is in office. */
export function directGrantRefusal(route: GrantRoute): DomainError | null {
  if (route === 'direct') return null;
  return new DomainError(
    'conflict',
    'role_grant_needs_confirmation',
    '本小区已有在任居委会人员：授予角色须提交申请，由居委会确认后生效 (a residents\u2019 committee holder must confirm this grant)',
  );
}
