import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError, authApi } from '../../api';
import { useSession } from '../../session/session';
import { AuthShell } from './AuthShell';

interface LoginForm {
  login: string;
  password: string;
}

export function LoginPage() {
  const { me, signIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  if (me && !submitting) return <Navigate to={me.mustChangePassword ? '/password' : from} replace />;

  const onFinish = async (values: LoginForm) => {
    setError(null);
    setSubmitting(true);
    try {
      const result = await authApi.login(values.login.trim(), values.password);
      const account = await signIn(result);
      navigate(account?.mustChangePassword ? '/password' : from, { replace: true });
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
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
      <Form<LoginForm> layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
        <Form.Item label="登录名或手机号" name="login" rules={[{ required: true, message: '请输入登录名或手机号' }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="off" placeholder="例如 admin 或 13800138000" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" placeholder="请输入密码" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} style={{ height: 54, fontSize: 20 }}>
          登录
        </Button>
      </Form>
    </AuthShell>
  );
}
