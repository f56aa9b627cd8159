import PDFDocument from 'pdfkit';
import { FONT_BOLD, FONT_REGULAR, registerFonts } from './fonts';
import { drawPageFurniture, drawVerificationBlock, VERIFICATION_BLOCK_HEIGHT } from './page-furniture';
import { drawSealImpression, SEAL_KIND_TEXT } from './seal-impression';
import type { RenderOptions, SealKind, SealSlots } from './types';
import { layoutParagraph, type LaidLine } from './cjk-layout';
import { checkpointLine, checkpointMetadata } from '@gongyi/domain/record/checkpoint';

export const BODY_SIZE = 10.5; // 五号
export const SMALL_SIZE = 9;
const LINE_GAP = 4;
const INK = '#111111';
const MUTED = '#555555';

/** The parts of a fontkit font the watermark uses. */
interface FontkitFont {
  unitsPerEm: number;
  layout(text: string): { glyphs: { path: { toSVG(): string } }[]; positions: { xAdvance: number }[] };
}

export interface WriterMeta {
  /** Document title as printed and stored in the PDF info (e.g. 业主大会会议公告). */
  title: string;
  communityName: string;
  /** SHA-256 hex of the canonical content (内容摘要). */
  contentDigest: string;
  options: RenderOptions;
}

/**
 * A4 page flow on top of pdfkit: text blocks with automatic page breaks, reserved seal slots, and on
 * finish the header/footer on every page (document number, page x/y) and the verification block
 * (QR code + 内容摘要) on the last page.
 */
/** The text carried with the seals: paragraphs (each optionally smaller), e.g. the last sentence and 特此公告。 */
export type Closing = string | { text: string; size?: number }[];

/** What comes after a seal block: by default the verification block, on the same page (finish()). */
export interface SealEnd {
  /** Height of text printed after the seals and kept on their page (e.g. the notice's 抄送 line). */
  after?: number;
  /** false: more pages follow (e.g. annexes), so the verification block is not kept with the seals. */
  last?: boolean;
}

const SEAL_RADIUS = 46;
/** Least space between the last line of text and the verification block. */
const VERIFICATION_GAP = 6;
const closingParts = (closing?: Closing) => (typeof closing === 'string' ? [{ text: closing }] : (closing ?? []));

export class DocumentWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly left = 64;
  readonly top = 76;
  readonly bottomMargin = 70;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  constructor(readonly meta: WriterMeta) {
    const when = meta.options.generatedAt;
    this.doc = new PDFDocument({
      size: 'A4',
      bufferPages: true,
      autoFirstPage: true,
      pdfVersion: '1.7',
      lang: 'zh-CN',
      margins: { top: this.top, bottom: this.bottomMargin, left: this.left, right: this.left },
      info: {
        Title: meta.title,
        Subject: `${meta.communityName} ${meta.title} ${meta.options.documentNumber}`,
        Author: meta.communityName,
        Creator: '共议 Gongyi',
        Producer: '共议 Gongyi (pdfkit)',
        Keywords: meta.options.documentNumber,
        CreationDate: when,
        ModDate: when,
        ...(meta.options.recordCheckpoint ? { GongyiRecordHead: checkpointMetadata(meta.options.recordCheckpoint) } : {}),
      },
    });
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    registerFonts(this.doc);
    this.body();
  }

  get width(): number {
    return this.doc.page.width - this.left * 2;
  }

  get right(): number {
    return this.doc.page.width - this.left;
  }

  /** y below which content must not go on the current page. */
  get bottom(): number {
    return this.doc.page.height - this.bottomMargin;
  }

  body(size = BODY_SIZE): this {
    this.doc.font(FONT_REGULAR).fontSize(size).fillColor(INK);
    return this;
  }

  bold(size = BODY_SIZE): this {
    this.doc.font(FONT_BOLD).fontSize(size).fillColor(INK);
    return this;
  }

  /** Starts a new page when less than `height` points remain on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.addPage();
  }

  addPage(): void {
    this.doc.addPage();
    this.doc.x = this.left;
    this.doc.y = this.top;
  }

  moveDown(points: number): void {
    this.doc.y += points;
  }

  title(text: string, subtitle?: string): void {
    const issued = this.meta.options.issueNumber;
    if (issued) {
      // GB/T 9704: the 发文字号 sits above the title, centred.
      this.body(BODY_SIZE);
      this.doc.text(`${issued}\u3000（${this.meta.options.documentNumber}）`, this.left, this.doc.y, {
        width: this.width,
        align: 'center',
      });
      this.moveDown(8);
    }
    // A long title is set smaller (down to 小三, 15 pt) rather than leave one or two characters on a line of their own.
    let size = 18;
    while (size > 15 && this.bold(size).doc.widthOfString(text) > this.width) size -= 0.5;
    this.bold(size);
    this.doc.text(text, this.left, this.doc.y, { width: this.width, align: 'center' });
    if (subtitle) {
      this.body(BODY_SIZE).doc.fillColor(MUTED);
      this.doc.text(subtitle, this.left, this.doc.y + 4, { width: this.width, align: 'center' });
    }
    this.moveDown(14);
    this.body();
  }

  heading(text: string): void {
    this.ensureSpace(48);
    this.moveDown(6);
    this.bold(12.5);
    this.doc.text(text, this.left, this.doc.y, { width: this.width });
    this.moveDown(4);
    this.body();
  }

  /**
   * A body paragraph (flows across pages). `indent` indents the first line by two characters. Justified text is
   * laid out by ./cjk-layout: the room on a line goes between hanzi, never around digit or Latin runs.
   */
  paragraph(text: string, options: { indent?: boolean; size?: number; muted?: boolean; align?: 'left' | 'justify' } = {}): void {
    const size = options.size ?? BODY_SIZE;
    const colour = options.muted ? MUTED : INK;
    this.body(size).doc.fillColor(colour);
    this.ensureSpace(size * 2);
    for (const line of this.layout(text, size, options.indent ?? false)) {
      const height = this.doc.currentLineHeight(true);
      if (this.doc.y + height > this.bottom) {
        this.addPage();
        this.body(size).doc.fillColor(colour);
      }
      this.drawLine(line, options.align === 'left');
      this.doc.y += height + LINE_GAP;
    }
    this.doc.x = this.left;
    this.moveDown(size * 0.5);
    this.body();
  }

  /** The lines of a paragraph at `size` (each source line broken and justified), as paragraph() draws them. */
  private layout(text: string, size: number, indent: boolean): LaidLine[] {
    const measure = (s: string) => this.doc.widthOfString(s);
    return text
      .split('\n')
      .flatMap((source) =>
        source.trim().length ? layoutParagraph(source, this.width, indent ? size * 2 : 0, measure) : [{ units: [], indent: 0, gaps: [] }],
      );
  }

  /** Height paragraph() takes for `text` (without the space after it). */
  paragraphHeight(text: string, size = BODY_SIZE, indent = true): number {
    this.body(size);
    const lines = this.layout(text, size, indent).length;
    const height = lines * (this.doc.currentLineHeight(true) + LINE_GAP);
    this.body();
    return height;
  }

  /** One laid-out line at the cursor: runs of hanzi with their shared spacing, words and digits as they are. */
  private drawLine(line: LaidLine, ragged: boolean): void {
    const y = this.doc.y;
    let x = this.left + line.indent;
    const { units: us } = line;
    const gaps = ragged ? us.map(() => 0) : line.gaps;
    for (let i = 0; i < us.length;) {
      let j = i;
      // A run of hanzi with equal gaps is one text object with character spacing (Tc), not one per glyph.
      while (j + 1 < us.length && us[j].kind === 'cjk' && us[j + 1].kind === 'cjk' && gaps[j] === gaps[i]) j++;
      const run = us.slice(i, j + 1);
      const spacing = j > i ? gaps[i] : 0;
      if (run[0].kind !== 'space')
        this.doc.text(
          run.map((u) => u.text).join(''),
          x,
          y,
          spacing ? { lineBreak: false, characterSpacing: spacing } : { lineBreak: false },
        );
      x += run.reduce((sum, u) => sum + u.width, 0) + spacing * (j - i) + gaps[j];
      i = j + 1;
    }
    this.doc.y = y;
  }

  /** "label：value" lines with the labels in a fixed-width column. */
  fields(rows: [label: string, value: string][], labelWidth = 84): void {
    for (const [label, value] of rows) {
      const valueWidth = this.width - labelWidth;
      this.body();
      const height = Math.max(this.doc.heightOfString(value || ' ', { width: valueWidth, lineGap: LINE_GAP }), BODY_SIZE * 1.4);
      this.ensureSpace(Math.min(height, 120));
      const y = this.doc.y;
      const page = this.doc.bufferedPageRange().count;
      this.bold().doc.text(`${label}：`, this.left, y, { width: labelWidth, lineGap: LINE_GAP });
      this.body().doc.text(value || '—', this.left + labelWidth, y, { width: valueWidth, lineGap: LINE_GAP });
      // A long value may have flowed onto a new page; only then is the cursor not below y.
      const flowed = this.doc.bufferedPageRange().count !== page;
      this.doc.y = (flowed ? this.doc.y : Math.max(this.doc.y, y + BODY_SIZE * 1.4)) + 2;
    }
    this.moveDown(4);
  }

  /**
   * Issuer lines with seal slots (right-aligned, one column per slot) and the date; draws the impression for
   * every slot whose seal was passed in the render options. At most two slots.
   */
  sealBlock(
    slots: SealSlots,
    date: string,
    issuerOverride?: Partial<Record<SealKind, string>>,
    closing?: Closing,
    end: SealEnd = {},
  ): void {
    const seals = this.meta.options.seals ?? [];
    const kinds = [...new Set<SealKind>([...slots, ...seals.map((s) => s.kind)])]
      .sort((a, b) => (a === b ? 0 : a === 'assembly' ? -1 : 1))
      .slice(0, 2);
    const radius = SEAL_RADIUS;
    // GB/T 9704: the seals go over the date on the last page of text, and the closing text (the document's last
    // sentences and 特此公告。, at least two lines) always goes with them, so a page break never leaves the seals with
    // less. When nothing follows, the verification block must fit below them too: it is never left on a page alone
    // (a page with no text, only the QR code); the closing and the seals move on with it instead.
    this.ensureSpace(this.sealSpace(closing, end));
    for (const part of closingParts(closing)) this.paragraph(part.text, { indent: true, size: part.size });
    const slotWidth = Math.min(210, this.width / 2);
    const top = this.doc.y + radius - 4;
    const centres = kinds.map((_, i) => this.right - slotWidth / 2 - (kinds.length - 1 - i) * slotWidth);
    kinds.forEach((kind, i) => {
      const issuer = issuerOverride?.[kind] ?? `${this.meta.communityName}${SEAL_KIND_TEXT[kind]}`;
      this.body(11);
      this.doc.text(issuer, centres[i] - slotWidth / 2, top, { width: slotWidth, align: 'center', lineBreak: false });
      if (!seals.some((s) => s.kind === kind)) {
        this.body(SMALL_SIZE).doc.fillColor(MUTED);
        this.doc.text('（盖章）', centres[i] - slotWidth / 2, top + 16, { width: slotWidth, align: 'center', lineBreak: false });
      }
    });
    this.body(11);
    this.doc.text(date, this.right - slotWidth, top + 34, { width: slotWidth, align: 'center', lineBreak: false });
    // Impressions go on top of the issuer names and the date, as a stamped seal does.
    kinds.forEach((kind, i) => {
      const seal = seals.find((s) => s.kind === kind);
      if (seal) drawSealImpression(this.doc, seal, centres[i], top + 12, radius);
    });
    this.doc.x = this.left;
    this.doc.y = top + radius + 16;
    this.body();
  }

  /**
   * The height the seal block needs with its closing text, and (`last`, the default: nothing follows the seals)
   * with the verification block below it: a template that puts a heading right before the closing reserves this
   * plus the heading, so the heading is never left alone at the foot of a page.
   */
  sealSpace(closing?: Closing, end: SealEnd = {}): number {
    const height = closingParts(closing).reduce((sum, part) => {
      const size = part.size ?? BODY_SIZE;
      return sum + this.paragraphHeight(part.text, size, true) + size * 0.5;
    }, 0);
    // The block ends at top + radius + 16 with top = y + radius - 4 (sealBlock); the impression reaches top + 12 + radius.
    const seals = SEAL_RADIUS * 2 + 16 + height + (end.after ?? 0);
    return end.last === false ? seals : this.endSpace(seals);
  }

  /** Usable height of a page (between the top and bottom margins). */
  get pageHeight(): number {
    return this.doc.page.height - this.bottomMargin - this.top;
  }

  /**
   * `height` of the document's last content plus the verification block finish() draws at the foot of the last
   * page — or `height` alone when the two could not share even a fresh page.
   */
  endSpace(height: number): number {
    const withBlock = height + VERIFICATION_GAP + VERIFICATION_BLOCK_HEIGHT;
    return withBlock <= this.pageHeight ? withBlock : height;
  }

  /**
   * Before the document's last content (`height` points): starts a new page unless it fits on this one together
   * with the verification block, so that block never takes a page of its own.
   */
  keepWithEnd(height: number): void {
    this.ensureSpace(this.endSpace(height));
  }

  /** Space the verification block needs below the last line of text (finish()). */
  get verificationSpace(): number {
    return VERIFICATION_GAP + VERIFICATION_BLOCK_HEIGHT;
  }

  /**
   * 草稿: every unsealed render says so on every page, so a preview is never mistaken for the sealed document.
   * Drawn as glyph outlines, not text: it is not part of the document's text (search, copy, pdftotext).
   */
  private draftWatermark(): void {
    const { width, height } = this.doc.page;
    this.doc.save();
    this.doc.rotate(-30, { origin: [width / 2, height / 2] });
    this.outlineText('草稿', width / 2, height / 2 + 40, 130);
    this.outlineText('未盖章 · 仅供审阅', width / 2, height / 2 + 90, 22);
    this.doc.restore();
    this.doc.fillOpacity(1);
    this.body();
  }

  /** Text as filled outlines of the bold font, centred on x with its baseline at y. */
  private outlineText(text: string, x: number, y: number, size: number): void {
    // Red at 13 %, set after the font (bold() resets the colour to ink).
    this.bold(size).doc.fillColor('#c0392b').fillOpacity(0.13);
    // pdfkit keeps the fontkit font of an embedded font on `.font`.
    const font = (this.doc as unknown as { _font: { font: FontkitFont } })._font.font;
    const run = font.layout(text);
    const scale = size / font.unitsPerEm;
    const total = run.positions.reduce((sum, p) => sum + p.xAdvance, 0) * scale;
    let pen = x - total / 2;
    run.glyphs.forEach((glyph, i) => {
      this.doc.save();
      this.doc.translate(pen, y).scale(scale, -scale);
      this.doc.path(glyph.path.toSVG()).fill();
      this.doc.restore();
      pen += run.positions[i].xAdvance * scale;
    });
  }

  /** Finishes the document: verification block on the last page, header/footer on all pages. */
  async finish(): Promise<Buffer> {
    const blockTop = this.bottom - VERIFICATION_BLOCK_HEIGHT;
    // The templates keep their last content with the block (sealBlock, keepWithEnd, drawTable's reserveAfter); a
    // new page here is the last resort, for a last block taller than a page.
    if (this.doc.y > blockTop - VERIFICATION_GAP) this.addPage();
    const draft = !this.meta.options.seals?.length && !this.meta.options.final;
    drawVerificationBlock(this.doc, {
      x: this.left,
      y: blockTop,
      width: this.width,
      documentNumber: this.meta.options.documentNumber,
      verifyBaseUrl: this.meta.options.verifyBaseUrl,
      contentDigest: this.meta.contentDigest,
    });
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      if (draft) this.draftWatermark();
      drawPageFurniture(this.doc, {
        pageNumber: i - range.start + 1,
        pageCount: range.count,
        title: this.meta.title,
        communityName: this.meta.communityName,
        documentNumber: this.meta.options.documentNumber,
        left: this.left,
        checkpointLine: this.meta.options.recordCheckpoint && checkpointLine(this.meta.options.recordCheckpoint),
      });
    }
    this.doc.end();
    return this.done;
  }
}
