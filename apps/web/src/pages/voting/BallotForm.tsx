import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import type { Choice, Motion, Receipt } from '../../api';
import { choiceLabel, choiceOptions } from './choices';

/**
 * One clear choice per motion in large buttons, then a confirmation that names every choice and says the ballot
 * cannot be changed, then the cast.
 */
export function BallotForm({
  motions,
  forWhom,
  onCast,
}: {
  motions: Motion[];
  /** Shown in the confirmation, e.g. "本人" or "代 张伟". */
  forWhom: string;
  onCast: (choices: Choice[]) => Promise<Receipt>;
}) {
  const { modal } = App.useApp();
  const [picked, setPicked] = useState<Record<string, string>>({});
  const complete = motions.every((m) => picked[m.id]);

  const confirm = () => {
    modal.confirm({
      title: '确认投票',
      okText: '确认投票',
      cancelText: '再看看',
      okButtonProps: { size: 'large', ...({ 'data-testid': 'confirm-cast' } as Record<string, string>) },
      cancelButtonProps: { size: 'large' },
      content: (
        <div data-testid="cast-confirmation">
          <Typography.Paragraph>
            您将以<strong>{forWhom}</strong>的名义投票：
          </Typography.Paragraph>
          {motions.map((m) => (
            <Typography.Paragraph key={m.id}>
              议案 {m.seq}「{m.title}」：<strong style={{ fontSize: 22 }}>{choiceLabel(m, picked[m.id])}</strong>
            </Typography.Paragraph>
          ))}
          <Typography.Paragraph type="danger" strong style={{ fontSize: 20 }}>
            投票后不可更改。
          </Typography.Paragraph>
        </div>
      ),
      onOk: () => onCast(motions.map((m) => ({ motionId: m.id, choice: picked[m.id] }))).catch(() => undefined),
    });
  };

  return (
    <div data-testid="ballot-form">
      {motions.map((m) => (
        <Card
          key={m.id}
          style={{ marginBottom: 16 }}
          title={
            <span style={{ whiteSpace: 'normal' }}>
              议案 {m.seq}：{m.title}
            </span>
          }
        >
          <Typography.Paragraph
            type="secondary"
            ellipsis={{ rows: 3, expandable: 'collapsible', symbol: (open) => (open ? '收起' : '展开议案全文') }}
            style={{ whiteSpace: 'pre-wrap' }}
          >
            {m.fullText}
          </Typography.Paragraph>
          <Flex vertical gap={10} role="radiogroup" aria-label={`议案 ${m.seq} 的选择`}>
            {choiceOptions(m).map((o) => {
              const selected = picked[m.id] === o.value;
              return (
                <Button
                  key={o.value}
                  role="radio"
                  aria-checked={selected}
                  data-testid={`choice-${m.seq}-${o.value}`}
                  type={selected ? 'primary' : 'default'}
                  icon={selected ? <CheckOutlined /> : undefined}
                  onClick={() => setPicked((p) => ({ ...p, [m.id]: o.value }))}
                  style={{ height: 60, fontSize: 22, justifyContent: 'flex-start', whiteSpace: 'normal', textAlign: 'left' }}
                  block
                >
                  {o.label}
                </Button>
              );
            })}
          </Flex>
        </Card>
      ))}
      <Button type="primary" block disabled={!complete} onClick={confirm} style={{ height: 60, fontSize: 22 }} data-testid="cast-ballot">
        {complete ? '提交投票' : '请先对每项议案作出选择'}
      </Button>
    </div>
  );
}
