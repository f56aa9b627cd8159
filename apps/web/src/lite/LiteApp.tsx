import { useEffect, useState, type ReactNode } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation, useParams } from 'react-router-dom';
import { setApiHandlers, tokenStore } from '../api';
import { TextSizeProvider } from '../layout/textSize';
import { SessionProvider, useSession } from '../session/session';
import { installEarlyResponses } from './early';
import { isLitePath, markLiteApp } from './routes';
import { Alert, Loading } from './ui';
import './lite.css';

installEarlyResponses();

// Imported, not lazy: together they are a few KiB, and each lazy chunk would cost a phone one more round trip.
import { LoginPage } from '../pages/auth/LoginPage';
import PublicCommunityPage from '../pages/public/PublicCommunityPage';
import VerifyPage from '../pages/public/VerifyPage';
import BallotPage from '../pages/voting/BallotPage';
import ActivatePage from '../pages/activation/ActivatePage';

/** The signed-in owner's frame for the ballot page: the brand, a way home, no admin menu. */
function OwnerBallot() {
  const { communityId = '' } = useParams();
  const location = useLocation();
  const { me, loading } = useSession();
  // The ballot sheet loads alongside the account (not after it): a bad token answers 401 and goes to /login.
  if (!tokenStore.get() || (!loading && !me)) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <div className="gy-l">
      <header className="gy-l-head">
        <span className="gy-l-brand">共议</span>
        <span className="gy-l-head-title">我的表决</span>
        <Link to={`/c/${communityId}/todo`}>我的待办</Link>
      </header>
      <main className="gy-l-main">
        <BallotPage />
      </main>
    </div>
  );
}

/** Any other path belongs to the full app: load it (a full page load, so its Ant Design chunks come only then). */
function FullApp() {
  const location = useLocation();
  useEffect(() => {
    if (!isLitePath(location.pathname)) window.location.assign(location.pathname + location.search + location.hash);
  }, [location]);
  return <Loading />;
}

/** Errors the fetch wrapper reports, shown in one live region (the full app uses antd's message for this). */
function Toast() {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    setApiHandlers({
      showError: (t) => {
        setText(t);
        clearTimeout(timer);
        timer = setTimeout(() => setText(null), 5000);
      },
      onUnauthorized: () => {
        if (window.location.pathname !== '/login') window.location.assign('/login');
      },
    });
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="gy-l gy-l-toast" style={{ minHeight: 0, background: 'none' }}>
      {text && <Alert type="error" title={text} />}
    </div>
  );
}

/** The light app's pages, inside whichever router holds them (the browser's, or a static one when prerendered). */
export function LiteRoutes() {
  return (
    <SessionProvider>
      <Toast />
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/activate" element={<ActivatePage />} />
        <Route path="/p/:communityId" element={<PublicCommunityPage />} />
        <Route path="/verify" element={<VerifyPage />} />
        <Route path="/verify/:documentNumber" element={<VerifyPage />} />
        <Route path="/c/:communityId/my-votes/:voteId" element={<OwnerBallot />} />
        <Route path="*" element={<FullApp />} />
      </Routes>
    </SessionProvider>
  );
}

/** The light app: the public and sign-in pages without the admin shell (see routes.ts). */
export function LiteApp({ router }: { router?: (routes: ReactNode) => ReactNode } = {}) {
  markLiteApp();
  return (
    <TextSizeProvider>
      {router ? (
        router(<LiteRoutes />)
      ) : (
        <BrowserRouter>
          <LiteRoutes />
        </BrowserRouter>
      )}
    </TextSizeProvider>
  );
}
