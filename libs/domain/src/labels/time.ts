/**
 * The one way times are shown to people: in the community's time zone, Chinese style — "2026年12月17日 09:00".
 * Pure Intl (no library), so the API (notification texts, PDFs) and the web app print the same thing.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = cache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    cache.set(timeZone, f);
  }
  return f;
}

function parts(value: Date | string, timeZone: string): Record<string, string> | null {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  let f: Intl.DateTimeFormat;
  try {
    f = formatter(timeZone);
  } catch {
    f = formatter('Asia/Shanghai');
  }
  return Object.fromEntries(f.formatToParts(date).map((p) => [p.type, p.value]));
}

/** "2026年12月17日 09:00" in `timeZone` (an unknown zone falls back to Asia/Shanghai). */
export function formatZhDateTime(value: Date | string, timeZone = 'Asia/Shanghai'): string {
  const p = parts(value, timeZone);
  if (!p) return '—';
  return `${p.year}年${Number(p.month)}月${Number(p.day)}日 ${p.hour}:${p.minute}`;
}

/** "2026年12月17日" in `timeZone`; a plain date ("2026-12-17") is printed as it is, with no zone shift. */
export function formatZhDate(value: Date | string, timeZone = 'Asia/Shanghai'): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${y}年${Number(m)}月${Number(d)}日`;
  }
  const p = parts(value, timeZone);
  if (!p) return '—';
  return `${p.year}年${Number(p.month)}月${Number(p.day)}日`;
}
