import type { RecordCheckpointCheck } from '../../api/types-documents';
import { Alert } from '../../lite/ui';

/** What an uploaded sealed PDF's record checkpoint says about today's decision record. */
export function RecordCheckpointResult({ checks }: { checks?: RecordCheckpointCheck[] }) {
  if (!checks?.length) return null;
  return (
    <>
      {checks.map((c) => (
        <Alert
          key={`${c.seq}-${c.hash}`}
          data-testid="record-checkpoint-result"
          style={{ marginBottom: 12 }}
          type={c.ok ? 'success' : 'error'}
          title={
            c.signature === 'invalid'
              ? c.message
              : c.contained
                ? `文件盖章时的决策记录第 ${c.seq} 条仍在今天的记录中，此前的历史未被改写`
                : c.reason === 'no_such_entry'
                  ? `文件印有决策记录第 ${c.seq} 条，但今天的记录没有这一条：历史已被删改`
                  : `文件印有的决策记录第 ${c.seq} 条与今天的记录不符：该条或之前的历史已被改写`
          }
          description={<span className="gy-l-mono">哈希 {c.hash}</span>}
        />
      ))}
    </>
  );
}
