import { contentDigest } from '../content-digest';
import { formatDate, formatDateTime } from '../dates';
import { DocumentWriter } from '../document-writer';
import { drawTable } from '../table';
import type { RenderOptions, SealSlots } from '../types';

export interface BulletinMeeting {
  heldAt: Date;
  place: string;
  topic: string;
  outcome: string;
}

export interface BulletinProblem {
  /** e.g. 「第 3 号整改事项」 */
  ref: string;
  title: string;
  /** 已解决 / 整改中 / 待验收 / 逾期 … */
  state: string;
  detail: string;
}

export interface BulletinCategoryFigures {
  category: string;
  filed: number;
  solved: number;
  inProgress: number;
  onTime: number;
  overdue: number;
}

export interface JointBulletinInput {
  communityName: string;
  /** e.g. 2026年11月 */
  monthLabel: string;
  periodFrom: Date;
  periodTo: Date;
  meetings: BulletinMeeting[];
  /** Problems studied this month (raised as rectification items), solved (accepted) and still in progress. */
  studied: BulletinProblem[];
  solved: BulletinProblem[];
  inProgress: BulletinProblem[];
  categories: BulletinCategoryFigures[];
  /** Requests solved on time / requests due, and the share in per mille (null when nothing was due). */
  requestsDue: number;
  requestsOnTime: number;
  compliancePerMille: number | null;
  publishedAt: Date;
}

export const JOINT_BULLETIN_TYPE = 'joint_bulletin';

const perMille = (v: number | null) => (v === null ? '—（本月无到期事项）' : `${Math.floor(v / 10)}.${v % 10}%`);

/** 四方联席工作简报: the month's joint meetings, problems studied / solved / in progress, figures per category. */
export async function renderJointBulletin(
  input: JointBulletinInput,
  options: RenderOptions,
  slots: SealSlots = ['committee'],
): Promise<Buffer> {
  const w = new DocumentWriter({
    title: '四方联席工作简报',
    communityName: input.communityName,
    contentDigest: contentDigest(JOINT_BULLETIN_TYPE, options.documentNumber, input),
    options,
  });
  w.title(
    `${input.monthLabel}四方联席工作简报`,
    `${input.communityName} · ${formatDate(input.periodFrom)} 至 ${formatDate(input.periodTo)}`,
  );
  w.paragraph(
    `本月召开四方联席会议 ${input.meetings.length} 次，研究问题 ${input.studied.length} 个，解决 ${input.solved.length} 个，正在推进 ${input.inProgress.length} 个；受理居民诉求 ${input.categories.reduce((n, c) => n + c.filed, 0)} 件，办结 ${input.categories.reduce((n, c) => n + c.solved, 0)} 件，按时办结率 ${perMille(input.compliancePerMille)}。`,
    { indent: true },
  );
  w.heading('一、四方联席会议');
  drawTable(w, {
    columns: [
      { header: '时间', weight: 1.3 },
      { header: '地点', weight: 1.2 },
      { header: '议题', weight: 2 },
      { header: '结果', weight: 1 },
    ],
    rows: input.meetings.map((m) => ({ cells: [formatDateTime(m.heldAt), m.place, m.topic, m.outcome] })),
    fontSize: 9,
    emptyText: '本月未召开四方联席会议',
  });
  const problems = (heading: string, list: BulletinProblem[], empty: string) => {
    w.heading(heading);
    drawTable(w, {
      columns: [
        { header: '编号', weight: 1 },
        { header: '问题', weight: 2.2 },
        { header: '状态', weight: 0.8 },
        { header: '说明', weight: 2 },
      ],
      rows: list.map((p) => ({ cells: [p.ref, p.title, p.state, p.detail] })),
      fontSize: 9,
      emptyText: empty,
    });
  };
  problems('二、本月研究的问题', input.studied, '本月未提出新的整改事项');
  problems('三、已解决的问题', input.solved, '本月无验收通过的整改事项');
  problems('四、正在推进的问题', input.inProgress, '无正在推进的整改事项');
  w.heading('五、居民诉求分类统计');
  drawTable(w, {
    columns: [
      { header: '类别', weight: 1.6 },
      { header: '受理', weight: 0.8, align: 'center' },
      { header: '办结', weight: 0.8, align: 'center' },
      { header: '办理中', weight: 0.8, align: 'center' },
      { header: '按时办结', weight: 0.9, align: 'center' },
      { header: '超时', weight: 0.8, align: 'center' },
    ],
    rows: input.categories.map((c) => ({
      cells: [c.category, String(c.filed), String(c.solved), String(c.inProgress), String(c.onTime), String(c.overdue)],
    })),
    fontSize: 9,
    emptyText: '本月无居民诉求',
  });
  const closing = [
    {
      text: `本月到期诉求 ${input.requestsDue} 件，按时办结 ${input.requestsOnTime} 件，按时办结率 ${perMille(input.compliancePerMille)}。`,
    },
    { text: '特此通报。' },
  ];
  // The heading goes with its text and the seals.
  w.ensureSpace(w.sealSpace(closing) + 48);
  w.heading('六、响应时限执行情况');
  w.sealBlock(slots, formatDate(input.publishedAt), undefined, closing);
  return w.finish();
}
