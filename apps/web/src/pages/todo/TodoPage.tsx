import { CheckCircleOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { todoApi, type TodoItem, type TodoKind } from '../../api';
import { useLoad } from '../../hooks/useLoad';
import { useSubmit } from '../../hooks/useSubmit';
import { PageHeader } from '../../layout/PageHeader';
import { useCommunity } from '../../session/useCommunity';

const KIND_LABELS: Record<TodoKind, string> = {
  prediscussion: '支部先议',
  committee_stage: '议题办理',
  execution: '物业执行',
  seal_request: '用章',
  statement_review: '报表审核',
  statement_publish: '报表公示',
  paper_ballot: '纸质票核对',
  vote_draft: '表决公告',
  open_vote: '投票',
  upcoming_vote: '即将投票',
  objection_window: '异议期',
  vote_objection_window: '询异期',
  vote_objection: '异议答复',
  vote_final: '结果公告',
  vendor_bid: '投标',
  proxy: '委托核对',
  minutes_confirm: '纪要确认',
  minutes_paper: '纸面签字核对',
  minutes_objection: '纪要修改',
  rectification: '整改事项',
  rectification_overdue: '整改逾期',
  rectification_acceptance: '整改验收',
  request_escalated: '诉求督办',
  request_dispatch: '诉求派单',
  request_assigned: '诉求办理',
  request_rate: '诉求评价',
  reception_write_off: '接待日销号',
  role_request: '角色确认',
  register_facts: '核验信息',
  owner_letter: '公告信件',
  custody_confirm: '保管人确认',
  custody_vacant: '指定保管人',
  notification: '通知',
};

function TaskCard({ item }: { item: TodoItem }) {
  return (
    <Card style={{ marginBottom: 12 }} data-testid="todo-item">
      <Flex justify="space-between" align="flex-start" wrap gap={8}>
        <div style={{ minWidth: 0, flex: '1 1 260px' }}>
          <Tag color="blue">{KIND_LABELS[item.kind]}</Tag>
          <Typography.Title level={4} style={{ margin: '8px 0', overflowWrap: 'anywhere' }}>
            {item.title}
          </Typography.Title>
          {item.detail && <Typography.Paragraph style={{ marginBottom: 4, overflowWrap: 'anywhere' }}>{item.detail}</Typography.Paragraph>}
          <Typography.Text type="secondary">
            {item.atText && `${item.atText}`}
            {item.dueText && ` · 截止：${item.dueText}`}
          </Typography.Text>
        </div>
        <Link to={item.link}>
          <Button type={item.kind === 'notification' ? 'default' : 'primary'}>
            {item.kind === 'notification' ? '查看' : item.kind === 'owner_letter' ? '去阅读' : '去办理'}
          </Button>
        </Link>
      </Flex>
    </Card>
  );
}

/** 我的待办: everything that waits for this person here, each with a link to the page where it is done. */
export default function TodoPage() {
  const { communityId } = useCommunity();
  const list = useLoad(() => todoApi.list(communityId), [communityId]);
  const markRead = useSubmit(async () => {
    await todoApi.markNotificationsRead(communityId);
    list.reload();
  });
  if (list.failed) return <Empty description="待办事项暂时无法加载，请稍后刷新" />;
  if (!list.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const tasks = list.data.items.filter((i) => i.kind !== 'notification');
  const unread = list.data.items.filter((i) => i.kind === 'notification');
  return (
    <>
      <PageHeader title={`我的待办（${list.data.count}）`} />
      {list.data.count === 0 && (
        <Card>
          <Empty image={<CheckCircleOutlined style={{ fontSize: 48, color: '#389e0d' }} />} description="目前没有等待您处理的事项" />
        </Card>
      )}
      {tasks.length > 0 && (
        <section aria-label="待办事项">
          {tasks.map((item) => (
            <TaskCard key={`${item.kind}-${item.link}-${item.title}`} item={item} />
          ))}
        </section>
      )}
      {unread.length > 0 && (
        <section aria-label="未读通知">
          <Flex justify="space-between" align="center" wrap gap={8} style={{ margin: '16px 0 8px' }}>
            <Typography.Title level={3} style={{ margin: 0 }}>
              未读通知（{unread.length}）
            </Typography.Title>
            <Button onClick={markRead.run} loading={markRead.busy} disabled={markRead.busy}>
              全部标为已读
            </Button>
          </Flex>
          {unread.map((item, i) => (
            <TaskCard key={`n-${i}`} item={item} />
          ))}
        </section>
      )}
    </>
  );
}
