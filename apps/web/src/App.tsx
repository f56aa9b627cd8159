import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { setApiHandlers } from './api';
import { AppLayout } from './layout/AppLayout';
import { CommunityScope } from './layout/CommunityScope';
import { HomeRedirect } from './layout/HomeRedirect';
import { NotFound } from './layout/NotFound';
import { PageSpin } from './layout/PageSpin';
import { LoginPage } from './pages/auth/LoginPage';
import { RequireSession } from './session/RequireSession';
import { SessionProvider, useSession } from './session/session';
import { theme } from './theme';

dayjs.locale('zh-cn');

// One chunk per context: the login page loads without the tables and forms behind it.
const ChangePasswordPage = lazy(() => import('./pages/auth/ChangePasswordPage'));
const OverviewPage = lazy(() => import('./pages/registry/OverviewPage'));
const UnitsPage = lazy(() => import('./pages/registry/UnitsPage'));
const RosterImportPage = lazy(() => import('./pages/registry/RosterImportPage'));
const RolesPage = lazy(() => import('./pages/identity/RolesPage'));
const CommunitiesPage = lazy(() => import('./pages/admin/CommunitiesPage'));
const RecordPage = lazy(() => import('./pages/record/RecordPage'));

/** Lets the fetch wrapper show messages and send the user to /login. */
function ApiBridge() {
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const { reset } = useSession();
  useEffect(() => {
    setApiHandlers({
      showError: (text) => void message.error({ content: text, key: text, duration: 5 }),
      onUnauthorized: () => {
        reset();
        if (location.pathname !== '/login') {
          navigate('/login', { replace: true, state: { from: location.pathname + location.search } });
        }
      },
    });
  }, [message, navigate, location, reset]);
  return null;
}

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={theme} componentSize="large" button={{ autoInsertSpace: false }}>
      <AntApp>
        <BrowserRouter>
          <SessionProvider>
            <ApiBridge />
            <Suspense fallback={<PageSpin />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route element={<RequireSession />}>
                  <Route path="/password" element={<ChangePasswordPage />} />
                  <Route element={<AppLayout />}>
                    <Route index element={<HomeRedirect />} />
                    <Route path="communities" element={<CommunitiesPage />} />
                    <Route path="c/:communityId" element={<CommunityScope />}>
                      <Route index element={<Navigate to="overview" replace />} />
                      <Route path="overview" element={<OverviewPage />} />
                      <Route path="units" element={<UnitsPage />} />
                      <Route path="roster" element={<RosterImportPage />} />
                      <Route path="roles" element={<RolesPage />} />
                      <Route path="record" element={<RecordPage />} />
                    </Route>
                    <Route path="*" element={<NotFound />} />
                  </Route>
                </Route>
              </Routes>
            </Suspense>
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
