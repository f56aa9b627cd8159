import { layoutParagraph, tightenMixedSpacing } from './cjk-layout';
import { DocumentWriter } from './document-writer';
import { pdftotext, pdfWords } from './testing/poppler';

// Every character 10 wide: lines are easy to count.
const measure = (s: string) => [...s].length * 10;
const lineText = (l: { units: { text: string }[] }) => l.units.map((u) => u.text).join('');

describe('tightenMixedSpacing', () => {
  it.each([
    ['2026 年 12 月 1 日', '2026年12月1日'],
    ['共计 6,250.00 平方米', '共计6,250.00平方米'],
    ['赞成 2、反对 0', '赞成2、反对0'],
    ['ABC Company Ltd. 的标书', 'ABC Company Ltd.的标书'],
    ['张三 李四', '张三 李四'],
    ['see page 3', 'see page 3'],
  ])('%s → %s', (input, output) => expect(tightenMixedSpacing(input)).toBe(output));
});

describe('layoutParagraph', () => {
  it('fills every line but the last to the width, widening only gaps between hanzi', () => {
    const lines = layoutParagraph('截至2026年12月1日共计6,250.00平方米，业主专有部分面积已达到要求。', 200, 0, measure);
    for (const line of lines.slice(0, -1)) {
      const width = line.units.reduce((s, u) => s + u.width, 0) + line.gaps.reduce((s, g) => s + g, 0);
      expect(width).toBeCloseTo(200, 5);
      line.units.forEach((u, i) => {
        if (line.gaps[i] > 0) expect([u.kind, line.units[i + 1].kind]).toEqual(['cjk', 'cjk']);
      });
    }
    expect(lines.at(-1)!.gaps.every((g) => g === 0)).toBe(true);
    // Digit runs are never split.
    expect(lines.map(lineText).join('|')).not.toMatch(/\d\|\d|,\|\d|\d\|[.,]/);
  });

  it('never starts a line with a closing mark nor ends one with an opening mark', () => {
    // 20 units to a line: the comma would start line 2, the bracket end line 1.
    const text = '一二三四五六七八九十一二三四五六七八九十，继续（括号内容）结束';
    const lines = layoutParagraph(text, 200, 0, measure).map(lineText);
    expect(lines.join('')).toBe(text);
    expect(lines.every((l) => !/^[，。、；：）]/.test(l) && !/（$/.test(l))).toBe(true);
    const bracket = layoutParagraph('一二三四五六七八九十一二三四五六七八九（括号）', 200, 0, measure).map(lineText);
    expect(bracket[0].endsWith('（')).toBe(false);
  });

  it('splits a word longer than a line instead of overflowing', () => {
    const lines = layoutParagraph('摘要：' + '0'.repeat(64), 200, 20, measure);
    expect(lines.every((l, i) => l.units.reduce((s, u) => s + u.width, 0) <= 200 - (i === 0 ? 20 : 0))).toBe(true);
    expect(lines.map(lineText).join('')).toBe('摘要：' + '0'.repeat(64));
  });
});

describe('justified paragraphs in a rendered PDF', () => {
  const SENTENCE = '2026年12月1日共计6,250.00平方米';
  let pdf: Buffer;
  beforeAll(async () => {
    const w = new DocumentWriter({
      title: '排版测试',
      communityName: '幸福里小区',
      contentDigest: '0'.repeat(64),
      options: { documentNumber: 'GY-TEST-1', verifyBaseUrl: 'https://gongyi.example.cn', generatedAt: new Date(0), final: true },
    });
    // The same facts as a template writes them (spaces around the digits) and without spaces, each mid-line.
    w.paragraph(
      `本次业主大会会议的投票自 2026 年 12 月 1 日开始，截至 2026 年 12 月 1 日共计 6,250.00 平方米的业主参与表决，截至${SENTENCE}的专有部分面积，参与表决的人数与面积均已达到法定要求，特此公告并请各位业主于公示期内提出异议。`,
      { indent: true },
    );
    pdf = await w.finish();
  });

  it('sets no space between a digit run and the hanzi beside it (pdftotext -layout)', () => {
    const text = pdftotext(pdf, { layout: true, page: 1 });
    expect(text).toContain('2026年12月1日');
    expect(text).toContain('6,250.00平方米');
    expect(text).not.toMatch(/2026\s+年/);
    expect(text).not.toMatch(/6,250\.00\s+平方米/);
    expect(text).toContain(SENTENCE);
  });

  it('fills each line but the last to the right margin, also lines without a single space', () => {
    const words = pdfWords(pdf, 1).filter((w) => w.yMin > 60 && w.yMin < 300);
    const lines = new Map<number, { xMin: number; xMax: number; text: string }[]>();
    for (const w of words) lines.set(Math.round(w.yMin), [...(lines.get(Math.round(w.yMin)) ?? []), w]);
    const rows = [...lines.values()].map((ws) => ({ right: Math.max(...ws.map((w) => w.xMax)), text: ws.map((w) => w.text).join('') }));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const right = 595.28 - 64;
    for (const row of rows.slice(0, -1)) expect([row.text, Math.abs(row.right - right) < 0.5]).toEqual([row.text, true]);
    expect(rows.at(-1)!.right).toBeLessThan(right - 20);
  });
});
