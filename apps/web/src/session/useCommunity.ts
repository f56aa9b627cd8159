import { useParams } from 'react-router-dom';
import type { CommunityRole } from '../api';
import { useSession } from './session';

/** The community of the current page and the roles the signed-in person holds there today. */
export function useCommunity(): { communityId: string; name: string; roles: CommunityRole[]; isAdmin: boolean; userId: string } {
  const { communityId = '' } = useParams();
  const { me, communities } = useSession();
  const community = communities.find((c) => c.id === communityId);
  const fromMe = me?.communities.find((c) => c.communityId === communityId)?.roles;
  return {
    communityId,
    name: community?.name ?? '',
    roles: community?.roles ?? fromMe ?? [],
    isAdmin: me?.isPlatformAdmin === true,
    userId: me?.id ?? '',
  };
}
