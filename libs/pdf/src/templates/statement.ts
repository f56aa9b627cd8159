import { contentDigest } from '../content-digest';
import { formatDate, formatDateShort } from '../dates';
import { DocumentWriter } from '../document-writer';
import { formatAreaHundredths, formatFen, formatInteger } from '../money';
import { Align, drawTable } from '../table';
import type { RenderOptions, SealSlots } from '../types';

/** How a column's values are given and printed. Numbers are right-aligned. */
export type StatementColumnType = 'text' | 'money' | 'integer' | 'area' | 'date';

export interface StatementColumn {
  key: string;
  header: string;
  /** money: integer fen (bigint, safe integer or integer string) printed as ¥1,234.56; area: hundredths of m². */
  type?: StatementColumnType;
  weight?: number;
}

export type StatementCell = string | number | bigint | Date | null | undefined;
export type StatementRow = Record<string, StatementCell>;

export interface StatementInput {
  communityName: string;
  /** e.g. 公共收益收支明细表 */
  title: string;
  /** e.g. 2026年第一季度 (printed as given) and the exact dates. */
  periodLabel: string;
  periodFrom?: Date;
  periodTo?: Date;
  columns: StatementColumn[];
  rows: StatementRow[];
  /** Totals / balance rows, printed in bold after the rows (e.g. 本期合计, 期末余额). */
  totals?: StatementRow[];
  notes?: string[];
  /** Labelled facts printed after the table (e.g. 公示期, 银行期末余额, 对账结果, 异议联系). */
  facts?: [label: string, value: string][];
  preparedBy?: string;
  /** Audit sign-offs to list, e.g. [{ party: '居委会', name: '李四', at }]. */
  audits?: { party: string; name: string; at?: Date; result?: string }[];
  publishedAt: Date;
  /** Closing paragraph printed with the seals (GB/T 9704: a page break never leaves the seals alone on a page). */
  closing?: string;
}

export const STATEMENT_TYPE = 'statement';

export function formatCell(value: StatementCell, type: StatementColumnType = 'text'): string {
  if (value === null || value === undefined || value === '') return '';
  if (value instanceof Date) return formatDateShort(value);
  switch (type) {
    case 'money':
      if (typeof value === 'bigint' || typeof value === 'number' || /^-?\d+$/.test(value)) return formatFen(value);
      throw new Error(`money cell must be integer fen, got "${value}"`);
    case 'integer':
      return typeof value === 'string' && !/^-?\d+$/.test(value) ? value : formatInteger(value);
    case 'area':
      return typeof value === 'string' && !/^-?\d+$/.test(value) ? value : formatAreaHundredths(value);
    default:
      return String(value);
  }
}

const alignFor = (type?: StatementColumnType): Align => (type === 'money' || type === 'integer' || type === 'area' ? 'right' : 'left');

/** A generic statement table (finance module): title, period, columns, rows and totals; amounts never go through floats. */
export async function renderStatement(input: StatementInput, options: RenderOptions, slots: SealSlots = ['committee']): Promise<Buffer> {
  const w = new DocumentWriter({
    title: input.title,
    communityName: input.communityName,
    contentDigest: contentDigest(STATEMENT_TYPE, options.documentNumber, input),
    options,
  });
  const period =
    input.periodFrom && input.periodTo
      ? `${input.periodLabel}（${formatDate(input.periodFrom)} 至 ${formatDate(input.periodTo)}）`
      : input.periodLabel;
  w.title(input.title, `${input.communityName} · ${period}`);
  if (input.columns.some((c) => c.type === 'money')) w.paragraph('金额单位：人民币元', { muted: true, size: 9 });
  drawTable(w, {
    columns: input.columns.map((c) => ({ header: c.header, weight: c.weight, align: alignFor(c.type) })),
    rows: [
      ...input.rows.map((row) => ({ cells: input.columns.map((c) => formatCell(row[c.key], c.type)) })),
      ...(input.totals ?? []).map((row) => ({ cells: input.columns.map((c) => formatCell(row[c.key], c.type)), emphasis: true })),
    ],
    fontSize: 9,
  });
  if (input.facts?.length) w.fields(input.facts);
  for (const note of input.notes ?? []) w.paragraph(note, { size: 9.5 });
  if (input.preparedBy) w.fields([['编制人', input.preparedBy]]);
  if (input.audits?.length) {
    w.heading('审核情况');
    drawTable(w, {
      columns: [
        { header: '审核方', weight: 1.4 },
        { header: '审核人', weight: 1 },
        { header: '审核意见', weight: 2 },
        { header: '日期', weight: 1.2 },
      ],
      rows: input.audits.map((a) => ({ cells: [a.party, a.name, a.result ?? '', a.at ? formatDateShort(a.at) : ''] })),
    });
  }
  w.sealBlock(slots, formatDate(input.publishedAt), undefined, input.closing);
  return w.finish();
}
