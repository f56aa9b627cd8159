import { Button, Card, Empty, Flex, Form, Input, Select, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { receptionApi, type ScheduleDayBody } from '../../api/requests';
import { useLoad } from '../../hooks/useLoad';
import { useSubmit } from '../../hooks/useSubmit';
import { PageHeader } from '../../layout/PageHeader';
import { hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';

const STAFF = ['party_secretary', 'committee_director', 'committee_member', 'residents_committee', 'property_company'] as const;

/** 接待日: the schedule (书记接待日, 物业经理接待日); staff open a day's visit log. */
export default function ReceptionPage() {
  const { communityId, roles } = useCommunity();
  const staff = hasAny(roles, [...STAFF]);
  const list = useLoad(() => receptionApi.list(communityId), [communityId]);
  const [form] = Form.useForm<ScheduleDayBody>();
  const schedule = useSubmit(async (v: ScheduleDayBody) => {
    await receptionApi.schedule(communityId, v);
    form.resetFields();
    list.reload();
  });
  return (
    <>
      <PageHeader title="接待日" />
      <Typography.Paragraph type="secondary">
        书记接待日、物业经理接待日：来访居民反映的问题当场登记为诉求（登记列账），办结后经居民确认或回访销号。
      </Typography.Paragraph>
      {!list.data ? (
        <Skeleton active />
      ) : list.data.items.length === 0 ? (
        <Card>
          <Empty description="尚未安排接待日" />
        </Card>
      ) : (
        list.data.items.map((d) => (
          <Card key={d.id} size="small" style={{ marginBottom: 8 }} data-testid="reception-day">
            <Flex justify="space-between" wrap gap={8}>
              <Typography.Text strong>
                {d.hostKindLabel} · {d.hostName}
              </Typography.Text>
              {staff && (
                <Tag color={d.visits === d.writtenOff ? 'green' : 'orange'}>
                  登记 {d.visits} 件，已销号 {d.writtenOff} 件
                </Tag>
              )}
            </Flex>
            <Typography.Paragraph style={{ margin: '4px 0' }}>
              {d.timeText} · {d.place}
              {d.note ? ` · ${d.note}` : ''}
            </Typography.Paragraph>
            {staff && <Link to={`/c/${communityId}/reception/${d.id}`}>接待台账</Link>}
          </Card>
        ))
      )}
      {staff && (
        <Card title="安排接待日" style={{ marginTop: 16, maxWidth: 640 }}>
          <Form
            form={form}
            layout="vertical"
            onFinish={schedule.run}
            initialValues={{ hostKind: 'party_secretary', startTime: '09:00', endTime: '11:30' }}
          >
            <Form.Item name="hostKind" label="类型">
              <Select
                options={[
                  { value: 'party_secretary', label: '书记接待日' },
                  { value: 'property_manager', label: '物业经理接待日' },
                ]}
              />
            </Form.Item>
            <Form.Item name="hostName" label="接待人" rules={[{ required: true, message: '请填写接待人' }]}>
              <Input maxLength={40} />
            </Form.Item>
            <Form.Item name="day" label="日期" rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式：2026-12-05' }]}>
              <Input type="date" />
            </Form.Item>
            <Flex gap={8}>
              <Form.Item name="startTime" label="开始" style={{ flex: 1 }} rules={[{ required: true }]}>
                <Input type="time" />
              </Form.Item>
              <Form.Item name="endTime" label="结束" style={{ flex: 1 }} rules={[{ required: true }]}>
                <Input type="time" />
              </Form.Item>
            </Flex>
            <Form.Item name="place" label="地点" rules={[{ required: true, message: '请填写地点' }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={schedule.busy}>
              安排
            </Button>
          </Form>
        </Card>
      )}
    </>
  );
}
