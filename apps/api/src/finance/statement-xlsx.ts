import ExcelJS from 'exceljs';
import type { Statement } from './entities/statement.entity';
import { type PostingInfo, statementRows } from './statement-export';

/**
 * The statement as an Excel workbook: the same rows as the CSV; amounts are numeric cells in yuan shown with
 * two decimals (parsed from the exact decimal text, so every amount below 10^13 yuan displays exactly).
 */
export async function statementXlsx(statement: Statement, communityName: string, posting?: PostingInfo): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '共议 Gongyi';
  const sheet = workbook.addWorksheet('公共收益收支明细');
  const amountColumn = 6;
  statementRows(statement, communityName, posting).forEach((cells, index) => {
    const row = sheet.addRow(cells);
    const amount = cells[amountColumn - 1];
    if (index >= 2 && amount && /^-?\d+\.\d{2}$/.test(amount)) {
      const cell = row.getCell(amountColumn);
      cell.value = Number(amount);
      cell.numFmt = '#,##0.00';
    }
  });
  sheet.getRow(2).font = { bold: true };
  [8, 12, 14, 14, 24, 14, 14, 30].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
