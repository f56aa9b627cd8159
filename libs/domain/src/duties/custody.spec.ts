import { DomainError } from '../errors';
import { CUSTODY_APPOINTMENT, checkCustodyChange, checkCustodyConfirmation } from './custody';

const codeOf = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
};

describe('custody appointment table', () => {
  it('assembly seal: one residents-committee holder appoints', () => {
    expect(CUSTODY_APPOINTMENT.assembly).toEqual({ appointedBy: 'residents_committee', people: 1 });
  });
  it('committee seal: a committee decision recorded by two members', () => {
    expect(CUSTODY_APPOINTMENT.committee).toEqual({ appointedBy: 'committee_decision', people: 2 });
  });
});

describe('checkCustodyChange', () => {
  const base = { custodians: ['u1'], otherSealCustodians: ['u9'] };
  it('refuses the director appointing assembly-seal custodians', () => {
    expect(codeOf(() => checkCustodyChange({ ...base, kind: 'assembly', actorRoles: ['committee_director'] }))).toBe(
      'custody_residents_committee_only',
    );
  });
  it('accepts the residents committee appointing assembly-seal custodians', () => {
    expect(codeOf(() => checkCustodyChange({ ...base, kind: 'assembly', actorRoles: ['residents_committee'] }))).toBeNull();
  });
  it('refuses the residents committee proposing committee-seal custodians', () => {
    expect(codeOf(() => checkCustodyChange({ ...base, kind: 'committee', actorRoles: ['residents_committee'] }))).toBe(
      'custody_committee_decision_only',
    );
  });
  it('accepts a committee member proposing committee-seal custodians', () => {
    expect(codeOf(() => checkCustodyChange({ ...base, kind: 'committee', actorRoles: ['committee_member'] }))).toBeNull();
  });
  it('refuses one person keeping both seals', () => {
    expect(
      codeOf(() =>
        checkCustodyChange({
          kind: 'assembly',
          actorRoles: ['residents_committee'],
          custodians: ['u1', 'u9'],
          otherSealCustodians: ['u9'],
        }),
      ),
    ).toBe('custody_both_seals');
  });
});

describe('checkCustodyConfirmation', () => {
  it('refuses the proposer confirming his own proposal', () => {
    expect(codeOf(() => checkCustodyConfirmation({ proposedBy: 'a', confirmer: 'a', confirmerRoles: ['committee_director'] }))).toBe(
      'custody_same_member',
    );
  });
  it('refuses a confirmer who is not a committee member', () => {
    expect(codeOf(() => checkCustodyConfirmation({ proposedBy: 'a', confirmer: 'b', confirmerRoles: ['residents_committee'] }))).toBe(
      'custody_committee_decision_only',
    );
  });
  it('accepts a second committee member', () => {
    expect(codeOf(() => checkCustodyConfirmation({ proposedBy: 'a', confirmer: 'b', confirmerRoles: ['committee_member'] }))).toBeNull();
  });
});
