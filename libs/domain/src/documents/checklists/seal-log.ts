import type { Checklist } from './types';

/**
 * 用章登记公示 (half-year seal-log report; issue 12 item 2): the half-year and its dates, the counts of applications
 * and refusals, the table (time, seal, document number and title, authorisation, requester, custodian, outcome),
 * applied rows and refused rows with their reason. Document numbers are never split over two lines (`unbroken`).
 */
export const SEAL_LOG_REPORT_CHECKLIST: Checklist = {
  kind: 'seal_log_report',
  items: [
    { id: 'title', label: '某半年用章登记公示', pattern: /\d{4}年[上下]半年用章登记公示/, example: '2026年下半年用章登记公示' },
    {
      id: 'period',
      label: '起止日期（1月1日至6月30日，或7月1日至12月31日）',
      pattern: /(?:\d{4}年1月1日至\d{4}年6月30日|\d{4}年7月1日至\d{4}年12月31日)/,
      example: '测试小区·2026年7月1日至2026年12月31日',
    },
    {
      id: 'counts',
      label: '用章次数（按印章）与拒绝次数',
      pattern: /本期共用章\d+次，其中业主大会章\d+次、业主委员会章\d+次；(?:保管人拒绝用章\d+次（理由见下表）|无拒绝用章)/,
      example: '本期共用章2次，其中业主大会章0次、业主委员会章2次；保管人拒绝用章1次（理由见下表）',
    },
    {
      id: 'table_header',
      label: '登记表：时间、印章、文件编号/名称、授权依据、申请人、保管人、结果',
      pattern: /序号时间印章文件编号\/名称授权依据申请人保管人结果/,
      example: '序号时间印章文件编号/名称授权依据申请人保管人结果',
    },
    {
      id: 'applied_row',
      label: '用章一行（时间、文件编号、已用章）',
      // The time may wrap under the date in its column.
      pattern: /\d{4}年\d{1,2}月\d{1,2}日(?:\d{2}:\d{2})?业主(?:大会|委员会)章GY-[0-9A-F]{8}-\d{4}-\d{6}\S*?已用章/,
      example: '12026年12月1日10:00业主委员会章GY-0A1B2C3D-2026-000004测试小区公共收益收支明细表公共收益报表三审通过张委员王主任已用章',
    },
    {
      id: 'refusals_listed',
      label: '拒绝用章逐条列出并写明理由（或注明无拒绝用章）',
      pattern: /保管人拒绝用章\d+次（理由见下表）\S*?拒绝(?!用章)\S{2,}|无拒绝用章/,
      example: '保管人拒绝用章1次（理由见下表）……业主委员会章GY-0A1B2C3D-2026-000005测试小区公共收益收支明细表张委员王主任拒绝附件不全',
    },
  ],
  forbidden: [
    { id: 'no_refusals', label: '"无拒绝用章"（本期有拒绝时）', pattern: /无拒绝用章/, allowedWhen: 'noRefusals', example: '；无拒绝用章' },
    { id: 'empty_log', label: '"本期无用章"（本期有用章时）', pattern: /本期无用章/, allowedWhen: 'noSealUses', example: '本期无用章' },
  ],
  unbroken: [/GY-[0-9A-F]{8}-\d{4}-\d{6}/g],
};
