import { usableRegisterFacts } from './register-facts';

describe('usableRegisterFacts', () => {
  const unknownToCommittee = { committeeMobiles: ['13900000001'], committeeKnowsIdNumber: false };

  it('keeps the identity-number tail and a registered mobile the committee does not hold', () =>
    expect(usableRegisterFacts({ registeredMobile: '13700007777', idNumber: '11010119800101123x' }, unknownToCommittee)).toEqual({
      mobileTail: '7777',
      idTail: '01123X',
      withheld: [],
    }));

  it('withholds a mobile tail equal to a contact number the committee holds', () =>
    expect(usableRegisterFacts({ registeredMobile: '139-0000-0001', idNumber: null }, unknownToCommittee)).toEqual({
      mobileTail: null,
      idTail: null,
      withheld: ['mobile_tail'],
    }));

  it('withholds a different mobile with the same last 4 digits (the tail is all the fact is)', () =>
    expect(usableRegisterFacts({ registeredMobile: '13600000001', idNumber: null }, unknownToCommittee).withheld).toEqual(['mobile_tail']));

  it('withholds the identity tail when the committee roster has the same identity number', () =>
    expect(
      usableRegisterFacts(
        { registeredMobile: null, idNumber: '330106199001011234' },
        { committeeMobiles: [], committeeKnowsIdNumber: true },
      ),
    ).toEqual({ mobileTail: null, idTail: null, withheld: ['id_tail'] }));

  it('keeps nothing from an empty line', () =>
    expect(usableRegisterFacts({ registeredMobile: null, idNumber: null }, unknownToCommittee)).toEqual({
      mobileTail: null,
      idTail: null,
      withheld: [],
    }));
});
