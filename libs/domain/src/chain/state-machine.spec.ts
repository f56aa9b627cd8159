import { DomainError } from '../errors';
import { MATTER_CATEGORIES, MatterCategory } from '../voting/matter';
import {
  applicableStages,
  CHAIN_STAGES,
  ChainRulebook,
  ChainStage,
  DEFAULT_CHAIN_RULEBOOK,
  requiredStages,
  StagePlan,
  validateChainRulebook,
} from './stages';
import { applyOutcome, ChainState, createChainState, nextStage, recordableStages, skipStage, submit } from './state-machine';

const ADVANCE = { type: 'advance' } as const;
const RB = DEFAULT_CHAIN_RULEBOOK;

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

function withPlan(category: MatterCategory, plan: Partial<StagePlan>): ChainRulebook {
  return { stages: { ...RB.stages, [category]: { ...RB.stages[category], ...plan } } };
}

const started = (category: MatterCategory, rb: ChainRulebook = RB) => submit(createChainState(category, rb), rb);

describe('rulebook', () => {
  it('requires party pre-discussion and the assembly vote for Art. 278 matters by default', () => {
    expect(requiredStages('art278_4')).toEqual([
      'party_prediscussion',
      'joint_meeting',
      'assembly_vote',
      'committee_resolution',
      'execution',
    ]);
    expect(requiredStages('art278_1')).toEqual(['party_prediscussion', 'joint_meeting', 'assembly_vote', 'committee_resolution']);
  });
  it('has no assembly vote and an optional pre-discussion for committee-only matters', () => {
    expect(requiredStages('committee_only')).toEqual(['committee_resolution', 'execution']);
    expect(applicableStages('committee_only')).not.toContain('assembly_vote');
    expect(RB.stages.committee_only.party_prediscussion).toBe('optional');
  });
  it('refuses rulebooks that drop the assembly vote from Art. 278 matters or add it to committee-only ones', () => {
    expect(() => validateChainRulebook(withPlan('art278_6', { assembly_vote: 'skippable' }))).toThrow(/must be required/);
    expect(() => validateChainRulebook(withPlan('committee_only', { assembly_vote: 'optional' }))).toThrow(/not_applicable/);
    expect(() => validateChainRulebook(withPlan('art278_6', { joint_meeting: 'maybe' as never }))).toThrow(DomainError);
    expect(() => requiredStages('nope' as never)).toThrow(DomainError);
  });
});

describe('happy paths', () => {
  it('walks an Art. 278 matter through every stage to done, recording every transition', () => {
    let s = createChainState('art278_7');
    expect(s.status).toBe('draft');
    expect(nextStage(s)).toBe('party_prediscussion');
    s = submit(s, RB, { by: 'director', at: '2025-03-01T00:00:00Z' });
    expect(s).toMatchObject({ status: 'in_stage', stage: 'party_prediscussion' });
    for (const stage of CHAIN_STAGES) {
      expect(s.stage).toBe(stage);
      s = applyOutcome(s, stage, ADVANCE, RB, { by: 'x' });
    }
    expect(s).toMatchObject({ status: 'done', stage: null });
    expect(s.events.map((e) => e.type)).toEqual(['submitted', ...CHAIN_STAGES.map(() => 'advanced'), 'done']);
    expect(s.events[0]).toMatchObject({ by: 'director', at: '2025-03-01T00:00:00Z' });
    expect(nextStage(s)).toBeNull();
  });

  it('passes over optional stages when a later stage is recorded', () => {
    let s = started('committee_only');
    expect(recordableStages(s)).toEqual(['party_prediscussion', 'joint_meeting']);
    s = skipStage(s, 'joint_meeting', '紧急维修，无需联席会议', RB, { by: 'director' });
    expect(s.stages).toMatchObject({ party_prediscussion: 'passed_over', joint_meeting: 'skipped' });
    expect(s.events.at(-1)).toMatchObject({ type: 'skipped', stage: 'joint_meeting', reasons: ['紧急维修，无需联席会议'], by: 'director' });
    expect(recordableStages(s)).toEqual(['representatives_meeting', 'committee_resolution']);
    s = applyOutcome(s, 'committee_resolution', ADVANCE);
    expect(s.stages.representatives_meeting).toBe('passed_over');
    s = applyOutcome(s, 'execution', ADVANCE);
    expect(s.status).toBe('done');
  });

  it('skips a skippable stage with a reason, but never a required one', () => {
    let s = started('art278_1');
    s = applyOutcome(applyOutcome(s, 'party_prediscussion', ADVANCE), 'joint_meeting', ADVANCE);
    expect(errorOf(() => skipStage(s, 'representatives_meeting', '   ')).code).toBe('skip_reason_required');
    s = skipStage(s, 'representatives_meeting', '议事规则修订已充分征求意见');
    expect(errorOf(() => skipStage(s, 'assembly_vote', 'hurry'))).toMatchObject({ kind: 'conflict', code: 'stage_not_skippable' });
    s = applyOutcome(applyOutcome(s, 'assembly_vote', ADVANCE), 'committee_resolution', ADVANCE);
    s = skipStage(s, 'execution', '无需物业执行');
    expect(s.status).toBe('done');
  });
});

describe('return, resubmit and reject', () => {
  it('returns to the proposer with reasons and restarts at the same stage', () => {
    let s = applyOutcome(started('art278_4'), 'party_prediscussion', ADVANCE);
    expect(errorOf(() => applyOutcome(s, 'joint_meeting', { type: 'return', reasons: [' '] })).code).toBe('return_reason_required');
    s = applyOutcome(s, 'joint_meeting', { type: 'return', reasons: ['方案缺少预算', '需补充选项'] });
    expect(s).toMatchObject({ status: 'returned', stage: 'joint_meeting' });
    expect(s.events.at(-1)).toMatchObject({ type: 'returned', reasons: ['方案缺少预算', '需补充选项'] });
    expect(errorOf(() => applyOutcome(s, 'joint_meeting', ADVANCE)).code).toBe('item_returned');
    s = submit(s);
    expect(s).toMatchObject({ status: 'in_stage', stage: 'joint_meeting' });
    expect(s.stages.party_prediscussion).toBe('advanced');
    expect(s.events.at(-1)?.type).toBe('resubmitted');
    s = applyOutcome(s, 'joint_meeting', ADVANCE);
    expect(s.stage).toBe('representatives_meeting');
  });

  it('rejects for good', () => {
    const s = applyOutcome(started('art278_8'), 'party_prediscussion', { type: 'reject', reason: '与规划冲突' });
    expect(s).toMatchObject({ status: 'rejected', stage: 'party_prediscussion' });
    expect(nextStage(s)).toBeNull();
    expect(recordableStages(s)).toEqual([]);
    for (const stage of CHAIN_STAGES)
      expect(errorOf(() => applyOutcome(s, stage, ADVANCE)).code).toMatch(/item_closed|stage_not_applicable/);
    expect(errorOf(() => submit(s)).code).toBe('item_not_submittable');
    expect(errorOf(() => applyOutcome(started('art278_8'), 'party_prediscussion', { type: 'reject', reason: '' })).code).toBe(
      'reject_reason_required',
    );
  });

  it('refuses to record before submission, to submit twice, and unknown outcomes', () => {
    const draft = createChainState('art278_2');
    expect(errorOf(() => applyOutcome(draft, 'party_prediscussion', ADVANCE)).code).toBe('item_not_submitted');
    expect(errorOf(() => skipStage(draft, 'representatives_meeting', 'x')).code).toBe('item_not_submitted');
    expect(errorOf(() => submit(submit(draft))).code).toBe('item_not_submittable');
    expect(errorOf(() => applyOutcome(submit(draft), 'party_prediscussion', { type: 'defer' } as never)).code).toBe('invalid_outcome');
  });

  it('does not mutate the state it is given', () => {
    const s = started('art278_5');
    const snapshot = JSON.stringify(s);
    applyOutcome(s, 'party_prediscussion', ADVANCE);
    skipStage(applyOutcome(applyOutcome(s, 'party_prediscussion', ADVANCE), 'joint_meeting', ADVANCE), 'representatives_meeting', 'r');
    expect(JSON.stringify(s)).toBe(snapshot);
  });
});

/**
 * Exhaustive order check. Walk every category through its chain (each applicable stage advanced in turn), and at
 * every step try to record every stage. An independent oracle says what must happen.
 */
function expectedError(state: ChainState, stage: ChainStage, plan: StagePlan): string | null {
  if (plan[stage] === 'not_applicable') return 'stage_not_applicable';
  if (state.status === 'done') return 'item_closed';
  if (state.stages[stage] !== 'pending') return 'stage_already_completed';
  const idx = CHAIN_STAGES.indexOf(stage);
  const blocker = CHAIN_STAGES.slice(0, idx).find(
    (s) => state.stages[s] === 'pending' && (plan[s] === 'required' || plan[s] === 'skippable'),
  );
  return blocker ? `chain_order_violation:${blocker}` : null;
}

const ALT_RULEBOOK: ChainRulebook = {
  stages: {
    ...RB.stages,
    art278_9: { ...RB.stages.art278_9, party_prediscussion: 'optional', joint_meeting: 'skippable', representatives_meeting: 'required' },
    committee_only: { ...RB.stages.committee_only, joint_meeting: 'not_applicable', representatives_meeting: 'skippable' },
  },
};

describe.each([
  ['default rulebook, holding every stage', RB, 'hold'],
  ['default rulebook, skipping where allowed', RB, 'skip'],
  ['alternative rulebook, holding every stage', ALT_RULEBOOK, 'hold'],
  ['alternative rulebook, skipping where allowed', ALT_RULEBOOK, 'skip'],
] as const)('every out-of-order attempt (%s)', (_name, rulebook, mode) => {
  it.each(MATTER_CATEGORIES.map((c) => [c]))('%s', (category) => {
    const plan = rulebook.stages[category];
    let state = started(category, rulebook);
    let checked = 0;
    for (;;) {
      for (const stage of CHAIN_STAGES) {
        const expected = expectedError(state, stage, plan);
        const attempts: Array<[string, () => unknown]> = [
          ['advance', () => applyOutcome(state, stage, ADVANCE, rulebook)],
          ['return', () => applyOutcome(state, stage, { type: 'return', reasons: ['r'] }, rulebook)],
          ['skip', () => skipStage(state, stage, 'reason', rulebook)],
        ];
        for (const [what, attempt] of attempts) {
          checked++;
          if (expected === null) {
            if (what === 'skip' && plan[stage] === 'required') {
              expect(errorOf(attempt)).toMatchObject({ kind: 'conflict', code: 'stage_not_skippable' });
            } else {
              expect(attempt()).toMatchObject({ status: what === 'return' ? 'returned' : expect.any(String) });
            }
            continue;
          }
          const err = errorOf(attempt);
          expect(err.kind).toBe('conflict');
          const [code, blocker] = expected.split(':');
          expect(err.code).toBe(code);
          if (blocker) {
            expect(err.details).toEqual({ mustFirst: blocker, attempted: stage });
            expect(err.message).toContain('议事顺序错误：须先完成');
            expect(err.message).toContain(`${blocker} must advance`);
          }
        }
      }
      if (state.status === 'done') break;
      const current = state.stage!;
      state =
        mode === 'skip' && plan[current] !== 'required'
          ? skipStage(state, current, 'reason', rulebook)
          : applyOutcome(state, current, ADVANCE, rulebook);
    }
    expect(checked).toBe(CHAIN_STAGES.length * 3 * (applicableStages(category, rulebook).length + 1));
  });
});

describe('named order violations', () => {
  it('an assembly vote before the party branch has discussed names 支部先议', () => {
    const err = errorOf(() => applyOutcome(started('art278_4'), 'assembly_vote', ADVANCE));
    expect(err.message).toBe(
      '议事顺序错误：须先完成「支部先议」(party_prediscussion)，才能办理「业主大会表决」(assembly_vote) chain order violation: party_prediscussion must advance before assembly_vote',
    );
  });
  it('a skippable stage blocks until held or skipped', () => {
    const s = applyOutcome(applyOutcome(started('art278_4'), 'party_prediscussion', ADVANCE), 'joint_meeting', ADVANCE);
    const err = errorOf(() => applyOutcome(s, 'assembly_vote', ADVANCE));
    expect(err.details).toEqual({ mustFirst: 'representatives_meeting', attempted: 'assembly_vote' });
    expect(err.message).toContain('must advance or be skipped with a reason');
    expect(applyOutcome(skipStage(s, 'representatives_meeting', 'r'), 'assembly_vote', ADVANCE).stage).toBe('committee_resolution');
  });
  it('committee-only items never get an assembly vote', () => {
    expect(errorOf(() => applyOutcome(started('committee_only'), 'assembly_vote', ADVANCE)).code).toBe('stage_not_applicable');
  });
});
