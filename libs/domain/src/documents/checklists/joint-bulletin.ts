import type { Checklist } from './types';

/**
 * 四方联席工作简报 (issue 17): what the month's progress bulletin must tell residents — the joint meetings held, the
 * problems studied, solved and still in progress, the residents' requests per category, and the response-time
 * compliance (接诉即办). Patterns run on the text with whitespace removed.
 */
export const JOINT_BULLETIN_CHECKLIST: Checklist = {
  kind: 'joint_bulletin',
  items: [
    {
      id: 'title',
      label: '标题：某年某月四方联席工作简报',
      pattern: /\d{4}年\d{1,2}月四方联席工作简报/,
      example: '2026年11月四方联席工作简报',
    },
    {
      id: 'summary',
      label: '概述：召开会议次数、研究 / 解决 / 推进问题数',
      pattern: /召开四方联席会议\d+次，研究问题\d+个，解决\d+个，正在推进\d+个/,
      example: '本月召开四方联席会议1次，研究问题5个，解决3个，正在推进2个；',
    },
    {
      id: 'meetings',
      label: '四方联席会议（时间、地点、议题）',
      pattern: /一、四方联席会议时间地点\S*议题/,
      example: '一、四方联席会议时间地点议题结果',
    },
    { id: 'studied', label: '本月研究的问题', pattern: /二、本月研究的问题/, example: '二、本月研究的问题编号问题状态说明' },
    { id: 'solved', label: '已解决的问题', pattern: /三、已解决的问题/, example: '三、已解决的问题' },
    { id: 'in_progress', label: '正在推进的问题', pattern: /四、正在推进的问题/, example: '四、正在推进的问题' },
    {
      id: 'categories',
      label: '居民诉求分类统计（受理、办结、办理中、按时、超时）',
      pattern: /五、居民诉求分类统计类别\S*受理办结办理中按时办结超时/,
      example: '五、居民诉求分类统计类别repair受理办结办理中按时办结超时',
    },
    {
      id: 'compliance',
      label: '响应时限执行情况（按时办结率）',
      pattern: /六、响应时限执行情况本月到期诉求\d+件，按时办结\d+件，按时办结率(\d+\.\d%|—)/,
      example: '六、响应时限执行情况本月到期诉求12件，按时办结11件，按时办结率91.6%。',
    },
    {
      id: 'seal_line',
      label: '落款：业主委员会（盖章）与日期',
      pattern: /业主委员会\S*\d{4}年\d{1,2}月\d{1,2}日/,
      example: '阳光花园业主委员会（盖章）2026年12月1日',
    },
  ],
};
