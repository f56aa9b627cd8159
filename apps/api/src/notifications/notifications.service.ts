import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CommunityRole } from '../identity/roles';
import { Notification } from './entities/notification.entity';

export interface NotificationInput {
  communityId: string;
  role: CommunityRole;
  subject: string;
  body: string;
  subjectType: string;
  subjectId?: string;
  /** Address one person only (who holds `role`); without it everyone holding `role` reads it. */
  userId?: string;
}

export type NotificationView = Notification & { read: boolean };

@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes a message inside the caller's transaction, so it exists exactly when the change it reports does. */
  async notify(manager: EntityManager, input: NotificationInput): Promise<Notification> {
    return manager.save(Notification, {
      communityId: input.communityId,
      recipientRole: input.role,
      recipientUserId: input.userId ?? null,
      subject: input.subject,
      body: input.body,
      subjectType: input.subjectType,
      subjectId: input.subjectId ?? null,
    });
  }

  /** The same message to several people (e.g. every custodian of a seal), each addressed personally. */
  async notifyEach(manager: EntityManager, userIds: readonly string[], input: Omit<NotificationInput, 'userId'>): Promise<void> {
    for (const userId of new Set(userIds)) await this.notify(manager, { ...input, userId });
  }

  /**
   * Messages addressed to any role the reader holds today: role-wide ones, and personal ones for `userId`. A
   * message to vendors as a role is never read: vendors compete, each reads only what is addressed to it.
   * Without `userId` (older callers) only role-wide messages are returned.
   */
  async forRoles(communityId: string, roles: CommunityRole[], limit = 100, userId?: string): Promise<NotificationView[]> {
    if (roles.length === 0) return [];
    const rows = await this.dataSource.query<Record<string, unknown>[]>(
      `SELECT n.id, n.community_id AS "communityId", n.recipient_role AS "recipientRole",
              n.recipient_user_id AS "recipientUserId", n.subject, n.body, n.subject_type AS "subjectType",
              n.subject_id AS "subjectId", n.created_at AS "createdAt", (r.user_id IS NOT NULL) AS read
         FROM notifications n
         LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.user_id = $3
        WHERE n.community_id = $1 AND n.recipient_role = ANY($2::text[])
          AND ((n.recipient_user_id IS NULL AND n.recipient_role <> 'vendor') OR n.recipient_user_id = $3)
        ORDER BY n.created_at DESC
        LIMIT $4`,
      [communityId, roles, userId ?? null, limit],
    );
    return rows as unknown as NotificationView[];
  }

  /** How many of the reader's messages they have not opened yet. */
  async unreadCount(communityId: string, roles: CommunityRole[], userId: string): Promise<number> {
    if (roles.length === 0) return 0;
    const [row] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM notifications n
        WHERE n.community_id = $1 AND n.recipient_role = ANY($2::text[])
          AND ((n.recipient_user_id IS NULL AND n.recipient_role <> 'vendor') OR n.recipient_user_id = $3)
          AND NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.notification_id = n.id AND r.user_id = $3)`,
      [communityId, roles, userId],
    );
    return row?.n ?? 0;
  }

  /** Marks every message the reader can see as read (only theirs: the same filter as forRoles). */
  async markAllRead(communityId: string, roles: CommunityRole[], userId: string): Promise<{ marked: number }> {
    if (roles.length === 0) return { marked: 0 };
    const rows = await this.dataSource.query<unknown[]>(
      `INSERT INTO notification_reads (notification_id, user_id, community_id)
       SELECT n.id, $3, n.community_id FROM notifications n
        WHERE n.community_id = $1 AND n.recipient_role = ANY($2::text[])
          AND ((n.recipient_user_id IS NULL AND n.recipient_role <> 'vendor') OR n.recipient_user_id = $3)
       ON CONFLICT DO NOTHING
       RETURNING notification_id`,
      [communityId, roles, userId],
    );
    return { marked: rows.length };
  }
}
