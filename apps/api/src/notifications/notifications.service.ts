import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { CommunityRole } from '../identity/roles';
import { Notification } from './entities/notification.entity';

@Injectable()
export class NotificationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async notify(
    manager: EntityManager,
    input: { communityId: string; role: CommunityRole; subject: string; body: string; subjectType: string; subjectId?: string },
  ): Promise<Notification> {
    return manager.save(Notification, {
      communityId: input.communityId,
      recipientRole: input.role,
      subject: input.subject,
      body: input.body,
      subjectType: input.subjectType,
      subjectId: input.subjectId ?? null,
    });
  }

  /** Messages addressed to any role the reader holds today. */
  async forRoles(communityId: string, roles: CommunityRole[], limit = 100): Promise<Notification[]> {
    if (roles.length === 0) return [];
    return this.dataSource.getRepository(Notification).find({
      where: { communityId, recipientRole: In(roles) },
      order: { createdAt: 'DESC' },
      take: limit,
    });
  }
}
