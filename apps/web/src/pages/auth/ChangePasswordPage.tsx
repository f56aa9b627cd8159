import { App, Alert, Button, Flex, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { authApi } from '../../api';
import { useSession } from '../../session/session';
import { AuthShell } from './AuthShell';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** The same rule the server applies: at least 10 characters with letters and digits. */
export function passwordProblem(value: string): string | null {
  if (value.length < 10) return '新密码至少 10 位';
  if (!/[A-Za-z]/.test(value) || !/\d/.test(value)) return '新密码须同时包含字母和数字';
  return null;
}

export default function ChangePasswordPage() {
  const { me, refresh, signOut } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const forced = me?.mustChangePassword === true;

  const onFinish = async (values: PasswordForm) => {
    setError(null);
    setSubmitting(true);
    try {
      await authApi.changePassword(values.currentPassword, values.newPassword);
      message.success('密码已修改');
      await refresh();
      navigate('/', { replace: true });
    } catch (e) {
      setError(e instanceof Error ? e.message : '修改失败');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthShell title={forced ? '首次登录：请设置新密码' : '修改密码'}>
      {forced && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="您正在使用一次性密码。为了账号安全，请先设置自己的新密码。" />
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="password-error" />}
      <Form<PasswordForm> layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
        <Form.Item
          label={forced ? '一次性密码' : '当前密码'}
          name="currentPassword"
          rules={[{ required: true, message: '请输入当前密码' }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          extra="至少 10 位，须包含字母和数字"
          rules={[
            { required: true, message: '请输入新密码' },
            {
              validator: (_, value: string) =>
                value && passwordProblem(value) ? Promise.reject(new Error(passwordProblem(value)!)) : Promise.resolve(),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="再次输入新密码"
          name="confirm"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string) =>
                !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting} style={{ height: 54, fontSize: 20 }}>
          保存新密码
        </Button>
      </Form>
      <Flex justify="center" style={{ marginTop: 16 }}>
        {forced ? (
          <Button
            type="link"
            onClick={async () => {
              await signOut();
              navigate('/login', { replace: true });
            }}
          >
            退出登录
          </Button>
        ) : (
          <Button type="link" onClick={() => navigate(-1)}>
            返回
          </Button>
        )}
      </Flex>
    </AuthShell>
  );
}
