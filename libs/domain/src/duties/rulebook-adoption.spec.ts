import { DomainError } from '../errors';
import { RULEBOOK_ADOPTION, checkAdoptionByResidentsCommittee, checkAdoptionByVote } from './rulebook-adoption';

const codeOf = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
};
const vote = { found: true, status: 'closed', category: 'art278_1', outcomes: ['passed'] };

describe('rulebook adoption table', () => {
  it('assembly_vote cites Art. 278 item 一', () => expect(RULEBOOK_ADOPTION.assembly_vote).toContain('第二百七十八条'));
  it('residents_committee is for the first rulebook only', () => expect(RULEBOOK_ADOPTION.residents_committee).toContain('首版'));
});

describe('checkAdoptionByVote', () => {
  it('accepts a passed art278_1 vote of the same community', () => expect(codeOf(() => checkAdoptionByVote(vote))).toBeNull());
  it('refuses a vote of another community (not found)', () =>
    expect(codeOf(() => checkAdoptionByVote({ ...vote, found: false }))).toBe('decision_not_found'));
  it('refuses a vote on another category', () =>
    expect(codeOf(() => checkAdoptionByVote({ ...vote, category: 'art278_5' }))).toBe('decision_not_art278_1'));
  it('refuses a vote still open', () =>
    expect(codeOf(() => checkAdoptionByVote({ ...vote, status: 'noticed' }))).toBe('decision_not_closed'));
  it('refuses a vote that failed', () =>
    expect(codeOf(() => checkAdoptionByVote({ ...vote, outcomes: ['passed', 'failed'] }))).toBe('decision_not_passed'));
  it('refuses a vote with no tallied motion', () =>
    expect(codeOf(() => checkAdoptionByVote({ ...vote, outcomes: [] }))).toBe('decision_not_passed'));
});

describe('checkAdoptionByResidentsCommittee', () => {
  it('refuses the director confirming', () =>
    expect(codeOf(() => checkAdoptionByResidentsCommittee({ actorRoles: ['committee_director'], firstRulebook: true }))).toBe(
      'rulebook_residents_committee_only',
    ));
  it('refuses the residents committee once a rulebook is in force', () =>
    expect(codeOf(() => checkAdoptionByResidentsCommittee({ actorRoles: ['residents_committee'], firstRulebook: false }))).toBe(
      'rulebook_not_first',
    ));
  it('accepts the residents committee confirming the first rulebook', () =>
    expect(codeOf(() => checkAdoptionByResidentsCommittee({ actorRoles: ['residents_committee'], firstRulebook: true }))).toBeNull());
});
