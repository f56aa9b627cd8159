import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, DatePicker, Flex, Form, Input, Radio, Skeleton, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { agendaApi, rulebookApi, votingApi, type Channel } from '../../api';
import { useLoad } from '../../hooks/useLoad';
import { CHANNEL_LABELS } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { useCommunity } from '../../session/useCommunity';
import { optionId } from './choices';

interface DraftForm {
  title: string;
  method: string;
  channels: Channel[];
  interim: boolean;
  window: [Dayjs, Dayjs];
  motions: { title: string; fullText: string; kind: 'yes_no' | 'options'; options?: { label: string }[] }[];
}

/** 起草业主大会表决公告: the motions, their full text, the channels and the voting window. */
export default function VoteDraftPage() {
  const { itemId = '' } = useParams();
  const { communityId } = useCommunity();
  const navigate = useNavigate();
  const [form] = Form.useForm<DraftForm>();
  const [saving, setSaving] = useState(false);
  const data = useLoad(async () => {
    const [item, rules] = await Promise.all([agendaApi.get(communityId, itemId), rulebookApi.current(communityId)]);
    return { item, rules };
  }, [communityId, itemId]);
  const interim = Form.useWatch('interim', form);

  if (!data.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const { item, rules } = data.data;
  const s = rules.settings;
  const noticeDays = interim ? s.interimNoticeDays : s.noticeDays;
  const earliest = dayjs().add(noticeDays, 'day').add(1, 'day').startOf('day');
  const joint = item.meetings.filter((m) => m.stage === 'joint_meeting').pop();
  const jointOptions = joint?.details.options ?? [];
  const initial: Partial<DraftForm> = {
    title: `关于「${item.title}」的业主大会表决`,
    method: '网上投票与书面征求意见相结合；纸质表决票由楼栋长送达并收回',
    channels: ['online', 'paper', 'proxy'],
    interim: false,
    window: [earliest.hour(9), earliest.add(14, 'day').hour(18)],
    motions: [
      {
        title: `关于${item.title}的议案`,
        fullText: joint?.details.plan ?? item.description,
        kind: jointOptions.length >= 2 ? 'options' : 'yes_no',
        options: jointOptions.map((label) => ({ label })),
      },
    ],
  };

  const submit = async (values: DraftForm) => {
    setSaving(true);
    try {
      const vote = await votingApi.draft(communityId, itemId, {
        title: values.title.trim(),
        method: values.method.trim(),
        channels: values.channels,
        interim: values.interim,
        opensAt: values.window[0].format(),
        closesAt: values.window[1].format(),
        motions: values.motions.map((m) => ({
          title: m.title.trim(),
          fullText: m.fullText.trim(),
          kind: m.kind,
          options: m.kind === 'options' ? (m.options ?? []).map((o, i) => ({ id: optionId(i), label: o.label.trim() })) : undefined,
        })),
      });
      navigate(`/c/${communityId}/votes/${vote.id}`);
    } catch {
      // the fetch wrapper has shown the server's message
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title="起草业主大会表决公告" />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`公告须在投票开始前至少 ${noticeDays} 日发布（议事规则第 ${rules.version} 版），今天发布则投票最早 ${earliest.format('YYYY年M月D日')} 开始；投票期 ${s.votingWindowMinDays}–${s.votingWindowMaxDays} 日。公告未载明的议案不得表决。`}
      />
      <Card>
        <Form<DraftForm> form={form} layout="vertical" requiredMark={false} initialValues={initial} onFinish={submit}>
          <Form.Item name="title" label="公告标题" rules={[{ required: true, whitespace: true }]}>
            <Input data-testid="vote-title" maxLength={200} />
          </Form.Item>
          <Form.Item name="method" label="表决方式" rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="channels" label="投票渠道" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一种' }]}>
            <Checkbox.Group
              options={(Object.keys(CHANNEL_LABELS) as Channel[]).map((value) => ({ value, label: CHANNEL_LABELS[value] }))}
            />
          </Form.Item>
          <Form.Item name="interim" label="临时会议（适用较短公告期）" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="window" label="投票时间" rules={[{ required: true, message: '请选择投票开始和截止时间' }]}>
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.List name="motions">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Card
                    key={field.key}
                    size="small"
                    title={`议案 ${index + 1}`}
                    style={{ marginBottom: 12 }}
                    extra={
                      fields.length > 1 && (
                        <Button type="link" danger onClick={() => remove(field.name)}>
                          删除议案
                        </Button>
                      )
                    }
                  >
                    <Form.Item name={[field.name, 'title']} label="议案名称" rules={[{ required: true, whitespace: true }]}>
                      <Input maxLength={200} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'fullText']}
                      label="议案全文（完整刊登于公告）"
                      rules={[{ required: true, whitespace: true }]}
                    >
                      <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'kind']} label="表决方式">
                      <Radio.Group
                        options={[
                          { value: 'yes_no', label: '赞成 / 反对 / 弃权' },
                          { value: 'options', label: '多个选项选一' },
                        ]}
                      />
                    </Form.Item>
                    <Form.Item noStyle shouldUpdate>
                      {({ getFieldValue }) =>
                        getFieldValue(['motions', field.name, 'kind']) === 'options' && (
                          <Form.List name={[field.name, 'options']}>
                            {(opts, ops) => (
                              <>
                                {opts.map((opt, i) => (
                                  <Flex key={opt.key} gap={8} style={{ marginBottom: 8 }}>
                                    <Form.Item name={[opt.name, 'label']} noStyle rules={[{ required: true, whitespace: true }]}>
                                      <Input prefix={`${optionId(i)}.`} placeholder="选项内容，如 甲公司：报价 ¥1,250,000" />
                                    </Form.Item>
                                    <Button
                                      type="text"
                                      danger
                                      icon={<MinusCircleOutlined />}
                                      onClick={() => ops.remove(opt.name)}
                                      aria-label="删除选项"
                                    />
                                  </Flex>
                                ))}
                                <Button icon={<PlusOutlined />} onClick={() => ops.add({ label: '' })}>
                                  添加选项
                                </Button>
                              </>
                            )}
                          </Form.List>
                        )
                      }
                    </Form.Item>
                  </Card>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ title: '', fullText: '', kind: 'yes_no' })}
                  style={{ marginBottom: 16 }}
                >
                  添加议案
                </Button>
              </>
            )}
          </Form.List>
          <Flex justify="flex-end">
            <Button type="primary" htmlType="submit" loading={saving} data-testid="save-vote-draft">
              保存草稿
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
