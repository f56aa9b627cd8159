import { DomainError } from '../errors';
import { checkAnswer, checkFinalAnnouncement, checkObjection, objectionPeriodEnd, resultStage } from './objections';

const closed = new Date('2026-12-20T02:00:00Z');
const end = objectionPeriodEnd(closed, 3);
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'none';
};

describe('objection period after the preliminary count', () => {
  it('runs the rulebook days, 24 h each, from the close', () => {
    expect(end.toISOString()).toBe('2026-12-23T02:00:00.000Z');
    expect(code(() => objectionPeriodEnd(closed, 0))).toBe('invalid_objection_days');
  });

  it('takes an objection until the last instant of the period and refuses one after it', () => {
    expect(checkObjection(new Date(end.getTime() - 1), end, '  计票有误 ')).toBe('计票有误');
    expect(code(() => checkObjection(end, end, '计票有误'))).toBe('objection_period_closed');
    expect(code(() => checkObjection(closed, end, '   '))).toBe('objection_text_invalid');
    expect(code(() => checkObjection(closed, end, 'x'.repeat(2001)))).toBe('objection_text_invalid');
  });

  it('answers an objection once, with text', () => {
    expect(checkAnswer(false, '已复核，维持')).toBe('已复核，维持');
    expect(code(() => checkAnswer(true, '再答'))).toBe('objection_answered');
    expect(code(() => checkAnswer(false, ''))).toBe('answer_text_invalid');
  });

  it('refuses the final announcement while the period runs', () => {
    expect(code(() => checkFinalAnnouncement({ now: closed, objectionEndsAt: end, finalIssued: false, objections: [] }))).toBe(
      'objection_period_running',
    );
  });

  it('refuses the final announcement while an objection is unanswered', () => {
    const s = { now: end, objectionEndsAt: end, finalIssued: false, objections: [{ answered: true }, { answered: false }] };
    expect(code(() => checkFinalAnnouncement(s))).toBe('objections_unanswered');
  });

  it('accepts it after the period with every objection answered, once', () => {
    expect(
      code(() => checkFinalAnnouncement({ now: end, objectionEndsAt: end, finalIssued: false, objections: [{ answered: true }] })),
    ).toBe('none');
    expect(code(() => checkFinalAnnouncement({ now: end, objectionEndsAt: end, finalIssued: true, objections: [] }))).toBe(
      'final_result_issued',
    );
  });

  it('names the stage: preliminary, awaiting final, issued, final (sealed)', () => {
    const base = { objectionEndsAt: end, finalIssued: false, finalSealed: false };
    expect(resultStage({ ...base, now: closed })).toBe('preliminary');
    expect(resultStage({ ...base, now: end })).toBe('awaiting_final');
    expect(resultStage({ ...base, now: end, finalIssued: true })).toBe('final_issued');
    expect(resultStage({ ...base, now: end, finalIssued: true, finalSealed: true })).toBe('final');
  });
});
