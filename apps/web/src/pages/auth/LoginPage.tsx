import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { ApiError, authApi } from '../../api';
import { useSession } from '../../session/session';
import { useTextSize } from '../../layout/textSize';
import { AuthShell } from '../../lite/LiteShell';
import { leaveTo } from '../../lite/routes';
import { Alert, Button } from '../../lite/ui';

/** The 大字 switch, light: the same setting as the header's, without Ant Design. */
function LiteTextSizeSwitch() {
  const { size, toggle } = useTextSize();
  const large = size === 'large';
  return (
    <Button
      kind="link"
      aria-pressed={large}
      aria-label={large ? '恢复标准字号' : '切换为大字'}
      data-testid="text-size-switch"
      onClick={toggle}
    >
      {large ? '标准字' : '大字'}
    </Button>
  );
}

/** Already signed in (a revisit of /login): on to where the person was going. */
function SignedIn({ to }: { to: string }) {
  const navigate = useNavigate();
  useEffect(() => leaveTo(to, navigate), [to, navigate]);
  return null;
}

/** Sign-in: a light page (plain React, lite.css), the first page most people open on a phone. */
export function LoginPage() {
  const { me, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ login?: boolean; password?: boolean }>({});
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me && !submitting) return <SignedIn to={me.mustChangePassword ? '/password' : from} />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const gaps = { login: !login.trim(), password: !password };
    setMissing(gaps);
    if (gaps.login || gaps.password) return;
    setError(null);
    setSubmitting(true);
    try {
      const result = await authApi.login(login.trim(), password);
      const account = await signIn(result);
      leaveTo(account?.mustChangePassword ? '/password' : from, navigate);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setError('登录名或密码不正确，请重新输入。');
      else if (e instanceof ApiError && e.code === 'login_locked') setError(e.message || '尝试次数过多，账号已暂时锁定，请稍后再试。');
      else setError(e instanceof Error ? e.message : '登录失败');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthShell title="登录">
      {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <form onSubmit={onSubmit} noValidate>
        <div className="gy-l-field">
          <label htmlFor="login-name">登录名或手机号</label>
          <input
            id="login-name"
            className="gy-l-input"
            autoComplete="username"
            autoCapitalize="off"
            placeholder="例如 admin 或 13800138000"
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            aria-invalid={missing.login || undefined}
            aria-describedby={missing.login ? 'login-name-error' : undefined}
          />
          {missing.login && (
            <div id="login-name-error" className="gy-l-error-text">
              请输入登录名或手机号
            </div>
          )}
        </div>
        <div className="gy-l-field">
          <label htmlFor="login-password">密码</label>
          <input
            id="login-password"
            className="gy-l-input"
            type="password"
            autoComplete="current-password"
            placeholder="请输入密码"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={missing.password || undefined}
            aria-describedby={missing.password ? 'login-password-error' : undefined}
          />
          {missing.password && (
            <div id="login-password-error" className="gy-l-error-text">
              请输入密码
            </div>
          )}
        </div>
        <Button kind="primary" type="submit" block loading={submitting}>
          登录
        </Button>
      </form>
      {/* Residents who only want to read or check a document need no account. */}
      <div className="gy-l-row gy-l-between" style={{ marginTop: 20 }}>
        <Link to="/p" data-testid="login-public-link" className="gy-l-btn gy-l-btn-link">
          小区公示
        </Link>
        <Link to="/verify" data-testid="login-verify-link" className="gy-l-btn gy-l-btn-link">
          文件核验
        </Link>
        <LiteTextSizeSwitch />
      </div>
      <p className="gy-l-row gy-l-center" style={{ justifyContent: 'center', marginTop: 16, marginBottom: 0 }}>
        <Link to="/activate" data-testid="link-activate" className="gy-l-btn gy-l-btn-link">
          业主：用激活通知书开通账号
        </Link>
        <Link to="/register" data-testid="link-register" className="gy-l-btn gy-l-btn-link">
          工作人员注册账号
        </Link>
      </p>
    </AuthShell>
  );
}
