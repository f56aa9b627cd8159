/**
 * Dates are printed in China Standard Time (UTC+8, no daylight saving), computed by offset rather than
 * through the host's time zone or ICU data, so output does not depend on where the server runs.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

function parts(date: Date) {
  if (Number.isNaN(date.getTime())) throw new Error('invalid date');
  const d = new Date(date.getTime() + OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hh: String(d.getUTCHours()).padStart(2, '0'),
    mm: String(d.getUTCMinutes()).padStart(2, '0'),
  };
}

/** 2026年5月1日 */
export function formatDate(date: Date): string {
  const p = parts(date);
  return `${p.year}年${p.month}月${p.day}日`;
}

/** 2026年5月1日 14:30 */
export function formatDateTime(date: Date): string {
  const p = parts(date);
  return `${formatDate(date)} ${p.hh}:${p.mm}`;
}

/** 2026年5月1日 14:30:05（北京时间）: trusted times are read to the second. */
export function formatDateTimeSeconds(date: Date): string {
  const ss = String(new Date(date.getTime() + OFFSET_MS).getUTCSeconds()).padStart(2, '0');
  return `${formatDateTime(date)}:${ss}（北京时间）`;
}

/** 2026-05-01 */
export function formatDateShort(date: Date): string {
  const p = parts(date);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** "2026年5月1日 09:00 至 2026年5月20日 18:00" (the second date is shortened to the time on the same day). */
export function formatRange(from: Date, to: Date): string {
  const sameDay = formatDate(from) === formatDate(to);
  const p = parts(to);
  return `${formatDateTime(from)} 至 ${sameDay ? `${p.hh}:${p.mm}` : formatDateTime(to)}`;
}
