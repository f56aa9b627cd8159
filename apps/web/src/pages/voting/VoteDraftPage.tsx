import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, DatePicker, Flex, Form, Input, Radio, Skeleton, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { agendaApi, registryApi, rulebookApi, votingApi, type Channel } from '../../api';
import { ElectorateField, fromElectorate, toElectorate, type ElectorateValue } from './ElectorateField';
import { fromNoticeDetails, NoticeDetailsFields, toNoticeDetails, type NoticeDetailsValue } from './NoticeDetailsFields';
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
  electorate: ElectorateValue;
  window: [Dayjs, Dayjs];
  motions: { title: string; fullText: string; kind: 'yes_no' | 'options'; options?: { label: string }[] }[];
  details: NoticeDetailsValue;
}

/** 起草业主大会表决公告: the motions, their full text, the channels, the voting window and what the notice must state. */
export default function VoteDraftPage() {
  // /agenda/:itemId/vote drafts a new vote; /votes/:voteId/edit edits a draft that is not published yet.
  const { itemId: itemParam = '', voteId } = useParams();
  const { communityId, name: communityName } = useCommunity();
  const navigate = useNavigate();
  const [form] = Form.useForm<DraftForm>();
  const [saving, setSaving] = useState(false);
  const data = useLoad(async () => {
    const existing = voteId ? await votingApi.get(communityId, voteId) : null;
    const itemId = existing?.agendaItemId ?? itemParam;
    const [item, rules, buildings] = await Promise.all([
      agendaApi.get(communityId, itemId),
      rulebookApi.current(communityId),
      registryApi.buildings(communityId),
    ]);
    return { item, rules, existing, buildings };
  }, [communityId, itemParam, voteId]);
  const interim = Form.useWatch('interim', form);

  if (!data.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const { item, rules, existing, buildings } = data.data;
  const itemId = item.id;
  const s = rules.settings;
  const noticeDays = interim ? s.interimNoticeDays : s.noticeDays;
  const earliest = dayjs().add(noticeDays, 'day').add(1, 'day').startOf('day');
  const joint = item.meetings.filter((m) => m.stage === 'joint_meeting').pop();
  const jointOptions = joint?.details.options ?? [];
  const fresh: Partial<DraftForm> = {
    title: `关于「${item.title}」的业主大会表决`,
    method: '网上投票与书面征求意见相结合；纸质表决票由楼栋长送达并收回',
    channels: ['online', 'paper', 'proxy'],
    interim: false,
    electorate: { scope: 'community' },
    window: [earliest.hour(9), earliest.add(14, 'day').hour(18)],
    motions: [
      {
        title: `关于${item.title}的议案`,
        fullText: joint?.details.plan ?? item.description,
        kind: jointOptions.length >= 2 ? 'options' : 'yes_no',
        options: jointOptions.map((label) => ({ label })),
      },
    ],
    details: fromNoticeDetails(undefined, `${communityName}业主委员会`),
  };

  const initial: Partial<DraftForm> = existing
    ? {
        title: existing.title,
        method: existing.method,
        channels: existing.channels,
        interim: existing.interim,
        electorate: fromElectorate(existing.electorate),
        window: [dayjs(existing.opensAt), dayjs(existing.closesAt)],
        motions: existing.motions.map((m) => ({
          title: m.title,
          fullText: m.fullText,
          kind: m.kind,
          options: (m.options ?? []).map((o) => ({ label: o.label })),
        })),
        details: fromNoticeDetails(existing.noticeDetails, `${communityName}业主委员会`),
      }
    : fresh;

  const submit = async (values: DraftForm) => {
    if (saving) return;
    setSaving(true);
    try {
      const body = {
        title: values.title.trim(),
        method: values.method.trim(),
        channels: values.channels,
        interim: values.interim,
        electorate: toElectorate(values.electorate),
        opensAt: values.window[0].format(),
        closesAt: values.window[1].format(),
        motions: values.motions.map((m) => ({
          title: m.title.trim(),
          fullText: m.fullText.trim(),
          kind: m.kind,
          options: m.kind === 'options' ? (m.options ?? []).map((o, i) => ({ id: optionId(i), label: o.label.trim() })) : undefined,
        })),
        noticeDetails: toNoticeDetails(values.details),
      };
      const vote = existing
        ? await votingApi.updateDraft(communityId, existing.id, body)
        : await votingApi.draft(communityId, itemId, body);
      navigate(`/c/${communityId}/votes/${vote.id}`);
    } catch {
      // the fetch wrapper has shown the server's message
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title={existing ? '修改表决草稿' : '起草业主大会表决公告'} />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={`公告须在投票开始前至少 ${noticeDays} 日发布（议事规则第 ${rules.version} 版），今天发布则投票最早 ${earliest.format('YYYY年M月D日')} 开始；投票期 ${s.votingWindowMinDays}–${s.votingWindowMaxDays} 日。公告未载明的议案不得表决。`}
      />
      <Card>
        <Form<DraftForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={initial}
          onFinish={submit}
          // Enter in a field (the date pickers above all) must not save the draft with the value from before the
          // typing: only the 保存草稿 button saves. Multi-line text keeps Enter for new lines.
          onKeyDown={(e) => {
            const target = e.target as HTMLElement;
            if (e.key === 'Enter' && target.tagName === 'INPUT') e.preventDefault();
          }}
        >
          <Form.Item name="title" label="公告标题" rules={[{ required: true, whitespace: true }]}>
            <Input data-testid="vote-title" maxLength={200} />
          </Form.Item>
          <Form.Item name="method" label="表决方式" rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
          </Form.Item>
          <Form.Item
            name="channels"
            label="投票渠道"
            // A validator rather than `required`: antd would put aria-required on the group's <div>, which ARIA does not allow.
            rules={[
              { validator: (_r, v?: Channel[]) => (v && v.length > 0 ? Promise.resolve() : Promise.reject(new Error('至少选择一种'))) },
            ]}
          >
            <Checkbox.Group
              options={(Object.keys(CHANNEL_LABELS) as Channel[]).map((value) => ({ value, label: CHANNEL_LABELS[value] }))}
            />
          </Form.Item>
          <Form.Item name="interim" label="临时会议（适用较短公告期）" valuePropName="checked">
            <Switch />
          </Form.Item>
          <ElectorateField buildings={buildings} />
          <Form.Item
            name="window"
            label="投票时间"
            rules={[
              { required: true, message: '请选择投票开始和截止时间' },
              {
                validator: (_r, value?: [Dayjs | null, Dayjs | null]) => {
                  const [from, to] = value ?? [];
                  if (!from || !to) return Promise.resolve();
                  if (!to.isAfter(from)) return Promise.reject(new Error('截止时间须晚于开始时间'));
                  if (from.isBefore(earliest))
                    return Promise.reject(new Error(`投票最早 ${earliest.format('YYYY年M月D日')} 开始（须先公告 ${noticeDays} 日）`));
                  const days = to.diff(from, 'day', true);
                  if (days > s.votingWindowMaxDays) return Promise.reject(new Error(`投票期不能超过 ${s.votingWindowMaxDays} 日`));
                  return Promise.resolve();
                },
              },
            ]}
          >
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <NoticeDetailsFields communityName={communityName} proxyCap={s.proxyCap} />
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
            <Button type="primary" htmlType="submit" loading={saving} disabled={saving} data-testid="save-vote-draft">
              {existing ? '保存修改' : '保存草稿'}
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
