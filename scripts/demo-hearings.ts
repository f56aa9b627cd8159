import { appoint } from './demo-roles';
import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AgendaService } from '../apps/api/src/agenda/agenda.service';
import { Clock } from '../apps/api/src/common/clock';
import { BidsService } from '../apps/api/src/hearings/bids.service';
import { HearingResultService } from '../apps/api/src/hearings/hearing-result.service';
import { HearingsService } from '../apps/api/src/hearings/hearings.service';
import { ScoringService } from '../apps/api/src/hearings/scoring.service';
import { UsersService } from '../apps/api/src/identity/users.service';
import { SealRequestsService } from '../apps/api/src/seals/seal-requests.service';
import type { DemoSealPins } from './demo-seals';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const FOUR_PARTIES = ['党支部', '居委会', '业委会', '物业'].map((party) => ({ name: `${party}代表`, party, present: true }));
const CRITERIA = [
  { key: 'price', label: '价格', weight: 40 },
  { key: 'quality', label: '质量', weight: 30 },
  { key: 'warranty', label: '质保', weight: 20 },
  { key: 'service', label: '服务', weight: 10 },
];

/**
 * Demo hearings, so the 评审结果公示 and the 流标公告 can be seen: a public tender for 5 幢's elevator that drew three
 * bids, was opened and scored by a seven-member panel (one member recused for a declared conflict, the reserve
 * expert sat instead), and whose result was published and sealed with the committee seal; and a tender for the
 * CCTV upgrade that drew two bids — fewer than three, so it failed unopened and its 流标公告 was sealed.
 * The vendors and experts are accounts without a printed password (they take part only in these past hearings).
 */
export async function loadDemoHearings(
  app: INestApplication,
  communityId: string,
  who: Record<string, string>,
  pins: DemoSealPins,
): Promise<void> {
  const clock = app.get(Clock);
  const realNow = clock.now.bind(clock);
  const at = async <T>(time: number, run: () => Promise<T>): Promise<T> => {
    clock.now = () => new Date(time);
    try {
      return await run();
    } finally {
      clock.now = realNow;
    }
  };
  const agenda = app.get(AgendaService);
  const users = app.get(UsersService);
  const hearings = app.get(HearingsService);
  const bids = app.get(BidsService);
  const scoring = app.get(ScoringService);
  const requests = app.get(SealRequestsService);
  const dataSource = app.get(DataSource);
  const [admin] = await dataSource.query<{ id: string }[]>('SELECT id FROM users WHERE is_platform_admin ORDER BY created_at LIMIT 1');
  const person = async (loginName: string, displayName: string, role: 'vendor' | 'owner') => {
    const { user } = await users.create({ loginName, displayName, password: `Demo-${randomBytes(8).toString('hex')}` });
    await appoint(app, communityId, admin.id, { userId: user.id, role });
    return user.id;
  };
  const vendors = [
    { userId: who.vendor, vendorName: '电梯供应商' },
    { userId: await person('demo.vendor2', '乙机电设备有限公司', 'vendor'), vendorName: '乙机电设备有限公司' },
    { userId: await person('demo.vendor3', '丙电梯安装有限公司', 'vendor'), vendorName: '丙电梯安装有限公司' },
  ];
  const experts: string[] = [];
  for (const [i, name] of ['技术专家赵工', '技术专家钱工', '技术专家孙工', '技术专家李工', '技术专家周工（候补）'].entries())
    experts.push(await person(`demo.expert${i + 1}`, name, 'owner'));

  const itemAtAssembly = async (title: string, description: string, heldAt: number) => {
    const item = await agenda.create(who.committee_member, communityId, {
      title,
      category: 'art278_5',
      description,
      budgetFen: '60000000',
    });
    const meeting = (extra: object) => ({
      heldAt: new Date(heldAt).toISOString(),
      place: '社区党群服务中心会议室',
      chair: '郑书记',
      attendees: FOUR_PARTIES,
      minutes: `与会各方就「${title}」的方案与招标方式发表了意见。`,
      ...extra,
    });
    const record = (actor: string, role: string, stage: string, body: object) =>
      agenda.recordMeeting(actor, [role as never], communityId, item.id, stage as never, meeting(body) as never);
    await record(who.party_secretary, 'party_secretary', 'party_prediscussion', { outcome: 'advance' });
    await record(who.committee_member, 'committee_member', 'joint_meeting', {
      outcome: 'advance',
      details: { plan: `${title}，公开招标，邀请三家以上供应商现场竞标`, options: [] },
    });
    await record(who.representative, 'representative', 'representatives_meeting', {
      outcome: 'advance',
      details: { opinions: [{ representative: '楼栋长', for: 25, against: 2, concerns: '请公开评分标准' }] },
    });
    return item.id;
  };
  const seal = async (documentId: string) => {
    const request = await requests.create(who.committee_member, communityId, { documentId });
    await requests.apply(who.committee_director, communityId, request.id, 'committee', pins.committee_director);
  };

  // 1. 5 幢电梯更新: three bids, opened, scored, result published.
  const t0 = Date.now() - 12 * DAY;
  const elevator = await itemAtAssembly('5 幢电梯更新', '5 幢两部电梯已运行 22 年，拟整体更新，动用专项维修资金。', t0 - 2 * DAY);
  const seats = [
    { userId: who.representative, kind: 'representative' as const },
    { userId: who.committee_member, kind: 'committee' as const },
    { userId: who.property_company, kind: 'property_company' as const },
    ...experts.slice(0, 4).map((userId) => ({ userId, kind: 'expert' as const })),
  ];
  const hearing = await at(t0, () =>
    hearings.create(who.committee_member, communityId, {
      agendaItemId: elevator,
      title: '5 幢电梯更新现场竞标听证会',
      description: '更新 5 幢电梯两部，含拆除、安装、验收与质保。',
      place: '社区党群服务中心 2 楼会议室',
      criteria: CRITERIA,
      panel: seats,
      vendors,
      bidDeadline: new Date(t0 + DAY).toISOString(),
      openingAt: new Date(t0 + DAY + HOUR).toISOString(),
    } as never),
  );
  const offers = [
    { amountFen: '128000000', warrantyMonths: 24, deliveryDays: 90, proposal: '国产品牌整梯更新，含五年维保。' },
    { amountFen: '119000000', warrantyMonths: 36, deliveryDays: 120, proposal: '合资品牌，质保三年。' },
    { amountFen: '135000000', warrantyMonths: 24, deliveryDays: 75, proposal: '进口主机，工期最短。' },
  ];
  for (const [i, v] of vendors.entries()) await at(t0 + 2 * HOUR, () => bids.submit(v.userId, communityId, hearing.id, offers[i]));
  const viewer = { userId: who.committee_member, roles: ['committee_member' as const], isAdmin: false };
  const opened = t0 + DAY + 2 * HOUR;
  await at(opened, () => bids.open(who.committee_member, communityId, hearing.id, viewer as never));
  // One expert declares a conflict and withdraws (回避); the reserve expert takes a seat so the panel stays odd.
  await at(opened, () => hearings.declare(experts[3], communityId, hearing.id, '本人配偶在丙电梯安装有限公司任职'));
  await at(opened, () =>
    hearings.replacePanel(who.committee_member, communityId, hearing.id, [...seats, { userId: experts[4], kind: 'expert' }] as never),
  );
  const bidRows = await dataSource.query<{ id: string; vendor_user_id: string }[]>(
    'SELECT id, vendor_user_id FROM bids WHERE hearing_id = $1',
    [hearing.id],
  );
  const bidOf = (i: number) => bidRows.find((b) => b.vendor_user_id === vendors[i].userId)!.id;
  const sitting = [...seats.filter((s) => s.userId !== experts[3]).map((s) => s.userId), experts[4]];
  const sheets = [
    [90, 85, 80, 85],
    [95, 80, 90, 80],
    [80, 92, 80, 90],
  ];
  for (const [m, userId] of sitting.entries()) {
    await at(opened + HOUR, () => hearings.declare(userId, communityId, hearing.id, undefined));
    const cells = sheets.flatMap((scores, b) =>
      CRITERIA.map((c, k) => ({ bidId: bidOf(b), criterion: c.key, score: Math.min(100, scores[k] + ((m + b) % 3)) })),
    );
    await at(opened + 2 * HOUR, () => scoring.submit(userId, communityId, hearing.id, cells as never));
  }
  const published = await at(opened + 3 * HOUR, () =>
    app.get(HearingResultService).publish(who.committee_member, communityId, hearing.id, {
      heldAt: new Date(opened).toISOString(),
      minutes: '评审组七人出席，一人申报利益冲突回避，候补专家补位；当场开标唱标，各评审独立评分，居委会全程监督。',
      shortlistSize: 2,
    }),
  );
  await seal((published.result as { document: { id: string } }).document.id);

  // 2. 小区监控系统改造: two bids of three invited — fewer than three, the tender fails unopened (流标).
  const t1 = Date.now() - 6 * DAY;
  const cctv = await itemAtAssembly('小区监控系统改造', '更换小区公共区域监控摄像头 60 路及存储设备。', t1 - 2 * DAY);
  const failed = await at(t1, () =>
    hearings.create(who.committee_member, communityId, {
      agendaItemId: cctv,
      title: '小区监控系统改造现场竞标听证会',
      description: '更换公共区域监控摄像头 60 路、存储设备与线路。',
      place: '社区党群服务中心 2 楼会议室',
      criteria: CRITERIA,
      panel: seats,
      vendors,
      bidDeadline: new Date(t1 + DAY).toISOString(),
      openingAt: new Date(t1 + DAY + HOUR).toISOString(),
    } as never),
  );
  for (const i of [0, 1])
    await at(t1 + 2 * HOUR, () =>
      bids.submit(vendors[i].userId, communityId, failed.id, {
        amountFen: '45000000',
        warrantyMonths: 24,
        deliveryDays: 45,
        proposal: '监控改造方案。',
      }),
    );
  await at(t1 + DAY + 2 * HOUR, () => bids.open(who.committee_member, communityId, failed.id, viewer as never));
  const [notice] = await dataSource.query<{ id: string }[]>(
    `SELECT id FROM documents WHERE community_id = $1 AND source_type = 'hearing_failed' AND source_id = $2`,
    [communityId, failed.id],
  );
  await seal(notice.id);
}
