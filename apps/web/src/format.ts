import { formatZhDate, formatZhDateTime } from '@gongyi/domain/labels/time';

/** "30600.00" → "30,600.00" by string arithmetic: areas are decimals, never floats. */
export function formatArea(area: string): string {
  const [whole, fraction] = area.split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction !== undefined ? `.${fraction}` : ''}`;
}

/** The zone of the community being viewed (set by CommunityScope); times are always shown in it. */
let displayZone = 'Asia/Shanghai';
export function setDisplayZone(zone: string | undefined): void {
  displayZone = zone || 'Asia/Shanghai';
}
export function getDisplayZone(): string {
  return displayZone;
}

/** The one time format of the web app: "2026年12月17日 09:00" in the community's zone (same as the API's texts). */
export function formatDateTime(value: string | Date | null | undefined): string {
  return value ? formatZhDateTime(value, displayZone) : '—';
}

/** "2026年12月17日", for a timestamp (in the community's zone) and for a plain date ("2026-12-17") alike. */
export function formatDate(value: string | null | undefined): string {
  return value ? formatZhDate(value, displayZone) : '—';
}

/** Groups the digits of a non-negative integer string: "1234567" → "1,234,567". */
function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Integer fen as sent by the API ("1200050", "-9999") → yuan for display ("12,000.50", "-99.99"), by splitting the
 * string: yuan are all but the last two digits, fen the last two. Money never passes through a float.
 */
export function formatFen(fen: string): string {
  const text = fen.trim();
  const negative = text.startsWith('-');
  const digits = (negative ? text.slice(1) : text).replace(/^0+(?=\d)/, '').padStart(3, '0');
  const sign = negative && /[1-9]/.test(digits) ? '-' : '';
  return `${sign}${group(digits.slice(0, -2))}.${digits.slice(-2)}`;
}

/** Like formatFen, with the currency sign: "¥12,000.50", "-¥99.99". */
export function formatYuan(fen: string): string {
  const text = formatFen(fen);
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`;
}

/**
 * Yuan typed by a person ("12000", "12,000.5", "¥3500.50") → integer fen as a string ("1200000", "1200050",
 * "350050"), by string manipulation; null when it is not an amount with at most two decimals.
 */
export function yuanToFen(input: string): string | null {
  const match = /^(\d{1,13})(?:\.(\d{0,2}))?$/.exec(input.trim().replace(/[,，\s¥￥]/g, ''));
  if (!match) return null;
  return `${match[1]}${(match[2] ?? '').padEnd(2, '0')}`.replace(/^0+(?=\d)/, '');
}

/** Area in hundredths of m² as a string ("15000") → "150.00", grouped; no float involved. */
export function formatHundredths(hundredths: string): string {
  return formatFen(hundredths);
}

/**
 * Share of `part` in `whole` as a percentage for drawing bars (0–100, one decimal), from integer strings or
 * decimal strings with two places ("1,199.00"). Only for geometry; figures are always shown as given.
 */
export function percentOf(part: string | number, whole: string | number): number {
  const toHundredths = (v: string | number): bigint => {
    const text = String(v).replace(/,/g, '');
    const [int, frac = ''] = text.split('.');
    return BigInt(int || '0') * 100n + BigInt((frac + '00').slice(0, 2));
  };
  const w = toHundredths(whole);
  if (w <= 0n) return 0;
  const p = toHundredths(part);
  const permille = (p * 1000n) / w;
  return Math.min(100, Number(permille) / 10);
}
