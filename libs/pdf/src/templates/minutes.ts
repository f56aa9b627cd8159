import { contentDigest } from '../content-digest';
import { formatDate, formatDateTime, formatRange } from '../dates';
import { DocumentWriter } from '../document-writer';
import { drawTable } from '../table';
import type { RenderOptions, SealSlots } from '../types';

/** The consultation chain's stages (DOMAIN §5). */
export type ChainStage =
  'party_prediscussion' | 'joint_meeting' | 'representatives_meeting' | 'assembly_vote' | 'committee_resolution' | 'execution';

export const STAGE_NAMES: Record<ChainStage, string> = {
  party_prediscussion: '支部先议',
  joint_meeting: '联席会议',
  representatives_meeting: '居民代表会议',
  assembly_vote: '业主大会表决',
  committee_resolution: '业委会决议',
  execution: '物业执行',
};

export type StageOutcome = 'advance' | 'return' | 'reject';
export const OUTCOME_NAMES: Record<StageOutcome, string> = {
  advance: '同意，进入下一环节',
  return: '退回提议人修改',
  reject: '不予通过',
};

export interface MinutesAttendee {
  name: string;
  /** e.g. 党支部书记 / 业委会主任 / 居委会 / 物业项目经理 / 居民代表（3号楼） */
  role: string;
  /** Organisation or building, optional. */
  organisation?: string;
  /** false = absent (listed as 缺席); defaults to present. */
  present?: boolean;
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
  const stageName = input.stageName ?? STAGE_NAMES[input.stage];
  const w = new DocumentWriter({
    title: minutesTitle(stageName),
    communityName: input.communityName,
    contentDigest: contentDigest(MINUTES_TYPE, options.documentNumber, input),
    options,
  });
  w.title(minutesTitle(input.meetingTitle), `${input.communityName} · 议事环节：${stageName}`);

  const present = input.attendees.filter((a) => a.present !== false);
  const absent = input.attendees.filter((a) => a.present === false);
  w.fields([
    ['议事环节', stageName],
    ...(input.agendaItemTitle ? [['议题', input.agendaItemTitle] as [string, string]] : []),
    ['会议时间', input.endedAt ? formatRange(input.startedAt, input.endedAt) : formatDateTime(input.startedAt)],
    ['会议地点', input.place],
    ['主持人', input.chair],
    ['记录人', input.recorder],
    ['出席人数', `应到 ${input.attendees.length} 人，实到 ${present.length} 人${absent.length ? `，缺席 ${absent.length} 人` : ''}`],
  ]);

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
      cells: [String(i + 1), a.name, a.role, a.organisation ?? '', a.present === false ? '缺席' : '出席'],
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

  w.heading('四、会议结论');
  w.fields([['结论', OUTCOME_NAMES[input.outcome.decision]]]);
  if (input.outcome.votes) {
    const v = input.outcome.votes;
    w.fields([['表决情况', `赞成 ${v.for} 人，反对 ${v.against} 人，弃权 ${v.abstain} 人`]]);
  }
  w.paragraph(input.outcome.text, { indent: true });

  w.heading('五、签字确认');
  drawTable(w, {
    columns: [
      { header: '姓名', weight: 1.2 },
      { header: '身份', weight: 2 },
      { header: '签字 / 系统确认', weight: 2.4 },
    ],
    rows: input.signatures.map((s) => ({
      cells: [s.name, s.role ?? '', s.confirmedAt ? `已于 ${formatDateTime(s.confirmedAt)} 确认` : ''],
    })),
  });

  w.sealBlock(slots, formatDate(input.issuedAt ?? input.startedAt));
  return w.finish();
}
