import { DomainError } from '../errors';
import {
  RULEBOOK_ADOPTION,
  checkAdoptionByResidentsCommittee,
  checkAdoptionByVote,
  draftReference,
  referencesIn,
} from './rulebook-adoption';

const codeOf = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    return (e as DomainError).code;
  }
};
const DRAFT_ID = '1a2b3c4d-0000-4000-8000-000000000001';
const draft = { reference: draftReference(DRAFT_ID) };
const vote = {
  found: true,
  status: 'closed',
  category: 'art278_1',
  outcomes: ['passed'],
  motionTexts: ['修改议事规则', '同意议事规则修订草案 RB-1A2B3C4D（重大支出限额调至 8 万元）'],
};

describe('rulebook adoption table', () => {
  it('assembly_vote cites Art. 278 item 一', () => expect(RULEBOOK_ADOPTION.assembly_vote).toContain('第二百七十八条'));
  it('residents_committee is for the first rulebook only', () => expect(RULEBOOK_ADOPTION.residents_committee).toContain('首版'));
});

describe('checkAdoptionByVote', () => {
  it('accepts a passed art278_1 vote of the same community', () => expect(codeOf(() => checkAdoptionByVote(vote, draft))).toBeNull());
  it('refuses a vote of another community (not found)', () =>
    expect(codeOf(() => checkAdoptionByVote({ ...vote, found: false }, draft))).toBe('decision_not_found'));
  it('refuses a vote on another category', () =>
    expect(codeOf(() => checkAdoptionByVote({ ...vote, category: 'art278_5' }, draft))).toBe('decision_not_art278_1'));
  it('refuses a vote still open', () =>
    expect(codeOf(() => checkAdoptionByVote({ ...vote, status: 'noticed' }, draft))).toBe('decision_not_closed'));
  it('refuses a vote that failed', () =>
    expect(codeOf(() => checkAdoptionByVote({ ...vote, outcomes: ['passed', 'failed'] }, draft))).toBe('decision_not_passed'));
  it('refuses a vote with no tallied motion', () =>
    expect(codeOf(() => checkAdoptionByVote({ ...vote, outcomes: [] }, draft))).toBe('decision_not_passed'));
  it('refuses a passed vote whose motions do not name this draft', () =>
    expect(codeOf(() => checkAdoptionByVote({ ...vote, motionTexts: ['同意修订草案 RB-99999999'] }, draft))).toBe(
      'decision_not_about_draft',
    ));
  it('refuses a passed vote on a rulebook change without any draft number', () =>
    expect(codeOf(() => checkAdoptionByVote({ ...vote, motionTexts: ['修改议事规则：提高支出限额'] }, draft))).toBe(
      'decision_not_about_draft',
    ));
});

describe('draft references', () => {
  it('are RB- and the first 8 hex digits of the draft id, upper case', () => expect(draft.reference).toBe('RB-1A2B3C4D'));
  it('are found in motion texts, each once, sorted', () =>
    expect(referencesIn(['RB-00000002 与 RB-1A2B3C4D', '再次 RB-1A2B3C4D', 'rb-1a2b3c4d 小写不算'])).toEqual([
      'RB-00000002',
      'RB-1A2B3C4D',
    ]));
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
