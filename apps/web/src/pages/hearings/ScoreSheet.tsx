import { Button, Card, Flex, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { hearingsApi, type HearingDetail } from '../../api';

/** 评分表: a sitting panel member scores every opened bid on every criterion (0–100). */
export function ScoreSheet({ communityId, hearing, onSaved }: { communityId: string; hearing: HearingDetail; onSaved: () => void }) {
  const [scores, setScores] = useState<Record<string, number | null>>({});
  const [saving, setSaving] = useState(false);
  const cells = hearing.bids.flatMap((b) => hearing.criteria.map((c) => ({ bidId: b.id, criterion: c.key })));
  const complete = cells.every((c) => typeof scores[`${c.bidId}:${c.criterion}`] === 'number');

  const save = async () => {
    setSaving(true);
    try {
      await hearingsApi.score(
        communityId,
        hearing.id,
        cells.map((c) => ({ ...c, score: scores[`${c.bidId}:${c.criterion}`]! })),
      );
      onSaved();
    } catch {
      // shown by the wrapper
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title="我的评分表" style={{ marginBottom: 16 }} data-testid="score-sheet">
      {hearing.bids.map((b) => (
        <div key={b.id} style={{ marginBottom: 16 }}>
          <Typography.Text strong>{b.vendorName}</Typography.Text>
          <Flex wrap gap={12} style={{ marginTop: 8 }}>
            {hearing.criteria.map((c) => (
              <label key={c.key} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
                {c.label}（权重 {c.weight}）
                <InputNumber
                  min={0}
                  max={100}
                  precision={0}
                  value={scores[`${b.id}:${c.key}`] ?? null}
                  onChange={(v) => setScores((s) => ({ ...s, [`${b.id}:${c.key}`]: v }))}
                  aria-label={`${b.vendorName} ${c.label}`}
                />
              </label>
            ))}
          </Flex>
        </div>
      ))}
      <Button type="primary" disabled={!complete} loading={saving} onClick={() => void save()} data-testid="submit-scores">
        提交评分表
      </Button>
    </Card>
  );
}
