import { appoint } from './demo-roles';
import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../apps/api/src/common/clock';
import type { CommunityRole } from '../apps/api/src/identity/roles';
import { UsersService } from '../apps/api/src/identity/users.service';
import { ReceptionService } from '../apps/api/src/reception/reception.service';
import { RequestsService } from '../apps/api/src/requests/requests.service';

const MIN = 60_000;
const DAY = 86_400_000;

const CONCERNS: { category: string; title: string; place: 'building' | 'common'; text: string }[] = [
  { category: 'repair', title: '楼道灯不亮', place: 'building', text: '2单元3楼' },
  { category: 'sanitation', title: '垃圾桶满溢', place: 'common', text: '东门垃圾房' },
  { category: 'repair', title: '单元门禁失灵', place: 'building', text: '1单元' },
  { category: 'safety', title: '消防通道堆放杂物', place: 'building', text: '地下一层' },
  { category: 'facility', title: '电梯异响', place: 'building', text: '2号电梯' },
  { category: 'parking', title: '车库入口积水', place: 'common', text: '地下车库入口' },
  { category: 'neighbour', title: '楼上装修噪音', place: 'building', text: '5楼' },
  { category: 'wish', title: '希望增设老年人休息座椅', place: 'common', text: '中心花园' },
];

/**
 * A month of 居民诉求 (点单 → 派单 → 接单 → 评单): most answered within 52022, some late and escalated to the party
 * secretary, two still open past their due time (on 郑书记's 我的待办); and two 接待日 — a past 书记接待日 with its
 * visit log (one concern written off after a return visit) and an upcoming 物业经理接待日.
 * The 楼栋长（居民代表） demo account also holds the 楼栋长 role; the residents are accounts without a printed password.
 */
export async function loadDemoRequests(app: INestApplication, communityId: string, who: Record<string, string>): Promise<void> {
  const clock = app.get(Clock);
  const realNow = clock.now.bind(clock);
  const start = realNow().getTime() - 30 * DAY;
  let now = start;
  const at = async <T>(time: number, run: () => Promise<T>): Promise<T> => {
    now = time;
    clock.now = () => new Date(time);
    try {
      return await run();
    } finally {
      clock.now = realNow;
    }
  };
  const dataSource = app.get(DataSource);
  const users = app.get(UsersService);
  const requests = app.get(RequestsService);
  const reception = app.get(ReceptionService);
  const [admin] = await dataSource.query<{ id: string }[]>('SELECT id FROM users WHERE is_platform_admin ORDER BY created_at LIMIT 1');
  const rolesOf = async (userId: string) =>
    (
      await dataSource.query<{ role: CommunityRole }[]>('SELECT role FROM role_assignments WHERE community_id = $1 AND user_id = $2', [
        communityId,
        userId,
      ])
    ).map((r) => r.role);

  const leader = who.representative;
  await appoint(app, communityId, admin.id, { userId: leader, role: 'building_leader' });
  const residents: string[] = [];
  for (const [login, name, role] of [
    ['demo.res.wang', '王阿姨', 'owner'],
    ['demo.res.li', '李大爷', 'owner'],
    ['demo.res.zhao', '赵女士', 'owner'],
    ['demo.res.sun', '孙先生（租户）', 'tenant'],
  ] as const) {
    const { user } = await users.create({ loginName: login, displayName: name, password: `Demo-${randomBytes(8).toString('hex')}` });
    await appoint(app, communityId, admin.id, { userId: user.id, role });
    residents.push(user.id);
  }
  const buildings = await dataSource.query<{ id: string }[]>('SELECT id FROM buildings WHERE community_id = $1 ORDER BY name', [
    communityId,
  ]);
  const caller = async (userId: string) => ({ userId, roles: await rolesOf(userId) });
  const secretary = await caller(who.party_secretary);
  const leaderCaller = await caller(leader);
  const property = await caller(who.property_company);

  // 24 requests over the month; every fifth is late to accept or to close (escalated), the last two stay open.
  const total = 24;
  for (let i = 0; i < total; i++) {
    const c = CONCERNS[i % CONCERNS.length];
    const filer = await caller(residents[i % residents.length]);
    const filedAt = start + Math.round((i * 29 * DAY) / total) + 9 * 3_600_000;
    const filed = await at(filedAt, () =>
      requests.file(communityId, filer, {
        category: c.category,
        title: c.title,
        placeKind: c.place,
        buildingId: c.place === 'building' ? buildings[i % buildings.length]?.id : undefined,
        placeText: c.text,
      }),
    );
    const id = (filed as { id: string }).id;
    const toProperty = c.category === 'facility' || c.category === 'parking';
    const assignee = toProperty ? property : leaderCaller;
    await at(filedAt + 2 * MIN, () =>
      requests.dispatch(
        communityId,
        secretary,
        id,
        toProperty
          ? { assigneeKind: 'property_company', assigneeUserId: property.userId }
          : { assigneeKind: 'building_leader', assigneeUserId: leader },
      ),
    );
    const openLate = i >= total - 2;
    const late = i % 5 === 4;
    if (openLate) {
      // Past its accept time and still waiting: the timer escalates it when the demo starts (real clock).
      await at(now + 10 * MIN, () => requests.escalateIfDue(communityId, id));
      continue;
    }
    const acceptAt = now + (late ? 12 : 3) * MIN;
    if (late) await at(now + 6 * MIN, () => requests.escalateIfDue(communityId, id));
    await at(acceptAt, () => requests.accept(communityId, assignee, id));
    const plan = ['neighbour', 'facility', 'parking', 'wish'].includes(c.category);
    await at(now + 8 * MIN, () => requests.progress(communityId, assignee, id, plan ? '已到现场查看，正在拟定方案' : '已到现场'));
    const closeAt = now + (plan ? DAY : late ? 40 * MIN : 10 * MIN);
    await at(closeAt - 1, () => requests.escalateIfDue(communityId, id));
    await at(closeAt, () => requests.close(communityId, assignee, id, plan ? '方案已与居民沟通并实施' : '已处理完毕'));
    await at(closeAt + 3 * 3_600_000, () =>
      requests.rate(communityId, filer, id, late ? 3 : i % 3 === 0 ? 4 : 5, late ? '处理有点慢' : '处理及时，谢谢'),
    );
  }

  // 接待日: a past 书记接待日 with its log, and an upcoming 物业经理接待日.
  const day = (offsetDays: number) => new Date(realNow().getTime() + offsetDays * DAY).toISOString().slice(0, 10);
  const past = await at(start + 15 * DAY, () =>
    reception.schedule(communityId, secretary, {
      hostKind: 'party_secretary',
      hostName: '郑书记',
      day: day(-15),
      startTime: '09:00',
      endTime: '11:30',
      place: '社区党群服务中心',
    }),
  );
  await at(start + 15 * DAY + 3_600_000, () =>
    reception.logVisit(communityId, secretary, past.id, {
      visitorName: '钱奶奶',
      concern: '单元门口台阶破损',
      category: 'repair',
      placeKind: 'common',
      placeText: '3幢单元门口',
    }),
  );
  const logged = await at(start + 15 * DAY + 2 * 3_600_000, () =>
    reception.logVisit(communityId, secretary, past.id, {
      visitorName: '周先生',
      concern: '夜间路灯太暗',
      category: 'safety',
      placeKind: 'common',
      placeText: '北侧小路',
    }),
  );
  const [first, second] = logged.log.map((v) => v.request.id);
  for (const [id, fixed] of [
    [first, '已修补台阶'],
    [second, '已更换灯具'],
  ] as const) {
    await at(start + 15 * DAY + 3 * 3_600_000, () =>
      requests.dispatch(communityId, secretary, id, { assigneeKind: 'property_company', assigneeUserId: property.userId }),
    );
    await at(now + 3 * MIN, () => requests.accept(communityId, property, id));
    await at(now + DAY, () => requests.close(communityId, property, id, fixed));
  }
  await at(start + 18 * DAY, () =>
    requests.writeOff(communityId, secretary, first, { kind: 'return_visit', note: '电话回访钱奶奶，台阶已修好，表示满意' }),
  );
  await reception.schedule(communityId, property, {
    hostKind: 'property_manager',
    hostName: '物业张经理',
    day: day(5),
    startTime: '14:00',
    endTime: '16:00',
    place: '物业服务中心',
  });
}
