import type { Checklist } from './types';

/** 业主大会会议公告 (民法典 Art. 278, 物业管理条例 Art. 14, 指导规则): everything an owner needs to take part. */
export const ASSEMBLY_NOTICE_CHECKLIST: Checklist = {
  kind: 'assembly_notice',
  items: [
    {
      id: 'convenor',
      label: '召集人（业主委员会）',
      pattern: /业主委员会决定召开/,
      example: '幸福里小区业主委员会决定召开2026年第一次业主大会',
    },
    {
      id: 'window',
      label: '表决期间（起止时间）',
      pattern: /表决期间：?\d{4}年\d{1,2}月\d{1,2}日[\d:]*至\d{4}年/,
      example: '表决期间2026年12月20日08:00至2027年1月10日18:00',
    },
    { id: 'electorate', label: '表决范围', pattern: /表决范围：?\S/, example: '表决范围本小区全体业主' },
    {
      id: 'base_figures',
      label: '本次表决的基数（总面积、总人数）',
      pattern: /总面积：?[\d,]+\.\d{2}平方米.*总人数：?\d+人/,
      example: '总面积6,250.00平方米（专有部分面积，含车位）总人数67人',
    },
    {
      id: 'participation_rule',
      label: '参与表决规则与两条三分之二线',
      pattern: /参与表决线：?专有部分面积[\d,]+\.\d{2}平方米以上且人数\d+人以上/,
      example: '参与表决线专有部分面积4,166.67平方米以上且人数45人以上（均为三分之二以上）',
    },
    { id: 'method', label: '表决方式与渠道', pattern: /表决方式与渠道/, example: '三、表决方式与渠道' },
    {
      id: 'matters_full_text',
      label: '表决议案全文',
      pattern: /表决议案（全文）议案一：/,
      example: '四、表决议案（全文）议案一：更换水泵',
    },
    {
      id: 'category_and_rule',
      label: '每项议案的事项类别（第二百七十八条）与通过规则',
      pattern: /表决规则：（[一二三四五六七八九]）.+须/,
      example: '表决规则：（五）使用建筑物及其附属设施的维修资金，须参与表决专有部分面积过半数的业主且参与表决人数过半数的业主同意',
    },
    {
      id: 'paper_return',
      label: '纸质表决票交回地点与截止时间',
      pattern: /纸质表决票交回地点：?\S+交回截止时间：?\d{4}年/,
      example: '纸质表决票交回地点小区物业服务中心一楼票箱交回截止时间2027年1月10日18:00',
    },
    {
      id: 'proxy_procedure',
      label: '委托投票办法',
      pattern: /委托投票办法：?\S*书面委托/,
      example: '委托投票办法业主可书面委托代理人投票',
    },
    {
      id: 'counting',
      label: '计票时间与地点',
      pattern: /计票时间：?\d{4}年\d{1,2}月\d{1,2}日.*计票地点：?\S/,
      example: '计票时间2027年1月11日09:00计票地点业主委员会办公室',
    },
    { id: 'scrutineers', label: '监票人与计票人', pattern: /监票人：?\S+计票人：?\S/, example: '监票人张三、李四计票人王五' },
    {
      id: 'supervision',
      label: '居委会监督',
      pattern: /居民委员会[^。]*监督/,
      example: '居委会监督幸福里社区居民委员会派员全程监督计票',
    },
    {
      id: 'result_date',
      label: '表决结果公布日期',
      pattern: /结果公布日期：?\d{4}年\d{1,2}月\d{1,2}日/,
      example: '结果公布日期2027年1月11日',
    },
    {
      id: 'contacts',
      label: '联系人与联系电话',
      pattern: /联系人：?\S+联系电话：?[\d+\-()]{5,}/,
      example: '联系人：张三联系电话：13900000000',
    },
    {
      id: 'notice_date',
      label: '公告日期（即用章日期）',
      pattern: /特此公告。.*\d{4}年\d{1,2}月\d{1,2}日/,
      example: '特此公告。幸福里小区业主委员会2026年12月1日',
    },
    {
      id: 'copy_to',
      label: '抄送居委会、街道',
      pattern: /抄送：[^。]*居民委员会[^。]*街道/,
      example: '抄送：幸福里社区居民委员会、太平街道办事处',
    },
  ],
  forbidden: [{ id: 'no_unlisted_matter', label: '不得出现"临时动议"', pattern: /临时动议/ }],
};
