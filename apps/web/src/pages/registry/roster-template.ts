/** The roster columns the server reads (libs/domain/src/registry/roster.ts), with example rows. */
export const ROSTER_COLUMNS = ['楼栋', '单元', '房号', '面积', '面积来源', '状态', '类型', '业主', '手机', '证件号', '共有人', '投票人'];

const EXAMPLE_ROWS = [
  ['1号楼', '1单元', '101', '89.50', '登记', '已售', '住宅', '张三', '13800138000', '', '', ''],
  ['1号楼', '1单元', '102', '120.00', '实测', '已售', '住宅', '李四', '13900139000', '', '王五:13700137000', '王五'],
  ['1号楼', '1单元', '201', '95.00', '合同', '未售', '住宅', '', '', '', '', ''],
  ['商业楼', '', 'S01', '60.00', '登记', '已售', '商业', '张三', '13800138000', '', '', ''],
];

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** UTF-8 with a BOM, so Excel on Chinese Windows opens it without garbling the characters. */
export function rosterTemplateCsv(): string {
  const lines = [ROSTER_COLUMNS, ...EXAMPLE_ROWS].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function downloadRosterTemplate(): void {
  const blob = new Blob([rosterTemplateCsv()], { type: 'text/csv;charset=utf-8' });
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = '房屋花名册模板.csv';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 1000);
}
