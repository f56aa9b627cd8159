import fc from 'fast-check';
import { review } from './audit';
import { formatFen, LedgerLine, needsDecision, parseYuan, periodOf, signedAmount, statementTotals } from './ledger';
import { reconcile, unexplained } from './reconcile';

describe('ledger arithmetic', () => {
  const lines: LedgerLine[] = [
    { id: '1', kind: 'income', category: '电梯广告', amountFen: 1_200_000n },
    { id: '2', kind: 'income', category: '停车', amountFen: 350_050n },
    { id: '3', kind: 'cost', category: '电费', amountFen: 80_000n },
    { id: '4', kind: 'transfer', category: '转入维修资金', amountFen: 500_000n },
    { id: '5', kind: 'income', category: '停车', amountFen: 50n, reversesId: '2' },
  ];

  it('closing = opening + income − costs − transfers, reversals netted', () => {
    const totals = statementTotals(100_000n, lines);
    expect(totals).toMatchObject({
      openingFen: 100_000n,
      incomeFen: 1_550_000n,
      costFen: 80_000n,
      transferFen: 500_000n,
      closingFen: 1_070_000n,
    });
    expect(totals.byCategory.map((c) => [c.kind, c.category, c.netFen])).toEqual([
      // Categories in pinyin order: 电梯 (dian) before 停车 (ting).
      ['income', '电梯广告', 1_200_000n],
      ['income', '停车', 350_000n],
      ['cost', '电费', 80_000n],
      ['transfer', '转入维修资金', 500_000n],
    ]);
  });

  it('holds for any mix of entries (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }),
        fc.array(
          fc.record({
            kind: fc.constantFrom<'income' | 'cost' | 'transfer'>('income', 'cost', 'transfer'),
            amount: fc.bigInt({ min: 1n, max: 10n ** 10n }),
            reversal: fc.boolean(),
          }),
        ),
        (opening, raw) => {
          const ls = raw.map((r, i) => ({
            id: String(i),
            kind: r.kind,
            category: 'c',
            amountFen: r.amount,
            reversesId: r.reversal ? 'x' : null,
          }));
          const t = statementTotals(opening, ls);
          const naive = ls.reduce((sum, l) => sum + (l.kind === 'income' ? 1n : -1n) * (l.reversesId ? -1n : 1n) * l.amountFen, opening);
          return t.closingFen === naive && t.closingFen === t.openingFen + t.incomeFen - t.costFen - t.transferFen;
        },
      ),
    );
  });

  it('refuses zero and negative amounts', () => {
    expect(() => signedAmount({ kind: 'cost', amountFen: 0n })).toThrow(/amount/);
  });

  it('formats and parses yuan exactly', () => {
    expect(formatFen(123_456_789n)).toBe('¥1,234,567.89');
    expect(formatFen(-5n)).toBe('-¥0.05');
    expect(parseYuan('1,234.5')).toBe(123_450n);
    expect(parseYuan('-0.07')).toBe(-7n);
    expect(() => parseYuan('1.234')).toThrow();
  });

  it('asks for a decision only for costs above the limit', () => {
    expect(needsDecision('cost', 500_001n, 500_000n)).toBe(true);
    expect(needsDecision('cost', 500_000n, 500_000n)).toBe(false);
    expect(needsDecision('income', 9_999_999n, 500_000n)).toBe(false);
  });

  it('finds the statement period', () => {
    expect(periodOf('2026-05-17', 'quarterly')).toEqual({ start: '2026-04-01', end: '2026-06-30' });
    expect(periodOf('2024-02-10', 'monthly')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodOf('2026-12-31', 'half_yearly')).toEqual({ start: '2026-07-01', end: '2026-12-31' });
  });
});

describe('reconciliation', () => {
  const ledger = [
    { id: 'L1', date: '2026-04-03', signedFen: 1_200_000n, reference: 'AD-04' },
    { id: 'L2', date: '2026-04-10', signedFen: -80_000n, reference: null },
    { id: 'L3', date: '2026-04-20', signedFen: 35_000n, reference: 'P-1' },
    { id: 'L4', date: '2026-04-21', signedFen: 35_000n, reference: 'P-2' },
  ];

  it('matches by amount within three days, preferring the same reference', () => {
    const bank = [
      { id: 'B1', date: '2026-04-05', signedFen: 1_200_000n, reference: null },
      { id: 'B2', date: '2026-04-10', signedFen: -80_000n, reference: null },
      { id: 'B3', date: '2026-04-21', signedFen: 35_000n, reference: 'P-2' },
      { id: 'B4', date: '2026-04-20', signedFen: 35_000n, reference: 'P-1' },
    ];
    expect(reconcile(ledger, bank)).toEqual({
      matched: [
        { ledgerId: 'L1', bankId: 'B1' },
        { ledgerId: 'L2', bankId: 'B2' },
        { ledgerId: 'L3', bankId: 'B4' },
        { ledgerId: 'L4', bankId: 'B3' },
      ],
      unmatchedLedger: [],
      unmatchedBank: [],
    });
  });

  it('reports what is missing on either side, and which differences lack an explanation', () => {
    const bank = [
      { id: 'B1', date: '2026-04-09', signedFen: 1_200_000n, reference: null },
      { id: 'B2', date: '2026-04-10', signedFen: -80_000n, reference: null },
      { id: 'B9', date: '2026-04-30', signedFen: -1_500n, reference: '手续费' },
    ];
    const result = reconcile(ledger, bank);
    expect(result).toEqual({
      matched: [{ ledgerId: 'L2', bankId: 'B2' }],
      unmatchedLedger: ['L1', 'L3', 'L4'],
      unmatchedBank: ['B1', 'B9'],
    });
    expect(unexplained(result, new Set(['L1', 'B1', 'B9']))).toEqual(['L3', 'L4']);
  });
});

describe('three-party audit order', () => {
  it('moves residents committee → bank → audit firm → approved', () => {
    expect(review('submitted', 'residents_committee', 'approve', 'rc', ['clerk'])).toBe('bank_review');
    expect(review('bank_review', 'bank', 'approve', 'bank', ['clerk'])).toBe('audit_review');
    expect(review('audit_review', 'audit_firm', 'approve', 'aud', ['clerk'])).toBe('approved');
    expect(review('bank_review', 'bank', 'findings', 'bank', ['clerk'])).toBe('returned');
  });

  it('refuses a party out of turn and anyone who compiled the statement', () => {
    expect(() => review('submitted', 'bank', 'approve', 'bank', ['clerk'])).toThrow(/居委会审核/);
    expect(() => review('approved', 'audit_firm', 'approve', 'aud', [])).toThrow(/not awaiting review/);
    expect(() => review('submitted', 'residents_committee', 'approve', 'clerk', ['clerk'])).toThrow(/compiled/);
  });
});
