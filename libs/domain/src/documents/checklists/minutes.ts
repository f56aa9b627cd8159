import type { Checklist, ChecklistItem, ForbiddenText } from './types';

/**
 * What the minutes of the chain meetings must contain (issue 12 item 2, 会议纪要 per stage): attendees by party and
 * role, absentees, agenda, discussion/opinions, the agreed plan and options (joint meeting), outcome, and each
 * attendee's confirmation (who, when). Patterns run on the PDF's `pdftotext` output with all whitespace removed.
 * Shape: { kind, items: [{ id, label, pattern }] } — one entry per kind for the checklists index.
 */

const common: ChecklistItem[] = [
  {
    id: 'attendees',
    label: '出席人员（姓名、身份）',
    pattern: /一、出席人员序号姓名身份/,
    example: '一、出席人员序号姓名身份1张书记党支部',
  },
  { id: 'attendance', label: '应到、实到人数', pattern: /应到\d+人，实到\d+人/, example: '应到5人，实到4人' },
  { id: 'absentees', label: '缺席人员', pattern: /缺席人员/, example: '缺席人员：王委员（出差）' },
  { id: 'agenda', label: '会议议程', pattern: /二、会议议程1\./, example: '二、会议议程1.审议议题' },
  { id: 'discussion', label: '讨论情况', pattern: /三、讨论情况/, example: '三、讨论情况与会人员逐项发表意见' },
  {
    id: 'outcome',
    label: '会议结论',
    pattern: /四、会议结论.*(同意，进入下一环节|退回提议人修改|不予通过)/,
    example: '四、会议结论同意，进入下一环节',
  },
  {
    id: 'confirmations',
    label: '每位出席人员的确认（谁、何时）',
    pattern: /五、签字确认.*已于\d{4}年\d{1,2}月\d{1,2}日\d{2}:\d{2}确认/,
    example: '五、签字确认张书记已于2026年12月1日09:30确认',
  },
  {
    id: 'confirmed_not_sealed',
    label: '经全体出席人员确认，无需用章',
    pattern: /本纪要已经全体出席人员确认，无需用章/,
    example: '本纪要已经全体出席人员确认，无需用章。',
  },
];

/**
 * Minutes are the meeting's own record: they carry the attendees' confirmations, never a seal (seal policy). A seal
 * name, a seal slot or the sealed documents' closing beside "无需用章" would contradict the record, and so would an
 * unconfirmed line on a final. (章程 — a charter — is not a seal.)
 */
const noSeal: ForbiddenText[] = [
  { id: 'assembly_seal', label: '业主大会章（纪要不加盖业主大会章）', pattern: /业主大会章(?!程)/, example: '印章：业主大会章' },
  {
    id: 'committee_seal',
    label: '业主委员会章（纪要由出席人员确认，不盖章）',
    pattern: /业主委员会章(?!程)|业委会章(?!程)/,
    example: '印章：业主委员会章',
  },
  { id: 'seal_slot', label: '"（盖章）"用章位置', pattern: /[（(]盖章[)）]|盖章处/, example: '业主委员会（盖章）' },
  {
    id: 'sealed_closing',
    label: '盖章文书的结尾（"特此公告"、"三日内…公告"）',
    pattern: /特此公告|自作出之日起三日内在小区显著位置公告/,
    example: '以上内容经与会人员确认，业主委员会自作出之日起三日内在小区显著位置公告。',
  },
  {
    id: 'unconfirmed',
    label: '"尚有…人未确认"（定稿时全体已确认）',
    pattern: /尚有\d+人未确认/,
    example: '本纪要尚有1人未确认，全体出席人员确认后定稿。',
  },
];

export const MINUTES_PARTY_PREDISCUSSION_CHECKLIST: Checklist = { kind: 'minutes_party_prediscussion', items: common, forbidden: noSeal };

export const MINUTES_JOINT_MEETING_CHECKLIST: Checklist = {
  kind: 'minutes_joint_meeting',
  items: [
    ...common,
    {
      id: 'four_parties',
      label: '党支部、居委会、业委会、物业四方',
      pattern: /党支部.*居委会.*业委会.*物业/,
      example: '党支部、居委会、业委会、物业',
    },
    { id: 'plan', label: '议定方案', pattern: /议定方案/, example: '议定方案：公开比价更换水泵' },
    { id: 'options', label: '备选方案', pattern: /备选方案.{0,2}（1）/, example: '备选方案：（1）甲公司' },
  ],
  forbidden: noSeal,
};

export const MINUTES_REPRESENTATIVES_MEETING_CHECKLIST: Checklist = {
  kind: 'minutes_representatives_meeting',
  items: [
    ...common,
    { id: 'opinions', label: '居民代表收集的意见（赞成、反对户数）', pattern: /赞成\d+户、反对\d+户/, example: '赞成26户、反对2户' },
  ],
  forbidden: noSeal,
};

export const MINUTES_CHECKLISTS: Checklist[] = [
  MINUTES_PARTY_PREDISCUSSION_CHECKLIST,
  MINUTES_JOINT_MEETING_CHECKLIST,
  MINUTES_REPRESENTATIVES_MEETING_CHECKLIST,
];
