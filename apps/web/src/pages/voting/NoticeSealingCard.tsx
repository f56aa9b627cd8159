import { Alert, Button, Card, DatePicker, Flex, Form, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, documentsApi, sealsApi, votingApi, type AssemblyVote, type Seal } from '../../api';
import { custodiansOf, SEAL_NAMES } from '../documents/DocumentSealState';
import { formatDateTime } from '../../format';
import { useLoad } from '../../hooks/useLoad';

/**
 * 待用章: a published notice is public, and its voting period counts, only once both seals are on it. Publishing
 * itself asked for the seals (the system's request); this card only shows which seals are on and who must act —
 * and, when sealing can no longer happen in time, moving the voting window (which asks again by itself).
 */
export function NoticeSealingCard({
  communityId,
  vote,
  noticeDays,
  onChanged,
}: {
  communityId: string;
  vote: AssemblyVote;
  noticeDays: number;
  onChanged: () => void;
}) {
  const state = useLoad(async () => {
    const document = (await documentsApi.list(communityId)).find((d) => d.type === 'assembly_notice' && d.sourceId === vote.id) ?? null;
    const requests = document ? await sealsApi.requests(communityId, { documentId: document.id, status: 'pending' }, true) : [];
    const seals = await sealsApi.list(communityId, true).catch(() => [] as Seal[]);
    return { document, request: requests[0] ?? null, seals };
  }, [communityId, vote.id]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ window: [Dayjs, Dayjs] }>();
  const latest = dayjs(vote.opensAt)
    .subtract(noticeDays + 1, 'day')
    .endOf('day');

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      state.reload();
      onChanged();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '操作失败');
    } finally {
      setBusy(false);
    }
  };

  const request = state.data?.request;
  const document = state.data?.document;
  return (
    <Card title="待用章" style={{ marginBottom: 16 }} data-testid="notice-sealing">
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={`公告须加盖业主大会章和业主委员会章后才算发布（公告日期即用章日期），投票期自用章后才有效。须在投票开始前 ${noticeDays} 日用章，即最迟 ${latest.format('YYYY年M月D日')}；晚于此日用章会被拒绝，须先调整投票时间。`}
      />
      {request ? (
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }} data-testid="notice-seal-state">
          <Typography.Text>
            文书 {request.documentNumber}（{formatDateTime(request.requestedAt)} 申请用章）：
          </Typography.Text>
          {request.requiredSeals.map((k) => (
            <Tag key={k} color={request.appliedSeals.includes(k) ? 'green' : 'orange'}>
              {SEAL_NAMES[k]}
              {request.appliedSeals.includes(k) ? '：已盖' : '：待盖'}
            </Tag>
          ))}
          <Typography.Text type="secondary" data-testid="notice-seal-next">
            申请人：{request.requestedByName}。下一步：
            {request.requiredSeals
              .filter((k) => !request.appliedSeals.includes(k))
              .map((k) => `${SEAL_NAMES[k]}由${custodiansOf(state.data?.seals ?? [], k)}用章`)
              .join('；')}
            （印章保管人在「我的待办」中用章；同一人不能加盖两枚印章）。
          </Typography.Text>
          <Link to={`/c/${communityId}/documents`}>查看文书</Link>
        </Flex>
      ) : (
        state.data && (
          <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
            <Typography.Text>
              {document ? `公告文书 ${document.number} 尚无待处理的用章申请` : '尚未生成公告文书'}
              {state.data.seals.some((s) => s.status === 'active') ? '。' : '：本小区尚未刻制印章，刻制后由系统申请用章。'}
            </Typography.Text>
            <Button
              type="primary"
              data-testid="request-notice-seals"
              loading={busy}
              onClick={() => run(() => votingApi.askNoticeSeals(communityId, vote.id))}
            >
              由系统申请用章
            </Button>
          </Flex>
        )
      )}
      <Form
        form={form}
        layout="inline"
        initialValues={{ window: [dayjs(vote.opensAt), dayjs(vote.closesAt)] }}
        onFinish={({ window }) =>
          run(() => votingApi.reschedule(communityId, vote.id, { opensAt: window[0].format(), closesAt: window[1].format() }))
        }
      >
        <Form.Item name="window" label="调整投票时间" rules={[{ required: true, message: '请选择投票开始和截止时间' }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={busy} data-testid="reschedule-vote">
            调整投票时间
          </Button>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon style={{ marginTop: 12 }} title={error} data-testid="sealing-error" />}
    </Card>
  );
}
