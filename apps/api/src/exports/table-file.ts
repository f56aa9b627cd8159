import ExcelJS from 'exceljs';

/** A table people download: header row of Chinese column names, then rows of text (numbers stay exact strings). */
export interface Table {
  title: string;
  columns: string[];
  rows: string[][];
}

export type TableFormat = 'csv' | 'xlsx';

function csvCell(value: string): string {
  // Cells that a spreadsheet would run as a formula are prefixed with ' (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with a BOM and CRLF, so Excel opens the Chinese correctly. */
export function toCsv(table: Table): Buffer {
  const lines = [table.columns, ...table.rows].map((r) => r.map(csvCell).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

/** One sheet, header bold and frozen; every cell is text so areas and amounts keep their exact digits. */
export async function toXlsx(table: Table): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(table.title.slice(0, 31));
  sheet.addRow(table.columns).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((col, i) => {
    const longest = Math.max(table.columns[i].length * 2, ...table.rows.map((r) => (r[i] ?? '').length + 2));
    col.width = Math.min(60, Math.max(8, longest));
    col.numFmt = '@';
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

export async function render(table: Table, format: TableFormat): Promise<{ body: Buffer; contentType: string; filename: string }> {
  return format === 'xlsx'
    ? {
        body: await toXlsx(table),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename: `${table.title}.xlsx`,
      }
    : { body: toCsv(table), contentType: 'text/csv; charset=utf-8', filename: `${table.title}.csv` };
}
