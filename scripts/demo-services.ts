import { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AgendaService } from '../apps/api/src/agenda/agenda.service';
import { BulletinsService } from '../apps/api/src/bulletins/bulletins.service';
import { Clock } from '../apps/api/src/common/clock';
import { PasswordService } from '../apps/api/src/identity/password.service';
import { RatingsService } from '../apps/api/src/ratings/ratings.service';
import { RectificationService } from '../apps/api/src/rectification/rectification.service';
import { SealRequestsService } from '../apps/api/src/seals/seal-requests.service';
import { DEFAULT_RULEBOOK } from '@gongyi/domain/rulebook/rulebook';
import { quarterOf } from '@gongyi/domain/ratings/ratings';
import type { DemoSealPins } from './demo-seals';
import { assignRoleRecorded } from '../apps/api/src/identity/role-writes';

const DAY = 86_400_000;

/**
 * Demo of issue 17's services: three 整改事项 from the demo 四方联席 meeting and an inspection (one accepted, one
 * submitted, one in progress); six households rate the property company this quarter and the committee publishes
 * the quarter's 星级 / 红黑榜; this month's 四方联席工作简报 is composed, its committee seal requested by a member
 * and applied by the director (the custodian), so it shows on the public page.
 *
 * The raters are owners without an activation letter: each gets an account whose password nobody knows (random,
 * never printed), as if they had activated it themselves — no one is handed another person's credential.
 */
export async function loadDemoServices(
  app: INestApplication,
  communityId: string,
  who: Record<string, string>,
  pins: DemoSealPins,
): Promise<string[]> {
  const dataSource = app.get(DataSource);
  const rect = app.get(RectificationService);
  const clock = app.get(Clock);
  const lines: string[] = [];
  const [{ today }] = await dataSource.query<{ today: string }[]>(
    `SELECT (($1::timestamptz) AT TIME ZONE time_zone)::date::text AS today FROM communities WHERE id = $2`,
    [clock.now(), communityId],
  );
  const due = (days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
  // This month's 四方联席 meeting (the bulletin reports it): held two hours ago on a committee matter.
  const agenda = app.get(AgendaService);
  const heldAt = new Date(Math.max(Date.parse(`${today}T00:05:00+08:00`), clock.now().getTime() - 2 * 3_600_000)).toISOString();
  const monthly = await agenda.create(who.committee_member, communityId, {
    title: '本月四方联席会议：小区环境与设施问题',
    category: 'committee_only',
    description: '党支部、居委会、业委会、物业四方研究本月居民反映集中的环境与设施问题。',
    budgetFen: '0',
    fundingSource: '物业服务费',
  });
  const fourParties = ['党支部', '居委会', '业委会', '物业'].map((party) => ({ name: `${party}代表`, party, present: true }));
  const meet = (stage: string, actor: string, role: string, body: object) =>
    agenda.recordMeeting(
      actor,
      [role as never],
      communityId,
      monthly.id,
      stage as never,
      {
        heldAt,
        place: '社区党群服务中心会议室',
        chair: '郑书记',
        attendees: fourParties,
        minutes: '四方逐项研究了路灯、车库积水、楼道杂物和电梯停运等问题，明确了责任方和整改期限。',
        ...body,
      } as never,
    );
  await meet('party_prediscussion', who.party_secretary, 'party_secretary', { outcome: 'advance' });
  await meet('joint_meeting', who.committee_member, 'committee_member', {
    outcome: 'advance',
    details: { plan: '路灯、楼道杂物限期整改，车库截水沟由物业出方案', options: [] },
  });
  const [meeting] = await dataSource.query<{ id: string }[]>(
    `SELECT id FROM meetings WHERE community_id = $1 AND stage = 'joint_meeting' ORDER BY held_at DESC LIMIT 1`,
    [communityId],
  );
  const property = { userId: who.property_company, roles: ['property_company' as const] };
  const lamp = await rect.raise(who.committee_director, communityId, {
    title: '东门路灯损坏三盏',
    location: '东门至 1 幢通道',
    category: '设施维修',
    source: 'joint_meeting',
    meetingId: meeting?.id,
    dueOn: due(3),
    assigneeUserId: who.property_company,
  });
  await rect.act(property.userId, property.roles, communityId, lamp.id, { action: 'start' });
  await rect.act(property.userId, property.roles, communityId, lamp.id, {
    action: 'submit',
    text: '已更换 LED 路灯三盏，夜间照明恢复',
    evidence: [{ name: '更换后夜间照片', note: '东门通道' }, { name: '维修单 WX-1128' }],
  });
  await rect.act(who.committee_director, ['committee_director'], communityId, lamp.id, { action: 'accept' });
  const garage = await rect.raise(who.committee_director, communityId, {
    title: '地下车库入口积水',
    location: '地下车库 B 口',
    category: '环境卫生',
    source: 'inspection',
    sourceNote: '业委会与居委会联合巡查发现',
    dueOn: due(7),
  });
  await rect.act(property.userId, property.roles, communityId, garage.id, { action: 'start' });
  await rect.act(property.userId, property.roles, communityId, garage.id, { action: 'progress', text: '已疏通排水沟，待加装截水沟' });
  const hallway = await rect.raise(who.committee_director, communityId, {
    title: '2 幢楼道堆放杂物',
    location: '2 幢 1–6 层楼道',
    category: '消防安全',
    source: 'joint_meeting',
    meetingId: meeting?.id,
    dueOn: due(5),
  });
  await rect.act(property.userId, property.roles, communityId, hallway.id, {
    action: 'submit',
    text: '已清理并张贴告示',
    evidence: [{ name: '清理后照片' }],
  });
  // Raised twelve days ago with a week to go, still not done: the due-date job has marked it overdue (逾期).
  const raisedAt = new Date(clock.now().getTime() - 12 * DAY);
  const realNow = clock.now.bind(clock);
  clock.now = () => raisedAt;
  let lift: { id: string };
  try {
    lift = await rect.raise(who.committee_director, communityId, {
      title: '5 幢电梯频繁停运',
      location: '5 幢 1 单元电梯',
      category: '设施维修',
      source: 'inspection',
      sourceNote: '业委会巡查发现，居民多次反映',
      dueOn: due(-5),
    });
    await rect.act(property.userId, property.roles, communityId, lift.id, { action: 'start' });
  } finally {
    clock.now = realNow;
  }
  await rect.markOverdueIfDue(communityId, lift.id);
  lines.push('整改事项 rectification items: 1 已验收, 2 整改中 (1 逾期), 1 待验收');

  // Six households rate the property company this quarter.
  const raters = await dataSource.query<{ owner_id: string; name: string; mobile: string | null; unit_id: string }[]>(
    `SELECT DISTINCT ON (o.id) o.id AS owner_id, o.name, o.mobile, uo.unit_id
       FROM owners o JOIN unit_owners uo ON uo.owner_id = o.id
      WHERE o.community_id = $1 AND o.kind = 'person' AND o.user_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM activation_letters a WHERE a.owner_id = o.id)
      ORDER BY o.id, uo.unit_id LIMIT 6`,
    [communityId],
  );
  const hash = await app.get(PasswordService).hash(randomBytes(24).toString('base64url'));
  const ratings = app.get(RatingsService);
  const criteria = [...DEFAULT_RULEBOOK.serviceRatingCriteria];
  const patterns = [5, 5, 4, 5, 4, 5];
  for (const [i, r] of raters.entries()) {
    const [user] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO users (login_name, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`,
      [`demo.owner.${r.owner_id.slice(0, 8)}`, r.name, hash],
    );
    await dataSource.query('UPDATE owners SET user_id = $1 WHERE id = $2 AND community_id = $3', [user.id, r.owner_id, communityId]);
    await assignRoleRecorded(
      dataSource,
      { communityId, userId: user.id, role: 'owner', startsOn: '2020-01-01', endsOn: null, grantedBy: null },
      { actorId: null, payload: { userId: user.id, role: 'owner', startsOn: '2020-01-01', endsOn: null } },
    );
    const scores = Object.fromEntries(criteria.map((c, k) => [c, k === 4 && patterns[i] === 4 ? 3 : patterns[i]]));
    await ratings.rate(user.id, communityId, { unitId: r.unit_id, scores, comment: i === 2 ? '报修响应可以再快一些' : '' });
  }
  const quarter = quarterOf(today);
  const entry = await ratings.publish(who.committee_director, communityId, quarter, '安居物业服务有限公司');
  lines.push(`物业服务评价 ${entry.quarterLabel}: ${raters.length} 户, ${entry.starLevel ?? '—'} 星, ${entry.boardLabel}`);

  // This month's 四方联席工作简报: composed and seal requested by a member, sealed by the director (the custodian).
  const bulletins = app.get(BulletinsService);
  const bulletin = await bulletins.compose(who.committee_member, communityId, today.slice(0, 7));
  const { requestId } = await bulletins.requestSeal(who.committee_member, communityId, bulletin.id);
  await app.get(SealRequestsService).apply(who.committee_director, communityId, requestId, 'committee', pins.committee_director);
  lines.push(`四方联席工作简报 ${bulletin.title}（${bulletin.documentNumber}）已盖章发布`);
  return lines;
}
