import type { Checklist } from './types';

/**
 * 决定执行情况报告 (the committee's report on carrying out a decision; issue 12 item 2): a report, not minutes — its
 * title, the reporting party (the property company that did the work), the item and the decision executed, the
 * period, what was done (each progress report: when, how far, what, by whom), the amounts (budget and funding source,
 * or that none was set), the acceptance and its result, the documents it rests on (附件), and who submitted the
 * report and who accepted the work, each with the time. Patterns run on `pdftotext -layout` output (tables read row
 * by row) with whitespace removed.
 */
export const EXECUTION_REPORT_CHECKLIST: Checklist = {
  kind: 'execution_report',
  items: [
    { id: 'title', label: '标题：决定执行情况报告', pattern: /决定执行情况报告/, example: '动用维修资金更换水泵决定执行情况报告' },
    { id: 'reporting_party', label: '报告单位（执行单位）', pattern: /报告单位：\S+/, example: '报告单位：物业（物业李经理）' },
    { id: 'item', label: '议题', pattern: /议题：议题第\d+号/, example: '议题：议题第1号「动用维修资金更换水泵」' },
    {
      id: 'decision',
      label: '执行依据（所执行的决定）',
      pattern: /执行依据：\S*决[议定]/,
      example: '执行依据：议题第1号「动用维修资金更换水泵」业主委员会决议（GY-0A1B2C3D-2026-000004）',
    },
    {
      id: 'period',
      label: '执行期间（起止日期）',
      pattern: /执行期间：\d{4}年\d{1,2}月\d{1,2}日至\d{4}年\d{1,2}月\d{1,2}日/,
      example: '执行期间：2026年11月20日至2026年12月1日',
    },
    {
      id: 'amounts',
      label: '金额（预算及资金来源，或注明未列预算）',
      pattern: /预算金额：(?:¥[\d,]+\.\d{2}|本议题未列预算金额)/,
      example: '预算金额：¥120,000.00（资金来源：专项维修资金）',
    },
    {
      id: 'work_done',
      label: '执行情况：每次进度报告（时间、完成进度、内容、报告人）',
      // pdftotext may read the header's last cells after the first row's: the columns in any order, then a row.
      pattern: /一、执行情况序号报告时间完成进度(?=\S*执行内容)(?=\S*报告人)\S*?\d{4}年\d{1,2}月\d{1,2}日\d{2}:\d{2}\d{1,3}%/,
      example: '一、执行情况序号报告时间完成进度执行内容报告人12026年11月25日10:00100%水泵已更换并试运行物业李经理',
    },
    {
      id: 'acceptance',
      label: '验收情况与验收结论',
      pattern: /二、验收情况\S*验收结论：验收合格/,
      example: '二、验收情况验收时间：2026年12月1日09:00验收结论：验收合格',
    },
    {
      id: 'attachments',
      label: '附件（所依据的文书）',
      pattern: /三、附件(?:1\.|无)/,
      example: '三、附件1.《更换水泵业主委员会决议》（太业委〔2026〕2号，GY-0A1B2C3D-2026-000004）',
    },
    {
      id: 'submitted',
      label: '报告提交人及提交时间',
      pattern: /报告提交\S*?于\d{4}年\d{1,2}月\d{1,2}日\d{2}:\d{2}提交/,
      example: '报告提交物业物业李经理于2026年11月25日10:00提交',
    },
    {
      id: 'accepted',
      label: '验收确认人及确认时间',
      pattern: /验收确认\S*?于\d{4}年\d{1,2}月\d{1,2}日\d{2}:\d{2}验收/,
      example: '验收确认业委会主任陈主任于2026年12月1日09:00验收',
    },
  ],
  forbidden: [
    { id: 'minutes_heading', label: '"会议纪要"（这是执行情况报告，不是纪要）', pattern: /会议纪要/, example: '物业执行会议纪要' },
    {
      id: 'blank_signatures',
      label: '纪要的空白签字栏（"签字 / 系统确认"）',
      pattern: /签字\/系统确认/,
      example: '五、签字确认姓名身份签字/系统确认',
    },
    { id: 'minutes_closing', label: '纪要的结尾（"经与会人员确认"）', pattern: /经与会人员确认/, example: '以上内容经与会人员确认' },
  ],
};
