import { MAX_BANK_LINES, parseBankCsv } from './bank-csv.parser';

describe('parseBankCsv', () => {
  const header = '交易日期,摘要,收入,支出,参考号';
  const line = (n: number) => `2026-10-${String((n % 28) + 1).padStart(2, '0')},停车费,12.50,,P-${n}`;

  it('reads credit and debit columns into signed fen, with a UTF-8 BOM', () => {
    const csv = Buffer.from(`\uFEFF${header}\n2026-10-01,广告,1500.00,,AD-1\n2026-10-02,电费,,920.00,E-1\n`);
    const { lines, errors } = parseBankCsv(csv);
    expect(errors).toEqual([]);
    expect(lines.map((l) => [l.valueDate, l.signedFen])).toEqual([
      ['2026-10-01', 150000n],
      ['2026-10-02', -92000n],
    ]);
  });

  it(`accepts ${MAX_BANK_LINES} lines and refuses one more, in Chinese, without reading the rest`, () => {
    const body = (n: number) => Buffer.from([header, ...Array.from({ length: n }, (_, i) => line(i))].join('\n'));
    expect(parseBankCsv(body(MAX_BANK_LINES)).errors).toEqual([]);
    const refused = parseBankCsv(body(MAX_BANK_LINES + 5_000));
    expect(refused.lines).toEqual([]);
    expect(refused.errors).toEqual([{ line: 1, reason: expect.stringContaining(`流水超过 ${MAX_BANK_LINES} 行`) }]);
  });
});
