import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { grantDecisionRefusal, grantRoute, type GrantRequestStatus } from '@gongyi/domain/identity/role-grants';
import { DataSource, EntityManager } from 'typeorm';
import { Conflict, Invalid, NotFound } from '../common/app-error';
import { NotificationsService } from '../notifications/notifications.service';
import { RecordService } from '../record/record.service';
import { ROLE_LABELS, type CommunityRole } from './roles';
import { RolesService, type RoleView } from './roles.service';

export interface RoleGrantRequestView {
  id: string;
  userId: string;
  displayName: string;
  loginName: string | null;
  role: CommunityRole;
  startsOn: string | null;
  endsOn: string | null;
  status: GrantRequestStatus;
  requestedByName: string;
  requestedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  reason: string | null;
}

interface RequestRow {
  id: string;
  user_id: string;
  role: CommunityRole;
  starts_on: string | null;
  ends_on: string | null;
  status: GrantRequestStatus;
  requested_by: string;
}

/**
 * Role grants under four eyes (issue 10 §6): once a residents'-committee holder is in office, the platform admin's
 * grant is a request, and the role exists only after such a holder — not the grantee, not the requester — confirms.
 */
@Injectable()
export class RoleRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly roles: RolesService,
    private readonly record: RecordService,
    private readonly notifications: NotificationsService,
  ) {}

  async list(communityId: string): Promise<{ confirmationRequired: boolean; requests: RoleGrantRequestView[] }> {
    const inOffice = await this.roles.residentsCommitteeInOffice(this.dataSource.manager, communityId);
    return { confirmationRequired: grantRoute(inOffice) !== 'direct', requests: await this.select(this.dataSource.manager, communityId) };
  }

  async request(
    actorId: string,
    communityId: string,
    input: { userId: string; role: CommunityRole; startsOn?: string; endsOn?: string },
  ): Promise<RoleGrantRequestView> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT id FROM communities WHERE id = $1 FOR UPDATE', [communityId]);
      const user = await this.roles.grantee(manager, actorId, input.userId);
      if (grantRoute(await this.roles.residentsCommitteeInOffice(manager, communityId)) === 'direct')
        throw new Conflict(
          '本小区尚无在任居委会人员：首批角色由平台管理员直接授予 (no residents\u2019 committee holder yet: grant directly)',
          'role_request_not_needed',
        );
      const today = await this.roles.today(manager, communityId);
      if (input.endsOn && input.endsOn < (input.startsOn ?? today))
        throw new Invalid('结束日期早于开始日期 (end date before start date)', 'invalid_dates');
      const open = await manager.query<{ id: string }[]>(
        `SELECT id FROM role_grant_requests WHERE community_id = $1 AND user_id = $2 AND role = $3 AND status = 'pending'`,
        [communityId, input.userId, input.role],
      );
      if (open.length > 0)
        throw new Conflict(
          `已有待居委会确认的申请：${user.displayName}「${ROLE_LABELS[input.role]}」 (a request for this is already pending)`,
          'role_request_exists',
        );
      const [{ id }] = await manager.query<{ id: string }[]>(
        `INSERT INTO role_grant_requests (community_id, user_id, role, starts_on, ends_on, requested_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [communityId, input.userId, input.role, input.startsOn ?? null, input.endsOn ?? null, actorId],
      );
      await this.record.append(manager, {
        communityId,
        actorId,
        action: 'identity.role_requested',
        subjectType: 'role_grant_request',
        subjectId: id,
        payload: { userId: input.userId, role: input.role, startsOn: input.startsOn ?? null, endsOn: input.endsOn ?? null },
      });
      await this.notifications.notify(manager, {
        communityId,
        role: 'residents_committee',
        subject: `角色授予待确认：${user.displayName}（${ROLE_LABELS[input.role]}）`,
        body: `平台管理员申请授予 ${user.displayName}「${ROLE_LABELS[input.role]}」角色，经居委会确认后生效。请在「角色管理」核对后确认或驳回。`,
        subjectType: 'role_grant_request',
        subjectId: id,
      });
      return (await this.select(manager, communityId, id))[0];
    });
  }

  async confirm(deciderId: string, communityId: string, requestId: string): Promise<RoleView> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.decidable(manager, deciderId, communityId, requestId);
      const user = await this.roles.grantee(manager, request.requested_by, request.user_id);
      const granted = await this.roles.grantNow(manager, deciderId, communityId, user, {
        role: request.role,
        startsOn: request.starts_on,
        endsOn: request.ends_on,
        requestedBy: request.requested_by,
        requestId,
      });
      await manager.query(
        `UPDATE role_grant_requests SET status = 'confirmed', decided_by = $3, decided_at = now(), assignment_id = $4
         WHERE id = $1 AND community_id = $2`,
        [requestId, communityId, deciderId, granted.id],
      );
      return granted;
    });
  }

  async reject(deciderId: string, communityId: string, requestId: string, reason: string | undefined): Promise<RoleGrantRequestView> {
    return this.dataSource.transaction(async (manager) => {
      const request = await this.decidable(manager, deciderId, communityId, requestId);
      const why = reason?.trim();
      if (!why) throw new Invalid('驳回须写明理由 (a reason is required)', 'reason_required');
      await manager.query(
        `UPDATE role_grant_requests SET status = 'rejected', decided_by = $3, decided_at = now(), reason = $4
         WHERE id = $1 AND community_id = $2`,
        [requestId, communityId, deciderId, why],
      );
      await this.record.append(manager, {
        communityId,
        actorId: deciderId,
        action: 'identity.role_request_rejected',
        subjectType: 'role_grant_request',
        subjectId: requestId,
        payload: { userId: request.user_id, role: request.role, reason: why },
      });
      return (await this.select(manager, communityId, requestId))[0];
    });
  }

  /** The pending request, locked, after checking that this person may decide it. */
  private async decidable(manager: EntityManager, deciderId: string, communityId: string, requestId: string): Promise<RequestRow> {
    const [request] = await manager.query<RequestRow[]>(
      `SELECT id, user_id, role, starts_on::text, ends_on::text, status, requested_by
         FROM role_grant_requests WHERE id = $1 AND community_id = $2 FOR UPDATE`,
      [requestId, communityId],
    );
    if (!request) throw new NotFound('角色申请 role request');
    const refusal = grantDecisionRefusal({
      status: request.status,
      deciderId,
      deciderHoldsResidentsCommittee: (await this.roles.activeRoles(deciderId, communityId)).includes('residents_committee'),
      granteeId: request.user_id,
      requestedBy: request.requested_by,
    });
    if (refusal) throw refusal;
    return request;
  }

  private async select(manager: EntityManager, communityId: string, id?: string): Promise<RoleGrantRequestView[]> {
    const rows = await manager.query<Record<string, unknown>[]>(
      `SELECT r.id, r.user_id, u.display_name, u.login_name, r.role, r.starts_on::text, r.ends_on::text, r.status,
              req.display_name AS requested_by_name, r.requested_at, dec.display_name AS decided_by_name, r.decided_at, r.reason
         FROM role_grant_requests r
         JOIN users u ON u.id = r.user_id
         JOIN users req ON req.id = r.requested_by
         LEFT JOIN users dec ON dec.id = r.decided_by
        WHERE r.community_id = $1 AND ($2::uuid IS NULL OR r.id = $2)
        ORDER BY (r.status = 'pending') DESC, coalesce(r.decided_at, r.requested_at) DESC
        LIMIT 200`,
      [communityId, id ?? null],
    );
    const pending = rows.filter((r) => r.status === 'pending');
    const decided = rows.filter((r) => r.status !== 'pending').slice(0, 50);
    return [...pending, ...decided].map((r) => ({
      id: r.id as string,
      userId: r.user_id as string,
      displayName: r.display_name as string,
      loginName: r.login_name as string | null,
      role: r.role as CommunityRole,
      startsOn: r.starts_on as string | null,
      endsOn: r.ends_on as string | null,
      status: r.status as GrantRequestStatus,
      requestedByName: r.requested_by_name as string,
      requestedAt: new Date(r.requested_at as string).toISOString(),
      decidedByName: (r.decided_by_name as string | null) ?? null,
      decidedAt: r.decided_at ? new Date(r.decided_at as string).toISOString() : null,
      reason: (r.reason as string | null) ?? null,
    }));
  }
}
