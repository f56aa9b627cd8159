import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, InputNumber, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { fetchFile, hearingsApi, saveFile, type HearingDetail, type RankedBid } from '../../api';
import { useSubmit } from '../../hooks/useSubmit';
import { formatDateTime, formatYuan } from '../../format';

/** The ranking once published, the publish form (committee, after the opening) and the motion from the shortlist. */
export function ResultPanel({
  communityId,
  hearing,
  committee,
  onChanged,
}: {
  communityId: string;
  hearing: HearingDetail;
  committee: boolean;
  onChanged: () => void;
}) {
  const [saving, setSaving] = useState(false);
  // 评审结果公示: the sealed PDF once the committee seal is on it (before that only staff get the draft).
  const pdf = useSubmit(async () => saveFile(await fetchFile(hearingsApi.resultPdfPath(communityId, hearing.id))));
  const run = async (action: () => Promise<unknown>) => {
    setSaving(true);
    try {
      await action();
      onChanged();
    } catch {
      // shown by the wrapper
    } finally {
      setSaving(false);
    }
  };

  if (hearing.status === 'opened' && committee) {
    return (
      <Card title="公示评审结果" style={{ marginBottom: 16 }}>
        <Form
          layout="vertical"
          initialValues={{ heldAt: dayjs(), shortlistSize: 3 }}
          onFinish={(v: { heldAt: Dayjs; minutes: string; shortlistSize: number }) =>
            void run(() =>
              hearingsApi.publish(communityId, hearing.id, {
                heldAt: v.heldAt.toISOString(),
                minutes: v.minutes,
                shortlistSize: v.shortlistSize,
              }),
            )
          }
        >
          <Form.Item name="heldAt" label="听证会召开时间" rules={[{ required: true }]}>
            <DatePicker showTime style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="minutes" label="会议纪要" rules={[{ required: true, message: '请填写纪要' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="shortlistSize" label="入围数量">
            <InputNumber min={2} max={10} precision={0} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            计算排名并公示
          </Button>
        </Form>
      </Card>
    );
  }
  if (!hearing.result) return null;
  const columns = [
    { title: '名次', dataIndex: 'rank', width: 70 },
    { title: '投标方', dataIndex: 'vendorName' },
    { title: '加权得分', dataIndex: 'mean' },
    { title: '报价', dataIndex: 'amountFen', render: (v: string) => formatYuan(v) },
  ];
  return (
    <Card title="评审排名" style={{ marginBottom: 16 }} data-testid="ranking">
      <Table<RankedBid> rowKey="bidId" columns={columns} dataSource={hearing.result.ranking} pagination={false} scroll={{ x: true }} />
      {hearing.shortlist && (
        <>
          <Typography.Title level={4} style={{ marginTop: 16 }}>
            入围名单（交业主大会表决）
          </Typography.Title>
          {hearing.shortlist.map((s) => (
            <Typography.Paragraph key={s.bidId}>
              {s.rank}. {s.label}
            </Typography.Paragraph>
          ))}
        </>
      )}
      {hearing.objectionEndsAt && (
        <Typography.Paragraph type="secondary">异议期至 {formatDateTime(hearing.objectionEndsAt)}</Typography.Paragraph>
      )}
      {hearing.status === 'result_published' && (
        <Button
          icon={<FilePdfOutlined />}
          loading={pdf.busy}
          onClick={() => void pdf.run()}
          style={{ marginBottom: 12, marginInlineEnd: 8, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          data-testid="result-pdf"
        >
          下载评审结果公示（{hearing.result.document.number}）
        </Button>
      )}
      {hearing.assemblyVote ? (
        <Link to={`/c/${communityId}/votes/${hearing.assemblyVote.id}`}>
          <Button>查看业主大会表决</Button>
        </Link>
      ) : (
        committee &&
        hearing.shortlist && (
          <Form
            layout="vertical"
            onFinish={(v: { title: string; opensAt: Dayjs; closesAt: Dayjs }) =>
              void run(() =>
                hearingsApi.assemblyMotion(communityId, hearing.id, {
                  title: v.title,
                  method: '网上投票与书面征求意见相结合',
                  channels: ['online', 'paper', 'proxy'],
                  opensAt: v.opensAt.toISOString(),
                  closesAt: v.closesAt.toISOString(),
                }),
              )
            }
          >
            <Form.Item name="title" label="表决名称" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="opensAt" label="投票开始" rules={[{ required: true }]}>
              <DatePicker showTime style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="closesAt" label="投票截止" rules={[{ required: true }]}>
              <DatePicker showTime style={{ width: '100%' }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving}>
              以入围名单起草业主大会表决
            </Button>
          </Form>
        )
      )}
    </Card>
  );
}
