import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { cellText, finish, MAX_ROSTER_ROWS, type ParsedRosterFile, type RequiredColumns } from './roster-file.parser';

/**
 * Reads the first worksheet row by row with exceljs's streaming reader instead of loading the whole workbook
 * model, and stops as soon as the row limit is passed: memory follows the rows kept, not the file's XML.
 */
export async function parseXlsxStreaming(buffer: Buffer, required?: RequiredColumns): Promise<ParsedRosterFile> {
  const records: { line: number; cells: string[] }[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const worksheet of reader) {
      let width = 0;
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as ExcelJS.CellValue[]) ?? [];
        width = Math.max(width, values.length - 1);
        const cells: string[] = [];
        for (let col = 1; col <= width; col++) cells.push(cellText(values[col]));
        if (cells.some((c) => c !== '')) records.push({ line: row.number, cells });
        // Header + MAX_ROSTER_ROWS is allowed; one more is enough to say the file is too long.
        if (records.length > MAX_ROSTER_ROWS + 1)
          return { rows: [], errors: [{ line: row.number, reason: `行数超过上限 ${MAX_ROSTER_ROWS}` }] };
      }
      break; // the roster is the first worksheet
    }
  } catch {
    return { rows: [], errors: [{ line: 1, reason: '无法读取 Excel 文件 (not a valid .xlsx file)' }] };
  }
  return finish(records, required);
}
