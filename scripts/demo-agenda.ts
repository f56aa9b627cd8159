import { INestApplication } from '@nestjs/common';
import { AgendaService } from '../apps/api/src/agenda/agenda.service';
import { LedgerService } from '../apps/api/src/finance/ledger.service';
import { VoteNoticeService } from '../apps/api/src/voting/vote-notice.service';
import { sealDemoNotice, type DemoSealPins } from './demo-seals';
import { atTime } from './demo-trust';

const DAY = 86_400_000;

function isoDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at);
}

const FOUR_PARTIES = ['党支部', '居委会', '业委会', '物业'].map((party) => ({ name: `${party}代表`, party, present: true }));

/**
 * Demo matters: an elevator item whose assembly vote is open (its notice is
 * back-dated 20 days, as if published then), an item waiting for the party
 * branch, and a quarter of public-income entries.
 */
export async function loadDemoAgenda(
  app: INestApplication,
  communityId: string,
  who: Record<string, string>,
  pins: DemoSealPins,
): Promise<void> {
  const agenda = app.get(AgendaService);
  const now = Date.now();
  const meeting = (extra: object) => ({
    heldAt: new Date(now - 25 * DAY).toISOString(),
    place: '社区党群服务中心会议室',
    chair: '郑书记',
    attendees: FOUR_PARTIES,
    minutes: '与会各方就加装电梯方案逐项讨论，形成一致意见。',
    ...extra,
  });

  const elevator = await agenda.create(who.committee_member, communityId, {
    title: '3 幢加装电梯',
    category: 'art278_7',
    description: '3 幢为 7 层住宅，老年住户多，拟加装电梯一部，费用由 3 幢业主按楼层分摊。',
    budgetFen: '98000000',
    fundingSource: '3 幢业主分摊',
  });
  await agenda.recordMeeting(
    who.party_secretary,
    ['party_secretary'],
    communityId,
    elevator.id,
    'party_prediscussion',
    meeting({ outcome: 'advance' }),
  );
  await agenda.recordMeeting(
    who.committee_member,
    ['committee_member'],
    communityId,
    elevator.id,
    'joint_meeting',
    meeting({ outcome: 'advance', details: { plan: '公开招标，业主大会表决', options: [] } }),
  );
  await agenda.recordMeeting(
    who.representative,
    ['representative'],
    communityId,
    elevator.id,
    'representatives_meeting',
    meeting({
      outcome: 'advance',
      details: { opinions: [{ representative: '3 幢楼栋长', for: 24, against: 3, concerns: '低层住户担心采光和噪音' }] },
    }),
  );

  const notices = app.get(VoteNoticeService);
  const opensAt = new Date(now - 2 * DAY);
  const vote = await notices.createDraft(who.committee_member, communityId, elevator.id, {
    title: '2026 年第三次业主大会（书面征求意见）',
    method: '网上投票与书面征求意见相结合，纸质表决票由楼栋长送达',
    channels: ['online', 'paper', 'proxy'],
    opensAt: opensAt.toISOString(),
    closesAt: new Date(now + 10 * DAY).toISOString(),
    motions: [
      {
        title: '关于 3 幢加装电梯的议案',
        fullText: '一、加装电梯一部；二、费用由 3 幢业主按楼层系数分摊；三、由物业组织公开招标。',
        kind: 'yes_no',
      },
    ],
    noticeDetails: {
      paperReturnPlace: '物业服务中心一楼业主委员会票箱',
      scrutineers: ['李卫东（业主代表）', '周敏（业主代表）'],
      tellers: ['王芳（业委会委员）'],
      contacts: [{ name: '业主委员会办公室', phone: '0571-86120088' }],
    },
  });
  // Published and sealed (publishing is the sealing) 18 days before voting opened.
  const publishedAt = new Date(opensAt.getTime() - 18 * DAY);
  await atTime(app, publishedAt, async () => {
    await notices.publish(who.committee_member, communityId, vote.id);
    await sealDemoNotice(app, communityId, vote.id, who, pins, publishedAt);
  });

  await agenda.create(who.committee_member, communityId, {
    title: '更换小区门禁系统',
    category: 'committee_only',
    description: '现有门禁老化，拟更换为刷卡加人脸识别门禁。',
    budgetFen: '4500000',
    fundingSource: '公共收益',
  });

  const ledger = app.get(LedgerService);
  const day = (offset: number) => isoDate(new Date(now - offset * DAY));
  const entries = [
    {
      kind: 'income',
      category: '电梯广告',
      amountFen: '1200000',
      entryDate: day(40),
      counterparty: '某某传媒有限公司',
      evidenceRef: 'AD-01',
    },
    { kind: 'income', category: '停车', amountFen: '350050', entryDate: day(30), counterparty: '地面停车收费', evidenceRef: 'P-01' },
    { kind: 'cost', category: '公共照明电费', amountFen: '80000', entryDate: day(20), counterparty: '供电公司', evidenceRef: 'E-01' },
    {
      kind: 'transfer',
      category: '转入维修资金',
      amountFen: '500000',
      entryDate: day(10),
      counterparty: '维修资金专户',
      evidenceRef: 'T-01',
    },
  ] as const;
  for (const entry of entries) await ledger.add(who.property_company, communityId, { ...entry });
}
