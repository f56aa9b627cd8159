import type { Statement } from './entities/statement.entity';
import { statementCsv } from './statement-export';

describe('statement CSV', () => {
  const statement = {
    periodStart: '2026-04-01',
    periodEnd: '2026-06-30',
    version: 2,
    openingFen: '100000',
    incomeFen: '1550050',
    costFen: '80000',
    transferFen: '500000',
    closingFen: '1070050',
    lines: [
      {
        seq: 1,
        entryDate: '2026-04-03',
        kind: 'income',
        category: '电梯广告',
        counterparty: '某某传媒有限公司',
        counterpartyKind: 'organisation',
        signedFen: '1200000',
        amountFen: '1200000',
        evidenceRef: 'AD-04',
        reversesId: null,
        note: '',
        entryId: 'a',
      },
      {
        seq: 2,
        entryDate: '2026-04-20',
        kind: 'income',
        category: '停车',
        counterparty: '张先生',
        counterpartyKind: 'person',
        signedFen: '350050',
        amountFen: '350050',
        evidenceRef: 'P-1',
        reversesId: null,
        note: '含"月卡", 3 个月',
        entryId: 'b',
      },
      {
        seq: 3,
        entryDate: '2026-04-10',
        kind: 'cost',
        category: '电费',
        counterparty: '供电公司',
        counterpartyKind: 'organisation',
        signedFen: '-80000',
        amountFen: '80000',
        evidenceRef: 'E-04',
        reversesId: null,
        note: '',
        entryId: 'c',
      },
    ],
  } as unknown as Statement;

  it('starts with a UTF-8 BOM, keeps amounts exact and never names a private person', () => {
    const csv = statementCsv(statement, '太平洋花园');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[1]).toBe('序号,日期,类型,类别,对方,金额（元）,凭证号,说明');
    expect(lines[2]).toBe('1,2026-04-03,收入,电梯广告,某某传媒有限公司,12000.00,AD-04,');
    expect(lines[3]).toBe('2,2026-04-20,收入,停车,个人,3500.50,P-1,"含""月卡"", 3 个月"');
    expect(lines[4]).toBe('3,2026-04-10,支出,电费,供电公司,-800.00,E-04,');
    expect(text).not.toContain('张先生');
    expect(text).toContain('期末余额,,,,,10700.50');
  });
});
