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
const AgendaBoardPage = lazy(() => import('./pages/agenda/AgendaBoardPage'));
const AgendaItemPage = lazy(() => import('./pages/agenda/AgendaItemPage'));
const VoteDraftPage = lazy(() => import('./pages/voting/VoteDraftPage'));
const VotePage = lazy(() => import('./pages/voting/VotePage'));
const ResultsPage = lazy(() => import('./pages/voting/ResultsPage'));
const MyVotesPage = lazy(() => import('./pages/voting/MyVotesPage'));
const BallotPage = lazy(() => import('./pages/voting/BallotPage'));
const NotificationsPage = lazy(() => import('./pages/notifications/NotificationsPage'));
const LedgerPage = lazy(() => import('./pages/finance/LedgerPage'));
const StatementsPage = lazy(() => import('./pages/finance/StatementsPage'));
const StatementPage = lazy(() => import('./pages/finance/StatementPage'));
const ReconciliationPage = lazy(() => import('./pages/finance/ReconciliationPage'));
const AuditInboxPage = lazy(() => import('./pages/finance/AuditInboxPage'));
const DocumentsPage = lazy(() => import('./pages/documents/DocumentsPage'));
const SealInboxPage = lazy(() => import('./pages/documents/SealInboxPage'));
const SealsPage = lazy(() => import('./pages/documents/SealsPage'));
const HearingsPage = lazy(() => import('./pages/hearings/HearingsPage'));
const HearingSetupPage = lazy(() => import('./pages/hearings/HearingSetupPage'));
const HearingPage = lazy(() => import('./pages/hearings/HearingPage'));
// Public pages: no login, no menu.
const VerifyPage = lazy(() => import('./pages/public/VerifyPage'));
const PublicCommunityPage = lazy(() => import('./pages/public/PublicCommunityPage'));
const PublicResultsPage = lazy(() => import('./pages/public/PublicResultsPage'));

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
                <Route path="/p/:communityId" element={<PublicCommunityPage />} />
                <Route path="/p/:communityId/votes/:voteId" element={<PublicResultsPage />} />
                <Route path="/verify" element={<VerifyPage />} />
                <Route path="/verify/:documentNumber" element={<VerifyPage />} />
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
                      <Route path="agenda" element={<AgendaBoardPage />} />
                      <Route path="agenda/:itemId" element={<AgendaItemPage />} />
                      <Route path="agenda/:itemId/vote" element={<VoteDraftPage />} />
                      <Route path="votes/:voteId" element={<VotePage />} />
                      <Route path="votes/:voteId/results" element={<ResultsPage />} />
                      <Route path="my-votes" element={<MyVotesPage />} />
                      <Route path="my-votes/:voteId" element={<BallotPage />} />
                      <Route path="notifications" element={<NotificationsPage />} />
                      <Route path="ledger" element={<LedgerPage />} />
                      <Route path="statements" element={<StatementsPage />} />
                      <Route path="statements/:statementId" element={<StatementPage />} />
                      <Route path="statements/:statementId/reconciliation" element={<ReconciliationPage />} />
                      <Route path="audit" element={<AuditInboxPage />} />
                      <Route path="documents" element={<DocumentsPage />} />
                      <Route path="seal-inbox" element={<SealInboxPage />} />
                      <Route path="seals" element={<SealsPage />} />
                      <Route path="hearings" element={<HearingsPage />} />
                      <Route path="hearings/new" element={<HearingSetupPage />} />
                      <Route path="hearings/:hearingId" element={<HearingPage />} />
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
