/**
 * Unit numbers in the order people count them: "1号楼-1单元-201" before "1号楼-1单元-1001" (digit runs compare as
 * numbers, everything else as text). Used wherever units are listed for people (canvassing list, exports).
 */
const collator = new Intl.Collator('zh-CN', { numeric: true, sensitivity: 'base' });

export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b);
}

/** Compares lists of unit numbers by their first unit, then the next… (an elector may own several units). */
export function naturalCompareLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = naturalCompare(a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}
