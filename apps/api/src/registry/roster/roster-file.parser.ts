import { columnForHeader, RawRosterRow, REQUIRED_COLUMNS, ROSTER_HEADERS, RosterColumn, RosterError } from '@gongyi/domain/registry/roster';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { parseXlsxStreaming } from './xlsx-stream';
import { checkZipLimits } from './zip-limits';

export const MAX_ROSTER_ROWS = 50_000;

export interface ParsedRosterFile {
  rows: RawRosterRow[];
  errors: RosterError[];
}

/** Excel on Chinese Windows saves CSV as GB18030; everything else is UTF-8 (BOM optional). */
function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

/** Columns a file must have: the roster's by default; the residents' committee's facts file names fewer. */
export type RequiredColumns = readonly RosterColumn[];

function mapHeaders(headers: string[], requiredColumns: RequiredColumns): { columns: (RosterColumn | undefined)[]; errors: RosterError[] } {
  const columns = headers.map((h) => columnForHeader(h));
  const errors: RosterError[] = [];
  for (const required of requiredColumns) {
    if (!columns.includes(required)) {
      errors.push({ line: 1, reason: `缺少列「${ROSTER_HEADERS[required][0]}」(missing column ${required})` });
    }
  }
  return { columns, errors };
}

function toRows(records: { line: number; cells: string[] }[], columns: (RosterColumn | undefined)[]): RawRosterRow[] {
  return records
    .filter((r) => r.cells.some((cell) => cell.trim() !== ''))
    .map(({ line, cells }) => {
      const values: RawRosterRow['values'] = {};
      columns.forEach((column, i) => {
        if (column) values[column] = cells[i] ?? '';
      });
      return { line, values };
    });
}

export function finish(records: { line: number; cells: string[] }[], required: RequiredColumns = REQUIRED_COLUMNS): ParsedRosterFile {
  if (records.length === 0) return { rows: [], errors: [{ line: 1, reason: '文件为空 (empty file)' }] };
  const [header, ...body] = records;
  const { columns, errors } = mapHeaders(header.cells, required);
  if (errors.length) return { rows: [], errors };
  if (body.length > MAX_ROSTER_ROWS) return { rows: [], errors: [{ line: 1, reason: `行数超过上限 ${MAX_ROSTER_ROWS}` }] };
  return { rows: toRows(body, columns), errors: [] };
}

export function parseRosterCsv(buffer: Buffer, required: RequiredColumns = REQUIRED_COLUMNS): ParsedRosterFile {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(decodeText(buffer), {
      info: true,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
      // Stop reading past the row limit (header + limit + 1 is enough to report it).
      to: MAX_ROSTER_ROWS + 2,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], errors: [{ line, reason: `CSV 格式错误：${(error as Error).message}` }] };
  }
  return finish(
    records.map((r) => ({ line: r.info.lines, cells: r.record.map(String) })),
    required,
  );
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return '';
  }
  // Excel keeps numbers as decimal text; String() gives back the shortest form, so 89.456 stays
  // visible to validation instead of being silently rounded.
  return String(value);
}

export async function parseRosterXlsx(buffer: Buffer, required: RequiredColumns = REQUIRED_COLUMNS): Promise<ParsedRosterFile> {
  const limits = checkZipLimits(buffer);
  if (!limits.ok) return { rows: [], errors: [{ line: 1, reason: limits.reason }] };
  return parseXlsxStreaming(buffer, required);
}

export async function parseRosterFile(
  buffer: Buffer,
  filename: string,
  required: RequiredColumns = REQUIRED_COLUMNS,
): Promise<ParsedRosterFile> {
  const isZip = buffer.length > 4 && buffer[0] === 0x50 && buffer[1] === 0x4b;
  if (/\.xlsx$/i.test(filename) || isZip) return parseRosterXlsx(buffer, required);
  if (/\.xls$/i.test(filename)) {
    return { rows: [], errors: [{ line: 1, reason: '不支持旧版 .xls，请另存为 .xlsx 或 CSV (save as .xlsx or CSV)' }] };
  }
  return parseRosterCsv(buffer, required);
}
