import { DomainError } from '../errors';

/**
 * 初步统计结果公示 → 询异期 → 表决结果公告 (DOMAIN §13). After the close the count is posted as a preliminary
 * result; owners of the electorate may object during the objection period (rulebook `objectionDays`, 24 h each,
 * from the close); the committee answers every objection; only after the period has run and every objection is
 * answered may the final announcement be issued — and the result is final only once that announcement is sealed.
 */
export type ResultStage = 'preliminary' | 'awaiting_final' | 'final_issued' | 'final';

export const RESULT_STAGE_LABELS_ZH: Record<ResultStage, string> = {
  preliminary: '初步统计结果公示（询异期内）',
  awaiting_final: '询异期已结束，待发布表决结果公告',
  final_issued: '表决结果公告已发布，待用章',
  final: '表决结果公告已用章，结果确定',
};

export const OBJECTION_TEXT_MAX = 2000;
export const ANSWER_TEXT_MAX = 2000;

/** The objection period runs `days` whole days (24 h each) from the close. */
export function objectionPeriodEnd(closedAt: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 1) throw new DomainError('invalid', 'invalid_objection_days', '询异期应为正整数天', { days });
  return new Date(closedAt.getTime() + days * 86_400_000);
}

export function resultStage(s: { now: Date; objectionEndsAt: Date; finalIssued: boolean; finalSealed: boolean }): ResultStage {
  if (s.finalSealed) return 'final';
  if (s.finalIssued) return 'final_issued';
  return s.now < s.objectionEndsAt ? 'preliminary' : 'awaiting_final';
}

function text(value: unknown, max: number, what: string, code: string): string {
  const t = typeof value === 'string' ? value.trim() : '';
  if (!t) throw new DomainError('invalid', code, `请填写${what}`);
  if (t.length > max) throw new DomainError('invalid', code, `${what}不能超过 ${max} 字`, { max });
  return t;
}

/** An objection may be filed only while the period runs (the close is its start). */
export function checkObjection(now: Date, objectionEndsAt: Date, body: unknown): string {
  if (now >= objectionEndsAt)
    throw new DomainError('conflict', 'objection_period_closed', '询异期已结束，不能再提出异议', { objectionEndsAt });
  return text(body, OBJECTION_TEXT_MAX, '异议内容', 'objection_text_invalid');
}

export function checkAnswer(answered: boolean, body: unknown): string {
  if (answered) throw new DomainError('conflict', 'objection_answered', '该异议已答复，答复不可更改');
  return text(body, ANSWER_TEXT_MAX, '处理意见', 'answer_text_invalid');
}

/** The final announcement: after the period, with every objection answered, once. */
export function checkFinalAnnouncement(s: {
  now: Date;
  objectionEndsAt: Date;
  finalIssued: boolean;
  objections: { answered: boolean }[];
}): void {
  if (s.finalIssued) throw new DomainError('conflict', 'final_result_issued', '表决结果公告已发布');
  if (s.now < s.objectionEndsAt)
    throw new DomainError('conflict', 'objection_period_running', '询异期尚未结束，不能发布表决结果公告', {
      objectionEndsAt: s.objectionEndsAt,
    });
  const open = s.objections.filter((o) => !o.answered).length;
  if (open)
    throw new DomainError('conflict', 'objections_unanswered', `尚有 ${open} 件异议未答复，须全部处理后才能发布表决结果公告`, { open });
}
