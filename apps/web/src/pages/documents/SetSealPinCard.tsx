import { Button, Card, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { sealsApi } from '../../api';

/** A custodian sets their own seal PIN; the seal keys they keep are then protected by it alone. */
export function SetSealPinCard({ communityId, onDone }: { communityId: string; onDone: () => void }) {
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await sealsApi.setPin(communityId, pin);
      setPin('');
      setAgain('');
      onDone();
    } catch {
      // the wrapper shows the server's reason
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="设置用章密码" style={{ marginBottom: 16 }} data-testid="set-seal-pin">
      <Typography.Paragraph>
        您是印章保管人。请设置只有您知道的用章密码（至少 8 个字符）：印章密钥只以此密码保护，平台运营方也无法代您用章。
      </Typography.Paragraph>
      <Flex vertical gap={12} style={{ maxWidth: 360 }}>
        <Input.Password
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          aria-label="新用章密码"
          data-testid="new-seal-pin"
          autoComplete="new-password"
        />
        <Input.Password
          value={again}
          onChange={(e) => setAgain(e.target.value)}
          aria-label="再次输入用章密码"
          data-testid="new-seal-pin-again"
          autoComplete="new-password"
        />
        {again.length > 0 && again !== pin && <Typography.Text type="danger">两次输入的密码不一致</Typography.Text>}
        <Button
          type="primary"
          disabled={pin.length < 8 || pin !== again}
          loading={busy}
          onClick={() => void save()}
          data-testid="save-seal-pin"
        >
          保存用章密码
        </Button>
      </Flex>
    </Card>
  );
}
