import { formatAreaHundredths, formatFen, formatInteger } from './money';
import { percent } from './templates/resolution';
import { formatCell } from './templates/statement';
import { formatDate, formatDateTime, formatRange } from './dates';
import { chineseNumber, termText } from './seal-impression';

describe('money and number formatting (integer arithmetic only)', () => {
  it.each([
    [0, '¥0.00'],
    [5, '¥0.05'],
    [100, '¥1.00'],
    [123456, '¥1,234.56'],
    [-123456, '-¥1,234.56'],
    [100000000, '¥1,000,000.00'],
    ['-7', '-¥0.07'],
  ])('formats %p fen as %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('keeps amounts beyond 2^53 fen exact when given as bigint or string', () => {
    expect(formatFen(900719925474099312n)).toBe('¥9,007,199,254,740,993.12');
    expect(formatFen('900719925474099399')).toBe('¥9,007,199,254,740,993.99');
  });

  it('refuses floats and non-integer strings instead of rounding them', () => {
    expect(() => formatFen(12.5)).toThrow(/integer/);
    expect(() => formatFen(0.1 + 0.2)).toThrow(/integer/);
    expect(() => formatFen('12.50')).toThrow(/integer/);
    expect(() => formatFen(Number.MAX_SAFE_INTEGER + 2)).toThrow(/integer/);
    expect(() => formatCell('¥12.00', 'money')).toThrow(/integer fen/);
  });

  it('formats areas and integers', () => {
    expect(formatAreaHundredths(3060000n)).toBe('30,600.00');
    expect(formatAreaHundredths(1050001)).toBe('10,500.01');
    expect(formatInteger(1234567)).toBe('1,234,567');
    expect(formatFen(123456, { symbol: false })).toBe('1,234.56');
  });

  it('computes percentages with exact rounding half up', () => {
    expect(percent(210, 306)).toBe('68.63%'); // 68.627…
    expect(percent(1, 8)).toBe('12.50%');
    expect(percent(1, 3)).toBe('33.33%');
    expect(percent(2, 3)).toBe('66.67%');
    expect(percent(1702050n, 2100000n)).toBe('81.05%');
    expect(percent(5, 0)).toBe('—');
  });

  it('prints dates in China Standard Time regardless of the host time zone', () => {
    const d = new Date('2026-04-30T16:30:00Z'); // 2026-05-01 00:30 in Beijing
    expect(formatDate(d)).toBe('2026年5月1日');
    expect(formatDateTime(d)).toBe('2026年5月1日 00:30');
    expect(formatRange(new Date('2026-05-01T01:00:00Z'), new Date('2026-05-01T10:00:00Z'))).toBe('2026年5月1日 09:00 至 18:00');
  });

  it('writes terms in Chinese numerals', () => {
    expect([1, 3, 10, 12, 20, 21].map(chineseNumber)).toEqual(['一', '三', '十', '十二', '二十', '二十一']);
    expect(termText(3)).toBe('第三届');
  });
});
