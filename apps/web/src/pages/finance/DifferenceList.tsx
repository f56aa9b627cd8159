import { Button, Card, Empty, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { formatYuan } from '../../format';

export interface Difference {
  id: string;
  side: 'ledger' | 'bank';
  date: string;
  signedFen: string;
  text: string;
  reference: string | null;
  explanation: string | null;
}

/** Each unmatched item with its explanation, or a field for the bank officer to explain it. */
export function DifferenceList({
  items,
  canExplain,
  onExplain,
}: {
  items: Difference[];
  canExplain: boolean;
  onExplain: (id: string, explanation: string) => Promise<unknown>;
}) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  if (items.length === 0) return <Empty description="没有未匹配的项目" />;
  return (
    <>
      {items.map((d) => (
        <Card key={d.id} size="small" style={{ marginBottom: 10 }} data-testid={`difference-${d.side}`}>
          <Flex wrap justify="space-between" gap={8}>
            <span>
              <Tag color={d.side === 'ledger' ? 'blue' : 'purple'}>{d.side === 'ledger' ? '台账有、银行无' : '银行有、台账无'}</Tag>
              {d.date} · {d.text}
              {d.reference && <Typography.Text type="secondary"> · {d.reference}</Typography.Text>}
            </span>
            <strong className="gy-mono">{formatYuan(d.signedFen)}</strong>
          </Flex>
          {d.explanation ? (
            <Typography.Paragraph style={{ margin: '8px 0 0' }}>
              <Tag color="green">已说明</Tag>
              {d.explanation}
            </Typography.Paragraph>
          ) : canExplain ? (
            <Flex gap={8} style={{ marginTop: 8 }} wrap>
              <Input
                style={{ flex: 1, minWidth: 220 }}
                placeholder="说明差异原因，如 银行手续费，下期入账"
                value={drafts[d.id] ?? ''}
                onChange={(e) => setDrafts((all) => ({ ...all, [d.id]: e.target.value }))}
                data-testid="explanation-input"
              />
              <Button
                type="primary"
                disabled={(drafts[d.id] ?? '').trim().length < 2}
                loading={busy === d.id}
                onClick={async () => {
                  setBusy(d.id);
                  try {
                    await onExplain(d.id, drafts[d.id].trim());
                  } catch {
                    // shown by the fetch wrapper
                  } finally {
                    setBusy(null);
                  }
                }}
                data-testid="explain"
              >
                保存说明
              </Button>
            </Flex>
          ) : (
            <Typography.Text type="warning">尚未说明</Typography.Text>
          )}
        </Card>
      ))}
    </>
  );
}
