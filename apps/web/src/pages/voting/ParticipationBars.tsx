import { CheckCircleFilled } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import type { Participation } from '../../api';
import { formatArea, percentOf } from '../../format';

/** One bar: the filled share, a marker at the two-thirds line, and the figures as the server gave them. */
function Bar({
  label,
  value,
  total,
  required,
  missing,
  unit,
  testId,
}: {
  label: string;
  value: string;
  total: string;
  required: string;
  missing: string;
  unit: string;
  testId: string;
}) {
  const filled = percentOf(value, total);
  const line = percentOf(required, total);
  const met = missing === '0' || missing === '0.00';
  return (
    <div style={{ marginBottom: 14 }} data-testid={testId}>
      <Flex justify="space-between" wrap gap={8}>
        <span>
          {label}：<strong data-testid={`${testId}-value`}>{value}</strong> / {total} {unit}
        </span>
        <Typography.Text type={met ? 'success' : 'secondary'}>{met ? '已达三分之二' : `还差 ${missing} ${unit}`}</Typography.Text>
      </Flex>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuenow={filled}
        style={{ position: 'relative', height: 22, background: '#f0f0f0', borderRadius: 11, marginTop: 6, overflow: 'hidden' }}
      >
        <div style={{ width: `${filled}%`, height: '100%', background: met ? '#389e0d' : '#1f5fa8', transition: 'width .4s' }} />
        <div
          title={`三分之二线：${required} ${unit}`}
          style={{ position: 'absolute', top: 0, bottom: 0, left: `${line}%`, borderLeft: '3px dashed #cf1322' }}
        />
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 16 }}>
        红线为三分之二：{required} {unit}
      </Typography.Text>
    </div>
  );
}

/** Live participation per motion against the two-thirds lines (area AND heads), never anyone's choice. */
export function ParticipationBars({ data }: { data: Participation }) {
  return (
    <Card title="参与情况（须面积和人数均达到三分之二以上）" style={{ marginBottom: 16 }} data-testid="participation">
      {data.motions.map((m) => (
        <div key={m.motionId} style={{ marginBottom: 8 }} data-testid="participation-motion">
          <Flex align="center" gap={8} wrap style={{ marginBottom: 8 }}>
            <strong>
              议案 {m.seq}：{m.title}
            </strong>
            {m.met && (
              <Tag color="green" icon={<CheckCircleFilled />}>
                参与已达法定比例
              </Tag>
            )}
            {m.pendingPaper > 0 && <Tag color="orange">待核对纸质票 {m.pendingPaper} 张</Tag>}
          </Flex>
          <Bar
            label="参与面积"
            value={formatArea(m.area)}
            total={formatArea(data.totalArea)}
            required={formatArea(m.requiredArea)}
            missing={formatArea(m.areaMissing)}
            unit="平方米"
            testId={`area-bar-${m.seq}`}
          />
          <Bar
            label="参与人数"
            value={String(m.heads)}
            total={String(data.totalHeadcount)}
            required={String(m.requiredHeads)}
            missing={String(m.headsMissing)}
            unit="人"
            testId={`heads-bar-${m.seq}`}
          />
        </div>
      ))}
    </Card>
  );
}
