import { Button, Card, Descriptions, Empty, Flex, InputNumber, Modal, Select, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { identityApi, sealsApi, type Seal } from '../../api';
import { formatDate, formatDateTime } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { ROLE_LABELS, SEAL_KIND_LABELS } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';

/** 印章管理: the community's seals by term, their certificates and custodians; the director issues and reassigns. */
export default function SealsPage() {
  const { communityId, roles, isAdmin } = useCommunity();
  const director = isAdmin || hasAny(roles, ['committee_director']);
  const seals = useLoad(() => sealsApi.list(communityId), [communityId]);
  const people = useLoad(() => (director ? identityApi.roles(communityId, true) : Promise.resolve([])), [communityId, director]);
  const [term, setTerm] = useState<number | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [editing, setEditing] = useState<Seal>();
  const [chosen, setChosen] = useState<string[]>([]);

  if (!seals.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const latest = Math.max(0, ...seals.data.map((s) => s.term));

  const issue = async () => {
    setIssuing(true);
    try {
      await sealsApi.issue(communityId, term ?? latest + 1);
      setTerm(null);
      seals.reload();
    } catch {
      // shown by the wrapper
    } finally {
      setIssuing(false);
    }
  };

  const saveCustodians = async () => {
    if (!editing) return;
    await sealsApi.setCustodians(communityId, editing.id, chosen);
    setEditing(undefined);
    seals.reload();
  };

  const staffOptions = [
    ...new Map((people.data ?? []).filter((r) => r.active && r.role !== 'owner' && r.role !== 'vendor').map((r) => [r.userId, r])).values(),
  ].map((r) => ({ value: r.userId, label: `${r.displayName}（${ROLE_LABELS[r.role]}）` }));

  return (
    <>
      <PageHeader title="印章管理" />
      <Typography.Paragraph type="secondary">
        每届刻制业主大会章与业委会章各一枚，证书由平台根证书签发；刻制新一届时上一届同类印章自动停用。默认保管人：业主大会章由居委会保管，业委会章由业委会主任保管。
      </Typography.Paragraph>
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
            <Button type="primary" loading={issuing} onClick={() => void issue()} data-testid="issue-seals">
              刻制两枚印章
            </Button>
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
          {director && s.status === 'active' && (
            <Button
              style={{ marginTop: 12 }}
              onClick={() => {
                setEditing(s);
                setChosen(s.custodians.filter((c) => c.active).map((c) => c.userId));
              }}
            >
              指定保管人
            </Button>
          )}
        </Card>
      ))}
      <Modal
        open={!!editing}
        title={editing ? `${editing.commonName} 的保管人` : ''}
        okText="保存"
        cancelText="取消"
        okButtonProps={{ disabled: chosen.length === 0 }}
        onOk={saveCustodians}
        onCancel={() => setEditing(undefined)}
      >
        <Select mode="multiple" style={{ width: '100%' }} value={chosen} options={staffOptions} onChange={setChosen} aria-label="保管人" />
      </Modal>
    </>
  );
}
