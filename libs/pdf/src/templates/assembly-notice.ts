import { contentDigest } from '../content-digest';
import { formatDate, formatRange } from '../dates';
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

  w.heading('二、表决方式与渠道');
  input.methods.forEach((m, i) => w.paragraph(`${i + 1}. ${m}`));
  for (const detail of input.channelDetails ?? []) w.paragraph(detail, { indent: true });
  w.paragraph('每位业主对每项议案只能表决一次，表决后不得更改；同一业主拥有多套房屋的，按一人计算，其表决权面积为各专有部分面积之和。', {
    indent: true,
    muted: true,
  });

  w.heading('三、表决议案（全文）');
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

  w.heading('四、联系方式');
  const contact: [string, string][] = [];
  if (input.contact.name) contact.push(['联系人', input.contact.name]);
  if (input.contact.phone) contact.push(['联系电话', input.contact.phone]);
  if (input.contact.address) contact.push(['联系地址', input.contact.address]);
  w.fields(contact.length ? contact : [['联系人', '业主委员会']]);

  if (input.notes?.length) {
    w.heading('五、其他事项');
    input.notes.forEach((n) => w.paragraph(n, { indent: true }));
  }

  w.moveDown(6);
  w.paragraph('特此公告。', { indent: true });
  w.sealBlock(slots, formatDate(input.noticeDate));
  return w.finish();
}
