import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Skeleton, Typography, Upload } from 'antd';
import { useState } from 'react';
import { hearingsApi, type HearingDetail } from '../../api';
import { formatDateTime, formatYuan, yuanToFen } from '../../format';
import { useLoad } from '../../hooks/useLoad';

interface Values {
  amountYuan: string;
  warrantyMonths: number;
  deliveryDays: number;
  proposal: string;
}

/** The vendor's own sealed bid: its versions and a form to submit or revise it before the deadline. */
export function BidForm({ communityId, hearing }: { communityId: string; hearing: HearingDetail }) {
  const mine = useLoad(() => hearingsApi.myBid(communityId, hearing.id), [communityId, hearing.id]);
  const [file, setFile] = useState<File>();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  if (!mine.data) return <Skeleton active />;
  const open = hearing.status === 'bidding' && Date.now() < new Date(hearing.bidDeadline).getTime();
  const current = mine.data.current;

  const submit = async (v: Values) => {
    const amountFen = yuanToFen(v.amountYuan)!;
    setSaving(true);
    try {
      await hearingsApi.submitBid(communityId, hearing.id, { ...v, amountFen, attachment: file });
      setFile(undefined);
      mine.reload();
    } catch {
      // shown by the wrapper
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card title={`${mine.data.vendorName} 的投标`} style={{ marginBottom: 16 }} data-testid="my-bid">
      {current ? (
        <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
          <Descriptions.Item label="当前版本">
            第 {current.version} 版（{formatDateTime(mine.data.versions.at(-1)!.submittedAt)}）
          </Descriptions.Item>
          <Descriptions.Item label="报价">
            <span data-testid="my-bid-amount">{formatYuan(current.amountFen)}</span>
          </Descriptions.Item>
          <Descriptions.Item label="质保">{current.warrantyMonths} 个月</Descriptions.Item>
          <Descriptions.Item label="工期">{current.deliveryDays} 天</Descriptions.Item>
          <Descriptions.Item label="附件">{current.attachment?.name ?? '无'}</Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Paragraph>您尚未投标。</Typography.Paragraph>
      )}
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`投标密封保存，开标前任何人（包括业委会）都看不到内容。截止时间 ${formatDateTime(hearing.bidDeadline)}，截止前可修改，每次提交为完整的一版。`}
      />
      {open && (
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          initialValues={
            current
              ? { warrantyMonths: current.warrantyMonths, deliveryDays: current.deliveryDays, proposal: current.proposal }
              : { warrantyMonths: 24, deliveryDays: 30 }
          }
        >
          <Form.Item
            name="amountYuan"
            label="报价（元）"
            rules={[
              { required: true, message: '请填写报价' },
              {
                validator: (_, v: string) =>
                  !v || yuanToFen(v) ? Promise.resolve() : Promise.reject(new Error('请填写金额，最多两位小数')),
              },
            ]}
          >
            <Input inputMode="decimal" placeholder="例如 42000.00" data-testid="bid-amount" />
          </Form.Item>
          <Form.Item name="warrantyMonths" label="质保期（月）" rules={[{ required: true }]}>
            <InputNumber min={0} max={600} precision={0} style={{ width: '100%' }} data-testid="bid-warranty" />
          </Form.Item>
          <Form.Item name="deliveryDays" label="工期（天）" rules={[{ required: true }]}>
            <InputNumber min={0} max={3650} precision={0} style={{ width: '100%' }} data-testid="bid-delivery" />
          </Form.Item>
          <Form.Item name="proposal" label="方案说明" rules={[{ required: true, message: '请填写方案' }]}>
            <Input.TextArea rows={5} data-testid="bid-proposal" />
          </Form.Item>
          <Form.Item label="附件（可选，5 MB 以内）">
            <Upload beforeUpload={(f) => (setFile(f), false)} maxCount={1} onRemove={() => setFile(undefined)}>
              <Button icon={<UploadOutlined />}>选择文件</Button>
            </Upload>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving} block data-testid="submit-bid">
            {current ? '提交修改后的投标' : '提交投标'}
          </Button>
        </Form>
      )}
    </Card>
  );
}
