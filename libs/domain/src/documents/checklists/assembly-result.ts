import type { DocumentKind } from '../seal-policy';

/**
 * 表决结果公告 and 初步统计结果公示 (issue 12 item 2): per motion the participation and the yes/no/abstain heads and
 * area, the lines applied (2/3 participation, the passing rule), valid and invalid ballots, ballots by channel,
 * the outcome, the counting record and scrutineers, the objection window; the final one lists every objection and
 * its handling. Patterns are matched against the text with all whitespace removed. Same shape as the notice
 * helper's `Checklist` (checklists/types.ts) so the index can register them as they are.
 */
interface Item {
  readonly id: string;
  readonly label: string;
  readonly pattern: RegExp;
  readonly example: string;
}
interface Forbidden {
  readonly id: string;
  readonly label: string;
  readonly pattern: RegExp;
  readonly example?: string;
}
export interface ResultChecklist {
  readonly kind: DocumentKind;
  readonly items: readonly Item[];
  readonly forbidden?: readonly Forbidden[];
}

const FIGURES: Item[] = [
  {
    id: 'base',
    label: '本次表决的总人数、总面积',
    pattern: /全体业主（总人数、总面积）\d[\d,]*\d[\d,]*\.\d{2}/,
    example: '全体业主（总人数、总面积）2190.00',
  },
  { id: 'participation', label: '参与表决人数与面积', pattern: /参与表决的业主\d[\d,]*\d[\d,]*\.\d{2}/, example: '参与表决的业主2190.00' },
  {
    id: 'quorum_line',
    label: '三分之二参与线及是否达到',
    pattern: /三分之二基准线（至少）\d[\S]*是否达到三分之二(未)?达到(未)?达到/,
    example: '三分之二基准线（至少）2126.67是否达到三分之二达到达到',
  },
  {
    id: 'rule_applied',
    label: '适用的表决规则',
    pattern: /表决规则：?[^，。]*(过半数|四分之三|二分之一)/,
    example: '表决规则：第（五）项：同意的专有部分面积和人数均过半数',
  },
  { id: 'yes', label: '同意的人数与面积', pattern: /同意\d+\d+\.\d{2}%[\d,]+\.\d{2}\d+\.\d{2}%/, example: '同意150.00%100.0052.63%' },
  { id: 'no', label: '反对的人数与面积', pattern: /反对\d+\d+\.\d{2}%[\d,]+\.\d{2}\d+\.\d{2}%/, example: '反对150.00%90.0047.37%' },
  { id: 'abstain', label: '弃权的人数与面积', pattern: /弃权\d+\d+\.\d{2}%[\d,]+\.\d{2}\d+\.\d{2}%/, example: '弃权00.00%0.000.00%' },
  { id: 'pass_line', label: '通过所需（至少）', pattern: /通过所需（至少）\d+[\d,]+\.\d{2}/, example: '通过所需（至少）295.01' },
  { id: 'valid', label: '有效票', pattern: /有效票：?\d+张/, example: '有效票：2张' },
  { id: 'invalid', label: '无效票（及原因）', pattern: /无效票：?\d+张/, example: '无效票：1张（核对未通过的纸质票1张）' },
  {
    id: 'by_channel',
    label: '按投票方式',
    pattern: /按投票方式：?(网上投票|纸质表决票|委托代理投票)\d+张/,
    example: '按投票方式：网上投票1张；纸质表决票1张',
  },
  {
    id: 'counting_time',
    label: '计票时间与方式',
    pattern: /计票时间：?\d{4}年\d{1,2}月\d{1,2}日\d{2}:\d{2}计票方式：?\S+/,
    example: '计票时间：2026年12月20日10:00计票方式：表决结束时由本平台自动计票',
  },
  {
    id: 'counting_record',
    label: '计票记录（决策记录条目与结果摘要）',
    pattern: /计票记录：?决策记录第\d+条/,
    example: '计票记录：决策记录第42条（哈希ab12…）',
  },
  {
    id: 'scrutineers',
    label: '监票人',
    pattern: /监票人：?(?!（公告未指定）)[\u4e00-\u9fff]{2,}/,
    example: '监票人：王监票、居委会李主任',
  },
  { id: 'counters', label: '计票人', pattern: /计票人：?(?!（公告未指定）)[\u4e00-\u9fff]{2,}/, example: '计票人：张计票' },
  {
    id: 'objection_window',
    label: '询异期（起止）',
    pattern: /询异期：?\d{4}年\d{1,2}月\d{1,2}日\d{2}:\d{2}至\d{4}年\d{1,2}月\d{1,2}日\d{2}:\d{2}/,
    example: '询异期：2026年12月20日10:00至2026年12月23日10:00',
  },
  {
    id: 'objection_channel',
    label: '提出异议的途径',
    pattern: /提出异议：?\S*本平台\S*书面向业主委员会提出/,
    example: '提出异议：本小区业主可在询异期内登录本平台提出异议，或书面向业主委员会提出',
  },
];

/** 初步统计结果公示: the figures and the window, and said to be not final. */
export const ASSEMBLY_RESULT_PRELIMINARY_CHECKLIST: ResultChecklist = {
  kind: 'assembly_result_preliminary',
  items: [
    { id: 'title', label: '初步统计结果公示', pattern: /初步统计结果公示/, example: '2026年第一次业主大会初步统计结果公示' },
    {
      id: 'not_final',
      label: '写明不是最终结果',
      pattern: /本公示不是最终结果/,
      example: '本公示不是最终结果：询异期届满后另行发布表决结果公告。',
    },
    {
      id: 'outcome',
      label: '表决结果（初步统计）',
      pattern: /表决结果：?(通过|未通过|表决不成立)\S*（初步统计）/,
      example: '表决结果：通过（初步统计）',
    },
    ...FIGURES,
  ],
  forbidden: [{ id: 'final_wording', label: '"特此公告"（初步结果只公示）', pattern: /特此公告/, example: '特此公告。' }],
};

/** 表决结果公告: the same figures, the outcome, every objection with its handling, the Art. 280 note. */
export const ASSEMBLY_RESULT_CHECKLIST: ResultChecklist = {
  kind: 'assembly_result',
  items: [
    { id: 'title', label: '表决结果公告', pattern: /表决结果公告/, example: '2026年第一次业主大会表决结果公告' },
    { id: 'outcome', label: '表决结果', pattern: /表决结果：?(通过|未通过|表决不成立)/, example: '表决结果：通过' },
    ...FIGURES,
    {
      id: 'objections',
      label: '异议及处理情况（逐件）',
      pattern: /异议及处理情况(询异期内未收到异议|异议1：?\d{4}年\S+处理情况：?\d{4}年)/,
      example: '五、异议及处理情况异议1：2026年12月21日09:00（101）：计票有误处理情况：2026年12月22日10:00：经复核无误',
    },
    {
      id: 'art280',
      label: '撤销权与一年期限（民法典第二百八十条）',
      pattern: /第二百八十条\S*一年内/,
      example: '依据《中华人民共和国民法典》第二百八十条第二款……一年内提出。',
    },
  ],
  forbidden: [{ id: 'preliminary_wording', label: '"初步统计"（最终公告不再是初步结果）', pattern: /初步统计/, example: '初步统计结果' }],
};
