import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { tokenStore } from '../api';
import { PageSpin } from '../layout/PageSpin';
import { useSession } from './session';

/** Signed-in pages: sends strangers to /login and a fresh one-time password to /password. */
export function RequireSession() {
  const { me, loading } = useSession();
  const location = useLocation();
  if (loading) return <PageSpin />;
  if (!me || !tokenStore.get()) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.mustChangePassword && location.pathname !== '/password') return <Navigate to="/password" replace />;
  return <Outlet />;
}
