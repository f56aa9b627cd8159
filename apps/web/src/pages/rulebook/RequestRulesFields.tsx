import { Form, InputNumber, Select, Table, Typography } from 'antd';
import type { RulebookVersion } from '../../api';

export type RequestRule = NonNullable<RulebookVersion['settings']['requestRules']>[number];

const KIND = { fix: '办结', plan: '给出方案' } as const;

/** 30 → 30 分钟, 120 → 2 小时, 2880 → 2 天: how the rule is said to residents. */
export function span(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} 天`;
  if (minutes % 60 === 0) return `${minutes / 60} 小时`;
  return `${minutes} 分钟`;
}

export const ruleSentence = (r: RequestRule) => `${span(r.acceptMinutes)}内接单，${span(r.resolveMinutes)}内${KIND[r.resolveKind]}`;

/** The response times in force (接诉即办, default 52022), one line per request category. */
export function RequestRulesTable({ rules }: { rules: RequestRule[] }) {
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="category"
      data-testid="request-rules"
      dataSource={rules}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: '诉求类别', dataIndex: 'label' },
        { title: '响应时限', render: (_: unknown, r: RequestRule) => ruleSentence(r) },
      ]}
    />
  );
}

/**
 * The draft form's part for 接诉即办 time limits: per category the minutes to accept and to resolve, and whether
 * resolving means fixing it or giving a plan. Field `requestRules` of the surrounding Form (initial: the rules in force).
 */
export function RequestRulesFields({ rules }: { rules: RequestRule[] }) {
  return (
    <>
      <Typography.Paragraph type="secondary">
        接诉即办时限（默认「52022」：5 分钟内接单到场，小问题 20 分钟内解决，复杂问题 2 天内给出方案）。修改后随草案一并表决。
      </Typography.Paragraph>
      <Form.List name="requestRules">
        {(fields) =>
          fields.map((field) => (
            <div
              key={field.key}
              style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'baseline' }}
              data-testid="request-rule-row"
            >
              <Typography.Text strong style={{ minWidth: 140 }}>
                {rules[field.name]?.label}
              </Typography.Text>
              <Form.Item name={[field.name, 'acceptMinutes']} label="接单（分钟）" rules={[{ required: true, message: '请填写接单时限' }]}>
                <InputNumber min={1} max={10080} precision={0} aria-label={`${rules[field.name]?.label}接单时限（分钟）`} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'resolveMinutes']}
                label="办结/方案（分钟）"
                rules={[{ required: true, message: '请填写办结时限' }]}
              >
                <InputNumber min={1} max={43200} precision={0} aria-label={`${rules[field.name]?.label}办结时限（分钟）`} />
              </Form.Item>
              <Form.Item name={[field.name, 'resolveKind']} label="时限内须">
                <Select
                  style={{ width: 120 }}
                  aria-label={`${rules[field.name]?.label}时限内须`}
                  options={Object.entries(KIND).map(([value, label]) => ({ value, label }))}
                />
              </Form.Item>
            </div>
          ))
        }
      </Form.List>
    </>
  );
}
