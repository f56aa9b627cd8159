import type { INestApplication } from '@nestjs/common';
import { DomainError } from '@gongyi/domain/errors';
import { DataSource } from 'typeorm';
import type { CommunityRole } from '../apps/api/src/identity/roles';
import { RoleRequestsService } from '../apps/api/src/identity/role-requests.service';
import { RolesService } from '../apps/api/src/identity/roles.service';

/**
 * The demo's appointments, made as the API requires (issue 10 §6): the admin appoints alone while no
 * residents'-committee holder is in office; afterwards it asks, and the residents' committee holder confirms.
 */
export async function appoint(
  app: INestApplication,
  communityId: string,
  adminId: string,
  input: { userId: string; role: CommunityRole },
): Promise<void> {
  try {
    await app.get(RolesService).assign(adminId, communityId, input);
    return;
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'role_grant_needs_confirmation') throw e;
  }
  const [confirmer] = await app.get(DataSource).query<{ user_id: string }[]>(
    `SELECT user_id FROM role_assignments WHERE community_id = $1 AND role = 'residents_committee' AND user_id <> $2
        AND (ends_on IS NULL OR ends_on >= current_date) ORDER BY created_at LIMIT 1`,
    [communityId, input.userId],
  );
  const requests = app.get(RoleRequestsService);
  const asked = await requests.request(adminId, communityId, input);
  await requests.confirm(confirmer.user_id, communityId, asked.id);
}
