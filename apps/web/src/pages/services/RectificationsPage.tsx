import { Button, Card, DatePicker, Empty, Flex, Form, Input, Radio, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { servicesApi, type RaiseRectification, type RectificationItem } from '../../api/services';
import { useLoad } from '../../hooks/useLoad';
import { useSubmit } from '../../hooks/useSubmit';
import { PageHeader } from '../../layout/PageHeader';
import { COMMITTEE, hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';

const STATUS_COLOR: Record<string, string> = { assigned: 'blue', in_progress: 'gold', submitted: 'purple', accepted: 'green' };

export function RectificationTags({ item }: { item: RectificationItem }) {
  return (
    <Flex gap={4} wrap>
      <Tag color={STATUS_COLOR[item.status]}>{item.statusLabel}</Tag>
      {item.overdue && <Tag color="red">逾期</Tag>}
      <Tag>{item.sourceLabel}</Tag>
    </Flex>
  );
}

/** 整改事项清单: the committee raises items (from a 四方联席 meeting or an inspection); the property company works them. */
export default function RectificationsPage() {
  const { communityId, roles, isAdmin } = useCommunity();
  const navigate = useNavigate();
  const list = useLoad(() => servicesApi.rectifications(communityId), [communityId]);
  const mayRaise = hasAny(roles, [...COMMITTEE, 'party_secretary', 'residents_committee']);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const raise = useSubmit(async (values: Omit<RaiseRectification, 'dueOn'> & { due: dayjs.Dayjs }) => {
    const { due, ...rest } = values;
    const created = await servicesApi.raise(communityId, { ...rest, dueOn: due.format('YYYY-MM-DD') });
    navigate(`/c/${communityId}/rectifications/${created.id}`);
  });
  const source = Form.useWatch('source', form) as string | undefined;
  if (!list.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <>
      <PageHeader
        title="整改事项"
        extra={
          mayRaise &&
          !open && (
            <Button type="primary" onClick={() => setOpen(true)}>
              提出整改事项
            </Button>
          )
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Tag>未完成 {list.data.open}</Tag>
        <Tag color="red">逾期 {list.data.overdue}</Tag>
        <Tag color="green">已验收 {list.data.accepted}</Tag>
      </Flex>
      {open && (
        <Card title="提出整改事项（交办物业）" style={{ marginBottom: 16 }}>
          <Form form={form} layout="vertical" initialValues={{ source: 'joint_meeting' }} onFinish={(v) => void raise.run(v)}>
            <Form.Item name="title" label="问题" rules={[{ required: true, min: 2, message: '请写明整改事项（至少 2 字）' }]}>
              <Input maxLength={200} placeholder="如：东门路灯不亮" />
            </Form.Item>
            <Form.Item name="location" label="位置">
              <Input maxLength={200} placeholder="楼栋、单元或公共区域" />
            </Form.Item>
            <Form.Item name="category" label="类别">
              <Input maxLength={40} placeholder="如：设施维修、环境卫生" />
            </Form.Item>
            <Form.Item name="description" label="整改要求">
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
            <Form.Item name="source" label="来源">
              <Radio.Group
                options={[
                  { value: 'joint_meeting', label: '四方联席会议' },
                  { value: 'inspection', label: '检查发现' },
                ]}
              />
            </Form.Item>
            {source === 'inspection' && (
              <Form.Item name="sourceNote" label="检查情况" rules={[{ required: true, min: 2, message: '请写明何时、何人检查' }]}>
                <Input maxLength={2000} placeholder="如：11 月 28 日业委会巡查" />
              </Form.Item>
            )}
            <Form.Item name="due" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
            </Form.Item>
            <Flex gap={8} wrap>
              <Button type="primary" htmlType="submit" loading={raise.busy}>
                交办物业
              </Button>
              <Button onClick={() => setOpen(false)}>取消</Button>
            </Flex>
          </Form>
        </Card>
      )}
      {list.data.items.length === 0 && (
        <Card>
          <Empty description={isAdmin ? '本小区暂无整改事项' : '暂无整改事项'} />
        </Card>
      )}
      {list.data.items.map((item) => (
        <Card key={item.id} style={{ marginBottom: 12 }} data-testid="rectification-row">
          <Flex justify="space-between" wrap gap={8}>
            <Link to={`/c/${communityId}/rectifications/${item.id}`}>
              <Typography.Title level={4} style={{ margin: 0 }}>
                第 {item.seq} 号：{item.title}
              </Typography.Title>
            </Link>
            <RectificationTags item={item} />
          </Flex>
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {item.location && `${item.location} · `}期限 {item.dueOn} · 提出于 {item.raisedAtText}
            {item.assigneeName && ` · 负责人 ${item.assigneeName}`}
          </Typography.Paragraph>
        </Card>
      ))}
    </>
  );
}
