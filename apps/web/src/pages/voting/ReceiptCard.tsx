import { CheckCircleFilled } from '@ant-design/icons';
import { Card, Typography } from 'antd';
import { formatDateTime } from '../../format';
import { CHANNEL_LABELS } from '../../labels';

/** The receipt code, large: the owner keeps it to check later that the ballot was counted. */
export function ReceiptCard({ code, castAt, channel, title }: { code: string; castAt: string; channel: string; title: string }) {
  return (
    <Card style={{ marginBottom: 16, borderColor: '#389e0d', background: '#f6ffed' }} data-testid="receipt">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        <CheckCircleFilled style={{ color: '#389e0d' }} /> {title}
      </Typography.Title>
      <Typography.Paragraph style={{ marginBottom: 4 }}>回执码（请抄下或截图保存）：</Typography.Paragraph>
      <div className="gy-mono" data-testid="receipt-code" style={{ fontSize: 34, fontWeight: 700, letterSpacing: 2, margin: '4px 0 8px' }}>
        {code}
      </div>
      <Typography.Text type="secondary">
        {CHANNEL_LABELS[channel as keyof typeof CHANNEL_LABELS] ?? channel} · {formatDateTime(castAt)} ·
        凭回执码可核对是否计入，但不显示您的选择。
      </Typography.Text>
    </Card>
  );
}
