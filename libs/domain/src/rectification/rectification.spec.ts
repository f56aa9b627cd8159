import { DomainError } from '../errors';
import { isRectificationOverdue, nextRectificationStatus, type RectificationState } from './rectification';

const property = { userId: 'p1', roles: ['property_company'] };
const director = { userId: 'd1', roles: ['committee_director'] };
const state = (status: RectificationState['status']): RectificationState => ({ status, assigneeUserId: 'p1', raisedBy: 'd1' });
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'no error';
};

describe('rectification state machine', () => {
  it('runs assigned → in_progress → submitted → accepted', () => {
    expect(nextRectificationStatus(state('assigned'), 'start', property)).toBe('in_progress');
    expect(nextRectificationStatus(state('in_progress'), 'progress', property, { text: '已更换灯具 3 盏' })).toBe('in_progress');
    expect(nextRectificationStatus(state('in_progress'), 'submit', property, { evidence: [{ name: 'a.jpg' }] })).toBe('submitted');
    expect(nextRectificationStatus(state('submitted'), 'accept', director)).toBe('accepted');
  });

  it('sends a submitted item back with a reason', () => {
    expect(nextRectificationStatus(state('submitted'), 'reject', director, { text: '东门灯仍不亮' })).toBe('in_progress');
    expect(code(() => nextRectificationStatus(state('submitted'), 'reject', director))).toBe('rectification_text_required');
  });

  it('never lets the property company accept its own item, even holding a committee role too', () => {
    expect(code(() => nextRectificationStatus(state('submitted'), 'accept', property))).toBe('rectification_self_acceptance');
    const both = { userId: 'x', roles: ['property_company', 'committee_member'] };
    expect(code(() => nextRectificationStatus(state('submitted'), 'accept', both))).toBe('rectification_self_acceptance');
    const assignee = { userId: 'p1', roles: ['committee_member'] };
    expect(code(() => nextRectificationStatus(state('submitted'), 'accept', assignee))).toBe('rectification_self_acceptance');
  });

  it('lets only the committee accept and only the property company report', () => {
    expect(code(() => nextRectificationStatus(state('submitted'), 'accept', { userId: 's', roles: ['party_secretary'] }))).toBe(
      'rectification_committee_only',
    );
    expect(code(() => nextRectificationStatus(state('assigned'), 'start', director))).toBe('rectification_property_only');
  });

  it('refuses actions out of order and a submission without evidence', () => {
    expect(code(() => nextRectificationStatus(state('accepted'), 'submit', property, { text: '再次提交' }))).toBe(
      'rectification_wrong_status',
    );
    expect(code(() => nextRectificationStatus(state('in_progress'), 'accept', director))).toBe('rectification_wrong_status');
    expect(code(() => nextRectificationStatus(state('in_progress'), 'submit', property))).toBe('rectification_evidence_required');
  });

  it('is overdue only while open and after the due day', () => {
    expect(isRectificationOverdue('in_progress', '2026-11-30', '2026-12-01')).toBe(true);
    expect(isRectificationOverdue('in_progress', '2026-12-01', '2026-12-01')).toBe(false);
    expect(isRectificationOverdue('submitted', '2026-11-30', '2026-12-01')).toBe(false);
    expect(isRectificationOverdue('accepted', '2026-11-30', '2026-12-01')).toBe(false);
  });
});
