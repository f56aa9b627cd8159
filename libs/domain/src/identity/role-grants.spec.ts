import { directGrantRefusal, endRoleRefusal, grantDecisionRefusal, grantRoute } from './role-grants';

describe('who must agree to a role grant', () => {
  test('the admin appoints alone only while no residents\u2019 committee holder is in office', () => {
    expect(grantRoute(0)).toBe('direct');
    expect(grantRoute(1)).toBe('residents_committee_confirms');
    expect(directGrantRefusal('direct')).toBeNull();
    expect(directGrantRefusal('residents_committee_confirms')?.code).toBe('role_grant_needs_confirmation');
  });

  const pending = {
    status: 'pending' as const,
    deciderId: 'rc',
    deciderHoldsResidentsCommittee: true,
    granteeId: 'g',
    requestedBy: 'admin',
  };

  test('a residents\u2019 committee holder who is neither grantee nor requester decides', () => {
    expect(grantDecisionRefusal(pending)).toBeNull();
  });

  test.each([
    [{ deciderHoldsResidentsCommittee: false }, 'role_request_needs_residents_committee'],
    [{ deciderId: 'g' }, 'role_request_own_grant'],
    [{ deciderId: 'admin' }, 'role_request_own_request'],
    [{ status: 'confirmed' as const }, 'role_request_decided'],
    [{ status: 'rejected' as const }, 'role_request_decided'],
  ])('refused: %j', (change, code) => {
    expect(grantDecisionRefusal({ ...pending, ...change })?.code).toBe(code);
  });

  test('the last residents\u2019 committee holder cannot be ended; others can', () => {
    expect(endRoleRefusal({ role: 'residents_committee', residentsCommitteeInOfficeAfter: 0 })?.code).toBe('last_residents_committee');
    expect(endRoleRefusal({ role: 'residents_committee', residentsCommitteeInOfficeAfter: 1 })).toBeNull();
    expect(endRoleRefusal({ role: 'committee_director', residentsCommitteeInOfficeAfter: 0 })).toBeNull();
  });
});
