import { Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { yuanToFen } from '../../format';
import { validated } from '../../hooks/validated';

/** Asks for one text (a skip reason, a resubmission note) and hands it to `onSubmit`. */
export function TextModal({
  title,
  label,
  okText,
  minLength = 2,
  onSubmit,
  onClose,
  testId,
}: {
  title: string;
  label: string;
  okText: string;
  minLength?: number;
  onSubmit: (text: string) => Promise<unknown>;
  onClose: () => void;
  testId: string;
}) {
  const [form] = Form.useForm<{ text: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const values = await validated(form);
    if (!values) return;
    const { text } = values;
    setSaving(true);
    try {
      await onSubmit(text.trim());
    } catch {
      // the fetch wrapper has shown the server's message
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText="取消"
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': `${testId}-submit` } as Record<string, string>}
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="text"
          label={label}
          rules={[{ required: true, whitespace: true, min: minLength, message: `请填写，至少 ${minLength} 个字` }]}
        >
          <Input.TextArea data-testid={testId} autoSize={{ minRows: 3 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 物业报告执行进度: a percentage, what was done and, if any, the amount spent (in yuan, sent as fen). */
export function ProgressModal({
  onSubmit,
  onClose,
}: {
  onSubmit: (percent: number, text: string, amountFen?: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ percent: number; text: string; amount?: string }>();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const values = await validated(form);
    if (!values) return;
    setSaving(true);
    try {
      const amount = values.amount?.trim();
      await onSubmit(values.percent, values.text.trim(), amount ? (yuanToFen(amount) ?? undefined) : undefined);
    } catch {
      // shown by the fetch wrapper
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title="报告执行进度" okText="提交进度" cancelText="取消" confirmLoading={saving} onOk={submit} onCancel={onClose}>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ percent: 50 }}>
        <Form.Item name="percent" label="完成进度（%）" rules={[{ required: true, message: '请填写进度' }]}>
          <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="text" label="进展说明" rules={[{ required: true, whitespace: true, message: '请写明进展' }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Form.Item
          name="amount"
          label="本次支出（元，可不填）"
          extra="写入执行情况报告；精确到分"
          rules={[
            {
              validator: async (_, v?: string) => {
                if (v && v.trim() && yuanToFen(v) === null) throw new Error('请输入金额，如 12800 或 12800.50');
              },
            },
          ]}
        >
          <Input inputMode="decimal" data-testid="progress-amount" placeholder="例如 12800.00" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
