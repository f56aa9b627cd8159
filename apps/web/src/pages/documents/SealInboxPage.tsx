import { Alert, Button, Card, Empty, Flex, Input, Modal, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { sealsApi, type SealKind, type SealRequest, type SealRequestDetail } from '../../api';
import { documentsApi } from '../../api';
import { formatDateTime } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { SEAL_KIND_LABELS, SEAL_REQUEST_STATUS_COLORS, SEAL_REQUEST_STATUS_LABELS } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { useCommunity } from '../../session/useCommunity';
import { PdfPreviewButton } from './PdfPreview';
import { SetSealPinCard } from './SetSealPinCard';

/** 用章待办: the seal requests waiting for a seal the signed-in custodian keeps; preview, apply or refuse. */
export default function SealInboxPage() {
  const { communityId, userId } = useCommunity();
  const requests = useLoad(() => sealsApi.requests(communityId), [communityId]);
  const seals = useLoad(() => sealsApi.list(communityId, true), [communityId]);
  const [busy, setBusy] = useState<string>();
  const [refusing, setRefusing] = useState<{ request: SealRequest; kind: SealKind }>();
  const [reason, setReason] = useState('');
  const [sealing, setSealing] = useState<{ request: SealRequest; kind: SealKind }>();
  const [pin, setPin] = useState('');
  const myPin = useLoad(() => sealsApi.myPin(communityId), [communityId]);

  if (!requests.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const kept = new Set(
    (seals.data ?? []).filter((s) => s.status === 'active' && s.custodians.some((c) => c.active && c.userId === userId)).map((s) => s.kind),
  );
  const pending = requests.data.filter((r) => r.status === 'pending');
  const closed = requests.data.filter((r) => r.status !== 'pending').slice(0, 10);

  // Applying a seal asks for the custodian's own seal PIN: only it opens the seal key (电子签名法第十三条).
  const apply = async () => {
    if (!sealing) return;
    const { request: r, kind } = sealing;
    setBusy(`${r.id}-${kind}`);
    try {
      await sealsApi.apply(communityId, r.id, kind, pin);
      setSealing(undefined);
      setPin('');
      requests.reload();
    } catch {
      // the server's reason is shown by the wrapper (e.g. one may not seal one's own request)
    } finally {
      setBusy(undefined);
    }
  };

  const refuse = async () => {
    if (!refusing) return;
    await sealsApi.refuse(communityId, refusing.request.id, refusing.kind, reason.trim());
    setRefusing(undefined);
    setReason('');
    requests.reload();
  };

  return (
    <>
      <PageHeader title="用章待办" />
      <Typography.Paragraph type="secondary">
        用章前请先预览文书，核对内容与所依据的决定是否一致。用章即以印章数字证书签署 PDF；拒绝用章须写明理由，并记入用章登记。
      </Typography.Paragraph>
      {myPin.data && !myPin.data.pinSet && kept.size > 0 && <SetSealPinCard communityId={communityId} onDone={myPin.reload} />}
      {seals.data && kept.size === 0 && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="您目前不是任何在用印章的保管人，只能查看。" />
      )}
      {pending.length === 0 && (
        <Card>
          <Empty description="目前没有待用章的申请" />
        </Card>
      )}
      {pending.map((r) => (
        <Card
          key={r.id}
          style={{ marginBottom: 16 }}
          data-testid="seal-request"
          title={<span style={{ whiteSpace: 'normal' }}>{r.documentTitle}</span>}
          extra={<Tag color={SEAL_REQUEST_STATUS_COLORS[r.status]}>{SEAL_REQUEST_STATUS_LABELS[r.status]}</Tag>}
        >
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            文书编号：<Typography.Text strong>{r.documentNumber}</Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph style={{ marginBottom: 8 }}>用章依据：{r.decision}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            申请人 {r.requestedByName} · {formatDateTime(r.requestedAt)}
          </Typography.Paragraph>
          <Space wrap style={{ marginBottom: 12 }}>
            {r.requiredSeals.map((k) => (
              <Tag key={k} color={r.appliedSeals.includes(k) ? 'green' : 'default'} data-testid={`seal-state-${k}`}>
                {SEAL_KIND_LABELS[k]}：{r.appliedSeals.includes(k) ? '已盖' : '待盖'}
              </Tag>
            ))}
          </Space>
          <Flex wrap gap={12}>
            <PdfPreviewButton path={documentsApi.previewPath(communityId, r.documentId)} label="预览草稿" testId="preview-draft" />
            {r.requiredSeals
              .filter((k) => !r.appliedSeals.includes(k) && (kept.has(k) || !seals.data))
              .map((k) => (
                <Flex key={k} gap={12} wrap>
                  <Button
                    type="primary"
                    loading={busy === `${r.id}-${k}`}
                    onClick={() => setSealing({ request: r, kind: k })}
                    data-testid={`apply-${k}`}
                  >
                    加盖{SEAL_KIND_LABELS[k]}
                  </Button>
                  <Button danger onClick={() => setRefusing({ request: r, kind: k })} data-testid={`refuse-${k}`}>
                    拒绝用章
                  </Button>
                </Flex>
              ))}
          </Flex>
        </Card>
      ))}
      {closed.length > 0 && (
        <Card title="最近办结" data-testid="closed-requests">
          {closed.map((r) => (
            <ClosedRequest key={r.id} communityId={communityId} request={r} />
          ))}
        </Card>
      )}
      <Modal
        open={!!sealing}
        title={sealing ? `加盖${SEAL_KIND_LABELS[sealing.kind]}` : ''}
        okText="确认用章"
        okButtonProps={{ disabled: pin.length < 8, loading: !!busy }}
        cancelText="取消"
        onOk={apply}
        onCancel={() => setSealing(undefined)}
        destroyOnHidden
      >
        {sealing && (
          // Applying a seal is irreversible: say what it does before the custodian enters the PIN.
          <div data-testid="confirm-consequence">
            <p>
              将用{SEAL_KIND_LABELS[sealing.kind]}对文书 {sealing.request.documentNumber ?? ''}「{sealing.request.documentTitle ?? ''}
              」进行数字签名，并记入用章登记和决策记录。盖章后文书内容不能再更改。
            </p>
            <p style={{ marginTop: 8, fontWeight: 600 }}>此操作不能撤销。</p>
          </div>
        )}
        <Typography.Paragraph>
          请输入您本人的用章密码。平台不保存可以代您用章的密钥，忘记密码须由其他保管人交接或刻制新一届印章。
        </Typography.Paragraph>
        <Input.Password
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          aria-label="用章密码"
          data-testid="seal-pin"
          autoComplete="off"
        />
      </Modal>
      <Modal
        open={!!refusing}
        title={refusing ? `拒绝加盖${SEAL_KIND_LABELS[refusing.kind]}` : ''}
        okText="确认拒绝"
        okButtonProps={{ danger: true, disabled: reason.trim().length < 2 }}
        cancelText="取消"
        onOk={refuse}
        onCancel={() => setRefusing(undefined)}
      >
        <Typography.Paragraph>请写明拒绝的理由（至少 2 个字），申请人和用章登记都会看到。</Typography.Paragraph>
        <Input.TextArea
          rows={4}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-label="拒绝理由"
          data-testid="refusal-reason"
        />
      </Modal>
    </>
  );
}

/** A closed request: which custodian applied or refused which seal, when and why (GET …/seal-requests/{id}). */
function ClosedRequest({ communityId, request: r }: { communityId: string; request: SealRequest }) {
  const [detail, setDetail] = useState<SealRequestDetail | null>(null);
  const [loading, setLoading] = useState(false);
  const show = async () => {
    setLoading(true);
    try {
      setDetail(await sealsApi.request(communityId, r.id));
    } catch {
      // shown by the wrapper
    } finally {
      setLoading(false);
    }
  };
  return (
    <div style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="closed-request">
      <Flex wrap gap={8} justify="space-between" align="center">
        <span>
          {r.documentNumber} {r.documentTitle}
        </span>
        <Space wrap>
          <Tag color={SEAL_REQUEST_STATUS_COLORS[r.status]}>{SEAL_REQUEST_STATUS_LABELS[r.status]}</Tag>
          {!detail && (
            <Button size="small" loading={loading} onClick={() => void show()} data-testid="closed-request-log">
              用章经过
            </Button>
          )}
        </Space>
      </Flex>
      {detail && (
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0' }}>
          用章依据：{detail.decision}；申请人 {detail.requestedByName}（{formatDateTime(detail.requestedAt)}）
          {detail.log.map((e) => (
            <span key={e.id} style={{ display: 'block' }}>
              {formatDateTime(e.usedAt)} {e.custodianName}
              {e.outcome === 'applied' ? `加盖${SEAL_KIND_LABELS[e.sealKind]}` : `拒绝加盖${SEAL_KIND_LABELS[e.sealKind]}：${e.reason}`}
            </span>
          ))}
        </Typography.Paragraph>
      )}
    </div>
  );
}
