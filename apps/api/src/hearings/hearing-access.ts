import { EntityManager, IsNull, Not } from 'typeorm';
import { NotFound } from '../common/app-error';
import type { CommunityRole } from '../identity/roles';
import { Bid } from './entities/bid.entity';
import { Hearing } from './entities/hearing.entity';
import { Invitation } from './entities/invitation.entity';

/** Who is asking: the roles they hold in the route's community today, and whether they are the platform admin. */
export interface Viewer {
  userId: string;
  roles: CommunityRole[];
  isAdmin: boolean;
}

/** A vendor who holds no other role sees only the hearings it is invited to, and only its own bid. */
export function isVendorOnly(viewer: Viewer): boolean {
  return !viewer.isAdmin && viewer.roles.length > 0 && viewer.roles.every((r) => r === 'vendor');
}

export async function findHearing(
  manager: EntityManager,
  communityId: string,
  id: string,
  lock?: 'pessimistic_write' | 'pessimistic_read',
): Promise<Hearing> {
  const hearing = await manager.findOne(Hearing, { where: { id, communityId }, ...(lock ? { lock: { mode: lock } } : {}) });
  if (!hearing) throw new NotFound('听证会 hearing');
  return hearing;
}

/**
 * Loads the hearing as the viewer may see it: an uninvited vendor gets the same 404 as for a hearing that does
 * not exist, so a vendor cannot even learn which hearings are under way.
 */
export async function findVisibleHearing(
  manager: EntityManager,
  communityId: string,
  id: string,
  viewer: Viewer,
): Promise<{ hearing: Hearing; invitation: Invitation | null }> {
  const hearing = await findHearing(manager, communityId, id);
  const invitation = await manager.findOneBy(Invitation, { hearingId: id, vendorUserId: viewer.userId });
  if (isVendorOnly(viewer) && !invitation) throw new NotFound('听证会 hearing');
  return { hearing, invitation };
}

/** The bids revealed at the opening: the ones the panel scores and the ranking covers. */
export function openedBids(manager: EntityManager, hearingId: string): Promise<Bid[]> {
  return manager.find(Bid, { where: { hearingId, revealedVersion: Not(IsNull()) }, order: { firstSubmittedAt: 'ASC' } });
}
