import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { setApiHandlers } from './api';
import { PageSpin } from './layout/PageSpin';
import { readable } from './layout/Readable';
import { RequireSession } from './session/RequireSession';
import { SessionProvider, useSession } from './session/session';
import { theme } from './theme';
import { scaleTheme, TextSizeProvider, useTextSize } from './layout/textSize';
import { useFocusableScrollers } from './hooks/useFocusableScrollers';
import './styles.css';

dayjs.locale('zh-cn');

// Shell and sign-in too: a visitor's public page loads neither the menu nor the login form.
const AppLayout = lazy(() => import('./layout/AppLayout').then((m) => ({ default: m.AppLayout })));
const CommunityScope = lazy(() => import('./layout/CommunityScope').then((m) => ({ default: m.CommunityScope })));
const HomeRedirect = lazy(() => import('./layout/HomeRedirect').then((m) => ({ default: m.HomeRedirect })));
const NotFound = lazy(() => import('./layout/NotFound').then((m) => ({ default: m.NotFound })));
const LoginPage = lazy(() => import('./pages/auth/LoginPage').then((m) => ({ default: m.LoginPage })));

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
const VoteObjectionsPage = lazy(() => import('./pages/voting/VoteObjectionsPage'));
const MyVotesPage = lazy(() => import('./pages/voting/MyVotesPage'));
const BallotPage = lazy(() => import('./pages/voting/BallotPage'));
const NotificationsPage = lazy(() => import('./pages/notifications/NotificationsPage'));
const NotificationSettingsPage = lazy(() => import('./pages/notifications/NotificationSettingsPage'));
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
const RulebookPage = lazy(() => import('./pages/rulebook/RulebookPage'));
// Public pages: no login, no menu.
const VerifyPage = lazy(() => import('./pages/public/VerifyPage'));
const PublicCommunityPage = lazy(() => import('./pages/public/PublicCommunityPage'));
const PublicResultsPage = lazy(() => import('./pages/public/PublicResultsPage').then(readable));
const ActivatePage = lazy(() => import('./pages/activation/ActivatePage'));
const RegisterPage = lazy(() => import('./pages/auth/RegisterPage'));
const OwnerAccountsPage = lazy(() => import('./pages/activation/OwnerAccountsPage'));
const PublicFundraisingPage = lazy(() => import('./pages/public/PublicFundraising'));
const FundraisingPage = lazy(() => import('./pages/fundraising/FundraisingPage'));
const FundraisingProjectPage = lazy(() => import('./pages/fundraising/FundraisingProjectPage'));
const TodoPage = lazy(() => import('./pages/todo/TodoPage'));
const LettersPage = lazy(() => import('./pages/letters/LettersPage'));
const RequestsPage = lazy(() => import('./pages/requests/RequestsPage'));
const NewRequestPage = lazy(() => import('./pages/requests/NewRequestPage'));
const RequestPage = lazy(() => import('./pages/requests/RequestPage'));
const ReceptionPage = lazy(() => import('./pages/reception/ReceptionPage'));
const ReceptionDayPage = lazy(() => import('./pages/reception/ReceptionDayPage'));
const MinutesPage = lazy(() => import('./pages/agenda/MinutesPage'));
const SealLogPage = lazy(() => import('./pages/documents/SealLogPage'));
const RectificationsPage = lazy(() => import('./pages/services/RectificationsPage'));
const RectificationPage = lazy(() => import('./pages/services/RectificationPage'));
const ServiceRatingPage = lazy(() => import('./pages/services/ServiceRatingPage'));
const BulletinsPage = lazy(() => import('./pages/services/BulletinsPage'));
const PublicIndexPage = lazy(() => import('./pages/public/PublicIndexPage'));
const PublicNoticePage = lazy(() => import('./pages/public/PublicNoticePage'));

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
    <TextSizeProvider>
      <ThemedApp />
    </TextSizeProvider>
  );
}

function ThemedApp() {
  const { size } = useTextSize();
  useFocusableScrollers();
  return (
    <ConfigProvider locale={zhCN} theme={scaleTheme(theme, size)} componentSize="large" button={{ autoInsertSpace: false }}>
      <AntApp>
        <BrowserRouter>
          <SessionProvider>
            <ApiBridge />
            <Suspense fallback={<PageSpin />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/p/:communityId" element={<PublicCommunityPage />} />
                <Route path="/p/:communityId/votes/:voteId" element={<PublicResultsPage />} />
                <Route path="/p/:communityId/fundraising/:projectId" element={<PublicFundraisingPage />} />
                <Route path="/p" element={<PublicIndexPage />} />
                <Route path="/p/:communityId/notices/:voteId" element={<PublicNoticePage />} />
                <Route path="/verify" element={<VerifyPage />} />
                <Route path="/verify/:documentNumber" element={<VerifyPage />} />
                <Route path="/activate" element={<ActivatePage />} />
                <Route path="/register" element={<RegisterPage />} />
                <Route element={<RequireSession />}>
                  <Route path="/password" element={<ChangePasswordPage />} />
                  <Route element={<AppLayout />}>
                    <Route index element={<HomeRedirect />} />
                    <Route path="communities" element={<CommunitiesPage />} />
                    <Route path="notification-settings" element={<NotificationSettingsPage />} />
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
                      <Route path="meetings/:meetingId/minutes" element={<MinutesPage />} />
                      <Route path="votes/:voteId" element={<VotePage />} />
                      <Route path="votes/:voteId/edit" element={<VoteDraftPage />} />
                      <Route path="votes/:voteId/results" element={<ResultsPage />} />
                      <Route path="votes/:voteId/objections" element={<VoteObjectionsPage />} />
                      <Route path="my-votes" element={<MyVotesPage />} />
                      <Route path="letters" element={<LettersPage />} />
                      <Route path="my-votes/:voteId" element={<BallotPage />} />
                      <Route path="notifications" element={<NotificationsPage />} />
                      <Route path="ledger" element={<LedgerPage />} />
                      <Route path="statements" element={<StatementsPage />} />
                      <Route path="statements/:statementId" element={<StatementPage />} />
                      <Route path="statements/:statementId/reconciliation" element={<ReconciliationPage />} />
                      <Route path="audit" element={<AuditInboxPage />} />
                      <Route path="fundraising" element={<FundraisingPage />} />
                      <Route path="fundraising/:projectId" element={<FundraisingProjectPage />} />
                      <Route path="documents" element={<DocumentsPage />} />
                      <Route path="seal-inbox" element={<SealInboxPage />} />
                      <Route path="seals" element={<SealsPage />} />
                      <Route path="hearings" element={<HearingsPage />} />
                      <Route path="hearings/new" element={<HearingSetupPage />} />
                      <Route path="hearings/:hearingId" element={<HearingPage />} />
                      <Route path="rulebook" element={<RulebookPage />} />
                      <Route path="owner-accounts" element={<OwnerAccountsPage />} />
                      <Route path="todo" element={<TodoPage />} />
                      <Route path="requests" element={<RequestsPage />} />
                      <Route path="requests/new" element={<NewRequestPage />} />
                      <Route path="requests/:requestId" element={<RequestPage />} />
                      <Route path="reception" element={<ReceptionPage />} />
                      <Route path="reception/:dayId" element={<ReceptionDayPage />} />
                      <Route path="seal-log" element={<SealLogPage />} />
                      <Route path="rectifications" element={<RectificationsPage />} />
                      <Route path="rectifications/:id" element={<RectificationPage />} />
                      <Route path="service-rating" element={<ServiceRatingPage />} />
                      <Route path="bulletins" element={<BulletinsPage />} />
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
