import { existsSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { FONT_BOLD, fontDirectory, getFont, registerFonts } from './fonts';
import { pdffonts, pdftotext, rasterize } from './testing/poppler';

// Characters from every template plus punctuation and less common ones (繁 forms and rare hanzi excluded:
// the font is the Simplified Chinese one).
const SAMPLE =
  '业主大会会议公告纪要决议用章登记公示委员会党支部居民代表联席物业执行表决通过未反对弃权' +
  '民法典第二百七十八条撤销请求一年内叁佰陆拾万元整专有部分面积人数三分之二四分之三过半数' +
  '幸福里小区电梯更新改造维修资金听证竞标审核签字确认主持记录缺席出席' +
  '，。、；：？！“”‘’「」《》（）【】—…·¥％㎡' +
  'ABCxyz0123456789.,-+/';

async function render(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  registerFonts(doc);
  draw(doc);
  doc.end();
  return done;
}

describe('fonts', () => {
  it('finds the Noto Sans Hans OTF files next to the package main entry', () => {
    const dir = fontDirectory();
    expect(existsSync(join(dir, 'NotoSansHans-Regular.otf'))).toBe(true);
    expect(existsSync(join(dir, 'NotoSansHans-Bold.otf'))).toBe(true);
  });

  it('parses each font once per process', () => {
    expect(getFont(FONT_BOLD)).toBe(getFont(FONT_BOLD));
    expect(getFont(FONT_BOLD).postscriptName).toMatch(/NotoSansHans-Bold|NotoSansCJK/);
  });

  it('has a real glyph for every sample character', () => {
    const font = getFont('gongyi-sans') as unknown as { glyphForCodePoint(cp: number): { id: number } };
    const missing = Array.from(SAMPLE).filter((ch) => font.glyphForCodePoint(ch.codePointAt(0)!).id === 0);
    expect(missing).toEqual([]);
  });

  it('embeds a subset whose text comes back intact from pdftotext', async () => {
    const pdf = await render((doc) => {
      doc.fontSize(12).text(SAMPLE, { width: 460 });
      doc.font(FONT_BOLD).text('加粗标题：业主大会决议公告');
    });
    const text = pdftotext(pdf).replace(/\s+/g, '');
    expect(text).toContain(SAMPLE.replace(/\s+/g, ''));
    expect(text).toContain('加粗标题：业主大会决议公告');
    const fonts = pdffonts(pdf);
    expect(fonts).toMatch(/\+NotoSansHans-Regular\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/\+NotoSansHans-Bold\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
  });

  it('draws a distinct, inked glyph for every character (no blank or .notdef boxes from CFF subsetting)', async () => {
    const chars = Array.from(new Set(SAMPLE)).filter((c) => /[^\x20-\x7e]/.test(c));
    const cell = 36; // points; 72 dpi → 1 px per point
    const perRow = 14;
    const pdf = await render((doc) => {
      doc.fontSize(24);
      chars.forEach((ch, i) => doc.text(ch, 30 + (i % perRow) * cell, 30 + Math.floor(i / perRow) * cell, { lineBreak: false }));
    });
    const page = rasterize(pdf, 1, 72);
    const cells = chars.map((_, i) => {
      const x0 = 30 + (i % perRow) * cell;
      const y0 = 30 + Math.floor(i / perRow) * cell;
      const pixels: number[] = [];
      for (let y = y0; y < y0 + cell; y++) for (let x = x0; x < x0 + cell; x++) pixels.push(page.data[y * page.width + x] < 128 ? 1 : 0);
      return pixels;
    });
    cells.forEach((pixels, i) => expect([chars[i], pixels.reduce((a, b) => a + b, 0) > 3]).toEqual([chars[i], true]));
    const signatures = new Map<string, string>();
    cells.forEach((pixels, i) => {
      const key = pixels.join('');
      expect([chars[i], signatures.get(key)]).toEqual([chars[i], undefined]);
      signatures.set(key, chars[i]);
    });
  });
});
