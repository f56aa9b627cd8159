import { SEAL_ISSUER_LABELS_ZH, SEAL_KIND_FULL_NAMES_ZH } from '@gongyi/domain/labels';
import { FONT_BOLD } from './fonts';
import type { SealImpression, SealKind } from './types';

/** Seal red (印泥红). */
export const SEAL_RED = '#d0111b';

// From the one label registry (libs/domain/src/labels): the same words in certificates, PDFs and the web app.
export const SEAL_KIND_TEXT: Record<SealKind, string> = SEAL_ISSUER_LABELS_ZH;
export const SEAL_KIND_NAME: Record<SealKind, string> = SEAL_KIND_FULL_NAMES_ZH;

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 3 → 三, 12 → 十二, 21 → 二十一 (届别 are small numbers). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return CHINESE_DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${ones === 0 ? '' : CHINESE_DIGITS[ones]}`;
}

export function termText(term: number): string {
  return `第${chineseNumber(term)}届`;
}

/**
 * Draws a round red seal centred on (cx, cy) with the given radius, in vector graphics: outer ring, a
 * five-pointed star, the community name along the upper arc (each character upright towards the rim),
 * the seal kind (业主大会 / 业主委员会) under the star and the optional term (第X届) below it.
 * Graphics state (colour, opacity, font, cursor) is restored afterwards.
 */
export function drawSealImpression(doc: PDFKit.PDFDocument, seal: SealImpression, cx: number, cy: number, radius: number): void {
  const savedX = doc.x;
  const savedY = doc.y;
  doc.save();
  doc.fillColor(SEAL_RED).strokeColor(SEAL_RED).fillOpacity(0.88).strokeOpacity(0.88);

  // Ring.
  const ring = Math.max(1.2, radius * 0.055);
  doc
    .lineWidth(ring)
    .circle(cx, cy, radius - ring / 2)
    .stroke();

  // Five-pointed star.
  const outer = radius * 0.27;
  const inner = outer * 0.382;
  const starCy = cy - radius * 0.02;
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5;
    points.push([cx + r * Math.cos(angle), starCy + r * Math.sin(angle)]);
  }
  doc.polygon(...points).fill();

  // Community name along the upper arc.
  doc.font(FONT_BOLD);
  const chars = Array.from(seal.communityName);
  if (chars.length > 0) {
    const spanDeg = Math.min(260, Math.max(160, chars.length * 40));
    const span = (spanDeg * Math.PI) / 180;
    const step = chars.length > 1 ? span / (chars.length - 1) : 0;
    const approxRadius = radius * 0.74;
    const size = Math.min(radius * 0.3, chars.length > 1 ? approxRadius * step * 0.92 : radius * 0.3);
    // Glyph centres sit just inside the ring.
    const textRadius = radius - ring * 1.6 - size * 0.58;
    doc.fontSize(size);
    const start = -Math.PI / 2 - (chars.length > 1 ? span / 2 : 0);
    chars.forEach((ch, i) => {
      const angle = start + i * step;
      doc.save();
      doc.translate(cx + textRadius * Math.cos(angle), cy + textRadius * Math.sin(angle));
      doc.rotate((angle * 180) / Math.PI + 90);
      const width = doc.widthOfString(ch);
      doc.text(ch, -width / 2, -size * 0.62, { lineBreak: false });
      doc.restore();
    });
  }

  // Seal kind below the star, then the term.
  const kind = SEAL_KIND_TEXT[seal.kind];
  const kindSize = Math.min(radius * 0.2, (radius * 1.15) / Array.from(kind).length);
  doc.fontSize(kindSize);
  let width = doc.widthOfString(kind);
  doc.text(kind, cx - width / 2, cy + radius * 0.3, { lineBreak: false });
  if (seal.term !== undefined) {
    const term = termText(seal.term);
    doc.fontSize(radius * 0.14);
    width = doc.widthOfString(term);
    doc.text(term, cx - width / 2, cy + radius * 0.3 + kindSize * 1.25, { lineBreak: false });
  }

  doc.restore();
  doc.x = savedX;
  doc.y = savedY;
}
