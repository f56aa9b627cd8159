import { DomainError } from '../errors';

/**
 * 公共收益 ledger arithmetic. Money is integer fen (bigint). An entry's effect
 * on the balance: income +, cost −, transfer to the maintenance fund −; a
 * reversal has the opposite effect of the entry it corrects.
 */
export type EntryKind = 'income' | 'cost' | 'transfer';

export interface LedgerLine {
  id: string;
  kind: EntryKind;
  category: string;
  amountFen: bigint;
  /** Set on a reversing entry: the entry it corrects (its kind is the corrected entry's kind). */
  reversesId?: string | null;
}

export function signedAmount(line: Pick<LedgerLine, 'kind' | 'amountFen' | 'reversesId'>): bigint {
  if (line.amountFen <= 0n)
    throw new DomainError('invalid', 'invalid_amount', '金额须为正整数（分） amount must be a positive number of fen');
  const sign = line.kind === 'income' ? 1n : -1n;
  return line.reversesId ? -sign * line.amountFen : sign * line.amountFen;
}

export interface StatementTotals {
  openingFen: bigint;
  incomeFen: bigint;
  costFen: bigint;
  transferFen: bigint;
  closingFen: bigint;
  /** Net per kind and category, reversals netted against what they correct. */
  byCategory: { kind: EntryKind; category: string; netFen: bigint }[];
}

/** Totals of a period; checks closing = opening + income − costs − transfers. */
export function statementTotals(openingFen: bigint, lines: readonly LedgerLine[]): StatementTotals {
  let incomeFen = 0n;
  let costFen = 0n;
  let transferFen = 0n;
  let net = 0n;
  const categories = new Map<string, { kind: EntryKind; category: string; netFen: bigint }>();
  for (const line of lines) {
    const signed = signedAmount(line);
    net += signed;
    const magnitude = line.kind === 'income' ? signed : -signed;
    if (line.kind === 'income') incomeFen += magnitude;
    else if (line.kind === 'cost') costFen += magnitude;
    else transferFen += magnitude;
    const key = `${line.kind}\u0000${line.category}`;
    const entry = categories.get(key) ?? { kind: line.kind, category: line.category, netFen: 0n };
    entry.netFen += magnitude;
    categories.set(key, entry);
  }
  const closingFen = openingFen + net;
  if (closingFen !== openingFen + incomeFen - costFen - transferFen) {
    throw new DomainError('conflict', 'ledger_unbalanced', '期末余额不等于期初余额加收入减支出减转出 (closing balance does not add up)');
  }
  const order: EntryKind[] = ['income', 'cost', 'transfer'];
  const byCategory = [...categories.values()].sort(
    (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.category.localeCompare(b.category, 'zh-CN'),
  );
  return { openingFen, incomeFen, costFen, transferFen, closingFen, byCategory };
}

/** "¥1,234.56" (negative as "-¥1,234.56") from integer fen. */
export function formatFen(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const yuan = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}¥${yuan}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** "1234.56" or "-5" → fen; at most two decimals. */
export function parseYuan(text: string): bigint {
  const match = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/[,，¥￥\s]/g, ''));
  if (!match) throw new DomainError('invalid', 'invalid_amount', `金额格式错误 "${text}"`);
  const fen = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -fen : fen;
}

/** A cost above the limit must cite an approved decision of the chain. */
export function needsDecision(kind: EntryKind, amountFen: bigint, spendingLimitFen: bigint): boolean {
  return kind === 'cost' && amountFen > spendingLimitFen;
}

export interface Period {
  start: string;
  end: string;
}

/** The statement period containing `date` (YYYY-MM-DD), by the rulebook's period length. */
export function periodOf(date: string, length: 'monthly' | 'quarterly' | 'half_yearly'): Period {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new DomainError('invalid', 'invalid_date', `日期格式错误 "${date}"`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const months = length === 'monthly' ? 1 : length === 'quarterly' ? 3 : 6;
  const first = Math.floor((month - 1) / months) * months + 1;
  const last = first + months - 1;
  const lastDay = new Date(Date.UTC(year, last, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(lastDay)}` };
}
