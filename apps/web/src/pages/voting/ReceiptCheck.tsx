import { Alert, Descriptions, Input } from 'antd';
import { useState } from 'react';
import { ApiError, votingApi, type Receipt } from '../../api';
import { formatDateTime } from '../../format';
import { CHANNEL_LABELS } from '../../labels';

const STATUS_TEXT: Record<string, string> = { counted: '已计入', pending: '待第二位委员核对', rejected: '已退回' };

/** 核对回执: when and how a ballot was recorded (never the choice). */
export function ReceiptCheck({ communityId, voteId, initialCode = '' }: { communityId: string; voteId: string; initialCode?: string }) {
  const [code, setCode] = useState(initialCode);
  const [result, setResult] = useState<Receipt | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

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
      <Input.Search
        value={code}
        onChange={(e) => setCode(e.target.value)}
        placeholder="输入回执码，如 AB12-CD34-EF56"
        enterButton="核对"
        loading={loading}
        onSearch={check}
        className="gy-mono"
        style={{ maxWidth: 480 }}
      />
      {error && <Alert type="warning" showIcon title={error} style={{ marginTop: 12 }} />}
      {result && (
        <Descriptions
          bordered
          size="small"
          column={1}
          style={{ marginTop: 12 }}
          data-testid="receipt-result"
          items={[
            { key: 'code', label: '回执码', children: <span className="gy-mono">{result.receiptCode}</span> },
            { key: 'status', label: '状态', children: STATUS_TEXT[result.status] ?? result.status },
            { key: 'channel', label: '方式', children: CHANNEL_LABELS[result.channel] ?? result.channel },
            { key: 'at', label: '记录时间', children: formatDateTime(result.castAt) },
            { key: 'motions', label: '议案', children: result.motions.map((m) => `议案 ${m.seq}：${m.title}`).join('；') },
          ]}
        />
      )}
    </div>
  );
}
