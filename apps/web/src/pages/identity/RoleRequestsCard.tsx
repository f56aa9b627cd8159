import { App, Button, Card, Empty, Flex, Input, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { identityApi, type RoleGrantRequest } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatDate, formatDateTime } from '../../format';
import { useSubmit } from '../../hooks/useSubmit';
import { ROLE_LABELS } from '../../labels';

const STATUS: Record<RoleGrantRequest['status'], { text: string; color?: string }> = {
  pending: { text: '待居委会确认', color: 'orange' },
  confirmed: { text: '已确认生效', color: 'green' },
  rejected: { text: '已驳回', color: 'red' },
};

/**
 * Role grants the platform admin asked for once a residents'-committee holder is in office (issue 10 §6). A
 * residents'-committee holder confirms or rejects each (never one granting themselves); everyone else sees the state.
 */
export function RoleRequestsCard({
  communityId,
  requests,
  canDecide,
  myUserId,
  onDecided,
}: {
  communityId: string;
  requests: RoleGrantRequest[];
  canDecide: boolean;
  myUserId: string | undefined;
  onDecided: () => void;
}) {
  const { message } = App.useApp();
  const [rejecting, setRejecting] = useState<RoleGrantRequest | null>(null);
  const [reason, setReason] = useState('');
  const reject = useSubmit(async () => {
    if (!rejecting) return;
    if (!reason.trim()) {
      message.error('请写明驳回理由');
      return;
    }
    await identityApi.rejectRoleRequest(communityId, rejecting.id, reason.trim());
    message.success(`已驳回授予 ${rejecting.displayName}「${ROLE_LABELS[rejecting.role]}」的申请`);
    setRejecting(null);
    setReason('');
    onDecided();
  });
  if (requests.length === 0 && !canDecide) return null;

  return (
    <Card title="角色授予申请" style={{ marginBottom: 16 }} data-testid="role-requests">
      {requests.length === 0 ? (
        <Empty description="没有待确认的角色申请" />
      ) : (
        <List<RoleGrantRequest>
          dataSource={requests}
          renderItem={(r) => {
            const role = ROLE_LABELS[r.role] ?? r.role;
            const own = r.userId === myUserId;
            return (
              <List.Item data-testid="role-request">
                <Flex vertical gap={4} style={{ width: '100%' }}>
                  <Flex justify="space-between" wrap gap={8}>
                    <Typography.Text strong>
                      {r.displayName}：{role}
                    </Typography.Text>
                    <Tag color={STATUS[r.status].color} data-testid="role-request-status">
                      {STATUS[r.status].text}
                    </Tag>
                  </Flex>
                  <Typography.Text type="secondary">
                    {r.requestedByName} 于 {formatDateTime(r.requestedAt)} 申请
                    {r.startsOn ? `，自 ${formatDate(r.startsOn)} 起` : ''}
                    {r.endsOn ? `，至 ${formatDate(r.endsOn)} 止` : ''}
                    {r.decidedByName
                      ? `；${r.decidedByName} 于 ${formatDateTime(r.decidedAt)} ${r.status === 'confirmed' ? '确认' : '驳回'}`
                      : ''}
                    {r.reason ? `，理由：${r.reason}` : ''}
                  </Typography.Text>
                  {canDecide && r.status === 'pending' && !own && (
                    <Flex gap={8} wrap>
                      <ConfirmButton
                        type="primary"
                        data-testid="confirm-role-request"
                        confirmTitle={`确认授予 ${r.displayName}「${role}」？`}
                        consequence={`确认后 ${r.displayName} 即获得本小区「${role}」角色，记入决策记录，并通知本人。请先核对此人确由相应程序产生（如业主大会选举、聘用合同）。`}
                        okText="确认授予"
                        onConfirm={async () => {
                          await identityApi.confirmRoleRequest(communityId, r.id);
                          message.success(`已确认：${r.displayName}「${role}」角色生效`);
                          onDecided();
                        }}
                      >
                        确认
                      </ConfirmButton>
                      <Button danger onClick={() => setRejecting(r)} data-testid="reject-role-request">
                        驳回
                      </Button>
                    </Flex>
                  )}
                  {canDecide && r.status === 'pending' && own && (
                    <Typography.Text type="secondary">授予您本人的角色须由另一位居委会人员确认。</Typography.Text>
                  )}
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
      <Modal
        open={rejecting !== null}
        title="驳回角色申请"
        okText="驳回"
        cancelText="取消"
        okButtonProps={{ danger: true, loading: reject.busy, ...({ 'data-testid': 'reject-submit' } as object) }}
        onOk={() => void reject.run()}
        onCancel={() => setRejecting(null)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          驳回后此申请作废，{rejecting?.displayName} 不会获得「{rejecting ? ROLE_LABELS[rejecting.role] : ''}」角色。
        </Typography.Paragraph>
        <Input.TextArea
          aria-label="驳回理由"
          data-testid="reject-reason"
          placeholder="驳回理由（必填）"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoSize={{ minRows: 3 }}
          maxLength={500}
        />
      </Modal>
    </Card>
  );
}
