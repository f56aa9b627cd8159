import { OFFICERS_PENDING_ZH } from '@gongyi/domain/labels';
import { contentDigest } from '../content-digest';
import { formatDate, formatDateTime, formatRange } from '../dates';
import { DocumentWriter } from '../document-writer';
import type { RenderOptions, SealSlots } from '../types';

export interface NoticeMotion {
  /** e.g. 议案一 (defaults to 议案N). */
  number?: string;
  title: string;
  /** Which Art. 278 matter and threshold applies, as text, e.g. 「民法典第二百七十八条第一款第（七）项，须双四分之三同意」. */
  thresholdText?: string;
  /** The full text of the motion, exactly as it will be voted on. */
  fullText: string;
  /** For multi-option ballots: the options owners choose from. */
  options?: string[];
}

export interface AssemblyNoticeInput {
  communityName: string;
  /** e.g. 幸福里小区2026年第一次业主大会 */
  meetingTitle: string;
  /** Optional opening paragraph (defaults to a standard one). */
  intro?: string;
  votingOpensAt: Date;
  votingClosesAt: Date;
  /** On-site meeting / ballot box location, if any. */
  place?: string;
  /** 表决方式, e.g. ['线上投票（实名认证后）', '书面征求意见（纸质表决票）', '书面委托代理人投票']. */
  methods: string[];
  /** Practical details of each channel (where ballots are collected, how to log in…). */
  channelDetails?: string[];
  motions: NoticeMotion[];
  noticeDate: Date;
  contact: { name?: string; phone?: string; address?: string };
  /** Extra notes (e.g. 居委会已于…告知). */
  notes?: string[];
  /** This vote's electorate and base figures (the frozen roll's), with the participation rule. */
  base?: NoticeBase;
  /** Paper ballots, proxies, counting, scrutineers, supervision, result date, contacts and 抄送. */
  practical?: NoticePractical;
}

export interface NoticePractical {
  /** Printed only when paper ballots are a channel. */
  paperReturn?: { place: string; deadline: Date };
  /** Printed only when proxies are a channel. */
  proxyProcedure?: string;
  countingAt: Date;
  countingPlace: string;
  scrutineers: string[];
  tellers: string[];
  supervision: string;
  resultAnnouncementDate: Date;
  contacts: { name: string; phone: string }[];
  copyTo: string[];
}

export interface NoticeBase {
  /** e.g. 本小区全体业主 / 3幢1单元的业主（仅限上述楼栋/单元）. */
  electorate: string;
  /** m², formatted (e.g. 6,250.00). */
  totalArea: string;
  totalHeadcount: number;
  twoThirdsArea: string;
  twoThirdsHeadcount: number;
  /** Whether parking spaces count as area and heads under the rulebook. */
  countParkingAsArea: boolean;
}

export const ASSEMBLY_NOTICE_TYPE = 'assembly_notice';
const CN_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 业主大会会议公告: time/window, place, method and channels, the full text of every motion, notice date, contact. */
export async function renderAssemblyNotice(
  input: AssemblyNoticeInput,
  options: RenderOptions,
  slots: SealSlots = ['committee'],
): Promise<Buffer> {
  const w = new DocumentWriter({
    title: '业主大会会议公告',
    communityName: input.communityName,
    contentDigest: contentDigest(ASSEMBLY_NOTICE_TYPE, options.documentNumber, input),
    options,
  });
  w.title(`${input.meetingTitle}会议公告`, `${input.communityName}业主委员会`);
  w.paragraph(
    input.intro ??
      `根据《中华人民共和国民法典》《物业管理条例》及本小区业主大会议事规则，${input.communityName}业主委员会决定召开${input.meetingTitle}，现将有关事项公告如下：`,
    { indent: true },
  );

  w.heading('一、会议时间与表决期间');
  w.fields([
    ['表决期间', formatRange(input.votingOpensAt, input.votingClosesAt)],
    ['会议地点', input.place ?? '线上表决，不设现场会议'],
  ]);

  const n = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  let k = 1;
  if (input.base) {
    const b = input.base;
    w.heading(`${n[k++]}、表决范围与参与基数`);
    w.fields([
      ['表决范围', b.electorate],
      ['总面积', `${b.totalArea} 平方米（专有部分面积${b.countParkingAsArea ? '，含车位' : '，不含车位'}）`],
      ['总人数', `${b.totalHeadcount} 人`],
      ['参与表决线', `专有部分面积 ${b.twoThirdsArea} 平方米以上且人数 ${b.twoThirdsHeadcount} 人以上（均为三分之二以上）`],
    ]);
    w.paragraph(
      '依《民法典》第二百七十八条，须由专有部分面积占比三分之二以上的业主且人数占比三分之二以上的业主参与表决；各议案的通过规则见第' +
        `${n[k + 1 + (input.practical?.paperReturn || input.practical?.proxyProcedure ? 1 : 0)]}部分。`,
      { indent: true, muted: true },
    );
  }
  w.heading(`${n[k++]}、表决方式与渠道`);
  input.methods.forEach((m, i) => w.paragraph(`${i + 1}. ${m}`));
  for (const detail of input.channelDetails ?? []) w.paragraph(detail, { indent: true });
  w.paragraph('每位业主对每项议案只能表决一次，表决后不得更改；同一业主拥有多套房屋的，按一人计算，其表决权面积为各专有部分面积之和。', {
    indent: true,
    muted: true,
  });

  const p = input.practical;
  if (p?.paperReturn || p?.proxyProcedure) {
    w.heading(`${n[k++]}、纸质表决票与委托投票`);
    const rows: [string, string][] = [];
    if (p.paperReturn) {
      rows.push(['纸质表决票交回地点', p.paperReturn.place]);
      rows.push(['交回截止时间', formatDateTime(p.paperReturn.deadline)]);
    }
    if (p.proxyProcedure) rows.push(['委托投票办法', p.proxyProcedure]);
    w.fields(rows, 120);
  }

  w.heading(`${n[k++]}、表决议案（全文）`);
  input.motions.forEach((motion, i) => {
    const number = motion.number ?? `议案${CN_ORDINALS[i] ?? i + 1}`;
    w.ensureSpace(60);
    w.bold(11).doc.text(`${number}：${motion.title}`, w.left, w.doc.y, { width: w.width });
    w.moveDown(4);
    if (motion.thresholdText) w.paragraph(`表决规则：${motion.thresholdText}`, { muted: true });
    w.paragraph(motion.fullText, { indent: true });
    if (motion.options?.length) {
      w.paragraph('可选项（业主选择其一；某一选项单独达到表决规则要求方为通过）：');
      motion.options.forEach((o, k) => w.paragraph(`（${k + 1}）${o}`));
    }
  });
  w.paragraph('未列入本公告的事项，不在本次业主大会上表决。', { muted: true });

  if (p) {
    w.heading(`${n[k++]}、计票与结果公布`);
    const pending = OFFICERS_PENDING_ZH;
    w.fields(
      [
        ['计票时间', formatDateTime(p.countingAt)],
        ['计票地点', p.countingPlace],
        ['监票人', p.scrutineers.length ? p.scrutineers.join('、') : pending],
        ['计票人', p.tellers.length ? p.tellers.join('、') : pending],
        ['居委会监督', p.supervision],
        ['结果公布日期', formatDate(p.resultAnnouncementDate)],
      ],
      96,
    );
    w.paragraph('计票公开进行，业主可到场监督；表决结果在小区公告栏及本平台公布。', { indent: true, muted: true });
  }

  w.heading(`${n[k++]}、联系方式`);
  const contact: [string, string][] = [];
  if (p?.contacts.length) {
    for (const c of p.contacts) contact.push(['联系人', c.name], ['联系电话', c.phone]);
  } else {
    if (input.contact.name) contact.push(['联系人', input.contact.name]);
    if (input.contact.phone) contact.push(['联系电话', input.contact.phone]);
  }
  if (input.contact.address) contact.push(['联系地址', input.contact.address]);
  w.fields(contact.length ? contact : [['联系人', '业主委员会']]);

  if (input.notes?.length) {
    w.heading(`${n[k++]}、其他事项`);
    input.notes.forEach((n) => w.paragraph(n, { indent: true }));
  }

  w.moveDown(6);
  // Publishing is the sealing: the notice is dated the day its seals are applied. The 抄送 line stays on the seals'
  // page, and so does the verification block after it.
  const copyTo = p?.copyTo.length ? `抄送：${p.copyTo.join('、')}。` : null;
  w.sealBlock(
    slots,
    formatDate(options.sealedAt ?? input.noticeDate),
    undefined,
    [{ text: '请全体业主在投票期内行使表决权；未能亲自表决的，可按上述程序书面委托代理人。' }, { text: '特此公告。' }],
    { after: copyTo ? 6 + w.paragraphHeight(copyTo, 10, false) + 5 : 0 },
  );
  if (copyTo) {
    w.moveDown(6);
    w.paragraph(copyTo, { size: 10 });
  }
  return w.finish();
}
