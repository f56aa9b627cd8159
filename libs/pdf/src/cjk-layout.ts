/**
 * Line layout for justified Chinese text. pdfkit's `align: 'justify'` only widens spaces: a line of hanzi without
 * spaces stays ragged, and a line with a few spaces (e.g. "2026 年 12 月", written so by a template) opens wide
 * gaps around the digits. Here a paragraph is broken into lines by CJK rules (a break between any two hanzi, never
 * before a closing or after an opening punctuation mark, never inside a run of digits or Latin letters), and the
 * room left on a line is shared out between adjacent CJK characters only; digit and Latin runs keep their natural
 * spacing to the hanzi beside them (GB/T 15834 sets no space there).
 */

/** Hanzi, CJK punctuation and full-width forms, and the punctuation Chinese text sets in them. */
const CJK_CHAR =
  /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3100-\u31FF\u3200-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u2014\u2018\u2019\u201C\u201D\u2026\u00B7\u00A5]/u;
/** Marks that may not begin a line (closing punctuation), or end one (opening punctuation). */
const NO_LINE_START = new Set([...'，。、；：！？）】》」』〉〕”’％…,.;:!?)]}%·']);
const NO_LINE_END = new Set([...'（【《「『〈〔“‘([{']);

export const isCjk = (ch: string): boolean => CJK_CHAR.test(ch);

/**
 * Removes the spaces a template put between hanzi and a digit or Latin run ("2026 年" → "2026年"): Chinese text
 * sets none there, and a justified line would widen them. Spaces between two Latin words, or two hanzi, stay.
 */
export function tightenMixedSpacing(text: string): string {
  return text.replace(/ +/g, (spaces, offset: number, whole: string) => {
    const before = whole[offset - 1];
    const after = whole[offset + spaces.length];
    if (before === undefined || after === undefined) return spaces;
    const cjkBefore = isCjk(before);
    const cjkAfter = isCjk(after);
    return cjkBefore !== cjkAfter && before.trim() !== '' && after.trim() !== '' ? '' : spaces;
  });
}

export type UnitKind = 'cjk' | 'word' | 'space';
export interface Unit {
  text: string;
  kind: UnitKind;
  width: number;
}

export interface LaidLine {
  units: Unit[];
  /** x offset of the first unit from the paragraph's left edge (the first line's indent). */
  indent: number;
  /** Extra space after each unit (index i: between unit i and i + 1). */
  gaps: number[];
}

/** Splits text into hanzi (one unit each), runs of other characters (words), and runs of spaces. */
export function units(text: string, measure: (s: string) => number): Unit[] {
  const out: Unit[] = [];
  let word = '';
  let spaces = '';
  const flush = () => {
    if (word) out.push({ text: word, kind: 'word', width: measure(word) });
    if (spaces) out.push({ text: spaces, kind: 'space', width: measure(spaces) });
    word = '';
    spaces = '';
  };
  for (const ch of text) {
    if (ch === ' ' || ch === '\t') {
      if (word) flush();
      spaces += ' ';
    } else if (isCjk(ch)) {
      flush();
      out.push({ text: ch, kind: 'cjk', width: measure(ch) });
    } else {
      if (spaces) flush();
      word += ch;
    }
  }
  flush();
  return out;
}

const startsBadly = (u: Unit) => NO_LINE_START.has([...u.text][0]);
const endsBadly = (u: Unit) => NO_LINE_END.has([...u.text].at(-1)!);
const sum = (us: Unit[]) => us.reduce((s, u) => s + u.width, 0);
const trimSpaces = (us: Unit[]) => {
  let a = 0;
  let b = us.length;
  while (a < b && us[a].kind === 'space') a++;
  while (b > a && us[b - 1].kind === 'space') b--;
  return us.slice(a, b);
};

/**
 * Breaks one paragraph (no newlines) into lines of at most `width` (the first line `width - indent`), justified:
 * every line but the last is filled by widening the gaps between adjacent CJK units; a line without such a gap
 * widens its spaces instead; a line with neither stays as it is.
 */
export function layoutParagraph(text: string, width: number, indent: number, measure: (s: string) => number): LaidLine[] {
  // A word wider than a whole line (a hash, a long URL) is split into pieces that fit.
  const all: Unit[] = [];
  for (const u of units(tightenMixedSpacing(text), measure)) {
    if (u.kind !== 'word' || u.width <= width - indent) {
      all.push(u);
      continue;
    }
    let piece = '';
    for (const ch of u.text) {
      if (piece && measure(piece + ch) > width - indent) {
        all.push({ text: piece, kind: 'word', width: measure(piece) });
        piece = '';
      }
      piece += ch;
    }
    if (piece) all.push({ text: piece, kind: 'word', width: measure(piece) });
  }
  const lines: Unit[][] = [];
  let line: Unit[] = [];
  let used = 0;
  const room = () => width - (lines.length === 0 ? indent : 0);
  for (const u of all) {
    if (line.length === 0 && u.kind === 'space') continue;
    if (used + u.width <= room() + 0.01 || line.length === 0) {
      line.push(u);
      used += u.width;
      continue;
    }
    if (u.kind === 'space') {
      lines.push(line);
      line = [];
      used = 0;
      continue;
    }
    // Break before u, or earlier so that no line starts with a closing mark nor ends with an opening one.
    const items = [...line, u];
    let k = line.length;
    while (k > 1 && (startsBadly(items[k]) || endsBadly(items[k - 1]) || items[k].kind === 'space')) k--;
    if (k <= 1 && (startsBadly(items[line.length]) || endsBadly(items[line.length - 1]))) k = line.length;
    lines.push(items.slice(0, k));
    line = trimSpaces(items.slice(k));
    used = sum(line);
  }
  if (line.length) lines.push(line);
  return lines.map((raw, i) => {
    const us = trimSpaces(raw);
    const lineIndent = i === 0 ? indent : 0;
    const gaps = us.map(() => 0);
    const last = i === lines.length - 1;
    const extra = width - lineIndent - sum(us);
    if (!last && extra > 0 && us.length > 1) {
      const between = us
        .slice(0, -1)
        .map((u, j) => j)
        .filter((j) => us[j].kind === 'cjk' && us[j + 1].kind === 'cjk');
      const at = between.length
        ? between
        : us
            .slice(0, -1)
            .map((u, j) => j)
            .filter((j) => us[j].kind === 'space');
      for (const j of at) gaps[j] = extra / at.length;
    }
    return { units: us, indent: lineIndent, gaps };
  });
}
