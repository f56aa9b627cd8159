import { formatFen } from '@gongyi/domain/finance/ledger';
import type { Statement } from './entities/statement.entity';

const KIND_LABELS: Record<string, string> = { income: '收入', cost: '支出', transfer: '转入维修资金' };

/** What the public may see of a counterparty: organisations by name, private persons never. */
export function publicCounterparty(name: string, kind: string): string {
  return kind === 'person' ? '个人' : name;
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const yuan = (fen: string | bigint) => formatFen(BigInt(fen)).replace('¥', '').replace(/,/g, '');

/**
 * The statement as CSV for spreadsheets: UTF-8 with a BOM so Excel on Chinese
 * Windows shows the characters, amounts in yuan with two decimals.
 */
export function statementCsv(statement: Statement, communityName: string, posting?: PostingInfo): Buffer {
  const rows = statementRows(statement, communityName, posting);
  return Buffer.from(`\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`, 'utf8');
}

/** What a downloaded statement says about its publication. */
export interface PostingInfo {
  periodLabel: string;
  publishedOn: string | null;
  postedUntil: string | null;
}

/** The rows both downloads share: a title row, the column header, the lines, the totals, the posting period. */
export function statementRows(statement: Statement, communityName: string, posting?: PostingInfo): string[][] {
  const period = `${posting ? `${posting.periodLabel} ` : ''}${statement.periodStart} 至 ${statement.periodEnd}`;
  const rows: string[][] = [
    [`${communityName} 公共收益收支明细`, period, `第 ${statement.version} 版`],
    ['序号', '日期', '类型', '类别', '对方', '金额（元）', '凭证号', '说明'],
    ...statement.lines.map((l) => [
      String(l.seq),
      l.entryDate,
      KIND_LABELS[l.kind] + (l.reversesId ? '（冲正）' : ''),
      l.category,
      publicCounterparty(l.counterparty, l.counterpartyKind),
      yuan(l.signedFen),
      l.evidenceRef ?? '',
      l.note,
    ]),
    [],
    ['期初余额', '', '', '', '', yuan(statement.openingFen)],
    ['本期收入', '', '', '', '', yuan(statement.incomeFen)],
    ['本期支出', '', '', '', '', yuan(statement.costFen)],
    ['转入维修资金', '', '', '', '', yuan(statement.transferFen)],
    ['期末余额', '', '', '', '', yuan(statement.closingFen)],
  ];
  if (posting?.publishedOn) rows.push([], ['公示期', `${posting.publishedOn} 至 ${posting.postedUntil ?? ''}`]);
  return rows;
}
