import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The centred card of the sign-in pages, readable on a phone. */
export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="gy-auth">
      <Card className="gy-auth-card" variant="borderless" style={{ boxShadow: '0 8px 24px rgba(0,0,0,0.12)' }}>
        <Typography.Title level={2} style={{ textAlign: 'center', marginBottom: 4 }}>
          共议
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          业主委员会议事与决策记录
        </Typography.Paragraph>
        <Typography.Title level={3} style={{ marginTop: 8 }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
    </div>
  );
}
