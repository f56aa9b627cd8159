import type { ResultChecklist } from './assembly-result';

/**
 * 评审结果公示 (issue 12 item 2): the scoring table (bidder, price, warranty, schedule, each criterion, weighted score,
 * rank), each judge's sheet as an annex, recusals shown as 回避 (never 缺席), the supervisor, the objection channel
 * and period. Patterns run on the text with whitespace removed (pdftotext -layout keeps table rows together).
 */
export const HEARING_RESULT_CHECKLIST: ResultChecklist = {
  kind: 'hearing_result',
  items: [
    { id: 'title', label: '评审结果公示（不是会议纪要）', pattern: /评审结果公示/, example: '评审结果公示：3幢电梯更新现场竞标听证会' },
    {
      id: 'table_header',
      label: '评分表：排名、投标人、报价、质保、工期、各评分项、加权得分',
      pattern: /评分项权重：\S+\d+%\S*排名投标人报价质保\(月\)工期\(天\)\D+加权得分/,
      example: '评审结果（评分表；评分项权重：价格40%、质量30%）排名投标人报价质保(月)工期(天)价格质量加权得分',
    },
    {
      id: 'table_row',
      label: '每家投标一行（名次、报价、质保、工期、得分）',
      pattern: /1\S+¥[\d,]+\.\d{2}\d+\d+(\d+\.\d{2})+/,
      example: '1甲电梯工程有限公司¥1,280,000.00249082.0070.0082.00',
    },
    { id: 'recused', label: '回避人员（写明回避）', pattern: /回避\d+人/, example: '应到7人，实到7人；回避1人' },
    { id: 'annex_sheets', label: '附件：每位评审的打分表', pattern: /附件1：评审打分表（\S+）/, example: '附件1：评审打分表（张三）' },
    {
      id: 'annex_rows',
      label: '打分表逐项列分',
      pattern: /评审打分表（\S+）评审：?\S+提交时间：?\S+投标人\S+（\d+%）/,
      example: '评审打分表（张三）评审：张三（技术专家）提交时间：2026年12月2日19:00评分标准：价格40%投标人价格（40%）',
    },
    { id: 'supervisor', label: '监督人', pattern: /监督人：?\S{2,}/, example: '监督人：居委会王主任' },
    {
      id: 'objection_period',
      label: '公示期（异议期）起止',
      pattern: /公示期：?\d{4}年\d{1,2}月\d{1,2}日\d{2}:\d{2}至\d{4}年\d{1,2}月\d{1,2}日\d{2}:\d{2}/,
      example: '公示期：2026年12月2日19:00至2026年12月5日19:00',
    },
    {
      id: 'objection_channel',
      label: '异议渠道',
      pattern: /异议渠道：?\S*业主委员会\S*本平台/,
      example: '异议渠道：向业主委员会书面提出，或登录本平台在听证会页面提交',
    },
  ],
  forbidden: [
    { id: 'absent_for_recused', label: '"缺席"（回避不是缺席）', pattern: /缺席/, example: '张委员（缺席）' },
    { id: 'minutes_heading', label: '"会议纪要"标题', pattern: /听证会（公开竞标）会议纪要/, example: '听证会（公开竞标）会议纪要' },
  ],
};

/** 流标公告: why it failed, nothing opened, the panel with 回避, supervisor, objection channel and period. */
export const TENDER_FAILED_CHECKLIST: ResultChecklist = {
  kind: 'tender_failed',
  items: [
    { id: 'title', label: '流标公告', pattern: /流标公告/, example: '流标公告：3幢电梯更新现场竞标听证会' },
    {
      id: 'bids_received',
      label: '收到投标份数与最低要求',
      pattern: /收到投标：?\d+份（有效投标须不少于\d+份）/,
      example: '收到投标：2份（有效投标须不少于3份）',
    },
    { id: 'unopened', label: '投标未开启、继续密封', pattern: /未予开启/, example: '已收到的投标文件未予开启，继续密封保存' },
    { id: 're_tender', label: '重新招标', pattern: /重新组织招标/, example: '业主委员会将重新组织招标' },
    {
      id: 'panel',
      label: '评审组（回避者写明回避）',
      pattern: /评审组：?\S+（\S+）/,
      example: '评审组：张三（技术专家）、李四（居民代表）回避：亲属任职',
    },
    { id: 'supervisor', label: '监督人', pattern: /监督人：?\S{2,}/, example: '监督人：居委会王主任' },
    {
      id: 'objection_period',
      label: '异议期起止',
      pattern: /异议期：?\d{4}年\d{1,2}月\d{1,2}日\d{2}:\d{2}至\d{4}年\d{1,2}月\d{1,2}日\d{2}:\d{2}/,
      example: '异议期：2026年12月2日19:00至2026年12月5日19:00',
    },
    {
      id: 'objection_channel',
      label: '异议渠道',
      pattern: /异议渠道：?\S*业主委员会\S*本平台/,
      example: '异议渠道：向业主委员会书面提出，或登录本平台在听证会页面提交',
    },
  ],
  forbidden: [{ id: 'absent_for_recused', label: '"缺席"（回避不是缺席）', pattern: /缺席/, example: '张委员（缺席）' }],
};
