import fc from 'fast-check';
import { DomainError } from '../errors';
import { assertPanel, panelProblems, type PanelKind, type PanelSeat, roleFitsKind } from './panel';
import { formatHundredths, rankBids, type ScoreEntry, shortlist } from './ranking';
import {
  assertBiddingOpen,
  assertCriteria,
  assertOpeningDue,
  assertSchedule,
  type Criterion,
  objectionEndsAt,
  openingDecision,
} from './tender';

const seat = (userId: string, kind: PanelKind, recused = false): PanelSeat => ({ userId, kind, recused });
const FIVE: PanelSeat[] = [
  seat('r', 'representative'),
  seat('c', 'committee'),
  seat('p', 'property_company'),
  seat('e1', 'expert'),
  seat('e2', 'expert'),
];
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return null;
};

describe('hearing panel', () => {
  it('accepts five sitting members covering every kind', () => {
    expect(panelProblems(FIVE)).toEqual([]);
  });

  it('refuses fewer than five, an even panel and a missing kind', () => {
    expect(panelProblems(FIVE.slice(0, 4)).join()).toMatch(/至少须 5 人/);
    expect(panelProblems([...FIVE, seat('e3', 'expert')]).join()).toMatch(/单数/);
    const noProperty = FIVE.map((s) => (s.kind === 'property_company' ? seat('e3', 'expert') : s));
    expect(panelProblems(noProperty).join()).toMatch(/缺少物业/);
    expect(codeOf(() => assertPanel(FIVE.slice(0, 3)))).toBe('panel_composition');
  });

  it('counts only the members who sit: a recusal can break the panel, a replacement mends it', () => {
    const recused = [...FIVE.slice(0, 4), seat('e2', 'expert', true)];
    expect(panelProblems(recused).join()).toMatch(/回避后评审组仅 4 人/);
    const sevenOneRecused = [...FIVE, seat('e3', 'expert'), seat('e4', 'expert', true)];
    expect(panelProblems(sevenOneRecused).join()).toMatch(/现为 6 人/);
    expect(panelProblems([...sevenOneRecused, seat('e5', 'expert')])).toEqual([]);
    expect(() => assertPanel(recused, 'conflict')).toThrow(expect.objectContaining({ kind: 'conflict' }));
  });

  it('refuses a person sitting twice', () => {
    expect(panelProblems([...FIVE.slice(0, 4), seat('r', 'expert')]).join()).toMatch(/重复/);
  });

  it('matches seats to community roles; a vendor is never a judge', () => {
    expect(roleFitsKind('committee', ['committee_member'])).toBe(true);
    expect(roleFitsKind('representative', ['owner'])).toBe(false);
    expect(roleFitsKind('expert', ['owner'])).toBe(true);
    expect(roleFitsKind('expert', ['vendor'])).toBe(false);
    expect(roleFitsKind('property_company', ['property_company'])).toBe(true);
  });
});

describe('tender calendar and criteria', () => {
  const now = new Date('2026-11-01T00:00:00Z');
  const later = (ms: number) => new Date(now.getTime() + ms);

  it('weights are integers adding up to exactly 100 with unique keys', () => {
    expect(() =>
      assertCriteria([
        { key: 'price', label: '价格', weight: 60 },
        { key: 'quality', label: '质量', weight: 40 },
      ]),
    ).not.toThrow();
    expect(
      codeOf(() =>
        assertCriteria([
          { key: 'price', label: '价格', weight: 60 },
          { key: 'quality', label: '质量', weight: 39 },
        ]),
      ),
    ).toBe('invalid_criteria');
    expect(
      codeOf(() =>
        assertCriteria([
          { key: 'price', label: '价格', weight: 50.5 },
          { key: 'quality', label: '质量', weight: 49.5 },
        ]),
      ),
    ).toBe('invalid_criteria');
    expect(
      codeOf(() =>
        assertCriteria([
          { key: 'price', label: '价格', weight: 50 },
          { key: 'price', label: '价格', weight: 50 },
        ]),
      ),
    ).toBe('invalid_criteria');
    expect(codeOf(() => assertCriteria([]))).toBe('invalid_criteria');
  });

  it('the deadline is strict: a bid at the deadline is refused', () => {
    expect(() => assertBiddingOpen(later(-1), now)).not.toThrow();
    expect(codeOf(() => assertBiddingOpen(now, now))).toBe('bid_deadline_passed');
  });

  it('opens at or after the opening time, never before', () => {
    expect(codeOf(() => assertOpeningDue(later(-1), now))).toBe('opening_not_due');
    expect(() => assertOpeningDue(now, now)).not.toThrow();
  });

  it('schedules a future deadline and an opening not before it', () => {
    expect(() => assertSchedule(now, later(1000), later(1000))).not.toThrow();
    expect(codeOf(() => assertSchedule(now, now, later(1000)))).toBe('invalid_schedule');
    expect(codeOf(() => assertSchedule(now, later(2000), later(1000)))).toBe('invalid_schedule');
  });

  it('fewer than three bids are not opened: re-tender', () => {
    expect([0, 1, 2, 3, 4].map(openingDecision)).toEqual(['re_tender', 're_tender', 're_tender', 'opened', 'opened']);
  });

  it('the objection period runs whole days from publication', () => {
    expect(objectionEndsAt(now, 3).toISOString()).toBe('2026-11-04T00:00:00.000Z');
    expect(codeOf(() => objectionEndsAt(now, 0))).toBe('invalid_objection_days');
  });
});

const CRITERIA: Criterion[] = [
  { key: 'price', label: '价格', weight: 40 },
  { key: 'quality', label: '质量', weight: 30 },
  { key: 'warranty', label: '质保', weight: 20 },
  { key: 'service', label: '服务', weight: 10 },
];

function sheet(memberId: string, byBid: Record<string, number[]>): ScoreEntry[] {
  return Object.entries(byBid).flatMap(([bidId, values]) =>
    CRITERIA.map((c, i) => ({ memberId, bidId, criterion: c.key, score: values[i] })),
  );
}

describe('weighted ranking', () => {
  const bids = [
    { bidId: 'A', amountFen: 120_000_000n },
    { bidId: 'B', amountFen: 110_000_000n },
    { bidId: 'C', amountFen: 100_000_000n },
  ];

  it('ranks by the weighted mean over members and criteria', () => {
    // A: 90·40 + 80·30 + 70·20 + 60·10 = 8000 and 7000 → (8000 + 7000) / (100 × 2) = 75.00
    // B: 9000 and 8000 → 85.00; C: 6000 and 6000 → 60.00
    const scores = [
      ...sheet('m1', { A: [90, 80, 70, 60], B: [100, 90, 80, 70], C: [60, 60, 60, 60] }),
      ...sheet('m2', { A: [80, 70, 60, 50], B: [90, 80, 70, 60], C: [60, 60, 60, 60] }),
    ];
    const ranked = rankBids({ criteria: CRITERIA, bids, scores });
    expect(ranked.map((r) => [r.bidId, r.rank, r.mean])).toEqual([
      ['B', 1, '85.00'],
      ['A', 2, '75.00'],
      ['C', 3, '60.00'],
    ]);
    expect(ranked[0].criteria.find((c) => c.key === 'price')).toMatchObject({ sum: 190, mean: '95.00' });
  });

  it('equal means go to the lower price; equal in both share a rank', () => {
    const same = (id: string) => ({ [id]: [80, 80, 80, 80] });
    const scores = sheet('m1', { ...same('A'), ...same('B'), ...same('C') });
    expect(rankBids({ criteria: CRITERIA, bids, scores }).map((r) => [r.bidId, r.rank])).toEqual([
      ['C', 1],
      ['B', 2],
      ['A', 3],
    ]);
    const samePrice = bids.map((b) => ({ ...b, amountFen: 1n }));
    expect(rankBids({ criteria: CRITERIA, bids: samePrice, scores }).map((r) => r.rank)).toEqual([1, 1, 1]);
  });

  it('tells apart means that differ by less than display precision', () => {
    // Weights 99/1, three members: A sums 23911, B 23910 — both display 79.70, yet A is exactly higher.
    const criteria: Criterion[] = [
      { key: 'quality', label: '质量', weight: 99 },
      { key: 'service', label: '服务', weight: 1 },
    ];
    const scores: ScoreEntry[] = ['m1', 'm2', 'm3'].flatMap((memberId) =>
      ['A', 'B'].flatMap((bidId) => [
        { memberId, bidId, criterion: 'quality', score: 80 },
        { memberId, bidId, criterion: 'service', score: memberId === 'm3' && bidId === 'A' ? 51 : 50 },
      ]),
    );
    const ranked = rankBids({
      criteria,
      bids: [
        { bidId: 'B', amountFen: 5n },
        { bidId: 'A', amountFen: 5n },
      ],
      scores,
    });
    expect(ranked.map((r) => [r.bidId, r.rank, r.mean, r.weightedSum])).toEqual([
      ['A', 1, '79.70', 23911n],
      ['B', 2, '79.70', 23910n],
    ]);
  });

  it('refuses incomplete or out-of-range sheets', () => {
    const partial = sheet('m1', { A: [1, 1, 1, 1], B: [1, 1, 1, 1] });
    expect(codeOf(() => rankBids({ criteria: CRITERIA, bids, scores: partial }))).toBe('incomplete_sheet');
    const high = sheet('m1', { A: [101, 1, 1, 1], B: [1, 1, 1, 1], C: [1, 1, 1, 1] });
    expect(codeOf(() => rankBids({ criteria: CRITERIA, bids, scores: high }))).toBe('invalid_score');
    const unknown = [
      ...sheet('m1', { A: [1, 1, 1, 1], B: [1, 1, 1, 1], C: [1, 1, 1, 1] }),
      { memberId: 'm1', bidId: 'Z', criterion: 'price', score: 1 },
    ];
    expect(codeOf(() => rankBids({ criteria: CRITERIA, bids, scores: unknown }))).toBe('invalid_score');
    expect(codeOf(() => rankBids({ criteria: CRITERIA, bids, scores: [] }))).toBe('no_scores');
  });

  it('agrees with a rational reference on random sheets', () => {
    const arb = fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(arb, (members) => {
        const scores = members.flatMap((v, i) => sheet(`m${i}`, { A: v.slice(0, 4), B: v.slice(4, 8), C: v.slice(8, 12) }));
        const ranked = rankBids({ criteria: CRITERIA, bids, scores });
        const exact = (id: string) =>
          scores.filter((s) => s.bidId === id).reduce((t, s) => t + s.score * CRITERIA.find((c) => c.key === s.criterion)!.weight, 0);
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [exact(ranked[i - 1].bidId), exact(ranked[i].bidId)];
          expect(a > b || (a === b && ranked[i - 1].amountFen <= ranked[i].amountFen)).toBe(true);
        }
        for (const r of ranked) expect(r.meanHundredths).toBe(BigInt(Math.round(exact(r.bidId) / members.length)));
      }),
    );
  });

  it('shortlists the first places and takes every bid tied with the last', () => {
    const ranked = [{ rank: 1 }, { rank: 2 }, { rank: 3 }, { rank: 3 }, { rank: 5 }];
    expect(shortlist(ranked, 2)).toHaveLength(2);
    expect(shortlist(ranked, 3)).toHaveLength(4);
    expect(shortlist(ranked, 9)).toHaveLength(5);
    expect(codeOf(() => shortlist(ranked, 1))).toBe('invalid_shortlist');
    expect(formatHundredths(8345n)).toBe('83.45');
  });
});
