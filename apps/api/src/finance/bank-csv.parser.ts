import { parseYuan } from '@gongyi/domain/finance/ledger';
import { parse } from 'csv-parse/sync';

/** A quarter's account statement has hundreds of lines; past this the file is refused, not parsed further. */
export const MAX_BANK_LINES = 20_000;

export interface ParsedBankLine {
  line: number;
  valueDate: string;
  signedFen: bigint;
  description: string;
  reference: string | null;
}

const HEADERS: Record<string, string[]> = {
  date: ['交易日期', '日期', '记账日期', 'date'],
  amount: ['金额', '交易金额', 'amount'],
  credit: ['收入', '贷方金额', '贷方', 'credit'],
  debit: ['支出', '借方金额', '借方', 'debit'],
  description: ['摘要', '用途', '备注', 'description'],
  reference: ['参考号', '流水号', '凭证号', 'reference'],
};

function decode(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

function normaliseDate(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

/**
 * The bank's account statement as CSV: a date, and either one signed amount
 * column or separate credit/debit columns. Every bad line is reported.
 */
export function parseBankCsv(buffer: Buffer): { lines: ParsedBankLine[]; errors: { line: number; reason: string }[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // Stop reading past the limit (header + limit + 1 is enough to report it).
    records = parse(decode(buffer), {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      to: MAX_BANK_LINES + 2,
    }) as unknown as typeof records;
  } catch (error) {
    return { lines: [], errors: [{ line: (error as { lines?: number }).lines ?? 1, reason: `CSV 格式错误：${(error as Error).message}` }] };
  }
  if (records.length < 2) return { lines: [], errors: [{ line: 1, reason: '文件中没有流水 (no statement lines)' }] };
  if (records.length > MAX_BANK_LINES + 1)
    return { lines: [], errors: [{ line: 1, reason: `流水超过 ${MAX_BANK_LINES} 行，请按月拆分后分别导入 (too many lines)` }] };
  const header = records[0].record.map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.findIndex((h) => HEADERS[name].includes(h));
  const at = {
    date: col('date'),
    amount: col('amount'),
    credit: col('credit'),
    debit: col('debit'),
    description: col('description'),
    reference: col('reference'),
  };
  if (at.date < 0 || (at.amount < 0 && at.credit < 0 && at.debit < 0)) {
    return { lines: [], errors: [{ line: 1, reason: '缺少「日期」列，或缺少「金额」/「收入」「支出」列' }] };
  }
  const lines: ParsedBankLine[] = [];
  const errors: { line: number; reason: string }[] = [];
  for (const { record, info } of records.slice(1)) {
    const cell = (i: number) => (i >= 0 ? (record[i] ?? '').trim() : '');
    const line = info.lines;
    const valueDate = normaliseDate(cell(at.date));
    if (!valueDate) errors.push({ line, reason: `日期无效 "${cell(at.date)}"` });
    let signedFen: bigint | null = null;
    try {
      if (at.amount >= 0 && cell(at.amount)) signedFen = parseYuan(cell(at.amount));
      else {
        const credit = cell(at.credit) ? parseYuan(cell(at.credit)) : 0n;
        const debit = cell(at.debit) ? parseYuan(cell(at.debit)) : 0n;
        if (credit !== 0n && debit !== 0n) errors.push({ line, reason: '同一行不能同时有收入和支出' });
        signedFen = credit - debit;
      }
      if (signedFen === 0n) {
        errors.push({ line, reason: '金额不能为零' });
        signedFen = null;
      }
    } catch {
      errors.push({ line, reason: `金额无效 "${cell(at.amount >= 0 ? at.amount : at.credit) || cell(at.debit)}"：应为最多两位小数的元` });
    }
    if (valueDate && signedFen !== null) {
      lines.push({ line, valueDate, signedFen, description: cell(at.description), reference: cell(at.reference) || null });
    }
  }
  return errors.length ? { lines: [], errors } : { lines, errors };
}
