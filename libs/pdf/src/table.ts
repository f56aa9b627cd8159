import type { DocumentWriter } from './document-writer';
import { FONT_BOLD, FONT_REGULAR } from './fonts';

export type Align = 'left' | 'right' | 'center';

export interface TableColumn {
  header: string;
  /** Relative width (the columns share the text width in proportion). Default 1. */
  weight?: number;
  align?: Align;
}

export interface TableRow {
  cells: string[];
  /** Totals / summary rows: bold on a light background. */
  emphasis?: boolean;
}

export interface TableSpec {
  columns: TableColumn[];
  rows: TableRow[];
  fontSize?: number;
  /** Text shown as a single row when there are no rows. */
  emptyText?: string;
  /**
   * Space to keep free below the table on the page of its last row (the document's end: the verification block,
   * DocumentWriter.verificationSpace): when it would not be, the last row moves on to a new page with the header.
   */
  reserveAfter?: number;
}

const PAD_X = 4;
const PAD_Y = 3.5;
/** Space below a table (before what follows). */
const AFTER = 8;

/**
 * Draws a bordered table at the writer's cursor; rows never split across pages and the header row is
 * repeated on every page the table continues on. Numbers are right-aligned by the column's `align`.
 */
export function drawTable(w: DocumentWriter, spec: TableSpec): void {
  const doc = w.doc;
  const size = spec.fontSize ?? 9.5;
  const totalWeight = spec.columns.reduce((sum, c) => sum + (c.weight ?? 1), 0);
  const widths = spec.columns.map((c) => (w.width * (c.weight ?? 1)) / totalWeight);
  const xs = widths.map((_, i) => w.left + widths.slice(0, i).reduce((a, b) => a + b, 0));

  const measure = (cells: string[], bold: boolean) => {
    doc.font(bold ? FONT_BOLD : FONT_REGULAR).fontSize(size);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i] - PAD_X * 2, lineGap: 1 }))) + PAD_Y * 2;
  };

  const drawRow = (cells: string[], kind: 'header' | 'body' | 'emphasis', height: number) => {
    const y = doc.y;
    doc.save();
    if (kind !== 'body') doc.rect(w.left, y, w.width, height).fill(kind === 'header' ? '#eeeeee' : '#f6f6f6');
    doc.lineWidth(0.5).strokeColor('#777777');
    xs.forEach((x, i) => doc.rect(x, y, widths[i], height).stroke());
    doc.restore();
    doc
      .font(kind === 'body' ? FONT_REGULAR : FONT_BOLD)
      .fontSize(size)
      .fillColor('#111111');
    cells.forEach((cell, i) => {
      const align = kind === 'header' ? 'center' : (spec.columns[i].align ?? 'left');
      doc.text(cell || '', xs[i] + PAD_X, y + PAD_Y, { width: widths[i] - PAD_X * 2, align, lineGap: 1 });
    });
    doc.x = w.left;
    doc.y = y + height;
  };

  const headerCells = spec.columns.map((c) => c.header);
  const headerHeight = measure(headerCells, true);
  const rows: TableRow[] = spec.rows.length ? spec.rows : [{ cells: [spec.emptyText ?? '（无）', ...spec.columns.slice(1).map(() => '')] }];

  for (const row of rows)
    if (row.cells.length !== spec.columns.length)
      throw new Error(`table row has ${row.cells.length} cells, expected ${spec.columns.length}`);
  // The last row keeps the reserved space below it, unless even a fresh page could not (then it only has to fit).
  const lastHeight = measure(rows[rows.length - 1].cells, !!rows[rows.length - 1].emphasis);
  const reserve =
    spec.reserveAfter && headerHeight + lastHeight + AFTER + spec.reserveAfter <= w.pageHeight ? AFTER + spec.reserveAfter : 0;
  const firstHeight = measure(rows[0].cells, !!rows[0].emphasis);
  w.ensureSpace(headerHeight + firstHeight + (rows.length === 1 ? reserve : 0));
  drawRow(headerCells, 'header', headerHeight);
  rows.forEach((row, i) => {
    const height = measure(row.cells, !!row.emphasis);
    const after = i === rows.length - 1 ? reserve : 0;
    if (doc.y + height + after > w.bottom) {
      w.addPage();
      drawRow(headerCells, 'header', headerHeight);
    }
    drawRow(row.cells, row.emphasis ? 'emphasis' : 'body', height);
  });
  w.moveDown(AFTER);
  w.body();
}
