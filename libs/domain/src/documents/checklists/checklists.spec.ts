import { DOCUMENT_KINDS } from '../seal-policy';
import { brokenTokens, CHECKLISTS, checkText, flatText, type Checklist } from './index';

const lists = Object.values(CHECKLISTS) as Checklist[];
const fullText = (list: Checklist) => list.items.map((i) => i.example).join('\n');

describe('document content checklists', () => {
  it('every registered checklist is filed under its own kind, and every kind is a known document kind', () => {
    for (const [kind, list] of Object.entries(CHECKLISTS)) {
      expect(list!.kind).toBe(kind);
      expect(DOCUMENT_KINDS).toContain(kind);
    }
  });

  for (const list of lists) {
    describe(list.kind, () => {
      it('item ids are unique', () => {
        expect(new Set(list.items.map((i) => i.id)).size).toBe(list.items.length);
      });

      it('a document holding every example passes the whole checklist', () => {
        expect(checkText(list, fullText(list))).toEqual({ missing: [], contradictions: [] });
      });

      for (const item of list.items) {
        it(`${item.id}（${item.label}）: found in its example, reported missing without it`, () => {
          expect(item.pattern.test(flatText(item.example))).toBe(true);
          const without = list.items
            .filter((i) => i !== item)
            .map((i) => i.example)
            .join('\n');
          expect(checkText(list, without).missing.map((i) => i.id)).toEqual([item.id]);
        });
      }

      for (const forbidden of list.forbidden ?? []) {
        it(`forbidden ${forbidden.id}（${forbidden.label}）`, () => {
          const sample = `${fullText(list)}\n${forbidden.example ?? (forbidden.id === 'invented_consensus' ? '与会各方一致同意' : forbidden.id === 'observers_counted' ? '王主任（居委会）出席赞成' : '临时动议')}`;
          expect(checkText(list, sample).contradictions.map((f) => f.id)).toEqual([forbidden.id]);
          if (forbidden.allowedWhen) expect(checkText(list, sample, { [forbidden.allowedWhen]: true }).contradictions).toEqual([]);
        });
      }
    });
  }

  it('the committee resolution refuses 与会各方一致同意 beside votes against or abstentions', () => {
    const text = `${fullText(CHECKLISTS.committee_resolution!)}赞成2人，反对0人，弃权1人。与会各方一致同意。`;
    expect(checkText(CHECKLISTS.committee_resolution!, text, { unanimous: false }).contradictions.map((f) => f.id)).toEqual([
      'invented_consensus',
    ]);
  });
});

describe('tokens never split over two lines', () => {
  const list = CHECKLISTS.seal_log_report!;
  it('a document number on one line is whole; the same number broken after its year is reported', () => {
    const whole = '1\n2026年12月1日 10:00\nGY-0A1B2C3D-2026-000004\n测试小区公共收益收支明细表\n';
    expect(brokenTokens(list, whole)).toEqual([]);
    const split = '1\n2026年12月1日 10:00\nGY-0A1B2C3D-2026-\n000004 测试小区公共收益收支明细表\n';
    expect(brokenTokens(list, split)).toEqual(['GY-0A1B2C3D-2026-000004']);
  });
  it('the statement and the seal log both guard document numbers', () => {
    for (const kind of ['finance_statement', 'seal_log_report'] as const)
      expect(brokenTokens(CHECKLISTS[kind]!, 'GY-0A1B2C3D-\n2026-000004')).toEqual(['GY-0A1B2C3D-2026-000004']);
  });
});

describe('statement and seal-log defaults that would contradict the record', () => {
  it('首份报表 only on a first statement; 无拒绝用章 only when nobody refused', () => {
    const statement = CHECKLISTS.finance_statement!;
    const first = `${fullText(statement).replace(/期初余额：[^\n]*/, '')}\n期初余额：¥0.00（首份报表）`;
    expect(checkText(statement, first, { firstStatement: true })).toEqual({ missing: [], contradictions: [] });
    expect(checkText(statement, first).contradictions.map((f) => f.id)).toEqual(['first_statement']);
    const log = CHECKLISTS.seal_log_report!;
    const none =
      '2026年下半年用章登记公示\n2026年7月1日至2026年12月31日\n本期共用章1次，其中业主大会章0次、业主委员会章1次；无拒绝用章。\n序号 时间 印章 文件编号 / 名称 授权依据 申请人 保管人 结果\n1 2026年12月1日 10:00 业主委员会章 GY-0A1B2C3D-2026-000004 报表 依据 张委员 王主任 已用章';
    expect(checkText(log, none, { noRefusals: true })).toEqual({ missing: [], contradictions: [] });
    expect(checkText(log, none).contradictions.map((f) => f.id)).toEqual(['no_refusals']);
  });
  it('the opening balance must equal the previous closing balance as printed, not merely be stated', () => {
    const statement = CHECKLISTS.finance_statement!;
    const wrong = fullText(statement).replace('报表期末余额¥3,750.00', '报表期末余额¥3,750.01');
    expect(checkText(statement, wrong).missing.map((i) => i.id)).toEqual(['opening_is_previous_closing']);
  });
});

describe('minutes carry the attendees’ confirmations, not a seal', () => {
  const kinds = ['minutes_party_prediscussion', 'minutes_joint_meeting', 'minutes_representatives_meeting'] as const;
  const contradictions = (kind: (typeof kinds)[number], extra: string) =>
    checkText(CHECKLISTS[kind]!, `${fullText(CHECKLISTS[kind]!)}\n${extra}`).contradictions.map((f) => f.id);

  it.each(kinds)('%s: a seal name, a seal slot or a sealed closing beside "无需用章" is a contradiction', (kind) => {
    expect(contradictions(kind, '业主大会（盖章）')).toEqual(['seal_slot']);
    expect(contradictions(kind, '印章：业主大会章')).toEqual(['assembly_seal']);
    expect(contradictions(kind, '业主委员会章 业委会章')).toEqual(['committee_seal']);
    expect(contradictions(kind, '特此公告。')).toEqual(['sealed_closing']);
    expect(contradictions(kind, '本纪要尚有 2 人未确认，全体出席人员确认后定稿。')).toEqual(['unconfirmed']);
  });

  it.each(kinds)('%s: the confirmed final’s own wording, and a charter (章程), are not contradictions', (kind) => {
    expect(contradictions(kind, '本纪要已经全体出席人员确认，无需用章。依据《业主大会章程》和《业主委员会章程》。')).toEqual([]);
  });

  it('the committee resolution (sealed by the committee) is not held to the minutes’ no-seal rule', () => {
    const list = CHECKLISTS.committee_resolution!;
    expect(checkText(list, `${fullText(list)}\n业主委员会（盖章）`).contradictions).toEqual([]);
  });
});

describe('committee resolution: 发文字号', () => {
  const list = CHECKLISTS.committee_resolution!;
  const without = list.items
    .filter((i) => i.id !== 'issue_number')
    .map((i) => i.example)
    .join('\n');
  it('found as issued (太业委〔2026〕1号), missing without it or with another issuer’s prefix', () => {
    expect(checkText(list, `太业委〔2026〕1号（GY-0A1B2C3D-2026-000004）\n${without}`).missing).toEqual([]);
    expect(checkText(list, `太业委〔2026〕12号\n${without}`).missing).toEqual([]);
    for (const other of ['', '太业大〔2026〕1号', '太业委〔2026〕号', '太业委[2026]1号', '太业委〔2026〕0号'])
      expect([other, checkText(list, `${other}\n${without}`).missing.map((i) => i.id)]).toEqual([other, ['issue_number']]);
  });
  it('never split over two lines', () => {
    expect(brokenTokens(list, '太业委〔2026〕1号（GY-0A1B2C3D-2026-000004）')).toEqual([]);
    expect(brokenTokens(list, '太业委〔2026〕\n1号')).toEqual(['太业委〔2026〕1号']);
  });
});
