import { useState } from 'react';
import { checkpointsApi } from '../../api/checkpoints';
import type { RecordCheckpointCheck } from '../../api/types-documents';
import { useSubmit } from '../../hooks/useSubmit';
import { Alert, Button, FileButton } from '../../lite/ui';

interface Head {
  seq: string;
  hash: string;
  /** From the downloaded file: the server checks the root key's signature over the head. */
  signedAt?: string;
  signature?: string;
}

/**
 * The heads in what a person kept: the downloaded checkpoint file ({checkpoints: […]}) or one {seq, hash},
 * with signedAt and signature when the file has them.
 */
export function headsIn(text: string): Head[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const isHead = (v: unknown): v is Head =>
    typeof v === 'object' && v !== null && typeof (v as Head).seq === 'string' && typeof (v as Head).hash === 'string';
  const list = (parsed as { checkpoints?: unknown })?.checkpoints;
  const pick = ({ seq, hash, signedAt, signature }: Head): Head => ({
    seq,
    hash,
    ...(typeof signedAt === 'string' ? { signedAt } : {}),
    ...(typeof signature === 'string' ? { signature } : {}),
  });
  if (Array.isArray(list)) return list.filter(isHead).map(pick);
  return isHead(parsed) ? [pick(parsed)] : null;
}

/** 核对留存的检查点: paste or open a kept checkpoint (JSON); each head is checked against today's record. */
export function CheckKeptCheckpoint({ communityId }: { communityId: string }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checks, setChecks] = useState<RecordCheckpointCheck[]>([]);
  const check = useSubmit(async () => {
    setChecks([]);
    const heads = headsIn(text);
    if (!heads?.length) {
      setError('无法读取：请粘贴下载的检查点文件（JSON），或含 seq 与 hash 的一条记录头');
      return;
    }
    setError(null);
    const results: RecordCheckpointCheck[] = [];
    for (const head of heads.slice(-20)) {
      results.push(await checkpointsApi.check(communityId, head));
    }
    setChecks(results);
  });
  return (
    <div data-testid="check-kept-checkpoint" style={{ marginTop: 16 }}>
      <label htmlFor={`kept-${communityId}`}>
        <strong>核对留存的检查点</strong>
      </label>
      <textarea
        id={`kept-${communityId}`}
        className="gy-l-input"
        rows={3}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder='粘贴检查点文件内容，或 {"seq": "42", "hash": "…"}'
        aria-label="留存的检查点（JSON）"
        style={{ margin: '8px 0' }}
      />
      <div className="gy-l-row" style={{ gap: 8 }}>
        <FileButton accept=".json,application/json" onFile={(file) => void file.text().then(setText)}>
          打开文件
        </FileButton>
        <Button kind="primary" onClick={() => void check.run()} loading={check.busy} disabled={!text.trim()}>
          核对
        </Button>
      </div>
      {error && <Alert type="error" title={error} style={{ marginTop: 12 }} />}
      {checks.map((c) => (
        <Alert
          key={`${c.seq}-${c.hash}`}
          data-testid="kept-checkpoint-result"
          style={{ marginTop: 12 }}
          type={c.ok ? 'success' : 'error'}
          title={c.message}
          description={<span className="gy-l-mono">哈希 {c.hash}</span>}
        />
      ))}
    </div>
  );
}
