import { formatFen } from '@gongyi/domain/finance/ledger';
import type { StatementInput } from '@gongyi/pdf';
import type { Statement } from './entities/statement.entity';
import { publicCounterparty } from './statement-export';

const KIND_LABELS: Record<string, string> = { income: '收入', cost: '支出', transfer: '转入维修资金' };
const PARTY_LABELS: Record<string, string> = { residents_committee: '居委会审核', bank: '银行对账', audit_firm: '审计机构审计' };

/** Everything the printed statement says besides its lines (see issue 13: who, when, bank, where to object). */
export interface StatementFacts {
  communityName: string;
  communityAddress: string;
  periodLabel: string;
  preparerName: string;
  reviews: { stage: string; reviewerName: string; at: Date }[];
  /** Planned posting period: from the day of the seal for the rulebook's days. */
  postingFrom: string;
  postingUntil: string;
  postingDays: number;
  bankBalanceFen: string;
  reconciliationZh: string;
  previous: { periodLabel: string; closingFen: string } | null;
}

export function objectionContact(communityName: string, address: string): string {
  return `对本表有异议的，请于公示期内向${communityName}业主委员会书面提出${address ? `（地址：${address}）` : ''}，业委会将核查答复并公示处理结果。`;
}

/** The printed statement: every line (private persons unnamed), totals, bank check, the three sign-offs. */
export function statementDocumentInput(statement: Statement, facts: StatementFacts, publishedAt: Date): StatementInput {
  return {
    communityName: facts.communityName,
    title: '公共收益收支明细表',
    periodLabel: `${facts.periodLabel}（第 ${statement.version} 版）`,
    periodFrom: new Date(`${statement.periodStart}T00:00:00+08:00`),
    periodTo: new Date(`${statement.periodEnd}T00:00:00+08:00`),
    columns: [
      { key: 'seq', header: '序号', type: 'integer', weight: 0.6 },
      { key: 'date', header: '日期', weight: 1.2 },
      // Wide enough for 转入维修资金 / 收入（冲正） and the total labels (期初余额 …) on one line.
      { key: 'kind', header: '类型', weight: 1.4 },
      { key: 'category', header: '类别', weight: 1.4 },
      { key: 'counterparty', header: '对方', weight: 1.6 },
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
    facts: [
      ['公示期', `${facts.postingFrom} 至 ${facts.postingUntil}（${facts.postingDays} 日，自业委会盖章之日起）`],
      [
        '期初余额',
        facts.previous
          ? `${formatFen(BigInt(statement.openingFen))}，等于上期（${facts.previous.periodLabel}）报表期末余额 ${formatFen(BigInt(facts.previous.closingFen))}`
          : `${formatFen(BigInt(statement.openingFen))}（首份报表）`,
      ],
      ['银行期末余额', `${formatFen(BigInt(facts.bankBalanceFen))}（期初余额加本期银行流水）`],
      ['对账结果', facts.reconciliationZh],
      ['异议联系', objectionContact(facts.communityName, facts.communityAddress)],
    ],
    notes: [
      '期末余额 = 期初余额 + 本期收入 − 本期支出 − 转入维修资金。',
      '个人交易对方不公开姓名。已公示的报表不再改动，更正以冲正或调整分录记入当前期间。',
    ],
    preparedBy: facts.preparerName,
    audits: facts.reviews.map((r) => ({ party: PARTY_LABELS[r.stage] ?? r.stage, name: r.reviewerName, at: r.at, result: '通过' })),
    publishedAt,
    // Two lines of text that go with the seal when it must move to the next page.
    closing: `特此公示。本表经居委会审核、银行对账、审计机构审计，公示期自${facts.postingFrom}至${facts.postingUntil}；对本表有异议的，请于公示期内按上列"异议联系"提出。`,
  };
}
