import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Modal, Typography } from 'antd';
import { copyText } from '../../clipboard';

/** Shows a new account's one-time password exactly once. */
export function OneTimePasswordModal({
  account,
  onClose,
}: {
  account: { displayName: string; login: string; password: string } | null;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  return (
    <Modal
      open={account !== null}
      title="账号已创建"
      onCancel={onClose}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="otp-done">
          我已记下，关闭
        </Button>
      }
    >
      {account && (
        <>
          <Typography.Paragraph>
            {account.displayName} 的登录名：<strong>{account.login}</strong>
          </Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 4 }}>一次性密码：</Typography.Paragraph>
          <Typography.Paragraph className="gy-otp gy-mono" data-testid="one-time-password">
            {account.password}
          </Typography.Paragraph>
          <Button
            icon={<CopyOutlined />}
            onClick={async () =>
              (await copyText(account.password)) ? message.success('已复制') : message.warning('无法自动复制，请手动抄下密码')
            }
            style={{ marginBottom: 16 }}
          >
            复制密码
          </Button>
          <Alert type="warning" showIcon title="此密码只显示这一次。请当面或通过可靠方式交给本人，对方首次登录时需要设置新密码。" />
        </>
      )}
    </Modal>
  );
}
