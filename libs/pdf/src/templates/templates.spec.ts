import { checkText, EXECUTION_REPORT_CHECKLIST } from '@gongyi/domain/documents/checklists';
import { contentDigest } from '../content-digest';
import { sampleMinutes, sampleNotice, sampleResolution, sampleSealLog, sampleStatement } from '../samples';
import { pdfinfo, pdftotext, pdfWords, rasterize } from '../testing/poppler';
import type { RenderOptions } from '../types';
import { ASSEMBLY_NOTICE_TYPE, renderAssemblyNotice } from './assembly-notice';
import { MINUTES_TYPE, renderMeetingMinutes } from './minutes';
import { renderResolutionAnnouncement, RESOLUTION_TYPE } from './resolution';
import { renderSealLog } from './seal-log';
import { renderStatement, STATEMENT_TYPE } from './statement';

const options = (documentNumber: string, extra: Partial<RenderOptions> = {}): RenderOptions => ({
  documentNumber,
  verifyBaseUrl: 'https://gongyi.example.cn/',
  generatedAt: new Date('2026-05-21T02:00:00Z'),
  ...extra,
});

const squash = (s: string) => s.replace(/\s+/g, '');

/** Pages of pdftotext output (form-feed separated), whitespace removed. */
function pages(pdf: Buffer): string[] {
  const parts = pdftotext(pdf).split('\f').map(squash);
  return parts.slice(0, Number(pdfinfo(pdf).Pages));
}

function expectFurniture(pdf: Buffer, documentNumber: string, type: string, input: unknown): string[] {
  expect(pdfinfo(pdf)['Page size']).toMatch(/A4/);
  const texts = pages(pdf);
  texts.forEach((text, i) => {
    expect(text).toContain(squash(`文件编号：${documentNumber}`));
    expect(text).toContain(squash(`第 ${i + 1} 页 / 共 ${texts.length} 页`));
    // The verification block is on the last page only.
    expect(text.includes('文件核验')).toBe(i === texts.length - 1);
  });
  const last = texts[texts.length - 1];
  expect(last).toContain(`https://gongyi.example.cn/verify/${documentNumber}`);
  expect(last).toContain(contentDigest(type, documentNumber, input));
  return texts;
}

describe('templates', () => {
  it('assembly notice: window, place, channels, the full text of every motion, date and contact', async () => {
    const input = sampleNotice();
    const pdf = await renderAssemblyNotice(input, options('GY-2026-000123'));
    const all = expectFurniture(pdf, 'GY-2026-000123', ASSEMBLY_NOTICE_TYPE, input).join('');
    for (const s of [
      '幸福里小区2026年第一次业主大会会议公告',
      '2026年5月1日 09:00 至 2026年5月20日 18:00',
      input.place!,
      ...input.methods,
      ...input.motions.flatMap((m) => [m.title, m.fullText, m.thresholdText!, ...(m.options ?? [])]),
      '2026年4月10日',
      input.contact.phone!,
      input.notes![0],
    ]) {
      expect(all).toContain(squash(s));
    }
  });

  it('minutes: 10+ pages with every opinion, attendees, outcome and signatures', async () => {
    const input = sampleMinutes();
    const pdf = await renderMeetingMinutes(input, options('GY-2026-000101'));
    const texts = expectFurniture(pdf, 'GY-2026-000101', MINUTES_TYPE, input);
    expect(texts.length).toBeGreaterThanOrEqual(10);
    const all = texts.join('');
    for (const s of [
      '幸福里小区老旧电梯更新改造四方联席会议纪要',
      '联席会议纪要',
      '2026年3月12日 14:30 至 17:00',
      input.place,
      '主持人：王建国',
      '记录人：陈静',
      '应到7人，实到6人，缺席1人',
    ]) {
      expect(all).toContain(squash(s));
    }
    for (const a of input.attendees) expect(all).toContain(a.name + a.role);
    // No opinion lost or duplicated across page breaks, in order.
    let from = 0;
    input.opinions!.forEach((_, i) => {
      const at = all.indexOf(`（第${i + 1}条）`, from);
      expect([i + 1, at >= 0]).toEqual([i + 1, true]);
      from = at;
    });
    expect(all).toContain('同意，进入下一环节');
    expect(all).toContain('赞成6人，反对0人，弃权0人');
    expect(all).toContain(squash('已于 2026年3月12日 18:00 确认'));
    expect(all).toContain('幸福里小区业主委员会（盖章）');
  });

  it('an unsealed preview carries the 草稿 watermark on every page; confirmed minutes (final) and the text do not', async () => {
    /** Pixels where two renders of a page differ (the same input renders the same bytes but for the watermark). */
    const differing = (a: Buffer, b: Buffer, page: number) => {
      const [x, y] = [rasterize(a, page, 20), rasterize(b, page, 20)];
      let n = 0;
      for (let i = 0; i < x.data.length; i++) if (Math.abs(x.data[i] - y.data[i]) > 8) n++;
      return n;
    };
    const input = sampleMinutes(60);
    const preview = await renderMeetingMinutes(input, options('GY-2026-000140'));
    const final = await renderMeetingMinutes(input, options('GY-2026-000140', { final: true }));
    const pageCount = Number(pdfinfo(preview).Pages);
    expect(pageCount).toBeGreaterThan(1);
    const again = await renderMeetingMinutes(input, options('GY-2026-000140', { final: true }));
    for (let page = 1; page <= pageCount; page++) {
      expect([page, differing(preview, final, page) > 300]).toEqual([page, true]);
      expect([page, differing(again, final, page)]).toEqual([page, 0]);
    }
    // Outlines, not text: pdftotext of the preview has no 草稿.
    expect(pdftotext(preview)).not.toContain('草稿');
  });

  it('never leaves the seals with less than two lines of text: the closing goes with them across every page break', async () => {
    const base = sampleSealLog();
    // From one entry to a few pages' worth, the page break falls at every point before the seal block once.
    for (let n = 1; n <= 40; n += 1) {
      const input = {
        ...base,
        entries: Array.from({ length: n }, (_, i) => ({ ...base.entries[i % 2], documentNumber: `GY-2026-${String(i).padStart(6, '0')}` })),
      };
      const texts = pages(await renderSealLog(input, options('GY-2026-000150')));
      const sealPage = texts.findIndex((t) => t.includes('特此公示。'));
      expect([n, sealPage >= 0]).toEqual([n, true]);
      expect([n, texts[sealPage].includes(squash(`以上为${base.periodLabel}全部用章申请及其结果`))]).toEqual([n, true]);
      expect([n, texts[sealPage].includes('（盖章）')]).toEqual([n, true]);
      // …and the verification block stays with them: the seals' page is the last, never a QR-only page after it.
      expect([n, sealPage]).toEqual([n, texts.length - 1]);
    }
  }, 120_000);

  it('the execution stage is a report, not minutes: its checklist met, no blank 签字 column, no budget said so', async () => {
    const at = (iso: string) => new Date(iso);
    const input = {
      ...sampleMinutes(0),
      stage: 'execution' as const,
      agendaItemTitle: '更换1幢水泵',
      signatures: [],
      executionReport: {
        reportingParty: '物业（刘经理）',
        item: '议题第3号「更换1幢水泵」',
        decision: '议题第3号「更换1幢水泵」业主大会决定',
        period: { from: at('2026-11-02T02:00:00Z'), to: at('2026-11-20T02:00:00Z') },
        progress: [
          { at: at('2026-11-02T02:00:00Z'), percent: 40, text: '旧水泵拆除', by: '刘经理' },
          { at: at('2026-11-10T02:00:00Z'), percent: 100, text: '新水泵安装并试运行', by: '刘经理' },
        ],
        acceptance: { at: at('2026-11-20T02:00:00Z'), place: '1幢泵房', attendees: ['陈主任（业委会）'], text: '运行正常。' },
        attachments: ['GY-2026-000004 更换1幢水泵业主委员会决议'],
        submittedBy: { name: '刘经理', role: '物业', at: at('2026-11-10T02:00:00Z') },
        acceptedBy: { name: '陈主任', role: '业委会主任', at: at('2026-11-20T02:00:00Z') },
      },
    };
    const text = pdftotext(await renderMeetingMinutes(input, options('GY-2026-000103')), { layout: true });
    const result = checkText(EXECUTION_REPORT_CHECKLIST, text);
    expect({ missing: result.missing.map((i) => i.id), contradictions: result.contradictions.map((f) => f.id) }).toEqual({
      missing: [],
      contradictions: [],
    });
    expect(squash(text)).toContain('预算金额：本议题未列预算金额');
    expect(squash(text)).toContain('报告提交物业刘经理于2026年11月10日10:00提交');
  });

  it('minutes of another stage show that stage', async () => {
    const input = {
      ...sampleMinutes(3),
      stage: 'party_prediscussion' as const,
      outcome: { decision: 'return' as const, text: '请补充费用分摊测算后再议。' },
    };
    const all = pages(await renderMeetingMinutes(input, options('GY-2026-000102'))).join('');
    expect(all).toContain('支部先议会议纪要');
    expect(all).toContain('退回提议人修改');
  });

  it('resolution announcement: participation vs totals and the 2/3 lines, votes by heads and area, outcome, Art. 280 note', async () => {
    const input = sampleResolution();
    const pdf = await renderResolutionAnnouncement(input, options('GY-2026-000130'));
    const layout = pdftotext(pdf, { layout: true });
    expect(layout).toMatch(/全体业主（总人数、总面积）\s+306\s+30,600\.00/);
    expect(layout).toMatch(/参与表决的业主\s+210\s+21,000\.00/);
    expect(layout).toMatch(/参与比例\s+68\.63%\s+68\.63%/);
    expect(layout).toMatch(/三分之二基准线（至少）\s+204\s+20,400\.00/);
    expect(layout).toMatch(/是否达到三分之二\s+达到\s+达到/);
    expect(layout).toMatch(/同意\s+168\s+80\.00%\s+17,020\.50\s+81\.05%/);
    expect(layout).toMatch(/反对\s+30\s+14\.29%\s+2,800\.00\s+13\.33%/);
    expect(layout).toMatch(/弃权\s+12\s+5\.71%\s+1,179\.50\s+5\.62%/);
    expect(layout).toMatch(/通过所需（至少）\s+106\s+10,500\.01/);
    const all = expectFurniture(pdf, 'GY-2026-000130', RESOLUTION_TYPE, input).join('');
    expect(layout).toMatch(/表决结果：\s+通过/);
    // Two seal slots, assembly first.
    expect(layout).toMatch(/幸福里小区业主大会\s+幸福里小区业主委员会/);
    expect(layout).toMatch(/（盖章）\s+（盖章）/);
    for (const s of [input.motions[0].thresholdText, '公告日期：2026年5月21日', '第二百八十条第二款', '一年内提出']) {
      expect(all).toContain(squash(s));
    }
  });

  it('a quorum failure is stated as such', async () => {
    const input = sampleResolution();
    input.participation = { heads: 150, areaHundredths: 1500000n };
    input.motions[0].outcome = 'no_quorum';
    const layout = pdftotext(await renderResolutionAnnouncement(input, options('GY-2026-000131')), { layout: true });
    expect(layout).toMatch(/是否达到三分之二\s+未达到\s+未达到/);
    expect(squash(layout)).toContain('表决结果：表决不成立（参与表决未达法定比例）');
  });

  it('statement: money from integer fen as ¥1,234.56, right-aligned per column, with totals rows', async () => {
    const input = sampleStatement();
    const pdf = await renderStatement(input, options('GY-2026-000140'));
    const all = expectFurniture(pdf, 'GY-2026-000140', STATEMENT_TYPE, input).join('');
    for (const s of [
      '公共收益收支明细表',
      '2026年第一季度（2026年1月1日至2026年3月31日）',
      '¥36,000.00',
      '¥12,345.56',
      '¥3,600.00',
      '本期合计¥48,345.56¥53,600.00',
      '期末余额¥118,202.34',
    ]) {
      expect(all).toContain(squash(s));
    }
    const words = pdfWords(pdf, 1);
    const rightEdge = (text: string) => words.filter((w) => w.text === text).map((w) => w.xMax);
    const [income1] = rightEdge('¥36,000.00');
    const [income2] = rightEdge('¥12,345.56');
    const [incomeTotal] = rightEdge('¥48,345.56');
    expect(Math.abs(income1 - income2)).toBeLessThan(0.5);
    expect(Math.abs(income1 - incomeTotal)).toBeLessThan(0.5);
    const balances = ['¥123,456.78', '¥159,456.78', '¥171,802.34', '¥168,202.34'].map((t) => rightEdge(t)[0]);
    for (const b of balances) expect(Math.abs(b - balances[0])).toBeLessThan(0.5);
    // Left-aligned text column: different lengths, same left edge.
    const lefts = ['期初余额', '地面停车位占用费'].map((t) => words.find((w) => w.text === t)!.xMin);
    expect(Math.abs(lefts[0] - lefts[1])).toBeLessThan(0.5);
  });

  it('seal log: every use in time order with authorisation and custodian', async () => {
    const input = sampleSealLog();
    input.entries.reverse();
    const pdf = await renderSealLog(input, options('GY-2026-000150'));
    const all = pages(pdf).join('');
    expect(all).toContain('2026年上半年用章登记公示');
    expect(all).toContain('本期共用章2次，其中业主大会章1次、业主委员会章1次');
    const layout = pdftotext(pdf, { layout: true });
    const first = layout.search(/1\s+2026年4月10日\s+业主委员会章\s+GY-2026-000123/);
    const second = layout.search(/2\s+2026年5月21日\s+业主大会章\s+GY-2026-000130/);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    for (const s of ['业委会第12次', '陈静', '李秀英', '11:00']) expect(all).toContain(s);
  });

  it('renders deterministically and records the creation date from the input', async () => {
    const a = await renderStatement(sampleStatement(), options('GY-2026-000140'));
    const b = await renderStatement(sampleStatement(), options('GY-2026-000140'));
    expect(a.equals(b)).toBe(true);
    expect(pdfinfo(a).CreationDate).toMatch(/2026/);
    const c = await renderStatement(sampleStatement(), options('GY-2026-000140', { generatedAt: new Date('2027-01-01T00:00:00Z') }));
    expect(c.equals(a)).toBe(false);
    expect(pdfinfo(c).CreationDate).toMatch(/2027/);
  });

  it('keeps the 内容摘要 when seal impressions are added, and changes it with the content', async () => {
    const input = sampleResolution();
    const plain = await renderResolutionAnnouncement(input, options('GY-2026-000130'));
    const sealed = await renderResolutionAnnouncement(
      input,
      options('GY-2026-000130', { seals: [{ kind: 'committee', communityName: '幸福里小区', term: 3 }] }),
    );
    const digest = contentDigest(RESOLUTION_TYPE, 'GY-2026-000130', input);
    expect(sealed.equals(plain)).toBe(false);
    expect(squash(pdftotext(sealed))).toContain(digest);
    expect(squash(pdftotext(plain))).toContain(digest);
    const changed = { ...input, publishedAt: new Date('2026-05-22T02:00:00Z') };
    expect(contentDigest(RESOLUTION_TYPE, 'GY-2026-000130', changed)).not.toBe(digest);
  });
});

/**
 * The last page holds the document's last text (`closing`) beside the verification block — never the QR block alone
 * (page furniture only) after a page that had no room for it. `vary(n)` renders a longer document for each n, so the
 * page break falls at every point before the end once.
 */
async function expectEndsTogether(
  closing: string | ((n: number) => string),
  from: number,
  to: number,
  render: (n: number) => Promise<Buffer>,
) {
  for (let n = from; n <= to; n++) {
    const texts = pages(await render(n));
    const last = texts[texts.length - 1];
    const text = squash(typeof closing === 'string' ? closing : closing(n));
    expect([n, last.includes('文件核验'), last.includes(text)]).toEqual([n, true, true]);
  }
}

describe('the verification block never takes a page of its own (issue 12: no page without text)', () => {
  const objection = (i: number) => ({
    filedAt: new Date('2026-05-21T03:00:00Z'),
    unit: `${i + 1}幢101`,
    text: `对第${i + 1}项统计有疑问，请核对纸质表决票。`,
    answer: '已复核纸质表决票原件，统计无误。',
    answeredAt: new Date('2026-05-22T03:00:00Z'),
  });
  it('表决结果公告: the seals, the closing and the QR block share the last page, however many objections', async () => {
    await expectEndsTogether('特此公告。', 0, 18, (n) =>
      renderResolutionAnnouncement(
        { ...sampleResolution(), stage: 'final', objections: Array.from({ length: n }, (_, i) => objection(i)) },
        options('GY-2026-000160'),
      ),
    );
  }, 120_000);

  it('业主大会会议公告: the seals, 抄送 and the QR block share the last page', async () => {
    const practical = {
      countingAt: new Date('2026-05-20T11:00:00Z'),
      countingPlace: '小区会所一楼',
      scrutineers: ['赵甲', '钱乙'],
      tellers: ['孙丙'],
      supervision: '幸福里社区居民委员会派员监督',
      resultAnnouncementDate: new Date('2026-05-21T02:00:00Z'),
      contacts: [{ name: '张伟', phone: '0571-88880000' }],
      copyTo: ['幸福里社区居民委员会', '某某街道办事处'],
    };
    await expectEndsTogether('抄送：幸福里社区居民委员会、某某街道办事处。', 0, 16, (n) =>
      renderAssemblyNotice(
        { ...sampleNotice(), practical, notes: Array.from({ length: n }, (_, i) => `其他事项第${i + 1}条：请业主留意小区公告栏。`) },
        options('GY-2026-000161'),
      ),
    );
  }, 120_000);

  it('minutes the attendees confirm (no seal): their last lines and the QR block share the last page', async () => {
    await expectEndsTogether('全体出席人员确认后定稿。', 0, 14, (n) =>
      renderMeetingMinutes(sampleMinutes(n), options('GY-2026-000162'), []),
    );
  }, 120_000);

  it('minutes with annexes: the last annex keeps rows of its table with the QR block', async () => {
    const annex = (rows: number) => ({
      title: '评审打分表（评委1）',
      columns: ['投标人', '价格', '质量'],
      rows: Array.from({ length: rows }, (_, i) => [`第${i + 1}家公司`, '90', '80']),
    });
    await expectEndsTogether(
      (n) => `第${n}家公司`,
      24,
      40,
      (n) => renderMeetingMinutes({ ...sampleMinutes(3), annexes: [annex(n)] }, options('GY-2026-000163')),
    );
  }, 120_000);

  it('statement: the seals and the QR block share the last page, however many ledger lines', async () => {
    const base = sampleStatement();
    await expectEndsTogether('（盖章）', 1, 40, (n) =>
      renderStatement(
        { ...base, rows: Array.from({ length: n }, (_, i) => ({ ...base.rows[i % base.rows.length] })) },
        options('GY-2026-000164'),
      ),
    );
  }, 120_000);
});

describe('layout faults seen on the page images (issue 12 item 3)', () => {
  it('sets a long title smaller instead of leaving its last character alone on a second line', async () => {
    const input = { ...sampleResolution(), meetingTitle: '2026 年第一次业主大会（电梯更新集资）', stage: 'preliminary' as const };
    const pdf = await renderResolutionAnnouncement(input, options('GY-2026-000190'));
    // One line: the whole tail of the title is one word of pdftotext, not 「…公」 and 「示」 on two lines.
    expect(pdfWords(pdf, 1).some((w) => w.text.endsWith('（电梯更新集资）初步统计结果公示'))).toBe(true);
  });

  it('lets short annexes follow one another after the first page break instead of one page each', async () => {
    const sheet = (n: number) => ({
      title: `评审打分表（评委${n}）`,
      fields: [['评委', `评委${n}`] as [string, string]],
      columns: ['投标人', '价格', '质量'],
      rows: [
        ['甲公司', '90', '80'],
        ['乙公司', '85', '88'],
      ],
    });
    const input = { ...sampleMinutes(10), annexes: [1, 2, 3, 4].map(sheet) };
    const withAnnexes = await renderMeetingMinutes(input, options('GY-2026-000191'));
    const without = await renderMeetingMinutes({ ...input, annexes: [] }, options('GY-2026-000192'));
    const texts = pages(withAnnexes);
    // All four sheets on the one page after the minutes (each kept whole), not four pages.
    expect(texts.length).toBe(pages(without).length + 1);
    expect([1, 2, 3, 4].every((n) => texts.at(-1)!.includes(`附件${n}：评审打分表（评委${n}）`))).toBe(true);
  });
});
