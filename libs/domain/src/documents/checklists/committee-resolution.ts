import type { Checklist } from './types';

/** 发文字号 of a committee document (issue-number.ts): the community's first character, 业委, 〔year〕, sequence. */
export const COMMITTEE_ISSUE_NUMBER = /[\u4e00-\u9fff]业委〔\d{4}〕[1-9]\d*号/;

/**
 * 业主委员会决议: its 发文字号 (GB/T 9704, e.g. 太业委〔2026〕1号), the committee's own members only (居委会/物业 attend without a vote), each member's vote, the rule
 * applied (全体委员过半数 by default), the resolution text, publication within 3 days.
 */
export const COMMITTEE_RESOLUTION_CHECKLIST: Checklist = {
  kind: 'committee_resolution',
  items: [
    {
      id: 'issue_number',
      label: '发文字号（如太业委〔2026〕1号）',
      pattern: COMMITTEE_ISSUE_NUMBER,
      example: '幸业委〔2026〕1号（GY-0A1B2C3D-2026-000004）',
    },
    { id: 'title', label: '业主委员会决议', pattern: /业主委员会决议/, example: '幸福里小区业主委员会决议' },
    { id: 'members_only', label: '应到/实到（仅委员）', pattern: /应到\d+人，实到\d+人/, example: '出席人数应到3人，实到3人' },
    { id: 'each_vote', label: '每位委员的表决', pattern: /委员出席表决\S+出席(赞成|反对|弃权)/, example: '委员出席表决张三出席赞成' },
    {
      id: 'rule',
      label: '适用的表决规则',
      pattern: /表决规则：?全体委员(过半数|半数以上)同意（\d+名委员中至少\d+人）/,
      example: '表决规则全体委员过半数同意（3名委员中至少2人）',
    },
    { id: 'tally', label: '赞成/反对/弃权人数', pattern: /赞成\d+人，反对\d+人，弃权\d+人/, example: '表决情况赞成2人，反对0人，弃权1人' },
    { id: 'resolution_text', label: '决议内容', pattern: /决议内容：?\S/, example: '决议内容委托物业公司更换水泵' },
    { id: 'publication', label: '3日内公布', pattern: /3日内/, example: '本决议自作出之日起3日内在小区公告栏及本平台公布。' },
  ],
  // The 发文字号 is cited by number: never split over two lines.
  unbroken: [new RegExp(COMMITTEE_ISSUE_NUMBER.source, 'g')],
  forbidden: [
    { id: 'invented_consensus', label: '"一致同意"（仅全体一致时可写）', pattern: /一致同意/, allowedWhen: 'unanimous' },
    { id: 'observers_counted', label: '居委会/物业计入委员', pattern: /（居委会）出席(赞成|反对|弃权)|（物业）出席(赞成|反对|弃权)/ },
  ],
};
