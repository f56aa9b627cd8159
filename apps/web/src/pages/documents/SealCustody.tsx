import { App, Button, Flex, Input, Modal, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { sealsApi, type CustodyProposal, type Seal } from '../../api';
import { formatDateTime } from '../../format';
import { useLoad } from '../../hooks/useLoad';

type Option = { value: string; label: string };

/**
 * Who keeps one seal and how that changes: the residents' committee appoints the assembly seal's custodians; the
 * committee seal's are a committee decision recorded by two members (one proposes, another confirms). A custodian
 * who holds the key hands a PIN-protected copy to a co-custodian who has set a PIN.
 */
export function SealCustody({
  communityId,
  seal,
  userId,
  isResidents,
  isCommittee,
  staffOptions,
  onChanged,
}: {
  communityId: string;
  seal: Seal;
  userId: string;
  isResidents: boolean;
  isCommittee: boolean;
  staffOptions: Option[];
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const active = seal.custodians.filter((c) => c.active);
  const committeeSeal = seal.kind === 'committee';
  const proposals = useLoad(
    async (): Promise<CustodyProposal[]> => (committeeSeal && seal.status === 'active' ? sealsApi.proposals(communityId, seal.id) : []),
    [communityId, seal.id, committeeSeal, seal.status],
  );
  const pending = (proposals.data ?? []).find((p) => p.status === 'pending');
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [handing, setHanding] = useState(false);
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const names = new Map(staffOptions.map((o) => [o.value, o.label]));
  const me = active.find((c) => c.userId === userId);
  const waiting = active.filter((c) => !c.hasKey);

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      message.success(done);
      setEditing(false);
      setHanding(false);
      setPin('');
      proposals.reload();
      onChanged();
    } catch {
      // the wrapper shows the server's reason
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    committeeSeal
      ? run(() => sealsApi.propose(communityId, seal.id, chosen, note.trim() || undefined), '已提出，须由另一名委员确认后生效')
      : run(() => sealsApi.setCustodians(communityId, seal.id, chosen), '保管人已指定');

  const canChange = seal.status === 'active' && (committeeSeal ? isCommittee && !pending : isResidents);
  return (
    <div style={{ marginTop: 12 }} data-testid={`custody-${seal.kind}`}>
      <Flex wrap gap={8} style={{ marginBottom: 8 }}>
        {active.map((c) => (
          <Tag key={c.userId} color={c.hasKey ? 'green' : 'orange'} data-testid="custodian-key">
            {c.displayName}：{c.hasKey ? '持有密钥' : '待交接密钥'}
          </Tag>
        ))}
      </Flex>
      {pending && (
        <div data-testid="custody-proposal" style={{ padding: 12, background: '#fffbe6', marginBottom: 8 }}>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            待确认的保管人决定：{pending.userIds.map((u) => names.get(u) ?? u).join('、')}（{pending.proposedByName} 提出，
            {formatDateTime(pending.proposedAt)}
            {pending.note ? `；${pending.note}` : ''}）
          </Typography.Paragraph>
          {isCommittee && pending.proposedBy !== userId ? (
            <Button
              type="primary"
              loading={busy}
              onClick={() => void run(() => sealsApi.confirmProposal(communityId, seal.id, pending.id), '保管人决定已确认生效')}
              data-testid="confirm-custody"
            >
              确认该决定
            </Button>
          ) : (
            <Typography.Text type="secondary">须由另一名业委会委员确认</Typography.Text>
          )}
        </div>
      )}
      <Flex wrap gap={12}>
        {canChange && (
          <Button
            onClick={() => {
              setEditing(true);
              setChosen(active.map((c) => c.userId));
            }}
            data-testid={`appoint-${seal.kind}`}
          >
            {committeeSeal ? '提出保管人（两名委员决定）' : '指定保管人（居委会）'}
          </Button>
        )}
        {me?.hasKey && waiting.length > 0 && seal.status === 'active' && (
          <Button onClick={() => setHanding(true)} data-testid="hand-over">
            向 {waiting.map((w) => w.displayName).join('、')} 交接密钥
          </Button>
        )}
      </Flex>
      <Modal
        open={editing}
        title={committeeSeal ? `提出${seal.commonName}的保管人` : `指定${seal.commonName}的保管人`}
        okText={committeeSeal ? '提出' : '保存'}
        cancelText="取消"
        okButtonProps={{ disabled: chosen.length === 0, loading: busy }}
        onOk={() => void save()}
        onCancel={() => setEditing(false)}
      >
        <Typography.Paragraph>
          {committeeSeal
            ? '业委会章保管人由业委会决定：您提出后，须由另一名委员确认才生效。同一人不能同时保管两枚印章。'
            : '业主大会章保管人由居委会指定。同一人不能同时保管两枚印章。'}
        </Typography.Paragraph>
        <Select mode="multiple" style={{ width: '100%' }} value={chosen} options={staffOptions} onChange={setChosen} aria-label="保管人" />
        {committeeSeal && (
          <Input
            style={{ marginTop: 12 }}
            placeholder="决定的说明，如 业委会第3次会议决定"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={300}
          />
        )}
      </Modal>
      <Modal
        open={handing}
        title="交接印章密钥"
        okText="交接"
        cancelText="取消"
        okButtonProps={{ disabled: pin.length < 8, loading: busy }}
        onOk={() => void run(() => sealsApi.handOver(communityId, seal.id, pin), '密钥已交接')}
        onCancel={() => setHanding(false)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          输入您的用章密码，为已设置用章密码的共同保管人各生成一份只有其本人密码能打开的密钥副本。
        </Typography.Paragraph>
        <Input.Password value={pin} onChange={(e) => setPin(e.target.value)} aria-label="用章密码" autoComplete="off" />
      </Modal>
    </div>
  );
}
