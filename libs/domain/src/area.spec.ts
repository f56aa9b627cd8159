import { formatArea, parseArea, sumAreas } from './area';

describe('area', () => {
  it('parses exact hundredths', () => {
    expect(parseArea('89.5')).toBe(8950n);
    expect(parseArea('100')).toBe(10000n);
    expect(parseArea(' 0.01 ')).toBe(1n);
    expect(parseArea('30600.00')).toBe(3060000n);
  });

  it('rejects more than two decimals, negatives and text', () => {
    for (const bad of ['1.234', '-5', 'abc', '', '1,5', '1e3']) {
      expect(() => parseArea(bad)).toThrow(/invalid area/);
    }
  });

  it('formats back with two decimals and sums without drift', () => {
    expect(formatArea(8950n)).toBe('89.50');
    const tenths = Array.from({ length: 1000 }, () => parseArea('0.1'));
    expect(formatArea(sumAreas(tenths))).toBe('100.00');
  });
});
