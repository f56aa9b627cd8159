import { Alert, Button, Form, Input, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { votingApi, type CanvassElector, type Motion, type Receipt } from '../../api';
import { formatArea } from '../../format';
import { choiceOptions } from './choices';

interface PaperForm {
  electorId: string;
  paperRef: string;
  choices: Record<string, string>;
}

/** 录入纸质表决票: one clerk types in what the paper says; it counts only after a second clerk confirms it. */
export function PaperBallotForm({
  communityId,
  voteId,
  motions,
  electors,
  electorId,
  onEntered,
}: {
  communityId: string;
  voteId: string;
  motions: Motion[];
  electors: CanvassElector[];
  electorId?: string;
  onEntered: () => void;
}) {
  const [form] = Form.useForm<PaperForm>();
  const [saving, setSaving] = useState(false);
  const [last, setLast] = useState<Receipt | null>(null);
  useEffect(() => {
    if (electorId) form.setFieldValue('electorId', electorId);
  }, [electorId, form]);

  const submit = async (values: PaperForm) => {
    setSaving(true);
    try {
      const receipt = await votingApi.enterPaper(communityId, voteId, {
        electorId: values.electorId,
        paperRef: values.paperRef.trim(),
        choices: motions.map((m) => ({ motionId: m.id, choice: values.choices[m.id] })),
      });
      setLast(receipt);
      form.resetFields();
      onEntered();
    } catch {
      // the fetch wrapper has shown the server's message
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      {last && (
        <Alert
          type="success"
          showIcon
          closable
          style={{ marginBottom: 16 }}
          data-testid="paper-entered"
          title={`已录入，回执码 ${last.receiptCode}；须由另一位委员核对后计入。`}
          onClose={() => setLast(null)}
        />
      )}
      <Form<PaperForm> form={form} layout="vertical" requiredMark={false} onFinish={submit}>
        <Form.Item name="electorId" label="业主（房号）" rules={[{ required: true, message: '请选择业主' }]}>
          <Select
            data-testid="paper-elector"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="输入房号或姓名查找"
            options={electors.map((e) => ({
              value: e.electorId,
              label: `${e.unitNumbers.join('、')} ${e.name}（${formatArea(e.area)} 平方米）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="paperRef" label="纸质表决票编号" rules={[{ required: true, whitespace: true, message: '请填写票面编号' }]}>
          <Input data-testid="paper-ref" placeholder="例如 3幢-017" maxLength={64} />
        </Form.Item>
        {motions.map((m) => (
          <Form.Item
            key={m.id}
            name={['choices', m.id]}
            label={`议案 ${m.seq}：${m.title}`}
            rules={[{ required: true, message: '请按票面选择' }]}
          >
            <Radio.Group optionType="button" buttonStyle="solid" options={choiceOptions(m)} data-testid={`paper-choice-${m.seq}`} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={saving} data-testid="paper-submit">
          录入
        </Button>
      </Form>
    </>
  );
}
