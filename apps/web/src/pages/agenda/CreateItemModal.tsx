import { Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { agendaApi, type AgendaItemSummary, type MatterCategory } from '../../api';
import { yuanToFen } from '../../format';
import { MATTER_LABELS, MATTER_ORDER } from '../../labels';
import { validated } from '../../hooks/validated';

interface NewItemForm {
  title: string;
  category: MatterCategory;
  description: string;
  budget?: string;
  fundingSource?: string;
}

/** 提出议题: the item enters the chain under the rulebook in force today. */
export function CreateItemModal({
  communityId,
  open,
  onClose,
  onCreated,
}: {
  communityId: string;
  open: boolean;
  onClose: () => void;
  onCreated: (item: AgendaItemSummary) => void;
}) {
  const [form] = Form.useForm<NewItemForm>();
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const values = await validated(form);
    if (!values) return;
    setSaving(true);
    try {
      const budgetFen = values.budget?.trim() ? (yuanToFen(values.budget) ?? undefined) : undefined;
      const item = await agendaApi.create(communityId, {
        title: values.title.trim(),
        category: values.category,
        description: values.description.trim(),
        budgetFen,
        fundingSource: values.fundingSource?.trim() || undefined,
      });
      form.resetFields();
      onCreated(item);
    } catch {
      // the fetch wrapper has shown the server's message
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title="提出议题"
      okText="提交"
      cancelText="取消"
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      width={720}
      okButtonProps={{ 'data-testid': 'create-item-submit' } as Record<string, string>}
    >
      <Form<NewItemForm> form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Form.Item name="title" label="议题名称" rules={[{ required: true, whitespace: true, message: '请输入议题名称' }]}>
          <Input data-testid="item-title" maxLength={200} placeholder="例如：3 幢加装电梯" />
        </Form.Item>
        <Form.Item
          name="category"
          label="事项类别"
          extra="民法典第二百七十八条所列事项须经业主大会表决；（六）至（八）项须四分之三以上同意"
          rules={[{ required: true, message: '请选择事项类别' }]}
        >
          <Select
            data-testid="item-category"
            virtual={false}
            placeholder="选择事项类别"
            options={MATTER_ORDER.map((value) => ({ value, label: MATTER_LABELS[value] }))}
            optionRender={(option) => <span style={{ whiteSpace: 'normal' }}>{option.label}</span>}
          />
        </Form.Item>
        <Form.Item name="description" label="议题说明" rules={[{ required: true, whitespace: true, message: '请写明议题内容' }]}>
          <Input.TextArea data-testid="item-description" autoSize={{ minRows: 4, maxRows: 10 }} maxLength={20000} />
        </Form.Item>
        <Form.Item
          name="budget"
          label="预算（元）"
          rules={[
            {
              validator: (_, v?: string) =>
                !v?.trim() || yuanToFen(v) ? Promise.resolve() : Promise.reject(new Error('请输入金额，最多两位小数')),
            },
          ]}
        >
          <Input data-testid="item-budget" inputMode="decimal" placeholder="可不填，例如 980000" suffix="元" />
        </Form.Item>
        <Form.Item name="fundingSource" label="资金来源">
          <Input maxLength={200} placeholder="例如：维修资金、业主分摊、公共收益" />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          提交后按本小区现行议事规则进入议事链，每一步都记入决策记录。
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
