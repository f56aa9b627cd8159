import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Flex, Input, InputNumber, Modal, Skeleton, Tag, Typography } from 'antd';
import { saveFile } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useSubmit } from '../../hooks/useSubmit';
import { useState } from 'react';
import { identityApi, sealsApi, type Seal } from '../../api';
import { formatDate, formatDateTime } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { ROLE_LABELS, SEAL_KIND_LABELS } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { COMMITTEE, hasAny } from '../../session/permissions';
import { SealCustody } from './SealCustody';
import { SetSealPinCard } from './SetSealPinCard';
import { useCommunity } from '../../session/useCommunity';

/** 印章管理: the community's seals by term, their certificates and custodians; the director issues and reassigns. */
export default function SealsPage() {
  const { communityId, roles, isAdmin, userId } = useCommunity();
  const director = isAdmin || hasAny(roles, ['committee_director']);
  const isResidents = roles.includes('residents_committee');
  const isCommittee = hasAny(roles, COMMITTEE);
  const staff = roles.some((r) => r !== 'owner' && r !== 'vendor');
  const seals = useLoad(() => sealsApi.list(communityId), [communityId]);
  const people = useLoad(
    () => (director || isResidents || isCommittee ? identityApi.roles(communityId, true) : Promise.resolve([])),
    [communityId, director, isResidents, isCommittee],
  );
  const myPin = useLoad(async () => (staff ? sealsApi.myPin(communityId) : null), [communityId, staff]);
  const [forgetting, setForgetting] = useState(false);
  const [term, setTerm] = useState<number | null>(null);

  if (!seals.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const latest = Math.max(0, ...seals.data.map((s) => s.term));

  const next = term ?? latest + 1;
  const issue = async () => {
    await sealsApi.issue(communityId, next);
    setTerm(null);
    seals.reload();
  };

  const forget = async () => {
    try {
      await sealsApi.resetPin(communityId);
      myPin.reload();
      seals.reload();
    } catch {
      // shown by the wrapper
    } finally {
      setForgetting(false);
    }
  };

  const staffOptions = [
    ...new Map((people.data ?? []).filter((r) => r.active && r.role !== 'owner' && r.role !== 'vendor').map((r) => [r.userId, r])).values(),
  ].map((r) => ({ value: r.userId, label: `${r.displayName}（${ROLE_LABELS[r.role]}）` }));

  return (
    <>
      <PageHeader title="印章管理" />
      <Typography.Paragraph type="secondary">
        每届刻制业主大会章与业委会章各一枚，证书由平台根证书签发；刻制新一届时上一届同类印章自动停用。默认保管人：业主大会章由居委会保管，业委会章由业委会主任保管；之后业主大会章保管人由居委会指定，业委会章保管人须由两名委员决定，同一人不能同时保管两枚印章。印章密钥只以保管人本人的用章密码保护，刻制前默认保管人须先设置用章密码。
      </Typography.Paragraph>
      {myPin.data && !myPin.data.pinSet && <SetSealPinCard communityId={communityId} onDone={() => (myPin.reload(), seals.reload())} />}
      {myPin.data?.pinSet && (
        <Typography.Paragraph data-testid="seal-pin-set">
          您已设置用章密码。
          <Button type="link" danger onClick={() => setForgetting(true)}>
            忘记用章密码
          </Button>
        </Typography.Paragraph>
      )}
      {director && (
        <Card style={{ marginBottom: 16 }} title="刻制印章">
          <Flex wrap gap={12} align="center">
            <span>第</span>
            <InputNumber
              min={1}
              max={99}
              value={term ?? latest + 1}
              onChange={(v) => setTerm(v)}
              aria-label="届别"
              data-testid="seal-term"
            />
            <span>届</span>
            <ConfirmButton
              type="primary"
              data-testid="issue-seals"
              confirmTitle={`刻制第 ${next} 届印章？`}
              okText="确认刻制"
              consequence={
                <p>
                  将刻制第 {next} 届业主大会章与业委会章各一枚，并签发证书。
                  {latest > 0 ? `第 ${latest} 届的在用印章将同时停用，之后不能再用于用章。` : ''}
                </p>
              }
              onConfirm={issue}
            >
              刻制两枚印章
            </ConfirmButton>
          </Flex>
        </Card>
      )}
      {seals.data.length === 0 && (
        <Card>
          <Empty description="尚未刻制印章" />
        </Card>
      )}
      {seals.data.map((s) => (
        <Card
          key={s.id}
          style={{ marginBottom: 16 }}
          data-testid="seal"
          title={<span style={{ whiteSpace: 'normal' }}>{s.commonName}</span>}
          extra={<Tag color={s.status === 'active' ? 'green' : 'default'}>{s.status === 'active' ? '在用' : '已停用'}</Tag>}
        >
          <Descriptions column={1} size="small">
            <Descriptions.Item label="印章">
              {SEAL_KIND_LABELS[s.kind]} · 第 {s.term} 届
            </Descriptions.Item>
            <Descriptions.Item label="有效期">
              {formatDate(s.notBefore)} 至 {formatDate(s.notAfter)}
            </Descriptions.Item>
            <Descriptions.Item label="刻制时间">{formatDateTime(s.issuedAt)}</Descriptions.Item>
            <Descriptions.Item label="证书指纹">
              <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
                {s.fingerprint}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="保管人">
              <span data-testid="custodians">
                {s.custodians
                  .filter((c) => c.active)
                  .map((c) => c.displayName)
                  .join('、') || '—'}
              </span>
            </Descriptions.Item>
            {s.retireReason && <Descriptions.Item label="停用原因">{s.retireReason}</Descriptions.Item>}
          </Descriptions>
          <SealCustody
            communityId={communityId}
            seal={s}
            userId={userId}
            isResidents={isResidents}
            isCommittee={isCommittee}
            staffOptions={staffOptions}
            onChanged={seals.reload}
          />
          <CertificateButton communityId={communityId} sealId={s.id} />
          {director && s.status === 'active' && <RetireSeal communityId={communityId} seal={s} onRetired={seals.reload} />}
        </Card>
      ))}
      <Modal
        open={forgetting}
        title="忘记用章密码"
        okText="作废我的密码和密钥副本"
        okButtonProps={{ danger: true }}
        cancelText="取消"
        onOk={() => void forget()}
        onCancel={() => setForgetting(false)}
      >
        平台无法找回用章密码。作废后，您持有的印章密钥副本随之作废（记入决策记录）；须重新设置密码，再由其他保管人交接，或刻制新一届印章。
      </Modal>
    </>
  );
}

/** 印章证书: the seal's certificate (PEM), to check a signed PDF with any tool. */
function CertificateButton({ communityId, sealId }: { communityId: string; sealId: string }) {
  const download = useSubmit(async () => saveFile(await sealsApi.certificate(communityId, sealId)));
  return (
    <Button
      style={{ marginTop: 12, marginInlineEnd: 8 }}
      icon={<DownloadOutlined />}
      loading={download.busy}
      onClick={() => void download.run()}
    >
      下载印章证书
    </Button>
  );
}

/**
 * 停用印章 (the director, e.g. a seal lost or its custodian gone without a handover): the reason goes into the
 * decision record and onto the seal; a retired seal seals nothing more and cannot be put back into use.
 */
function RetireSeal({ communityId, seal, onRetired }: { communityId: string; seal: Seal; onRetired: () => void }) {
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Button danger style={{ marginTop: 12 }} onClick={() => setOpen(true)} data-testid="retire-seal-open">
        停用此印章
      </Button>
    );
  return (
    <Flex vertical gap={8} style={{ marginTop: 12 }} data-testid="retire-seal">
      <Input.TextArea
        rows={2}
        maxLength={500}
        showCount
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder="停用原因，如：印章密钥保管人离任且无法交接"
        aria-label="停用原因"
        data-testid="retire-seal-reason"
      />
      <Flex gap={8} wrap>
        <ConfirmButton
          danger
          type="primary"
          disabled={reason.trim().length < 2}
          data-testid="retire-seal-submit"
          confirmTitle={`停用${SEAL_KIND_LABELS[seal.kind]}（第 ${seal.term} 届）？`}
          okText="停用"
          consequence={
            <p>
              停用后此印章不能再用于用章，证书同时吊销，原因记入决策记录；停用前加盖且有可信时间的文书仍验证有效。须再用此类印章时，请刻制新一届印章。
            </p>
          }
          onConfirm={async () => {
            await sealsApi.retire(communityId, seal.id, reason.trim());
            setOpen(false);
            setReason('');
            onRetired();
          }}
        >
          确认停用
        </ConfirmButton>
        <Button onClick={() => setOpen(false)}>取消</Button>
      </Flex>
    </Flex>
  );
}
