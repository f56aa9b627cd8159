import { App, Button, Card, Empty, Flex, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { votingApi, type Motion, type PendingPaper } from '../../api';
import { formatDateTime } from '../../format';
import { choiceLabel } from './choices';

/** Paper ballots waiting for a second clerk: confirm if the entry matches the paper, else refuse with a reason. */
export function PendingPaperList({
  communityId,
  voteId,
  motions,
  pending,
  userId,
  onChanged,
}: {
  communityId: string;
  voteId: string;
  motions: Motion[];
  pending: PendingPaper[];
  userId: string;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [refusing, setRefusing] = useState<PendingPaper | null>(null);
  const [reason, setReason] = useState('');
  const byId = new Map(motions.map((m) => [m.id, m]));

  const decide = async (p: PendingPaper, confirm: boolean, why?: string) => {
    setBusy(p.receiptCode);
    try {
      await votingApi.confirmPaper(communityId, voteId, p.receiptCode, confirm, why);
      message.success(confirm ? `${p.unitNumbers.join('、')} 的表决票已核对计入` : '已退回，请重新录入');
      setRefusing(null);
      setReason('');
      onChanged();
    } catch {
      // shown by the fetch wrapper
    } finally {
      setBusy(null);
    }
  };

  if (pending.length === 0) return <Empty description="没有待核对的纸质表决票" />;
  return (
    <div data-testid="pending-paper">
      {pending.map((p) => {
        const mine = p.enteredBy === userId;
        return (
          <Card key={p.receiptCode} size="small" style={{ marginBottom: 12 }} data-testid="pending-row">
            <Flex wrap justify="space-between" gap={8}>
              <div>
                <strong style={{ fontSize: 20 }}>{p.unitNumbers.join('、')}</strong>
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  票面编号 {p.paperRef} · 回执码 <span className="gy-mono">{p.receiptCode}</span>
                </Typography.Text>
                <div style={{ margin: '6px 0' }}>
                  {p.choices.map((c) => (
                    <Tag key={c.motionId} color="blue">
                      议案 {c.seq}：{choiceLabel(byId.get(c.motionId), c.choice)}
                    </Tag>
                  ))}
                </div>
                <Typography.Text type="secondary">
                  录入：{p.enteredByName}，{formatDateTime(p.enteredAt)}
                </Typography.Text>
              </div>
              <Space wrap>
                {mine ? (
                  <Typography.Text type="warning">本人录入，须由另一位委员核对</Typography.Text>
                ) : (
                  <>
                    <Button type="primary" loading={busy === p.receiptCode} onClick={() => decide(p, true)} data-testid="confirm-paper">
                      与票面一致，计入
                    </Button>
                    <Button danger onClick={() => setRefusing(p)} data-testid="refuse-paper">
                      不一致，退回
                    </Button>
                  </>
                )}
              </Space>
            </Flex>
          </Card>
        );
      })}
      <Modal
        open={refusing !== null}
        title="退回纸质表决票"
        okText="退回"
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: busy !== null }}
        cancelText="取消"
        onCancel={() => setRefusing(null)}
        onOk={() => refusing && decide(refusing, false, reason.trim())}
      >
        <Typography.Paragraph>请写明录入内容与票面不一致之处：</Typography.Paragraph>
        <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} autoSize={{ minRows: 3 }} data-testid="refuse-reason" />
      </Modal>
    </div>
  );
}
