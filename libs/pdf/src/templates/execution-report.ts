import { contentDigest } from '../content-digest';
import { formatDate, formatDateTime } from '../dates';
import { DocumentWriter } from '../document-writer';
import { formatFen } from '../money';
import { drawTable } from '../table';
import type { RenderOptions, SealSlots } from '../types';
import type { MeetingMinutesInput } from './minutes';

/** A person who did one step of the report (submitted it, accepted the work), with when. */
export interface ExecutionParty {
  name: string;
  /** e.g. 物业 / 业委会主任 */
  role: string;
  at: Date;
}

/**
 * 决定执行情况报告: what the execution stage's record holds — the property company's progress reports and the
 * committee's acceptance — laid out as a report, not as minutes (checklist: libs/domain …/execution-report.ts).
 */
export interface ExecutionReportDetails {
  /** 报告单位: the party that carried the work out, e.g. 物业（物业李经理）. */
  reportingParty: string;
  /** The agenda item, e.g. 议题第1号「动用维修资金更换水泵」. */
  item: string;
  /** 执行依据: the decision executed, e.g. 议题第1号「…」业主委员会决议（GY-…）. */
  decision: string;
  /** From the first progress report (or the decision) to the acceptance. */
  period: { from: Date; to: Date };
  /** The item's budget (integer fen) and funding source; absent: none was set. */
  budget?: { amountFen: bigint | number | string; source?: string | null };
  /** The option the owners chose (e.g. the winning bid), when there was one. */
  chosenOption?: string | null;
  /** Each progress report; `amountFen`: the amount spent in it (integer fen), when stated. */
  progress: { at: Date; percent: number; text: string; by: string; amountFen?: bigint | number | string | null }[];
  /** 验收: when, where, who took part, the conclusion and the committee's notes. */
  acceptance: { at: Date; place: string; attendees: string[]; text: string };
  /** 附件: the documents the report rests on (number and title). */
  attachments: string[];
  /** Who submitted the report (the last progress report's author) and who accepted the work. */
  submittedBy?: ExecutionParty;
  acceptedBy: ExecutionParty;
}

export async function renderExecutionReport(
  input: MeetingMinutesInput & { executionReport: ExecutionReportDetails },
  options: RenderOptions,
  slots: SealSlots,
): Promise<Buffer> {
  const r = input.executionReport;
  const spent = r.progress.filter((p) => p.amountFen !== undefined && p.amountFen !== null).map((p) => BigInt(p.amountFen!));
  const w = new DocumentWriter({
    title: '决定执行情况报告',
    communityName: input.communityName,
    // The template type stays meeting_minutes (the document is the execution stage's record); the digest covers all.
    contentDigest: contentDigest('meeting_minutes', options.documentNumber, input),
    options,
  });
  w.title(`${input.agendaItemTitle ?? input.meetingTitle}决定执行情况报告`, `${input.communityName}业主委员会`);
  w.fields([
    ['报告单位', r.reportingParty],
    ['议题', r.item],
    ['执行依据', r.decision],
    ['执行期间', `${formatDate(r.period.from)}至${formatDate(r.period.to)}`],
    [
      '预算金额',
      r.budget ? `${formatFen(r.budget.amountFen)}${r.budget.source ? `（资金来源：${r.budget.source}）` : ''}` : '本议题未列预算金额',
    ],
    ...(spent.length
      ? [
          ['已发生金额', `${formatFen(spent.reduce((sum, a) => sum + a, 0n))}（${spent.length} 次进度报告所报金额合计）`] as [
            string,
            string,
          ],
        ]
      : []),
    ...(r.chosenOption ? [['选定方案', r.chosenOption] as [string, string]] : []),
  ]);

  w.heading('一、执行情况');
  // The amount column only when a report states one (else a column of dashes).
  const amounts = spent.length > 0;
  drawTable(w, {
    columns: [
      { header: '序号', weight: 0.5, align: 'center' },
      { header: '报告时间', weight: 1.8 },
      { header: '完成进度', weight: 0.85, align: 'center' },
      { header: '执行内容', weight: amounts ? 1.85 : 2.95 },
      ...(amounts ? [{ header: '发生金额', weight: 1.1, align: 'right' as const }] : []),
      { header: '报告人', weight: 1.5 },
    ],
    rows: r.progress.map((p, i) => ({
      cells: [
        String(i + 1),
        formatDateTime(p.at),
        `${p.percent}%`,
        p.text,
        ...(amounts ? [p.amountFen !== undefined && p.amountFen !== null ? formatFen(p.amountFen) : '—'] : []),
        p.by,
      ],
    })),
    fontSize: 9,
    emptyText: '（执行单位未报告进度）',
  });

  w.heading('二、验收情况');
  w.fields([
    ['验收时间', formatDateTime(r.acceptance.at)],
    ['验收地点', r.acceptance.place],
    ['验收人员', r.acceptance.attendees.join('、') || '—'],
    ['验收结论', '验收合格'],
  ]);
  if (r.acceptance.text) w.paragraph(r.acceptance.text, { indent: true });

  w.heading('三、附件');
  if (r.attachments.length) r.attachments.forEach((a, i) => w.paragraph(`${i + 1}. ${a}`));
  else w.paragraph('无', { muted: true });

  // Who submitted and who accepted, each with the time: the report's own confirmations, never a blank column.
  w.ensureSpace(48 + 80);
  w.heading('四、提交与验收确认');
  const party = (p: ExecutionParty, verb: string) => `${p.role}${p.name}于${formatDateTime(p.at)}${verb}`;
  drawTable(w, {
    columns: [
      { header: '环节', weight: 1 },
      { header: '确认情况', weight: 4 },
    ],
    rows: [
      { cells: ['报告提交', r.submittedBy ? party(r.submittedBy, '提交') : '执行单位未提交进度报告'] },
      { cells: ['验收确认', party(r.acceptedBy, '验收')] },
    ],
  });

  w.sealBlock(slots, formatDate(input.issuedAt ?? r.acceptance.at), undefined, [
    { text: '以上执行情况经业主委员会验收确认，自验收之日起三日内在小区显著位置公布，接受业主监督。' },
    { text: '特此报告。' },
  ]);
  return w.finish();
}
