import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Typography, type TableColumnsType } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { recordApi, type ChainVerdict, type RecordEntry } from '../../api';
import { formatDateTime } from '../../format';
import { RECORD_ACTION_LABELS } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';

const PAGE = 100;

function short(hash: string): string {
  return hash.length > 16 ? `${hash.slice(0, 8)}…${hash.slice(-8)}` : hash;
}

export default function RecordPage() {
  const { communityId = '' } = useParams();
  const [entries, setEntries] = useState<RecordEntry[]>([]);
  const [loading, setLoading] = useState(true);
  const [hasMore, setHasMore] = useState(false);
  const [verdict, setVerdict] = useState<ChainVerdict | null>(null);
  const [verifying, setVerifying] = useState(false);

  const load = useCallback(
    async (after: number, replace: boolean) => {
      setLoading(true);
      try {
        const batch = await recordApi.entries(communityId, after, PAGE);
        setEntries((current) => (replace ? batch : [...current, ...batch]));
        setHasMore(batch.length === PAGE);
      } catch {
        // shown by the fetch wrapper
      } finally {
        setLoading(false);
      }
    },
    [communityId],
  );

  useEffect(() => {
    setVerdict(null);
    void load(0, true);
  }, [load]);

  const verify = async () => {
    setVerifying(true);
    try {
      setVerdict(await recordApi.verify(communityId));
    } catch {
      setVerdict(null);
    } finally {
      setVerifying(false);
    }
  };

  const columns: TableColumnsType<RecordEntry> = [
    { title: '序号', dataIndex: 'seq', width: 80 },
    { title: '时间', dataIndex: 'occurredAt', render: (v: string) => formatDateTime(v) },
    {
      title: '事项',
      dataIndex: 'action',
      render: (action: string) => RECORD_ACTION_LABELS[action] ?? action,
    },
    {
      title: '哈希',
      dataIndex: 'hash',
      responsive: ['md'],
      render: (hash: string) => (
        <Typography.Text className="gy-mono" copyable={{ text: hash, tooltips: ['复制完整哈希', '已复制'] }}>
          {short(hash)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title="决策记录"
        extra={
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verifying} onClick={verify} data-testid="verify-record">
            校验
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">
        每一条记录都包含上一条记录的哈希值，形成一条链；任何一条被改动，校验都会指出第一条出错的记录。
      </Typography.Paragraph>
      {verdict && (
        <Alert
          data-testid="verify-result"
          style={{ marginBottom: 16 }}
          showIcon
          type={verdict.ok ? 'success' : 'error'}
          title={
            verdict.ok
              ? `校验通过：共 ${verdict.checked} 条记录，哈希链完整，未发现篡改。`
              : `校验未通过：第 ${verdict.firstBroken?.seq ?? '?'} 条记录异常`
          }
          description={verdict.ok ? undefined : `已检查 ${verdict.checked} 条。原因：${verdict.firstBroken?.reason ?? '未知'}`}
        />
      )}
      <Card>
        <Table<RecordEntry>
          data-testid="record-table"
          rowKey="id"
          loading={loading}
          columns={columns}
          dataSource={entries}
          pagination={false}
          locale={{ emptyText: '暂无记录' }}
          expandable={{
            expandedRowRender: (e) => (
              <pre className="gy-mono" style={{ whiteSpace: 'pre-wrap', fontSize: 14, margin: 0 }}>
                {JSON.stringify(e.payload, null, 2)}
              </pre>
            ),
          }}
        />
        {hasMore && (
          <Button
            block
            style={{ marginTop: 16 }}
            loading={loading}
            onClick={() => load(Number(entries[entries.length - 1]?.seq ?? 0), false)}
          >
            加载更多
          </Button>
        )}
      </Card>
    </>
  );
}
