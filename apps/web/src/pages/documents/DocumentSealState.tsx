import { Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { sealsApi, type Seal, type SealKind, type SealRequest } from '../../api';
import { formatDateTime } from '../../format';
import { useLoad } from '../../hooks/useLoad';

export const SEAL_NAMES: Record<SealKind, string> = { assembly: '业主大会章', committee: '业主委员会章' };

/** Who may apply a seal: its active custodians holding a key (any of them; never one person both seals). */
export function custodiansOf(seals: Seal[], kind: SealKind): string {
  const seal = seals.find((s) => s.kind === kind && s.status === 'active');
  const names = (seal?.custodians ?? []).filter((c) => c.active && c.hasKey).map((c) => c.displayName);
  return names.length ? names.join('、') : '（尚无可用章的保管人）';
}

/** The request that speaks for the document now: the open one, else the latest closed one. */
function current(requests: SealRequest[]): SealRequest | null {
  const pending = requests.find((r) => r.status === 'pending');
  if (pending) return pending;
  return [...requests].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt))[0] ?? null;
}

/**
 * Which seals a document needs, which are on it and who keeps the missing ones — the one place pages show a
 * document's sealing (the notice, the preliminary result, the final announcement). Staff only: the seal requests
 * are not public, so for anyone else it shows nothing.
 */
export function DocumentSealState({ communityId, documentId, label }: { communityId: string; documentId: string; label: string }) {
  const state = useLoad(async () => {
    const requests = await sealsApi.requests(communityId, { documentId }, true).catch(() => null);
    const seals = requests ? await sealsApi.list(communityId, true).catch(() => [] as Seal[]) : [];
    return { request: requests ? current(requests) : null, known: requests !== null, seals };
  }, [communityId, documentId]);
  if (!state.data?.known) return null;
  const { request, seals } = state.data;
  if (!request)
    return (
      <Typography.Paragraph type="secondary" data-testid="document-seal-state">
        {label}：尚未申请用章。
      </Typography.Paragraph>
    );
  const missing = request.requiredSeals.filter((k) => !request.appliedSeals.includes(k));
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="document-seal-state">
      <Typography.Text>
        {label} {request.documentNumber}（{formatDateTime(request.requestedAt)} 申请用章）须加盖：
      </Typography.Text>
      {request.requiredSeals.map((k) => (
        <Tag key={k} color={request.appliedSeals.includes(k) ? 'green' : 'orange'} data-testid={`seal-${k}`}>
          {SEAL_NAMES[k]}
          {request.appliedSeals.includes(k) ? '：已盖' : request.status === 'refused' ? '：已拒绝' : '：待盖'}
        </Tag>
      ))}
      <Typography.Text type="secondary" data-testid="document-seal-next">
        {request.status === 'refused'
          ? '用章申请已被拒绝，须重新申请。'
          : missing.length === 0
            ? `用章完毕${request.closedAt ? `（${formatDateTime(request.closedAt)}）` : ''}。`
            : `申请人：${request.requestedByName}。下一步：${missing
                .map((k) => `${SEAL_NAMES[k]}由${custodiansOf(seals, k)}用章`)
                .join('；')}（印章保管人在「我的待办」中用章；同一人不能加盖两枚印章）。`}
      </Typography.Text>
      <Link to={`/c/${communityId}/documents`}>查看文书</Link>
    </Flex>
  );
}
