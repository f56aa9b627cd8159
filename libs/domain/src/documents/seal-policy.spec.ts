import { DomainError } from '../errors';
import {
  ASSEMBLY_SEAL_OPTIONAL_KINDS,
  checkAssemblySealKinds,
  DOCUMENT_KINDS,
  documentKindOf,
  SEAL_POLICY,
  sealBasis,
  sealPolicy,
  type DocumentKind,
  type SealPolicy,
} from './seal-policy';

const passed = { text: '议题第3号「更换水泵」业委会决定', status: 'passed' as const };
const pending = { text: '议题第3号「更换水泵」决定', status: 'pending' as const };

/** Expected row per kind, written out again so a changed table fails here. */
const EXPECTED: Record<DocumentKind, Pick<SealPolicy, 'seals' | 'attendeeConfirmations' | 'bases'>> = {
  assembly_notice: { seals: ['assembly', 'committee'], attendeeConfirmations: false, bases: ['rulebook_article'] },
  assembly_result_preliminary: { seals: ['committee'], attendeeConfirmations: false, bases: ['rulebook_article'] },
  assembly_result: { seals: ['assembly', 'committee'], attendeeConfirmations: false, bases: ['rulebook_article'] },
  minutes_party_prediscussion: { seals: [], attendeeConfirmations: true, bases: ['rulebook_article'] },
  minutes_joint_meeting: { seals: [], attendeeConfirmations: true, bases: ['rulebook_article'] },
  minutes_representatives_meeting: { seals: [], attendeeConfirmations: true, bases: ['rulebook_article'] },
  committee_resolution: { seals: ['committee'], attendeeConfirmations: false, bases: ['passed_decision'] },
  execution_report: { seals: ['committee'], attendeeConfirmations: false, bases: ['passed_decision'] },
  hearing_result: { seals: ['committee'], attendeeConfirmations: false, bases: ['rulebook_article'] },
  tender_failed: { seals: ['committee'], attendeeConfirmations: false, bases: ['rulebook_article'] },
  finance_statement: { seals: ['committee'], attendeeConfirmations: false, bases: ['passed_decision', 'rulebook_article'] },
  seal_log_report: { seals: ['committee'], attendeeConfirmations: false, bases: ['rulebook_article'] },
  joint_bulletin: { seals: ['committee'], attendeeConfirmations: false, bases: ['rulebook_article'] },
};

const ASSEMBLY_ACTS: DocumentKind[] = ['assembly_notice', 'assembly_result'];

/** Seals per kind when the rulebook lists every kind in `assemblySealKinds` (only the eligible ones take it). */
const WITH_RULEBOOK_LIST: Record<DocumentKind, string[]> = {
  assembly_notice: ['assembly', 'committee'],
  assembly_result_preliminary: ['committee'],
  assembly_result: ['assembly', 'committee'],
  minutes_party_prediscussion: [],
  minutes_joint_meeting: [],
  minutes_representatives_meeting: [],
  committee_resolution: ['committee'],
  execution_report: ['assembly', 'committee'],
  hearing_result: ['assembly', 'committee'],
  tender_failed: ['assembly', 'committee'],
  finance_statement: ['assembly', 'committee'],
  seal_log_report: ['committee'],
  joint_bulletin: ['committee'],
};

describe('seal policy per document kind', () => {
  it('has a row for every kind and nothing else', () => {
    expect(Object.keys(SEAL_POLICY).sort()).toEqual([...DOCUMENT_KINDS].sort());
  });

  describe.each(DOCUMENT_KINDS.map((k) => [k]))('%s', (kind) => {
    const row = sealPolicy(kind);
    it('carries the seals, confirmations and bases of its row', () => {
      expect({ seals: row.seals, attendeeConfirmations: row.attendeeConfirmations, bases: row.bases }).toEqual(EXPECTED[kind]);
    });
    it(
      ASSEMBLY_ACTS.includes(kind) ? 'is an act of the assembly: carries the assembly seal' : 'is not an assembly act: no assembly seal',
      () => {
        expect(row.seals.includes('assembly')).toBe(ASSEMBLY_ACTS.includes(kind));
      },
    );
    it('takes the assembly seal from the rulebook list only when the kind may carry it, and only when listed', () => {
      expect([...sealPolicy(kind, [...DOCUMENT_KINDS]).seals]).toEqual(WITH_RULEBOOK_LIST[kind]);
      expect([...sealPolicy(kind, [kind]).seals]).toEqual(WITH_RULEBOOK_LIST[kind]);
      // Listing other kinds leaves this one as its row says.
      expect(
        sealPolicy(
          kind,
          DOCUMENT_KINDS.filter((k) => k !== kind),
        ).seals,
      ).toEqual(EXPECTED[kind].seals);
      expect(sealPolicy(kind, []).seals).toEqual(EXPECTED[kind].seals);
      // Bases, confirmations and the article never change with the list.
      const listed = sealPolicy(kind, [kind]);
      expect([listed.bases, listed.attendeeConfirmations, listed.rulebookArticle]).toEqual([
        row.bases,
        row.attendeeConfirmations,
        row.rulebookArticle,
      ]);
    });
    it('cites a passed decision only when allowed, never a pending one', () => {
      if (row.bases.includes('passed_decision')) expect(sealBasis(kind, passed)).toEqual({ kind: 'passed_decision', text: passed.text });
      else expect(sealBasis(kind, passed)).toEqual({ kind: 'rulebook_article', text: row.rulebookArticle });
      if (row.bases.includes('rulebook_article')) {
        expect(sealBasis(kind, pending)).toEqual({ kind: 'rulebook_article', text: row.rulebookArticle });
        expect(sealBasis(kind, null).kind).toBe('rulebook_article');
      } else {
        expect(() => sealBasis(kind, pending)).toThrow(/尚未作出/);
        expect(() => sealBasis(kind, { ...pending, status: 'failed' })).toThrow(/未获通过/);
        expect(() => sealBasis(kind, null)).toThrow(DomainError);
      }
      expect(row.rulebookArticle).toMatch(/[\u4e00-\u9fff]/);
    });
  });

  it("the meetings' own records carry confirmations instead of any seal; every other kind carries the committee seal", () => {
    for (const kind of DOCUMENT_KINDS) {
      const row = sealPolicy(kind);
      expect([kind, row.seals.length === 0]).toEqual([kind, row.attendeeConfirmations]);
      if (!row.attendeeConfirmations) expect(row.seals).toContain('committee');
    }
  });

  it('lets the rulebook list only results and reports, never the meetings’ own records or the committee’s acts', () => {
    expect([...ASSEMBLY_SEAL_OPTIONAL_KINDS].sort()).toEqual(['execution_report', 'finance_statement', 'hearing_result', 'tender_failed']);
    expect(checkAssemblySealKinds([])).toBeNull();
    expect(checkAssemblySealKinds(['hearing_result', 'tender_failed', 'finance_statement'])).toBeNull();
    expect(checkAssemblySealKinds(['minutes_joint_meeting'])).toMatch(/「联席会议纪要」不能加盖业主大会章/);
    expect(checkAssemblySealKinds(['hearing_result', 'minutes_party_prediscussion', 'minutes_representatives_meeting'])).toMatch(
      /「党支部先议会议纪要、业主代表会议纪要」/,
    );
    expect(checkAssemblySealKinds(['committee_resolution'])).toMatch(/不能加盖业主大会章/);
    expect(checkAssemblySealKinds(['hearing_result', 'hearing_result'])).toMatch(/不能重复/);
    expect(checkAssemblySealKinds('hearing_result')).toMatch(/应为文书种类的列表/);
    expect(checkAssemblySealKinds([1])).toMatch(/应为文书种类的列表/);
  });

  it('prints the assembly seal before the committee seal', () => {
    for (const kind of DOCUMENT_KINDS) {
      for (const seals of [sealPolicy(kind).seals, sealPolicy(kind, [kind]).seals])
        expect([...seals]).toEqual(['assembly', 'committee'].filter((s) => seals.includes(s as 'assembly')));
    }
  });

  it.each([
    [{ type: 'assembly_notice', sourceType: 'assembly_vote' }, 'assembly_notice'],
    [{ type: 'resolution_announcement', sourceType: 'assembly_vote' }, 'assembly_result'],
    [{ type: 'resolution_announcement', sourceType: 'assembly_vote_preliminary' }, 'assembly_result_preliminary'],
    [{ type: 'meeting_minutes', sourceType: 'meeting', stage: 'party_prediscussion' }, 'minutes_party_prediscussion'],
    [{ type: 'meeting_minutes', sourceType: 'meeting', stage: 'joint_meeting' }, 'minutes_joint_meeting'],
    [{ type: 'meeting_minutes', sourceType: 'meeting', stage: 'representatives_meeting' }, 'minutes_representatives_meeting'],
    [{ type: 'meeting_minutes', sourceType: 'meeting', stage: 'committee_resolution' }, 'committee_resolution'],
    [{ type: 'meeting_minutes', sourceType: 'meeting', stage: 'execution' }, 'execution_report'],
    [{ type: 'meeting_minutes', sourceType: 'hearing' }, 'hearing_result'],
    [{ type: 'meeting_minutes', sourceType: 'hearing_failed' }, 'tender_failed'],
    [{ type: 'tender_failed', sourceType: 'hearing_failed' }, 'tender_failed'],
    [{ type: 'statement', sourceType: 'statement' }, 'finance_statement'],
    [{ type: 'seal_log', sourceType: 'seal_log' }, 'seal_log_report'],
    [{ type: 'joint_bulletin', sourceType: 'joint_bulletin' }, 'joint_bulletin'],
  ])('document %o is of kind %s', (doc, kind) => {
    expect(documentKindOf(doc)).toBe(kind);
  });

  it('refuses a document it cannot classify, in Chinese', () => {
    expect(() => documentKindOf({ type: 'meeting_minutes', sourceType: 'meeting', stage: 'assembly_vote' })).toThrow(/无法确定文书种类/);
    expect(() => documentKindOf({ type: 'poster', sourceType: 'x' })).toThrow(DomainError);
  });
});
