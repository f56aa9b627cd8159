import { DomainError } from './errors';

/**
 * Areas are exact: square metres with at most two decimals, held as integer
 * hundredths in a bigint. Never floating point.
 */
export type AreaHundredths = bigint;

const AREA_PATTERN = /^(\d{1,10})(?:\.(\d{1,2}))?$/;

export function parseArea(text: string): AreaHundredths {
  const trimmed = text.trim();
  const match = AREA_PATTERN.exec(trimmed);
  if (!match) {
    throw new DomainError('invalid', 'invalid_area', `面积格式错误 invalid area "${text}": use square metres with at most 2 decimals`);
  }
  const whole = BigInt(match[1]);
  const fraction = BigInt((match[2] ?? '').padEnd(2, '0'));
  return whole * 100n + fraction;
}

export function isValidArea(text: string): boolean {
  return AREA_PATTERN.test(text.trim());
}

export function formatArea(hundredths: AreaHundredths): string {
  const negative = hundredths < 0n;
  const abs = negative ? -hundredths : hundredths;
  const whole = abs / 100n;
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

export function sumAreas(areas: Iterable<AreaHundredths>): AreaHundredths {
  let total = 0n;
  for (const area of areas) total += area;
  return total;
}
