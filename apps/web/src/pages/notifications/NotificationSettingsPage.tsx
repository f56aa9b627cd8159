import { Alert, App, Button, Card, Flex, Form, Input, List, Skeleton, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { channelSettingsApi, type ChannelSettings, type ChannelSettingsInput } from '../../api/notification-channels';
import { formatDateTime } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { PageHeader } from '../../layout/PageHeader';

const CHANNEL_LABEL = { email: '邮件', sms: '短信' } as const;

function SettingsForm({ settings, onSaved }: { settings: ChannelSettings; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ChannelSettingsInput>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const emailEnabled = Form.useWatch('emailEnabled', form);
  const smsEnabled = Form.useWatch('smsEnabled', form);

  const onFinish = async (values: ChannelSettingsInput) => {
    setError(null);
    setSaving(true);
    try {
      await channelSettingsApi.update({
        email: values.email?.trim() || null,
        emailEnabled: values.emailEnabled,
        mobile: values.mobile?.trim() || null,
        smsEnabled: values.smsEnabled,
      });
      message.success('通知方式已保存');
      onSaved();
    } catch (e) {
      setError(e instanceof Error ? e.message : '保存失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<ChannelSettingsInput>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={onFinish}
      initialValues={{
        email: settings.email.address ?? '',
        emailEnabled: settings.email.enabled,
        mobile: settings.sms.address ?? '',
        smsEnabled: settings.sms.enabled,
      }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="channel-error" />}
      <Card title="邮件" style={{ marginBottom: 16 }}>
        {!settings.email.available && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title="本服务器尚未配置邮件发送（SMTP_URL），暂不能开启邮件通知。" />
        )}
        <Form.Item label="用邮件接收待办通知" name="emailEnabled" valuePropName="checked">
          <Switch disabled={!settings.email.available} aria-label="用邮件接收待办通知" />
        </Form.Item>
        <Form.Item
          label="电子邮箱"
          name="email"
          rules={[
            { type: 'email', message: '电子邮箱格式不正确' },
            { required: Boolean(emailEnabled), message: '开启邮件通知需要填写电子邮箱' },
          ]}
        >
          <Input type="email" autoComplete="email" placeholder="name@example.cn" />
        </Form.Item>
      </Card>
      <Card title="短信" style={{ marginBottom: 16 }}>
        {settings.sms.driver === 'console' && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title="本服务器未接入短信服务商，短信只记入服务器日志。" />
        )}
        <Form.Item label="用短信接收待办通知" name="smsEnabled" valuePropName="checked">
          <Switch aria-label="用短信接收待办通知" />
        </Form.Item>
        <Form.Item
          label="手机号"
          name="mobile"
          extra={settings.sms.accountMobile ? `不填则发到账号手机号 ${settings.sms.accountMobile}` : undefined}
          rules={[
            { pattern: /^1\d{10}$/, message: '手机号应为 11 位数字，以 1 开头' },
            { required: Boolean(smsEnabled) && !settings.sms.accountMobile, message: '开启短信通知需要填写手机号' },
          ]}
        >
          <Input inputMode="numeric" autoComplete="tel" placeholder={settings.sms.accountMobile ?? '13800001111'} />
        </Form.Item>
      </Card>
      <Button type="primary" htmlType="submit" loading={saving}>
        保存
      </Button>
    </Form>
  );
}

/** Each person chooses whether their to-do notices also go out by e-mail or SMS (opt-in per channel). */
export default function NotificationSettingsPage() {
  const settings = useLoad(() => channelSettingsApi.get(), []);
  if (!settings.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <>
      <PageHeader title="通知设置" />
      <Typography.Paragraph type="secondary">
        每条待办通知（例如用章申请、待审核的报表）都会出现在站内「通知」中；在这里开启后，也会同时发到您的邮箱或手机。发送失败会自动重试，不影响办理。
      </Typography.Paragraph>
      <SettingsForm settings={settings.data} onSaved={settings.reload} />
      <Card title="最近的发送记录" style={{ marginTop: 16 }}>
        <List
          dataSource={settings.data.recent}
          locale={{ emptyText: '暂无发送记录' }}
          renderItem={(d) => (
            <List.Item data-testid="delivery">
              <Flex wrap gap={8} align="center" style={{ width: '100%' }}>
                <Tag>{CHANNEL_LABEL[d.channel]}</Tag>
                <Tag color={d.status === 'sent' ? 'green' : 'orange'}>
                  {d.status === 'sent' ? '已发送' : `第 ${d.attempt} 次失败，将重试`}
                </Tag>
                <Typography.Text>{d.subject}</Typography.Text>
                <Typography.Text type="secondary">{formatDateTime(d.at)}</Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
