import { useId, useState } from 'react';
import { ApiError, votingApi, type Receipt } from '../../api';
import { formatDateTime } from '../../format';
import { CHANNEL_LABELS } from '../../labels';
import { Alert, Button, Pairs } from '../../lite/ui';

const STATUS_TEXT: Record<string, string> = { counted: '已计入', pending: '待第二位委员核对', rejected: '已退回' };

/** 核对回执: when and how a ballot was recorded (never the choice). Light markup (owner's ballot page). */
export function ReceiptCheck({ communityId, voteId, initialCode = '' }: { communityId: string; voteId: string; initialCode?: string }) {
  const [code, setCode] = useState(initialCode);
  const [result, setResult] = useState<Receipt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const inputId = useId();

  const check = async (value: string) => {
    const normalised = value.trim().toUpperCase();
    if (!/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(normalised)) {
      setError('回执码格式为 XXXX-XXXX-XXXX');
      setResult(null);
      return;
    }
    setLoading(true);
    setError(null);
    try {
      setResult(await votingApi.receipt(communityId, voteId, normalised));
    } catch (e) {
      setResult(null);
      setError(e instanceof ApiError && e.status === 404 ? '没有找到这个回执码' : e instanceof Error ? e.message : '查询失败');
    } finally {
      setLoading(false);
    }
  };

  return (
    <div data-testid="receipt-check">
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          void check(code);
        }}
        className="gy-l-row"
        style={{ flexWrap: 'nowrap', gap: 8, maxWidth: 480 }}
      >
        <input
          id={inputId}
          className="gy-l-input gy-l-mono"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          aria-label="回执码"
          placeholder="输入回执码，如 AB12-CD34-EF56"
        />
        <Button kind="primary" type="submit" loading={loading}>
          核对
        </Button>
      </form>
      {error && <Alert type="warning" title={error} style={{ marginTop: 12 }} />}
      {result && (
        <div data-testid="receipt-result" style={{ marginTop: 12 }}>
          <Pairs
            items={[
              ['回执码', <span className="gy-l-mono">{result.receiptCode}</span>],
              ['状态', STATUS_TEXT[result.status] ?? result.status],
              ['方式', CHANNEL_LABELS[result.channel] ?? result.channel],
              ['记录时间', formatDateTime(result.castAt)],
              ['议案', result.motions.map((m) => `议案 ${m.seq}：${m.title}`).join('；')],
            ]}
          />
        </div>
      )}
    </div>
  );
}
