import type { StatementInput } from '@gongyi/pdf';
import type { Statement } from './entities/statement.entity';
import { publicCounterparty } from './statement-export';

const KIND_LABELS: Record<string, string> = { income: '收入', cost: '支出', transfer: '转入维修资金' };
const PARTY_LABELS: Record<string, string> = { residents_committee: '居委会审核', bank: '银行对账', audit_firm: '审计机构审计' };

/** The printed statement: every line (private persons unnamed), totals, and the three sign-offs. */
export function statementDocumentInput(
  statement: Statement,
  communityName: string,
  reviews: { stage: string; reviewerName: string; at: Date }[],
  publishedAt: Date,
): StatementInput {
  return {
    communityName,
    title: '公共收益收支明细表',
    periodLabel: `${statement.periodStart} 至 ${statement.periodEnd}（第 ${statement.version} 版）`,
    periodFrom: new Date(`${statement.periodStart}T00:00:00+08:00`),
    periodTo: new Date(`${statement.periodEnd}T00:00:00+08:00`),
    columns: [
      { key: 'seq', header: '序号', type: 'integer', weight: 0.6 },
      { key: 'date', header: '日期', weight: 1.2 },
      { key: 'kind', header: '类型', weight: 1 },
      { key: 'category', header: '类别', weight: 1.4 },
      { key: 'counterparty', header: '对方', weight: 2 },
      { key: 'amount', header: '金额', type: 'money', weight: 1.4 },
      { key: 'evidence', header: '凭证号', weight: 1.2 },
    ],
    rows: statement.lines.map((l) => ({
      seq: l.seq,
      date: l.entryDate,
      kind: KIND_LABELS[l.kind] + (l.reversesId ? '（冲正）' : ''),
      category: l.category,
      counterparty: publicCounterparty(l.counterparty, l.counterpartyKind),
      amount: l.signedFen,
      evidence: l.evidenceRef ?? '',
    })),
    totals: [
      { kind: '期初余额', amount: statement.openingFen },
      { kind: '本期收入', amount: statement.incomeFen },
      { kind: '本期支出', amount: statement.costFen },
      { kind: '转入维修资金', amount: statement.transferFen },
      { kind: '期末余额', amount: statement.closingFen },
    ],
    notes: ['期末余额 = 期初余额 + 本期收入 − 本期支出 − 转入维修资金。', '个人交易对方不公开姓名。'],
    audits: reviews.map((r) => ({ party: PARTY_LABELS[r.stage] ?? r.stage, name: r.reviewerName, at: r.at, result: '通过' })),
    publishedAt,
  };
}
