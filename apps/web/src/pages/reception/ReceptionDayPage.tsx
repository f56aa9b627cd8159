import { Button, Card, Empty, Flex, Form, Input, Radio, Select, Skeleton, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { receptionApi, requestsApi, type LogVisitBody } from '../../api/requests';
import { useLoad } from '../../hooks/useLoad';
import { useSubmit } from '../../hooks/useSubmit';
import { PageHeader } from '../../layout/PageHeader';
import { useCommunity } from '../../session/useCommunity';
import { statusColor } from '../requests/RequestsPage';

/** 接待台账: every concern of the day, the request it became, and whether it is written off (销号). */
export default function ReceptionDayPage() {
  const { communityId } = useCommunity();
  const { dayId = '' } = useParams();
  const day = useLoad(() => receptionApi.get(communityId, dayId), [communityId, dayId]);
  const form = useLoad(() => requestsApi.form(communityId), [communityId]);
  const [f] = Form.useForm<LogVisitBody>();
  const placeKind = Form.useWatch('placeKind', f);
  const log = useSubmit(async (v: LogVisitBody) => {
    await receptionApi.logVisit(communityId, dayId, v);
    f.resetFields();
    day.reload();
  });
  if (!day.data) return <Skeleton active />;
  const d = day.data;
  return (
    <>
      <PageHeader title={`${d.hostKindLabel}台账`} extra={<Link to={`/c/${communityId}/reception`}>返回接待日</Link>} />
      <Typography.Paragraph>
        {d.hostName} · {d.timeText} · {d.place} · 登记 {d.visits} 件，已销号 {d.writtenOff} 件
      </Typography.Paragraph>
      {d.log.length === 0 ? (
        <Card>
          <Empty description="尚无来访登记" />
        </Card>
      ) : (
        d.log.map((v) => (
          <Card key={v.id} size="small" style={{ marginBottom: 8 }} data-testid="reception-visit">
            <Flex justify="space-between" wrap gap={8}>
              <Link to={`/c/${communityId}/requests/${v.request.id}`}>
                <Typography.Text strong>
                  {v.visitorName}：{v.concern}
                </Typography.Text>
              </Link>
              <Flex gap={4} wrap>
                <Tag color={statusColor(v.request)}>{v.request.statusLabel}</Tag>
                <Tag color={v.request.writtenOff ? 'green' : 'default'}>{v.request.writtenOff ? '已销号' : '未销号'}</Tag>
              </Flex>
            </Flex>
            <Typography.Text type="secondary">
              {v.atText} · {v.request.categoryLabel} · {v.request.placeLabel}
            </Typography.Text>
          </Card>
        ))
      )}
      <Card title="登记来访（登记列账）" style={{ marginTop: 16, maxWidth: 640 }}>
        <Form form={f} layout="vertical" onFinish={log.run} initialValues={{ placeKind: 'common' }}>
          <Form.Item name="visitorName" label="来访居民" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="visitorMobile" label="手机（可不填）">
            <Input inputMode="tel" maxLength={11} />
          </Form.Item>
          <Form.Item name="category" label="问题类别" rules={[{ required: true, message: '请选择类别' }]}>
            <Select options={(form.data?.categories ?? []).map((c) => ({ value: c.category, label: c.label }))} />
          </Form.Item>
          <Form.Item name="concern" label="反映的问题" rules={[{ required: true, min: 2, message: '至少 2 个字' }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="placeKind" label="地点">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'building', label: '楼栋' },
                { value: 'common', label: '公共区域' },
              ]}
            />
          </Form.Item>
          {placeKind === 'building' && (
            <Form.Item name="buildingId" label="楼栋" rules={[{ required: true, message: '请选择楼栋' }]}>
              <Select options={(form.data?.buildings ?? []).map((b) => ({ value: b.id, label: b.name }))} />
            </Form.Item>
          )}
          <Form.Item name="placeText" label="具体位置" rules={placeKind === 'common' ? [{ required: true, message: '请写明位置' }] : []}>
            <Input maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={log.busy}>
            登记为诉求
          </Button>
        </Form>
      </Card>
    </>
  );
}
