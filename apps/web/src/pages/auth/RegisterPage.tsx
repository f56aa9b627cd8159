import { Alert, Button, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { activationApi, ApiError } from '../../api';
import { AuthShell } from './AuthShell';

interface RegisterForm {
  displayName: string;
  loginName?: string;
  mobile?: string;
  password: string;
  confirm: string;
}

/**
 * 注册账号 for committee members, residents' committee staff and others who will hold a role: each sets their own
 * password, then tells the street office their login name so it can grant the role. Owners use 激活业主账号.
 */
export default function RegisterPage() {
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  const onFinish = async (values: RegisterForm) => {
    setError(null);
    setSaving(true);
    try {
      const { user } = await activationApi.register({
        displayName: values.displayName.trim(),
        loginName: values.loginName?.trim() || undefined,
        mobile: values.mobile?.trim() || undefined,
        password: values.password,
      });
      setDone(user.loginName ?? user.mobile ?? '');
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : '注册失败');
    } finally {
      setSaving(false);
    }
  };

  if (done !== null)
    return (
      <AuthShell title="注册账号">
        <Result
          status="success"
          title="账号已注册"
          subTitle={`请把登录名「${done}」告诉街道（平台管理员）或业委会，由其授予您在小区的角色。`}
          extra={<Link to="/login">去登录</Link>}
        />
      </AuthShell>
    );

  return (
    <AuthShell title="注册账号">
      <Typography.Paragraph type="secondary">
        业委会、居委会、物业等工作人员在此注册，密码由您本人设置。业主请使用<Link to="/activate">激活通知书</Link>开通账号。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="register-error" />}
      <Form<RegisterForm> layout="vertical" onFinish={onFinish} requiredMark={false} size="large">
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input maxLength={64} data-testid="register-name" />
        </Form.Item>
        <Form.Item
          label="登录名"
          name="loginName"
          extra="3–32 位字母、数字或 ._-，以字母开头；也可只填手机号"
          rules={[{ pattern: /^[a-zA-Z][a-zA-Z0-9._-]{2,31}$/, message: '登录名格式不正确' }]}
        >
          <Input autoCapitalize="off" autoComplete="username" data-testid="register-login" />
        </Form.Item>
        <Form.Item
          label="手机号"
          name="mobile"
          dependencies={['loginName']}
          rules={[
            { pattern: /^1\d{10}$/, message: '请输入 11 位手机号' },
            ({ getFieldValue }) => ({
              validator: (_, value?: string) =>
                value || getFieldValue('loginName') ? Promise.resolve() : Promise.reject(new Error('登录名和手机号至少填一项')),
            }),
          ]}
        >
          <Input inputMode="numeric" maxLength={11} data-testid="register-mobile" />
        </Form.Item>
        <Form.Item
          label="密码"
          name="password"
          rules={[
            { required: true, message: '请设置密码' },
            { min: 10, message: '密码至少 10 位，含字母和数字' },
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="register-password" />
        </Form.Item>
        <Form.Item
          label="再次输入密码"
          name="confirm"
          dependencies={['password']}
          rules={[
            { required: true, message: '请再次输入密码' },
            ({ getFieldValue }) => ({
              validator: (_, value?: string) =>
                !value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="register-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={saving} style={{ height: 54, fontSize: 20 }} data-testid="register-submit">
          注册
        </Button>
      </Form>
    </AuthShell>
  );
}
