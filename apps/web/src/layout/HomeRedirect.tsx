import { Empty } from 'antd';
import { Navigate } from 'react-router-dom';
import { lastCommunity, useSession } from '../session/session';

/** "/" opens the community chosen last time, else the first one. */
export function HomeRedirect() {
  const { me, communities } = useSession();
  const last = lastCommunity.get();
  const target = communities.find((c) => c.id === last) ?? communities[0];
  // A vendor is in a community only for the hearings it is invited to.
  const roles = target?.roles ?? [];
  const vendorOnly = roles.length > 0 && roles.every((r) => r === 'vendor');
  if (target) return <Navigate to={`/c/${target.id}/${vendorOnly ? 'hearings' : 'overview'}`} replace />;
  if (me?.isPlatformAdmin) return <Navigate to="/communities" replace />;
  return <Empty style={{ marginTop: 80 }} description="您目前在任何小区都没有角色，请联系街道或业委会为您开通。" />;
}
