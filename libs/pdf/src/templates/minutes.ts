import { OUTCOME_CONCLUSION_ZH, STAGE_LABELS_ZH_ALL } from '@gongyi/domain/labels';
import { contentDigest } from '../content-digest';
import { formatDate, formatDateTime, formatRange } from '../dates';
import { BODY_SIZE, DocumentWriter } from '../document-writer';
import { drawTable } from '../table';
import type { RenderOptions, SealSlots } from '../types';
import { renderExecutionReport, type ExecutionReportDetails } from './execution-report';

/** The consultation chain's stages (DOMAIN §5). */
export type ChainStage =
  'party_prediscussion' | 'joint_meeting' | 'representatives_meeting' | 'assembly_vote' | 'committee_resolution' | 'execution';

/** Stage names from the one label registry (libs/domain/src/labels), as the API and the web app show them. */
export const STAGE_NAMES: Record<ChainStage, string> = STAGE_LABELS_ZH_ALL;

export type StageOutcome = 'advance' | 'return' | 'reject';
export const OUTCOME_NAMES: Record<StageOutcome, string> = OUTCOME_CONCLUSION_ZH;

export interface MinutesAttendee {
  name: string;
  /** e.g. 党支部书记 / 业委会主任 / 居委会 / 物业项目经理 / 居民代表（3号楼） */
  role: string;
  /** Organisation or building, optional. */
  organisation?: string;
  /** false = absent (listed as 缺席); defaults to present. */
  present?: boolean;
  /** Withdrew for a declared conflict of interest: listed as 回避, neither present nor absent. */
  recused?: boolean;
}

export interface MinutesOpinion {
  speaker: string;
  role?: string;
  /** 赞成 / 反对 / 关注 … free text stance, optional. */
  stance?: string;
  content: string;
}

export interface MinutesSignature {
  name: string;
  role?: string;
  /** When the person confirmed the minutes in the system; blank line for a handwritten signature if absent. */
  confirmedAt?: Date;
  /** How it was confirmed, e.g. 本人在平台确认 / 纸面签字，甲登记、乙核对. */
  note?: string;
}

export interface MeetingMinutesInput {
  communityName: string;
  stage: ChainStage;
  /** Overrides the stage's standard name (e.g. 四方联席会议). */
  stageName?: string;
  meetingTitle: string;
  /** The agenda item (议题) the meeting is a stage of. */
  agendaItemTitle?: string;
  startedAt: Date;
  endedAt?: Date;
  place: string;
  chair: string;
  recorder: string;
  attendees: MinutesAttendee[];
  agenda: string[];
  /** Free-form discussion record (paragraphs separated by newlines). */
  discussion?: string;
  opinions?: MinutesOpinion[];
  outcome: { decision: StageOutcome; text: string; votes?: { for: number; against: number; abstain: number } };
  signatures: MinutesSignature[];
  /** Date the minutes are issued (defaults to the meeting date). */
  issuedAt?: Date;
  /** Printed heading instead of 「…纪要」, e.g. 业主委员会决议. */
  documentTitle?: string;
  /** 列席 (attending without a vote, e.g. 居委会, 物业): listed, never counted in 应到/实到. */
  observers?: MinutesAttendee[];
  /** Joint meeting: the agreed plan and the options put forward. */
  plan?: { text: string; options?: string[] };
  /** Committee resolution: each member's vote (members only). */
  memberVotes?: { name: string; present: boolean; vote: string }[];
  /** The decision rule applied, e.g. 全体委员过半数同意（5 名委员中至少 3 人）. */
  rule?: string;
  /** The text of the resolution as adopted. */
  resolutionText?: string;
  /** e.g. 本决议自作出之日起 3 日内在小区公告栏公布。 */
  publicationNote?: string;
  /** A result table (e.g. the hearing's scoring table), printed under 评审结果 before the conclusion. */
  scoreTable?: { title: string; columns: string[]; rows: string[][]; weights?: number[]; fontSize?: number };
  /** Extra facts printed under the meeting data (e.g. 监督人, 异议渠道及期限 of a hearing result). */
  extraFields?: [label: string, value: string][];
  /**
   * The execution stage's record (决定执行情况报告): printed as a report — reporting party, decision, period, progress,
   * amounts, acceptance, attachments, who submitted and who accepted — instead of as minutes (./execution-report.ts).
   */
  executionReport?: ExecutionReportDetails;
  /** 附件 after the signature part, from a new page, each kept whole on one page (e.g. each judge's score sheet). */
  annexes?: { title: string; fields?: [label: string, value: string][]; columns: string[]; rows: string[][] }[];
}

export const MINUTES_TYPE = 'meeting_minutes';

/** 联席会议 → 联席会议纪要; 支部先议 → 支部先议会议纪要. */
export function minutesTitle(name: string): string {
  return name.endsWith('会议') ? `${name}纪要` : `${name}会议纪要`;
}

/** 会议纪要 for any stage of the chain; long discussions flow over as many pages as needed. */
export async function renderMeetingMinutes(
  input: MeetingMinutesInput,
  options: RenderOptions,
  slots: SealSlots = ['committee'],
): Promise<Buffer> {
  if (input.executionReport) return renderExecutionReport({ ...input, executionReport: input.executionReport }, options, slots);
  const stageName = input.stageName ?? STAGE_NAMES[input.stage];
  const w = new DocumentWriter({
    title: input.documentTitle ? input.documentTitle.replace(input.communityName, '') : minutesTitle(stageName),
    communityName: input.communityName,
    contentDigest: contentDigest(MINUTES_TYPE, options.documentNumber, input),
    options,
  });
  w.title(input.documentTitle ?? minutesTitle(input.meetingTitle), `${input.communityName} · 议事环节：${stageName}`);

  const recused = input.attendees.filter((a) => a.recused);
  const present = input.attendees.filter((a) => !a.recused && a.present !== false);
  const absent = input.attendees.filter((a) => !a.recused && a.present === false);
  w.fields([
    ['议事环节', stageName],
    ...(input.agendaItemTitle ? [['议题', input.agendaItemTitle] as [string, string]] : []),
    ['会议时间', input.endedAt ? formatRange(input.startedAt, input.endedAt) : formatDateTime(input.startedAt)],
    ['会议地点', input.place],
    ['主持人', input.chair],
    ['记录人', input.recorder],
    [
      '出席人数',
      `应到 ${input.attendees.length - recused.length} 人，实到 ${present.length} 人${absent.length ? `，缺席 ${absent.length} 人` : ''}${recused.length ? `；回避 ${recused.length} 人` : ''}`,
    ],
    ...(absent.length ? [['缺席人员', absent.map((a) => `${a.name}（${a.role}）`).join('、')] as [string, string]] : []),
    ...(input.observers?.length
      ? [['列席人员', input.observers.map((a) => `${a.name}（${a.role}）`).join('、') + '（列席，不计入应到/实到）'] as [string, string]]
      : []),
  ]);

  if (input.extraFields?.length) w.fields(input.extraFields);

  w.heading('一、出席人员');
  drawTable(w, {
    columns: [
      { header: '序号', weight: 0.5, align: 'center' },
      { header: '姓名', weight: 1.2 },
      { header: '身份', weight: 2.2 },
      { header: '单位/楼栋', weight: 1.6 },
      { header: '出席', weight: 0.7, align: 'center' },
    ],
    rows: input.attendees.map((a, i) => ({
      cells: [String(i + 1), a.name, a.role, a.organisation ?? '', a.recused ? '回避' : a.present === false ? '缺席' : '出席'],
    })),
  });

  w.heading('二、会议议程');
  input.agenda.forEach((item, i) => w.paragraph(`${i + 1}. ${item}`));

  w.heading('三、讨论情况');
  if (input.discussion) w.paragraph(input.discussion, { indent: true });
  for (const opinion of input.opinions ?? []) {
    const who = `${opinion.speaker}${opinion.role ? `（${opinion.role}）` : ''}${opinion.stance ? `【${opinion.stance}】` : ''}`;
    w.paragraph(`${who}：${opinion.content}`, { indent: true });
  }
  if (!input.discussion && !input.opinions?.length) w.paragraph('（无记录）', { muted: true });

  if (input.scoreTable) {
    const t = input.scoreTable;
    w.heading(t.title);
    drawTable(w, {
      columns: t.columns.map((header, i) => ({
        header,
        weight: t.weights?.[i] ?? (i === 1 ? 1.6 : 1),
        align: i === 1 ? undefined : 'center',
      })),
      rows: t.rows.map((cells) => ({ cells })),
      fontSize: t.fontSize ?? 8.5,
    });
  }

  w.heading('四、会议结论');
  if (input.plan) {
    w.fields([['议定方案', input.plan.text]]);
    if (input.plan.options?.length) w.fields([['备选方案', input.plan.options.map((o, i) => `（${i + 1}）${o}`).join('\n')]]);
  }
  if (input.memberVotes?.length) {
    drawTable(w, {
      columns: [
        { header: '委员', weight: 1.4 },
        { header: '出席', weight: 0.8, align: 'center' },
        { header: '表决', weight: 1, align: 'center' },
      ],
      rows: input.memberVotes.map((m) => ({ cells: [m.name, m.present ? '出席' : '缺席', m.present ? m.vote : '—'] })),
    });
  }
  if (input.rule) w.fields([['表决规则', input.rule]]);
  if (input.outcome.votes) {
    const v = input.outcome.votes;
    w.fields([['表决情况', `赞成 ${v.for} 人，反对 ${v.against} 人，弃权 ${v.abstain} 人`]]);
  }
  w.fields([['结论', OUTCOME_NAMES[input.outcome.decision]]]);
  if (input.outcome.text) w.paragraph(input.outcome.text, { indent: true });
  if (input.resolutionText) {
    w.fields([['决议内容', input.resolutionText]]);
  }
  if (input.publicationNote) w.paragraph(input.publicationNote, { indent: true, muted: true });

  // The heading goes with the table's first rows, never alone at the foot of a page.
  w.ensureSpace(48 + 80);
  w.heading('五、签字确认');
  drawTable(w, {
    columns: [
      { header: '姓名', weight: 1.2 },
      { header: '身份', weight: 2 },
      { header: '签字 / 系统确认', weight: 2.4 },
    ],
    rows: input.signatures.map((s) => ({
      cells: [
        s.name,
        s.role ?? '',
        s.confirmedAt ? `已于 ${formatDateTime(s.confirmedAt)} 确认${s.note ? `（${s.note}）` : ''}` : slots.length ? '' : '待确认',
      ],
    })),
  });

  // Without annexes the verification block follows on the same page: the last text is kept with it.
  const annexed = !!input.annexes?.length;
  if (slots.length)
    w.sealBlock(
      slots,
      formatDate(input.issuedAt ?? input.startedAt),
      undefined,
      [{ text: '以上内容经与会人员确认，业主委员会自作出之日起三日内在小区显著位置公告。' }, { text: '特此公告。' }],
      { last: !annexed },
    );
  else {
    // The meeting's own record (seal policy): no seal; it is final once every attendee present has confirmed.
    const pending = input.signatures.filter((s) => !s.confirmedAt).length;
    const note = pending ? `本纪要尚有 ${pending} 人未确认，全体出席人员确认后定稿。` : '本纪要已经全体出席人员确认，无需用章。';
    const date = formatDate(input.issuedAt ?? input.startedAt);
    const height = w.paragraphHeight(note) + w.paragraphHeight(date, undefined, false) + BODY_SIZE;
    if (!annexed) w.keepWithEnd(height);
    else w.ensureSpace(height);
    w.paragraph(note, { indent: true, muted: true });
    w.paragraph(date);
  }
  (input.annexes ?? []).forEach((annex, i) => {
    // The annexes start on a new page and then follow one another: a short score sheet does not take a page of its
    // own, but none is split (heading, fields and table move on together when they do not fit).
    // The last one keeps the verification block on its page.
    const last = i === input.annexes!.length - 1;
    if (i === 0) w.addPage();
    else {
      w.moveDown(10);
      const height = 40 + (annex.fields?.length ?? 0) * 20 + (annex.rows.length + 1) * 20;
      w.ensureSpace(last ? w.endSpace(height) : height);
    }
    w.heading(`附件${i + 1}：${annex.title}`);
    if (annex.fields?.length) w.fields(annex.fields);
    drawTable(w, {
      columns: annex.columns.map((header, c) => ({ header, weight: c === 0 ? 1.6 : 1, align: c === 0 ? undefined : 'center' })),
      rows: annex.rows.map((cells) => ({ cells })),
      fontSize: 9,
      reserveAfter: last ? w.verificationSpace : undefined,
    });
  });
  return w.finish();
}
