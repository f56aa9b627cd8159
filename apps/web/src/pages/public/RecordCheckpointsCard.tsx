import type { ReactNode } from 'react';
import { checkpointsApi } from '../../api/checkpoints';
import { formatDateTime } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { Button, Card, Empty } from '../../lite/ui';
import { CheckKeptCheckpoint } from './CheckKeptCheckpoint';

/**
 * 决策记录检查点: the record's head signed at each sealing or publication. Whoever downloads the file (the
 * residents' committee, any owner) can later prove that history before it was not rewritten. Light markup (it is
 * on the public page); the record page passes its publish button in `publish`, which gets the list's reload.
 */
export function RecordCheckpointsCard({ communityId, publish }: { communityId: string; publish?: (reload: () => void) => ReactNode }) {
  const list = useLoad(() => checkpointsApi.list(communityId), [communityId]);
  const checkpoints = list.data?.checkpoints ?? [];
  return (
    <Card
      title="决策记录检查点"
      data-testid="record-checkpoints"
      extra={
        <div className="gy-l-row">
          {publish?.(list.reload)}
          <Button
            href={`/api/public/communities/${encodeURIComponent(communityId)}/record-checkpoints/download`}
            download
            data-testid="download-checkpoints"
          >
            下载检查点文件
          </Button>
        </div>
      }
    >
      <p className="gy-l-muted">
        每次盖章或发布时，系统用根证书签署决策记录当时的最后一条（序号与哈希），并印在盖章文件页脚。请留存检查点文件或盖章文件： 日后用{' '}
        <code className="gy-l-mono">npm run record:verify -- 小区编号 --checkpoint 文件</code> 或「文件验证」页即可核对历史是否被改写。
      </p>
      {checkpoints.length === 0 ? (
        <Empty description="尚无检查点" />
      ) : (
        checkpoints
          .slice(-5)
          .reverse()
          .map((c) => (
            <div key={`${c.seq}-${c.signedAt}`} className="gy-l-list-item" style={{ padding: '6px 0' }}>
              <strong>决策记录第 {c.seq} 条</strong> · {formatDateTime(c.signedAt)}
              <div className="gy-l-mono" style={{ fontSize: 16 }}>
                哈希 {c.hash}
              </div>
            </div>
          ))
      )}
      <CheckKeptCheckpoint communityId={communityId} />
    </Card>
  );
}
