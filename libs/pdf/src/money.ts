/**
 * Display helpers for exact quantities. Money is integer fen (分) and areas are integer hundredths of m²;
 * both are formatted with integer arithmetic only — a float never touches an amount.
 */

function toBigInt(value: bigint | number | string, what: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`${what} must be an integer (got ${value})`);
    return BigInt(value);
  }
  if (!/^-?\d+$/.test(value)) throw new Error(`${what} must be an integer string (got "${value}")`);
  return BigInt(value);
}

function grouped(whole: bigint): string {
  return whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 123456 fen → "¥1,234.56"; -5 → "-¥0.05". Accepts bigint, safe integer number or integer string. */
export function formatFen(fen: bigint | number | string, options: { symbol?: boolean } = {}): string {
  const value = toBigInt(fen, 'fen');
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const text = `${grouped(abs / 100n)}.${(abs % 100n).toString().padStart(2, '0')}`;
  return `${negative ? '-' : ''}${options.symbol === false ? '' : '¥'}${text}`;
}

/** 3060000 hundredths → "30,600.00" (m²). */
export function formatAreaHundredths(hundredths: bigint | number | string): string {
  const value = toBigInt(hundredths, 'area');
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? '-' : ''}${grouped(abs / 100n)}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** 1234567 → "1,234,567". */
export function formatInteger(value: bigint | number | string): string {
  const v = toBigInt(value, 'integer');
  return v < 0n ? `-${grouped(-v)}` : grouped(v);
}
