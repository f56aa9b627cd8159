import { adminToken, api, createCommunity, createPerson, csvWithBom, unique, withDatabase, type Person } from './browser-api';

export interface FinanceCast {
  communityId: string;
  communityName: string;
  clerk: Person;
  property: Person;
  residents: Person;
  bank: Person;
  auditor: Person;
}

/** One community with the accounts that keep and audit its public income. */
export async function financeCast(): Promise<FinanceCast> {
  const admin = await adminToken();
  const communityName = unique('公示小区');
  const communityId = await createCommunity(admin, communityName);
  return {
    communityId,
    communityName,
    clerk: await createPerson(admin, communityId, '李委员', ['committee_member']),
    property: await createPerson(admin, communityId, '物业孙经理', ['property_company']),
    residents: await createPerson(admin, communityId, '居委会刘主任', ['residents_committee']),
    bank: await createPerson(admin, communityId, '银行赵经理', ['bank_officer']),
    auditor: await createPerson(admin, communityId, '审计所钱会计', ['auditor']),
  };
}

/** The second quarter of 2026: two incomes (one from a private person), one cost and a transfer to the maintenance fund. */
export const Q2_ENTRIES = [
  {
    kind: 'income',
    category: '电梯广告',
    amountFen: '1200000',
    entryDate: '2026-04-03',
    counterparty: '某某传媒有限公司',
    evidenceRef: 'AD-04',
  },
  {
    kind: 'income',
    category: '停车费',
    amountFen: '350050',
    entryDate: '2026-04-20',
    counterparty: '张先生',
    counterpartyKind: 'person',
    evidenceRef: 'P-1',
  },
  { kind: 'cost', category: '电费', amountFen: '80000', entryDate: '2026-04-10', counterparty: '供电公司', evidenceRef: 'E-04' },
  {
    kind: 'transfer',
    category: '转入维修资金',
    amountFen: '500000',
    entryDate: '2026-06-30',
    counterparty: '维修资金专户',
    evidenceRef: 'T-06',
  },
];

/** The bank's account statement for the quarter, line for line the same as the ledger. */
export const Q2_BANK_CSV = csvWithBom([
  '交易日期,摘要,收入,支出,参考号',
  '2026-04-03,广告费,12000.00,,AD-04',
  '2026-04-10,电费,,800.00,E-04',
  '2026-04-20,停车费,3500.50,,P-1',
  '2026-06-30,转入维修资金,,5000.00,T-06',
]);

/**
 * An audited and published statement for 2026 Q2: ledger entries → submitted → 居委会 approves → the bank uploads
 * its statement (all lines match) and approves → the audit firm approves.
 *
 * Publication (committee seal + PDF) has no route yet: the test stands in for it by setting the statement's status,
 * publication time and posting period in the database, exactly what that step will do.
 */
export async function publishedStatement(cast: FinanceCast): Promise<string> {
  const c = `/communities/${cast.communityId}`;
  for (const body of Q2_ENTRIES) await api('POST', `${c}/ledger-entries`, { token: cast.property.token, body });
  const statement = await api<{ id: string }>('POST', `${c}/statements`, { token: cast.clerk.token, body: { periodDate: '2026-05-15' } });
  const review = (who: Person) =>
    api('POST', `${c}/statements/${statement.id}/reviews`, { token: who.token, body: { decision: 'approve' } });
  await review(cast.residents);
  await api('POST', `${c}/statements/${statement.id}/bank-statement`, {
    token: cast.bank.token,
    file: { name: 'bank.csv', content: Q2_BANK_CSV },
  });
  await review(cast.bank);
  await review(cast.auditor);
  // Stands in for the publication step (sealed PDF), which is being built: see above.
  await withDatabase((db) =>
    db.query(
      `UPDATE statements SET status = 'published', published_at = now(), posted_until = current_date + 15 WHERE id = $1 AND status = 'approved'`,
      [statement.id],
    ),
  );
  return statement.id;
}
