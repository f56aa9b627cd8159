import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { directGrantRefusal, endRoleRefusal, grantRoute } from '@gongyi/domain/identity/role-grants';
import { DataSource, EntityManager } from 'typeorm';
import { Forbidden, Invalid, NotFound } from '../common/app-error';
import { NotificationsService } from '../notifications/notifications.service';
import { RecordService } from '../record/record.service';
import { assignRoleRecorded, endRoleRecorded } from './role-writes';
import { RoleAssignment } from './entities/role-assignment.entity';
import { User } from './entities/user.entity';
import { ROLE_LABELS, type CommunityRole } from './roles';

const TODAY = `(now() AT TIME ZONE c.time_zone)::date`;

export interface RoleView {
  id: string;
  userId: string;
  displayName: string;
  loginName: string | null;
  role: CommunityRole;
  startsOn: string;
  endsOn: string | null;
  active: boolean;
}

@Injectable()
export class RolesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly record: RecordService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * The platform admin appoints people; it never appoints itself. Its "own accounts" are: its own account,
   * any platform-admin account, any account registered from its signed-in session (created_by), and any
   * account sharing its mobile number.
   */
  assertNotAdminsOwn(actor: User | null, target: User): void {
    const own =
      target.isPlatformAdmin ||
      (actor !== null &&
        (target.id === actor.id || target.createdBy === actor.id || (actor.mobile !== null && target.mobile === actor.mobile)));
    if (own)
      throw new Forbidden(
        '平台管理员不能给自己或自己的其他账号授予小区角色 (the platform admin cannot grant roles to its own accounts)',
        'admin_self_grant',
      );
  }

  /** Every role granted or ended is told to the residents' committee (居委会), in the same transaction. */
  async tellResidentsCommittee(
    manager: EntityManager,
    communityId: string,
    what: 'granted' | 'ended',
    input: { assignmentId: string; displayName: string; role: CommunityRole; date: string },
  ): Promise<void> {
    const verb = what === 'granted' ? '授予' : '结束';
    await this.notifications.notify(manager, {
      communityId,
      role: 'residents_committee',
      subject: `角色${verb}：${input.displayName}（${ROLE_LABELS[input.role]}）`,
      body: `${input.displayName} 的「${ROLE_LABELS[input.role]}」角色已${verb}，${what === 'granted' ? '自' : '至'} ${input.date}${what === 'granted' ? '起' : '止'}。`,
      subjectType: 'role_assignment',
      subjectId: input.assignmentId,
    });
  }

  /** Roles held today (community time zone) by the user in the community. */
  async activeRoles(userId: string, communityId: string): Promise<CommunityRole[]> {
    const rows = await this.dataSource.query<{ role: CommunityRole }[]>(
      `SELECT DISTINCT ra.role FROM role_assignments ra JOIN communities c ON c.id = ra.community_id
       WHERE ra.user_id = $1 AND ra.community_id = $2 AND ra.starts_on <= ${TODAY} AND (ra.ends_on IS NULL OR ra.ends_on >= ${TODAY})`,
      [userId, communityId],
    );
    return rows.map((r) => r.role);
  }

  async communityExists(communityId: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM communities WHERE id = $1', [communityId]);
    return rows.length > 0;
  }

  /** Communities in which the user holds any role today, with those roles. */
  async communitiesOf(userId: string): Promise<{ communityId: string; name: string; roles: CommunityRole[] }[]> {
    const rows = await this.dataSource.query<{ community_id: string; name: string; roles: CommunityRole[] }[]>(
      `SELECT c.id AS community_id, c.name, array_agg(DISTINCT ra.role) AS roles
       FROM role_assignments ra JOIN communities c ON c.id = ra.community_id
       WHERE ra.user_id = $1 AND ra.starts_on <= ${TODAY} AND (ra.ends_on IS NULL OR ra.ends_on >= ${TODAY})
       GROUP BY c.id, c.name ORDER BY c.name`,
      [userId],
    );
    return rows.map((r) => ({ communityId: r.community_id, name: r.name, roles: r.roles }));
  }

  async list(communityId: string): Promise<RoleView[]> {
    return this.select(this.dataSource.manager, communityId);
  }

  /** Residents'-committee (居委会) holders in office today, leaving out one assignment (the one being ended). */
  async residentsCommitteeInOffice(manager: EntityManager, communityId: string, except: string | null = null): Promise<number> {
    const [{ n }] = await manager.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM role_assignments ra JOIN communities c ON c.id = ra.community_id
       WHERE ra.community_id = $1 AND ra.role = 'residents_committee' AND ($2::uuid IS NULL OR ra.id <> $2)
         AND ra.starts_on <= ${TODAY} AND (ra.ends_on IS NULL OR ra.ends_on >= ${TODAY})`,
      [communityId, except],
    );
    return n;
  }

  /**
   * A grant the admin makes alone: only while no residents'-committee holder is in office (the first
   * appointments). Afterwards the admin asks (RoleRequestsService) and a residents'-committee holder confirms.
   */
  async assign(
    actorId: string,
    communityId: string,
    input: { userId: string; role: CommunityRole; startsOn?: string; endsOn?: string },
  ): Promise<RoleView> {
    return this.dataSource.transaction(async (manager) => {
      // Serialises grants in one community, so two grants at once cannot both pass as "first appointments".
      await manager.query('SELECT id FROM communities WHERE id = $1 FOR UPDATE', [communityId]);
      const user = await this.grantee(manager, actorId, input.userId);
      const refusal = directGrantRefusal(grantRoute(await this.residentsCommitteeInOffice(manager, communityId)));
      if (refusal) throw refusal;
      return this.grantNow(manager, actorId, communityId, user, input);
    });
  }

  /** The account receiving a role: it exists and is not one of the admin's own. */
  async grantee(manager: EntityManager, actorId: string, userId: string): Promise<User> {
    const user = await manager.findOneBy(User, { id: userId });
    if (!user) throw new NotFound('账号 account');
    this.assertNotAdminsOwn(await manager.findOneBy(User, { id: actorId }), user);
    return user;
  }

  async today(manager: EntityManager, communityId: string): Promise<string> {
    const [{ today }] = await manager.query<{ today: string }[]>(
      `SELECT (now() AT TIME ZONE time_zone)::date::text AS today FROM communities WHERE id = $1`,
      [communityId],
    );
    return today;
  }

  /**
   * Writes the role, its record entry and the notices. `actorId` is who made it take effect: the admin for a first
   * appointment, the confirming residents'-committee holder for a request (`requestedBy` then names the admin).
   */
  async grantNow(
    manager: EntityManager,
    actorId: string,
    communityId: string,
    user: User,
    input: { role: CommunityRole; startsOn?: string | null; endsOn?: string | null; requestedBy?: string; requestId?: string },
  ): Promise<RoleView> {
    const today = await this.today(manager, communityId);
    const startsOn = input.startsOn ?? today;
    if (input.endsOn && input.endsOn < startsOn) throw new Invalid('结束日期早于开始日期 (end date before start date)', 'invalid_dates');
    const saved = {
      id: await assignRoleRecorded(
        manager,
        { communityId, userId: user.id, role: input.role, startsOn, endsOn: input.endsOn ?? null, grantedBy: input.requestedBy ?? actorId },
        {
          actorId,
          payload: {
            userId: user.id,
            role: input.role,
            startsOn,
            endsOn: input.endsOn ?? null,
            ...(input.requestId ? { requestId: input.requestId, requestedBy: input.requestedBy } : {}),
          },
        },
      ),
    };
    // The person granted the role hears it too: the role brings them work (我的待办) from its first day.
    await this.notifications.notify(manager, {
      communityId,
      role: input.role,
      userId: user.id,
      subject: `您已获授「${ROLE_LABELS[input.role]}」角色`,
      body: `您在本小区的「${ROLE_LABELS[input.role]}」角色自 ${startsOn} 起生效，相关待办见「我的待办」。`,
      subjectType: 'role_assignment',
      subjectId: saved.id,
    });
    await this.tellResidentsCommittee(manager, communityId, 'granted', {
      assignmentId: saved.id,
      displayName: user.displayName,
      role: input.role,
      date: startsOn,
    });
    return (await this.select(manager, communityId, saved.id))[0];
  }

  /** Roles are ended, never deleted: the history of who held what stays. */
  async end(actorId: string, communityId: string, assignmentId: string, endsOn?: string): Promise<RoleView> {
    return this.dataSource.transaction(async (manager) => {
      const assignment = await manager.findOneBy(RoleAssignment, { id: assignmentId, communityId });
      if (!assignment) throw new NotFound('角色 role assignment');
      await manager.query('SELECT id FROM communities WHERE id = $1 FOR UPDATE', [communityId]);
      const inOffice = (await this.residentsCommitteeInOffice(manager, communityId)) > 0;
      const after = await this.residentsCommitteeInOffice(manager, communityId, assignmentId);
      // Only an assignment in office today can be the last one; ending a future or past term changes nothing.
      const refusal = inOffice ? endRoleRefusal({ role: assignment.role, residentsCommitteeInOfficeAfter: after }) : null;
      if (refusal) throw refusal;
      const [{ yesterday }] = await manager.query<{ yesterday: string }[]>(
        `SELECT ((now() AT TIME ZONE time_zone)::date - 1)::text AS yesterday FROM communities WHERE id = $1`,
        [communityId],
      );
      const dayBeforeStart = await manager.query<{ d: string }[]>(`SELECT ($1::date - 1)::text AS d`, [assignment.startsOn]);
      const end = endsOn ?? (yesterday < dayBeforeStart[0].d ? dayBeforeStart[0].d : yesterday);
      if (end < dayBeforeStart[0].d) throw new Invalid('结束日期早于开始日期 (end date before start date)', 'invalid_dates');
      await endRoleRecorded(
        manager,
        { communityId, assignmentId, endsOn: end },
        { actorId, payload: { userId: assignment.userId, role: assignment.role, endsOn: end } },
      );
      const holder = await manager.findOneByOrFail(User, { id: assignment.userId });
      await this.tellResidentsCommittee(manager, communityId, 'ended', {
        assignmentId,
        displayName: holder.displayName,
        role: assignment.role,
        date: end,
      });
      return (await this.select(manager, communityId, assignmentId))[0];
    });
  }

  private async select(manager: EntityManager, communityId: string, id?: string): Promise<RoleView[]> {
    const rows = await manager.query<Record<string, unknown>[]>(
      `SELECT ra.id, ra.user_id, u.display_name, u.login_name, ra.role, ra.starts_on::text, ra.ends_on::text,
              (ra.starts_on <= ${TODAY} AND (ra.ends_on IS NULL OR ra.ends_on >= ${TODAY})) AS active
       FROM role_assignments ra JOIN users u ON u.id = ra.user_id JOIN communities c ON c.id = ra.community_id
       WHERE ra.community_id = $1 AND ($2::uuid IS NULL OR ra.id = $2) ORDER BY ra.role, u.display_name`,
      [communityId, id ?? null],
    );
    return rows.map((r) => ({
      id: r.id as string,
      userId: r.user_id as string,
      displayName: r.display_name as string,
      loginName: r.login_name as string | null,
      role: r.role as CommunityRole,
      startsOn: r.starts_on as string,
      endsOn: r.ends_on as string | null,
      active: r.active as boolean,
    }));
  }
}
