import { VOTE_OUTCOME_LABELS_ZH } from '@gongyi/domain/labels';
import { contentDigest } from '../content-digest';
import { formatDate, formatDateTime, formatRange } from '../dates';
import { DocumentWriter } from '../document-writer';
import { formatAreaHundredths, formatInteger } from '../money';
import { drawTable, TableRow } from '../table';
import type { RenderOptions, SealSlots } from '../types';

/** Heads and exclusive area (hundredths of m², integer) — the two measures of every count. */
export interface HeadsArea {
  heads: number;
  areaHundredths: bigint | number | string;
}

export interface ResolutionChoice extends HeadsArea {
  /** 同意 / 反对 / 选项「甲公司方案」 */
  label: string;
}

export type ResolutionOutcome = 'passed' | 'failed' | 'no_quorum';
export const RESOLUTION_OUTCOME_NAMES: Record<ResolutionOutcome, string> = VOTE_OUTCOME_LABELS_ZH;

export interface ResolutionMotion {
  number?: string;
  title: string;
  /** e.g. 民法典第二百七十八条第一款第（七）项：参与表决专有部分面积四分之三以上且人数四分之三以上同意 */
  thresholdText: string;
  /** Minimum yes-heads / yes-area the threshold required (computed server-side with exact arithmetic). */
  required?: HeadsArea;
  /** Votes by choice (同意, 反对 or each option) and abstentions. */
  choices: ResolutionChoice[];
  abstain: HeadsArea;
  outcome: ResolutionOutcome;
  /** Plain-language account of the tally (e.g. describeTally from the domain library). */
  explanation?: string;
  /** The resolution text adopted (决议内容), when passed. */
  resolutionText?: string;
  /** Ballots of this motion: counted (valid), left out (invalid: refused on checking, unconfirmed, failed integrity), by channel. */
  ballots?: { valid: number; invalid: number; byChannel: { label: string; count: number }[]; invalidReasons?: string[] };
}

/** One owner objection to the preliminary count and the committee's handling of it (final announcement). */
export interface ResolutionObjection {
  filedAt: Date;
  unit?: string | null;
  text: string;
  answer: string;
  answeredAt: Date;
}

export interface ResolutionAnnouncementInput {
  communityName: string;
  meetingTitle: string;
  votingOpenedAt: Date;
  votingClosedAt: Date;
  totals: HeadsArea;
  participation: HeadsArea;
  /** Two-thirds lines: the minimum heads and area for a quorum. */
  quorumRequired: HeadsArea;
  /** Set when the rulebook counts non-voters with the majority (shown apart from raw participation). */
  nonVoterRuleText?: string;
  motions: ResolutionMotion[];
  publishedAt: Date;
  /**
   * preliminary: 初步统计结果公示 posted at the close, with the objection period; final: 表决结果公告 after it,
   * listing every objection and its handling. Absent: the older single 决议公告.
   */
  stage?: 'preliminary' | 'final';
  /** 计票记录: when and how counted, where the count is recorded, who scrutinised and counted. */
  counting?: { countedAt: Date; method: string; recordRef: string; scrutineers: string[]; counters: string[] };
  /** 询异期: from the preliminary posting to its end, and where objections go. */
  objectionWindow?: { from: Date; until: Date; channel: string };
  objections?: ResolutionObjection[];
}

export const RESOLUTION_TYPE = 'resolution_announcement';

const big = (v: bigint | number | string) => BigInt(v);

/** part/whole as a percentage with two decimals, rounded half up, in integer arithmetic. */
export function percent(part: bigint | number | string, whole: bigint | number | string): string {
  const p = big(part);
  const w = big(whole);
  if (w === 0n) return '—';
  const scaled = (p * 100000n) / w; // thousandths of a percent
  const rounded = (scaled + 5n) / 10n;
  return `${rounded / 100n}.${(rounded % 100n).toString().padStart(2, '0')}%`;
}

const yes = (ok: boolean) => (ok ? '达到' : '未达到');

/** 决议公告: participation vs totals and the 2/3 lines, votes by heads and area, threshold, outcome, Art. 280 note. */
export async function renderResolutionAnnouncement(
  input: ResolutionAnnouncementInput,
  options: RenderOptions,
  slots: SealSlots = ['assembly', 'committee'],
): Promise<Buffer> {
  const kindTitle = input.stage === 'preliminary' ? '初步统计结果公示' : input.stage === 'final' ? '表决结果公告' : '决议公告';
  const w = new DocumentWriter({
    title: input.stage ? `业主大会${kindTitle}` : '业主大会决议公告',
    communityName: input.communityName,
    contentDigest: contentDigest(RESOLUTION_TYPE, options.documentNumber, input),
    options,
  });
  w.title(`${input.meetingTitle}${kindTitle}`, input.communityName);
  w.paragraph(
    input.stage === 'preliminary'
      ? `${input.meetingTitle}已于${formatRange(input.votingOpenedAt, input.votingClosedAt)}进行表决。依据《中华人民共和国民法典》第二百七十八条及本小区业主大会议事规则，现将初步统计结果公示如下。本公示不是最终结果：询异期届满、异议处理完毕后，业主委员会另行发布表决结果公告。`
      : `${input.meetingTitle}已于${formatRange(input.votingOpenedAt, input.votingClosedAt)}进行表决。依据《中华人民共和国民法典》第二百七十八条及本小区业主大会议事规则，现将表决结果公告如下：`,
    { indent: true },
  );

  const t = input.totals;
  const p = input.participation;
  const q = input.quorumRequired;
  const headsOk = p.heads >= q.heads;
  const areaOk = big(p.areaHundredths) >= big(q.areaHundredths);
  w.heading('一、参与表决情况');
  drawTable(w, {
    columns: [
      { header: '项目', weight: 2 },
      { header: '人数', weight: 1, align: 'right' },
      { header: '专有部分面积（㎡）', weight: 1.6, align: 'right' },
    ],
    rows: [
      { cells: ['全体业主（总人数、总面积）', formatInteger(t.heads), formatAreaHundredths(t.areaHundredths)] },
      { cells: ['参与表决的业主', formatInteger(p.heads), formatAreaHundredths(p.areaHundredths)] },
      { cells: ['参与比例', percent(p.heads, t.heads), percent(p.areaHundredths, t.areaHundredths)] },
      { cells: ['三分之二基准线（至少）', formatInteger(q.heads), formatAreaHundredths(q.areaHundredths)] },
      { cells: ['是否达到三分之二', yes(headsOk), yes(areaOk)], emphasis: true },
    ],
  });
  if (input.nonVoterRuleText) w.paragraph(input.nonVoterRuleText, { muted: true, size: 9 });

  w.heading('二、各议案表决结果');
  input.motions.forEach((m, i) => {
    w.ensureSpace(120);
    w.bold(11).doc.text(`${m.number ?? `议案${i + 1}`}：${m.title}`, w.left, w.doc.y, { width: w.width });
    w.moveDown(4);
    w.fields([['表决规则', m.thresholdText]]);
    const rows: TableRow[] = [...m.choices, { label: '弃权', heads: m.abstain.heads, areaHundredths: m.abstain.areaHundredths }].map(
      (c) => ({
        cells: [
          c.label,
          formatInteger(c.heads),
          percent(c.heads, p.heads),
          formatAreaHundredths(c.areaHundredths),
          percent(c.areaHundredths, p.areaHundredths),
        ],
      }),
    );
    if (m.required) {
      rows.push({
        cells: ['通过所需（至少）', formatInteger(m.required.heads), '', formatAreaHundredths(m.required.areaHundredths), ''],
        emphasis: true,
      });
    }
    drawTable(w, {
      columns: [
        { header: '表决意见', weight: 1.6 },
        { header: '人数', weight: 0.9, align: 'right' },
        { header: '占参与人数', weight: 1, align: 'right' },
        { header: '面积（㎡）', weight: 1.3, align: 'right' },
        { header: '占参与面积', weight: 1, align: 'right' },
      ],
      rows,
    });
    if (m.ballots) {
      const b = m.ballots;
      w.fields([
        ['有效票', `${formatInteger(b.valid)} 张`],
        ['无效票', `${formatInteger(b.invalid)} 张${b.invalidReasons?.length ? `（${b.invalidReasons.join('；')}）` : ''}`],
        ['按投票方式', b.byChannel.map((c) => `${c.label} ${formatInteger(c.count)} 张`).join('；') || '无'],
      ]);
    }
    w.fields([
      [
        '表决结果',
        input.stage === 'preliminary' ? `${RESOLUTION_OUTCOME_NAMES[m.outcome]}（初步统计）` : RESOLUTION_OUTCOME_NAMES[m.outcome],
      ],
    ]);
    if (m.explanation) w.paragraph(m.explanation, { indent: true, size: 9.5 });
    if (m.outcome === 'passed' && m.resolutionText) {
      w.paragraph(`决议内容：${m.resolutionText}`, { indent: true });
    }
  });

  // Sections after the two fixed ones are numbered as they appear.
  const numerals = ['三', '四', '五', '六'];
  let section = 0;
  const heading = (text: string) => w.heading(`${numerals[section++]}、${text}`);
  if (input.counting) {
    const c = input.counting;
    heading('计票与监票');
    w.fields([
      ['计票时间', formatDateTime(c.countedAt)],
      ['计票方式', c.method],
      ['计票记录', c.recordRef],
      ['监票人', c.scrutineers.length ? c.scrutineers.join('、') : '（公告未指定）'],
      ['计票人', c.counters.length ? c.counters.join('、') : '（公告未指定）'],
    ]);
  }
  if (input.objectionWindow) {
    const o = input.objectionWindow;
    heading('询异期');
    w.fields([
      ['询异期', `${formatDateTime(o.from)} 至 ${formatDateTime(o.until)}`],
      ['提出异议', o.channel],
    ]);
  }
  if (input.stage === 'final') {
    const list = input.objections ?? [];
    heading('异议及处理情况');
    if (!list.length) w.paragraph('询异期内未收到异议。', { indent: true });
    list.forEach((o, i) => {
      w.ensureSpace(60);
      w.fields([
        [`异议${i + 1}`, `${formatDateTime(o.filedAt)}${o.unit ? `（${o.unit}）` : ''}：${o.text}`],
        ['处理情况', `${formatDateTime(o.answeredAt)}：${o.answer}`],
      ]);
    });
  }

  // The last sentences go with the seals (GB/T 9704: never seals with less than two lines of text).
  const closing =
    input.stage !== 'preliminary'
      ? [
          {
            text: '表决明细（房号及面积，不含业主姓名）可在平台查阅。依据《中华人民共和国民法典》第二百八十条第二款，业主大会或者业主委员会作出的决定侵害业主合法权益的，受侵害的业主可以请求人民法院予以撤销；依据《最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释》第十二条，该撤销请求应当自知道或者应当知道决定作出之日起一年内提出。',
            size: 9.5,
          },
          { text: '特此公告。' },
        ]
      : [
          { text: '表决明细（房号及面积，不含业主姓名）可在平台查阅；对上述统计结果有异议的，请于询异期内提出。', size: 9.5 },
          { text: '特此公示。' },
        ];
  // The heading and the date go with them, and the verification block after them (never a page of its own).
  w.ensureSpace(w.sealSpace(closing) + 48 + 24);
  heading(input.stage === 'preliminary' ? '公示' : '公告与异议');
  w.fields([[input.stage === 'preliminary' ? '公示日期' : '公告日期', formatDate(input.publishedAt)]]);
  w.sealBlock(slots, formatDate(input.publishedAt), undefined, closing);
  return w.finish();
}
