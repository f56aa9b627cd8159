import { DEFAULT_RULEBOOK, reviseRulebook, RulebookSettings } from '../rulebook/rulebook';
import {
  acceptDueAt,
  actionsFrom,
  DEFAULT_REQUEST_RULES,
  missedDue,
  nextRequestState,
  requestRuleFor,
  requestRulesOf,
  resolveDueAt,
  RequestActor,
} from './requests';

const resident: RequestActor = { roles: ['owner'], isFiler: true, isAssignee: false };
const secretary: RequestActor = { roles: ['party_secretary'], isFiler: false, isAssignee: false };
const leader: RequestActor = { roles: ['building_leader'], isFiler: false, isAssignee: true };
const otherLeader: RequestActor = { roles: ['building_leader'], isFiler: false, isAssignee: false };
const now = new Date('2026-12-01T02:00:00Z');

describe('request state machine (点单 → 派单 → 接单 → 评单)', () => {
  it('walks filed → dispatched → accepted → in_progress → closed → rated', () => {
    let s = nextRequestState('filed', 'dispatch', secretary, { now });
    expect(s).toBe('dispatched');
    s = nextRequestState(s, 'accept', leader, { now });
    expect(s).toBe('accepted');
    s = nextRequestState(s, 'progress', leader, { now });
    expect(s).toBe('in_progress');
    s = nextRequestState(s, 'close', leader, { now, evidenceText: '已更换灯泡' });
    expect(s).toBe('closed');
    expect(nextRequestState(s, 'rate', resident, { now, rating: 5 })).toBe('rated');
  });

  it('lets only the right person take each step', () => {
    expect(() => nextRequestState('filed', 'dispatch', resident, { now })).toThrow('只有党支部书记、业委会或居委会可以派单');
    expect(() => nextRequestState('dispatched', 'accept', otherLeader, { now })).toThrow('只有接单人可以接单');
    expect(() => nextRequestState('closed', 'rate', leader, { now, rating: 5 })).toThrow('只有提出诉求的居民可以评价');
    expect(() => nextRequestState('filed', 'cancel', otherLeader, { now })).toThrow(/撤销/);
    expect(nextRequestState('filed', 'cancel', resident, { now })).toBe('cancelled');
  });

  it('refuses steps out of order, with the state in words', () => {
    expect(() => nextRequestState('filed', 'accept', leader, { now })).toThrow('诉求当前为「待派单」，不能接单');
    expect(() => nextRequestState('rated', 'rate', resident, { now, rating: 4 })).toThrow(/已评价/);
    expect(() => nextRequestState('accepted', 'dispatch', secretary, { now })).toThrow(/已接单/);
    expect(actionsFrom('closed')).toEqual(['rate', 'reopen']);
  });

  it('closes only with evidence and rates only 1–5 stars', () => {
    expect(() => nextRequestState('accepted', 'close', leader, { now, evidenceText: '  ' })).toThrow('办结须附办理情况说明或照片');
    expect(nextRequestState('accepted', 'close', leader, { now, evidencePhotos: 1 })).toBe('closed');
    for (const rating of [0, 6, 3.5, undefined]) {
      expect(() => nextRequestState('closed', 'rate', resident, { now, rating })).toThrow('评价须为 1–5 星');
    }
  });

  it('reopens within the window only, then goes back to dispatch', () => {
    const closedAt = new Date('2026-12-01T00:00:00Z');
    const inside = new Date(closedAt.getTime() + 7 * 86_400_000 - 1000);
    const outside = new Date(closedAt.getTime() + 7 * 86_400_000 + 1000);
    expect(nextRequestState('rated', 'reopen', resident, { now: inside, closedAt, reopenDays: 7 })).toBe('reopened');
    expect(() => nextRequestState('closed', 'reopen', resident, { now: outside, closedAt, reopenDays: 7 })).toThrow(
      '办结已超过 7 天，不能重新打开，请重新提出诉求',
    );
    expect(nextRequestState('reopened', 'dispatch', secretary, { now })).toBe('dispatched');
  });
});

describe('response-time rules (52022)', () => {
  it('defaults: accept in 5 minutes; a small fix in 20 minutes; a plan in 2 days', () => {
    const repair = requestRuleFor(DEFAULT_REQUEST_RULES, 'repair');
    const facility = requestRuleFor(DEFAULT_REQUEST_RULES, 'facility');
    expect(acceptDueAt(repair, now).toISOString()).toBe('2026-12-01T02:05:00.000Z');
    expect(resolveDueAt(repair, now).toISOString()).toBe('2026-12-01T02:20:00.000Z');
    expect(resolveDueAt(facility, now).toISOString()).toBe('2026-12-03T02:00:00.000Z');
    expect(facility.resolveKind).toBe('plan');
  });

  it('an unknown category is refused in Chinese, listing the choices', () => {
    expect(() => requestRuleFor(DEFAULT_REQUEST_RULES, 'spaceship')).toThrow(/诉求类别「spaceship」不在议事规则中，可选：小修小补/);
  });

  it('tells which due time is missed', () => {
    const due = { acceptDueAt: new Date('2026-12-01T02:05:00Z'), resolveDueAt: null };
    expect(missedDue('dispatched', due, new Date('2026-12-01T02:04:59Z'))).toBeNull();
    expect(missedDue('dispatched', due, new Date('2026-12-01T02:05:01Z'))).toBe('accept');
    const later = { acceptDueAt: due.acceptDueAt, resolveDueAt: new Date('2026-12-01T02:25:00Z') };
    expect(missedDue('in_progress', later, new Date('2026-12-01T02:26:00Z'))).toBe('resolve');
    expect(missedDue('closed', later, new Date('2026-12-02T00:00:00Z'))).toBeNull();
  });

  it('are rulebook settings: versions without them take the defaults, changes are checked', () => {
    const base = { ...DEFAULT_RULEBOOK, stages: {} } as unknown as RulebookSettings;
    const { requestRules: _r, requestReopenDays: _d, ...old } = base;
    expect(requestRulesOf(old as Partial<RulebookSettings>)).toEqual(DEFAULT_REQUEST_RULES);
    expect(reviseRulebook(old as RulebookSettings, { proxyCap: 4 }).requestReopenDays).toBe(7);
    const faster = DEFAULT_REQUEST_RULES.map((r) => (r.category === 'repair' ? { ...r, resolveMinutes: 15 } : r));
    expect(requestRuleFor(requestRulesOf(reviseRulebook(base, { requestRules: faster })), 'repair').resolveMinutes).toBe(15);
    expect(() => reviseRulebook(base, { requestRules: [{ ...faster[0], acceptMinutes: 0 }] })).toThrow(/接单时限/);
    expect(() => reviseRulebook(base, { requestRules: [faster[0], faster[0]] })).toThrow(/重复/);
    expect(() => reviseRulebook(base, { requestReopenDays: 0 })).toThrow(/requestReopenDays/);
  });
});
