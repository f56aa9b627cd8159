/**
 * Demo public income and fund-raising (issue 13): the previous quarter compiled, audited by the three parties,
 * sealed and published; the current quarter left open (the demo agenda books its entries there); and an elevator
 * fund-raising project for buildings 1–9, approved by an owners' vote on an Art. 278 (六) item, with payments,
 * a pledge, a refund and a sealed disclosure of the previous quarter.
 *
 * Times before today are reached the way demo-agenda.ts publishes its notice: the server's Clock is moved back for
 * the call and restored, so every rule runs as it would have on that day.
 */
import type { INestApplication } from '@nestjs/common';
import { periodOf } from '@gongyi/domain/finance/ledger';
import { previousPeriod } from '@gongyi/domain/finance/periods';
import { AgendaService } from '../apps/api/src/agenda/agenda.service';
import { Clock } from '../apps/api/src/common/clock';
import { LedgerService } from '../apps/api/src/finance/ledger.service';
import { PublicationService } from '../apps/api/src/finance/publication.service';
import { ReconciliationService } from '../apps/api/src/finance/reconciliation.service';
import { StatementsService } from '../apps/api/src/finance/statements.service';
import { FundraisingDocumentsService } from '../apps/api/src/fundraising/fundraising-documents.service';
import { FundraisingService, RECEIPT_SOURCE } from '../apps/api/src/fundraising/fundraising.service';
import { SealRequestsService } from '../apps/api/src/seals/seal-requests.service';
import { BallotsService } from '../apps/api/src/voting/ballots.service';
import { VoteNoticeService } from '../apps/api/src/voting/vote-notice.service';
import { sealDemoNotice, type DemoSealPins } from './demo-seals';
import { concludeDemoVote } from './demo-votes';
import { DataSource } from 'typeorm';

const DAY = 86_400_000;
/** Receipts left for the committee-seal custodian to seal in the demo's seal inbox (the rest are sealed). */
const RECEIPTS_LEFT_WAITING = 3;
const iso = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const yuan = (fen: bigint) => `${fen / 100n}.${(fen % 100n).toString().padStart(2, '0')}`;

async function at<T>(app: INestApplication, when: Date, run: () => Promise<T>): Promise<T> {
  const clock = app.get(Clock);
  const realNow = clock.now.bind(clock);
  clock.now = () => when;
  try {
    return await run();
  } finally {
    clock.now = realNow;
  }
}

/**
 * `pins` are the seal PINs the custodians set in demo-seals.ts (by role): the term's seals are already issued there,
 * so the director applies the committee seal with their own PIN, as in the seal inbox.
 */
export async function loadDemoFinance(
  app: INestApplication,
  communityId: string,
  who: Record<string, string>,
  pins: DemoSealPins,
): Promise<string[]> {
  const now = new Date();
  const today = iso(now);
  const quarter = previousPeriod(periodOf(today, 'quarterly'), 'quarterly');
  const dayIn = (offset: number) => new Date(Date.parse(`${quarter.start}T10:00:00+08:00`) + offset * DAY);

  // The previous quarter: booked on the days they happened, then compiled after it ended.
  const ledger = app.get(LedgerService);
  const entries = [
    { kind: 'income', category: '电梯广告', amountFen: '1500000', day: 4, counterparty: '某某传媒有限公司', evidenceRef: 'AD-Q-01' },
    { kind: 'income', category: '停车', amountFen: '420000', day: 30, counterparty: '地面停车收费', evidenceRef: 'P-Q-01' },
    { kind: 'income', category: '场地租金', amountFen: '60000', day: 45, counterparty: '某培训机构', evidenceRef: 'R-Q-01' },
    { kind: 'cost', category: '公共照明电费', amountFen: '92000', day: 60, counterparty: '供电公司', evidenceRef: 'E-Q-01' },
    { kind: 'transfer', category: '转入维修资金', amountFen: '800000', day: 85, counterparty: '维修资金专户', evidenceRef: 'T-Q-01' },
  ] as const;
  for (const { day, ...entry } of entries) {
    await at(app, dayIn(day), () => ledger.add(who.property_company, communityId, { ...entry, entryDate: iso(dayIn(day)) }));
  }
  const statements = app.get(StatementsService);
  const statement = await statements.submit(who.committee_member, communityId, quarter.start);
  await statements.review(who.residents_committee, ['residents_committee'], communityId, statement.id, 'approve');
  const bankCsv = [
    '交易日期,摘要,收入,支出,参考号',
    ...statement.lines.map((l) => {
      const fen = BigInt(l.signedFen);
      return [l.entryDate, l.category, fen > 0n ? yuan(fen) : '', fen < 0n ? yuan(-fen) : '', l.evidenceRef ?? ''].join(',');
    }),
  ].join('\n');
  await app
    .get(ReconciliationService)
    .upload(who.bank_officer, communityId, statement.id, { buffer: Buffer.from(`\uFEFF${bankCsv}\n`, 'utf8'), originalname: 'bank.csv' });
  await statements.review(who.bank_officer, ['bank_officer'], communityId, statement.id, 'approve');
  await statements.review(who.auditor, ['auditor'], communityId, statement.id, 'approve');
  const sealRequests = app.get(SealRequestsService);
  const publication = await app.get(PublicationService).requestPublication(who.committee_member, communityId, statement.id);
  await sealRequests.apply(who.committee_director, communityId, publication.sealRequestId, 'committee', pins.committee_director);

  // The owners' vote on raising money for new elevators (民法典 Art. 278 item 六, ≥ 3/4): paper ballots entered by
  // one clerk and confirmed by the second, 9 in 10 households voting yes.
  const agenda = app.get(AgendaService);
  const item = await agenda.create(who.committee_member, communityId, {
    title: '1–9 幢电梯更新集资',
    category: 'art278_6',
    description: '1–9 幢电梯已运行 20 年，拟由各幢业主按专有部分面积集资更新，每幢目标 30 万元。',
    budgetFen: '270000000',
    fundingSource: '1–9 幢业主集资',
  });
  const held = new Date(now.getTime() - 60 * DAY);
  const meeting = (extra: object) => ({
    heldAt: held.toISOString(),
    place: '社区党群服务中心会议室',
    chair: '郑书记',
    attendees: ['党支部', '居委会', '业委会', '物业'].map((party) => ({ name: `${party}代表`, party, present: true })),
    minutes: '与会各方讨论电梯更新集资方案，同意提交业主大会表决。',
    ...extra,
  });
  await agenda.recordMeeting(
    who.party_secretary,
    ['party_secretary'],
    communityId,
    item.id,
    'party_prediscussion',
    meeting({ outcome: 'advance' }),
  );
  await agenda.recordMeeting(
    who.committee_member,
    ['committee_member'],
    communityId,
    item.id,
    'joint_meeting',
    meeting({ outcome: 'advance', details: { plan: '按面积集资，公开招标', options: [] } }),
  );
  await agenda.recordMeeting(
    who.representative,
    ['representative'],
    communityId,
    item.id,
    'representatives_meeting',
    meeting({
      outcome: 'advance',
      details: { opinions: [{ representative: '各幢楼栋长', for: 9, against: 0, concerns: '施工期间停梯' }] },
    }),
  );
  const opensAt = new Date(now.getTime() - 30 * DAY);
  const closesAt = new Date(now.getTime() - 16 * DAY);
  const notices = app.get(VoteNoticeService);
  const publishedAt = new Date(opensAt.getTime() - 18 * DAY);
  const vote = await at(app, publishedAt, async () => {
    const draft = await notices.createDraft(who.committee_member, communityId, item.id, {
      title: '2026 年第一次业主大会（电梯更新集资）',
      method: '书面征求意见，纸质表决票由楼栋长送达',
      channels: ['paper'],
      opensAt: opensAt.toISOString(),
      closesAt: closesAt.toISOString(),
      motions: [
        { title: '关于 1–9 幢电梯更新集资的议案', fullText: '各幢按专有部分面积集资，每幢 30 万元，用于电梯更新。', kind: 'yes_no' },
      ],
      noticeDetails: {
        paperReturnPlace: '物业服务中心一楼业主委员会票箱（楼栋长上门收回）',
        scrutineers: ['李卫东（业主代表）', '周敏（业主代表）'],
        tellers: ['王芳（业委会委员）'],
        contacts: [{ name: '业主委员会办公室', phone: '0571-86120088' }],
      },
    });
    const published = await notices.publish(who.committee_member, communityId, draft.id);
    // Publishing is the sealing: both custodians seal the notice the day it is published.
    await sealDemoNotice(app, communityId, published.id, who, pins, publishedAt);
    return published;
  });
  const dataSource = app.get(DataSource);
  const [motion] = await dataSource.query<{ id: string }[]>('SELECT id FROM motions WHERE vote_id = $1', [vote.id]);
  const electors = await dataSource.query<{ id: string }[]>('SELECT id FROM electors WHERE vote_id = $1 ORDER BY voter_key', [vote.id]);
  const ballots = app.get(BallotsService);
  const clerk2 = (await dataSource.query<{ id: string }[]>(`SELECT id FROM users WHERE login_name = 'demo.clerk2'`))[0].id;
  await at(app, new Date(opensAt.getTime() + 3 * DAY), async () => {
    for (const [n, elector] of electors.entries()) {
      if (n % 10 === 9) continue;
      const receipt = await ballots.enterPaper(
        who.committee_member,
        communityId,
        vote.id,
        elector.id,
        [{ motionId: motion.id, choice: 'yes' }],
        `集资-${n + 1}`,
      );
      await ballots.confirmPaper(clerk2, communityId, vote.id, receipt.receiptCode, true);
    }
  });
  // Closed 16 days ago; the final result, sealed after the objection period, lets the item go ahead.
  await concludeDemoVote(app, communityId, vote.id, closesAt, who, pins);

  // The project: a target of ¥300,000 per building for buildings 1–9, split by area; payments over two quarters.
  const buildings = await dataSource.query<{ id: string; name: string }[]>(
    `SELECT id, name FROM buildings WHERE community_id = $1 ORDER BY length(name), name`,
    [communityId],
  );
  const fundraising = app.get(FundraisingService);
  const project = await fundraising.create(who.committee_director, communityId, {
    title: '1–9 幢电梯更新集资',
    description: '按专有部分面积分摊到户，缴款开具收据，按季度盖章公示。',
    agendaItemId: item.id,
    shareBasis: 'area',
    scope: 'building',
    targets: buildings.slice(0, 9).map((b) => ({ buildingId: b.id, targetFen: '30000000' })),
  });
  const { units } = await fundraising.progress(dataSource.manager, communityId, project.id);
  const lastQuarterDay = iso(dayIn(80));
  const payOn = (n: number) => (n % 3 === 0 ? lastQuarterDay : today);
  let refundable: string | null = null;
  for (const [n, unit] of units.entries()) {
    if (n % 4 === 3) continue;
    const paidOn = payOn(n);
    const paid = await at(app, new Date(Date.parse(`${paidOn}T12:00:00+08:00`)), () =>
      fundraising.contribute(who.committee_member, communityId, project.id, {
        unitNumber: unit.unitNumber,
        kind: 'payment',
        amountFen: n % 5 === 0 ? String(BigInt(unit.shareFen) / 2n) : unit.shareFen,
        paidOn,
        method: '银行转账',
      }),
    );
    if (n === 1) refundable = paid.id;
  }
  await fundraising.contribute(who.committee_member, communityId, project.id, {
    unitNumber: units[3].unitNumber,
    kind: 'pledge',
    amountFen: units[3].shareFen,
    paidOn: today,
  });
  if (refundable) {
    await fundraising.refund(who.committee_member, communityId, project.id, refundable, {
      amountFen: '10000',
      reason: '多缴 100 元退还',
      paidOn: today,
    });
  }
  // Every receipt asked for the committee seal when the clerk recorded its payment. The director, who keeps the
  // seal and did not make those requests, seals them as they came in; the last few still wait in the seal inbox.
  const receiptRequests = await dataSource.query<{ id: string }[]>(
    `SELECT r.id FROM seal_requests r JOIN documents d ON d.id = r.document_id AND d.community_id = r.community_id
     WHERE r.community_id = $1 AND r.status = 'pending' AND d.source_type = $2 AND r.requested_by <> $3
     ORDER BY r.requested_at, d.seq`,
    [communityId, RECEIPT_SOURCE, who.committee_director],
  );
  for (const request of receiptRequests.slice(0, Math.max(0, receiptRequests.length - RECEIPTS_LEFT_WAITING))) {
    await sealRequests.apply(who.committee_director, communityId, request.id, 'committee', pins.committee_director);
  }
  const disclosure = await app
    .get(FundraisingDocumentsService)
    .requestDisclosure(who.committee_member, communityId, project.id, quarter.start);
  await sealRequests.apply(who.committee_director, communityId, disclosure.sealRequestId, 'committee', pins.committee_director);

  return [
    `公共收益：${quarter.start} 至 ${quarter.end} 的报表已三审、盖章并公示；本季度（${periodOf(today, 'quarterly').start} 起）开放记账`,
    `集资：1–9 幢电梯更新集资（${units.length} 户，已有缴款、认缴、退款，上季度集资情况已盖章公示；收据已盖章 ${Math.max(0, receiptRequests.length - RECEIPTS_LEFT_WAITING)} 张，${Math.min(receiptRequests.length, RECEIPTS_LEFT_WAITING)} 张待盖章）`,
  ];
}
