import type { EntityManager } from 'typeorm';
import { recordPayloadArgs } from '../record/record.service';
import type { CommunityRole } from './roles';

type Query = Pick<EntityManager, 'query'>;

export interface RoleWrite {
  communityId: string;
  userId: string;
  role: CommunityRole;
  startsOn: string;
  endsOn: string | null;
  grantedBy: string | null;
}

export interface RoleWriteEntry {
  actorId: string | null;
  /** identity.role_granted unless the role comes with another act (an owner activating an account). */
  action?: string;
  /** The entry's subject when it is not the assignment itself. */
  subject?: { type: string; id: string };
  payload: unknown;
}

/**
 * Writes a role assignment and its record entry in one statement (assign_role, role_assignments.sql): the app
 * role cannot write role_assignments any other way. Returns the assignment's id.
 */
export async function assignRoleRecorded(db: Query, write: RoleWrite, entry: RoleWriteEntry): Promise<string> {
  const [payload, digest] = recordPayloadArgs(entry.payload);
  const [row] = await db.query<{ id: string }[]>('SELECT assign_role($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) AS id', [
    write.communityId,
    write.userId,
    write.role,
    write.startsOn,
    write.endsOn,
    write.grantedBy,
    entry.actorId,
    entry.action ?? 'identity.role_granted',
    entry.subject?.type ?? 'role_assignment',
    entry.subject?.id ?? null,
    payload,
    digest,
  ]);
  return row.id;
}

/** Ends an assignment on `endsOn` and records identity.role_ended, in one statement (end_role). */
export async function endRoleRecorded(
  db: Query,
  end: { communityId: string; assignmentId: string; endsOn: string },
  entry: { actorId: string | null; payload: unknown },
): Promise<void> {
  const [payload, digest] = recordPayloadArgs(entry.payload);
  await db.query('SELECT end_role($1, $2, $3, $4, $5, $6)', [
    end.assignmentId,
    end.communityId,
    end.endsOn,
    entry.actorId,
    payload,
    digest,
  ]);
}
