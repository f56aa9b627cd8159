import { Alert, Button, Card, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { financeApi, type Statement } from '../../api';
import { formatDate } from '../../format';

/**
 * Where the statement stands on its way to the public page, and the next step: audit → the committee requests the
 * committee seal → the custodian seals it in 用章待办 → it is published for the posting period.
 */
export function PublicationCard({
  communityId,
  statement,
  canRequest,
  onChanged,
}: {
  communityId: string;
  statement: Statement;
  canRequest: boolean;
  onChanged: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const s = statement;
  const request = async () => {
    setBusy(true);
    try {
      await financeApi.requestPublication(communityId, s.id);
      onChanged();
    } finally {
      setBusy(false);
    }
  };
  let state: { type: 'info' | 'success' | 'warning'; title: string; next: React.ReactNode };
  if (s.status === 'published') {
    state = {
      type: 'success',
      title: `已公示：${formatDate(s.publishedAt)} 起，公示至 ${formatDate(s.postedUntil)}`,
      next: (
        <Link to={`/p/${communityId}`} data-testid="public-page-link">
          查看小区公示页
        </Link>
      ),
    };
  } else if (s.status === 'approved' && s.documentId) {
    state = {
      type: 'warning',
      title: '已申请业委会章，等待印章保管人盖章',
      next: (
        <span>
          下一步：业委会章保管人在 <Link to={`/c/${communityId}/seal-inbox`}>用章待办</Link> 中核对并盖章，盖章后自动公示。
        </span>
      ),
    };
  } else if (s.status === 'approved') {
    state = {
      type: 'info',
      title: '三方审核已通过，待申请盖章公示',
      next: canRequest ? (
        <Popconfirm
          title="申请盖章公示"
          description="将生成报表 PDF 并申请业委会章；盖章后即在公示页公示，不能再修改。"
          okText="确认申请"
          cancelText="取消"
          onConfirm={request}
        >
          <Button type="primary" loading={busy} data-testid="request-publication">
            申请盖章公示
          </Button>
        </Popconfirm>
      ) : (
        <span>下一步：由业委会成员申请盖章公示。</span>
      ),
    };
  } else if (s.status === 'returned' || s.status === 'superseded') {
    state = {
      type: 'warning',
      title: '审核退回，需修改后重新提交',
      next: <span>下一步：按审核意见更正台账（在当前期间记冲正或调整分录），再重新编制本期报表。</span>,
    };
  } else {
    state = { type: 'info', title: '审核中', next: <span>下一步：按 居委会 → 银行 → 审计机构 的顺序审核，全部通过后申请盖章公示。</span> };
  }
  return (
    <Card title="公示" style={{ marginBottom: 16 }} data-testid="publication-card">
      <Alert
        type={state.type}
        showIcon
        message={<span data-testid="publication-state">{state.title}</span>}
        description={<Space wrap>{state.next}</Space>}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 14 }}>
        已公示的报表不再改动；之后发现的差错以冲正或调整分录记入当前开放期间。
      </Typography.Paragraph>
    </Card>
  );
}
