import { naturalCompare, naturalCompareLists } from './natural-order';

describe('natural unit order', () => {
  it.each([
    ['1号楼-1单元-201', '1号楼-1单元-1001', -1],
    ['2号楼-1单元-101', '10号楼-1单元-101', -1],
    ['1号楼-2单元-101', '1号楼-1单元-901', 1],
    ['1号楼-1单元-201', '1号楼-1单元-201', 0],
    ['B1-01', 'B1-10', -1],
  ])('%s vs %s → %d', (a, b, sign) => {
    expect(Math.sign(naturalCompare(a, b))).toBe(sign);
  });

  it('sorts a list as people count', () => {
    const units = ['1号楼-1单元-1001', '1号楼-1单元-201', '1号楼-1单元-1101', '1号楼-1单元-101'];
    expect([...units].sort(naturalCompare)).toEqual(['1号楼-1单元-101', '1号楼-1单元-201', '1号楼-1单元-1001', '1号楼-1单元-1101']);
  });

  it('compares electors by their units in turn', () => {
    expect(naturalCompareLists(['1-201'], ['1-1001'])).toBeLessThan(0);
    expect(naturalCompareLists(['1-201', '1-1001'], ['1-201'])).toBeGreaterThan(0);
  });
});
