import type { Checklist } from './types';

const DATE = String.raw`\d{4}年\d{1,2}月\d{1,2}日`;
const ISO = String.raw`\d{4}-\d{2}-\d{2}`;
const MONEY = String.raw`¥-?[\d,]+\.\d{2}`;

/**
 * 公共收益收支公示 (the sealed statement PDF; issue 12 item 2 with the finance issue): the period label and its dates,
 * the posting period, preparer and the three reviewers (居委会, bank, auditor) with names and dates, the bank balance
 * and the reconciliation result, the opening balance tied to the previous closing balance, and where to object.
 * Patterns run on the text with whitespace removed.
 */
export const FINANCE_STATEMENT_CHECKLIST: Checklist = {
  kind: 'finance_statement',
  items: [
    { id: 'title', label: '公共收益收支明细表', pattern: /公共收益收支明细表/, example: '公共收益收支明细表' },
    {
      id: 'period_label',
      label: '报表期间（如2026年第四季度）及起止日期',
      pattern: new RegExp(String.raw`\d{4}年(?:第[一二三四]季度|\d{1,2}月|[上下]半年)(?:（第\d+版）)?（${DATE}至${DATE}）`),
      example: '测试小区·2026年第四季度（第1版）（2026年10月1日至2026年12月31日）',
    },
    {
      id: 'totals',
      label: '期初余额、本期收入、本期支出、转入维修资金、期末余额',
      pattern: new RegExp(`期初余额${MONEY}本期收入${MONEY}本期支出${MONEY}转入维修资金${MONEY}期末余额${MONEY}`),
      example: '期初余额¥2,500.00本期收入¥1,200.00本期支出¥-50.00转入维修资金¥0.00期末余额¥3,750.00',
    },
    {
      id: 'posting_period',
      label: '公示期起止（自盖章之日起）',
      pattern: new RegExp(String.raw`公示期：(?:${ISO}至${ISO}|${DATE}至${DATE})（\d+日，自业委会盖章之日起）`),
      example: '公示期：2026-12-01至2026-12-08（7日，自业委会盖章之日起）',
    },
    {
      id: 'opening_is_previous_closing',
      label: '期初余额等于上期期末余额（两数相同），或注明首份报表',
      // The back-reference makes the two printed amounts equal, not only both present.
      pattern: new RegExp(`期初余额：(?:(${MONEY})，等于上期（[^）]+）报表期末余额\\1(?![\\d,.])|¥0\\.00（首份报表）)`),
      example: '期初余额：¥3,750.00，等于上期（2026年第三季度）报表期末余额¥3,750.00',
    },
    {
      id: 'bank_balance',
      label: '银行期末余额',
      pattern: new RegExp(`银行期末余额：${MONEY}`),
      example: '银行期末余额：¥3,750.00（期初余额加本期银行流水）',
    },
    {
      id: 'reconciliation',
      label: '对账结果（逐笔核对）',
      pattern:
        /对账结果：(?:银行流水与台账逐笔核对一致（\d+笔）|逐笔核对：一致\d+笔，差异\d+笔，均已由银行说明|本期无收支，银行确认账户无流水)/,
      example: '对账结果：银行流水与台账逐笔核对一致（3笔）',
    },
    {
      id: 'objection_contact',
      label: '异议联系（向业委会书面提出，公示期内）',
      pattern: /异议联系：对本表有异议的，请于公示期内向\S+?业主委员会书面提出/,
      example: '异议联系：对本表有异议的，请于公示期内向测试小区业主委员会书面提出，业委会将核查答复并公示处理结果。',
    },
    {
      id: 'preparer',
      label: '编制人（有姓名）',
      pattern: /编制人：(?!—)\S{2,}?审核情况/,
      example: '编制人：张委员审核情况',
    },
    {
      id: 'review_residents',
      label: '居委会审核：审核人、意见、日期',
      pattern: new RegExp(`居委会审核(?!审核)\\S{2,}?通过${ISO}`),
      example: '居委会审核王主任通过2026-12-01',
    },
    {
      id: 'review_bank',
      label: '银行对账：审核人、意见、日期',
      pattern: new RegExp(`银行对账(?!审核)\\S{2,}?通过${ISO}`),
      example: '银行对账李经理通过2026-12-01',
    },
    {
      id: 'review_audit',
      label: '审计机构审计：审核人、意见、日期',
      pattern: new RegExp(`审计机构审计(?!审核)\\S{2,}?通过${ISO}`),
      example: '审计机构审计赵会计师通过2026-12-01',
    },
  ],
  forbidden: [
    {
      id: 'first_statement',
      label: '"首份报表"（已有上期报表时）',
      pattern: /首份报表/,
      allowedWhen: 'firstStatement',
      example: '期初余额：¥0.00（首份报表）',
    },
    {
      id: 'no_movements',
      label: '"本期无收支"（本期有分录时）',
      pattern: /本期无收支/,
      allowedWhen: 'noMovements',
      example: '对账结果：本期无收支，银行确认账户无流水',
    },
    {
      id: 'unexplained',
      label: '未说明的对账差异（公示的报表不应有）',
      pattern: /笔未说明/,
      example: '逐笔核对：一致2笔，差异1笔，其中1笔未说明',
    },
    { id: 'no_preparer', label: '编制人空缺', pattern: /编制人：—/, example: '编制人：—' },
  ],
  unbroken: [/GY-[0-9A-F]{8}-\d{4}-\d{6}/g],
};
