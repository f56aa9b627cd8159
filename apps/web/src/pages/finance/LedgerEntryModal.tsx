import { AutoComplete, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { agendaApi, financeApi, type EntryKind, type LedgerEntry } from '../../api';
import { yuanToFen } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { ENTRY_KIND_LABELS } from '../../labels';
import { validated } from '../../hooks/validated';

const CATEGORIES: Record<EntryKind, string[]> = {
  income: ['电梯广告', '停车费', '场地租金', '快递柜', '其他收入'],
  cost: ['电费', '维修', '保洁', '管理费用', '银行手续费', '其他支出'],
  transfer: ['转入维修资金'],
};

interface EntryForm {
  kind: EntryKind;
  category: string;
  amount: string;
  entryDate: Dayjs;
  counterparty: string;
  counterpartyKind: 'organisation' | 'person';
  evidenceRef: string;
  note?: string;
  decisionItemId?: string;
}

/** 记一笔: income, cost or transfer to the maintenance fund, with its evidence. Entries are never edited. */
export function LedgerEntryModal({
  communityId,
  onClose,
  onAdded,
}: {
  communityId: string;
  onClose: () => void;
  onAdded: (e: LedgerEntry) => void;
}) {
  const [form] = Form.useForm<EntryForm>();
  const [saving, setSaving] = useState(false);
  const kind = Form.useWatch('kind', form) ?? 'income';
  const items = useLoad(() => agendaApi.list(communityId), [communityId]);

  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setSaving(true);
    try {
      const entry = await financeApi.addEntry(communityId, {
        kind: v.kind,
        category: v.category.trim(),
        amountFen: yuanToFen(v.amount)!,
        entryDate: v.entryDate.format('YYYY-MM-DD'),
        counterparty: v.counterparty.trim(),
        counterpartyKind: v.counterpartyKind,
        evidenceRef: v.evidenceRef.trim(),
        note: v.note?.trim() || undefined,
        decisionItemId: v.decisionItemId,
      });
      onAdded(entry);
    } catch {
      // the fetch wrapper has shown the server's message (period locked, decision required, …)
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title="记一笔公共收益台账"
      okText="保存"
      cancelText="取消"
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      width={640}
      okButtonProps={{ 'data-testid': 'entry-submit' } as Record<string, string>}
    >
      <Form<EntryForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: 'income', entryDate: dayjs(), counterpartyKind: 'organisation' }}
      >
        <Form.Item name="kind" label="类型">
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={(Object.keys(ENTRY_KIND_LABELS) as EntryKind[]).map((k) => ({ value: k, label: ENTRY_KIND_LABELS[k] }))}
          />
        </Form.Item>
        <Form.Item name="category" label="类别" rules={[{ required: true, whitespace: true, message: '请填写类别' }]}>
          <AutoComplete data-testid="entry-category" options={CATEGORIES[kind].map((value) => ({ value }))} placeholder="例如 电梯广告" />
        </Form.Item>
        <Form.Item
          name="amount"
          label="金额（元）"
          rules={[
            {
              validator: (_, v?: string) =>
                v && yuanToFen(v) && yuanToFen(v) !== '0'
                  ? Promise.resolve()
                  : Promise.reject(new Error('请输入大于零的金额，最多两位小数')),
            },
          ]}
        >
          <Input data-testid="entry-amount" inputMode="decimal" suffix="元" placeholder="例如 12000.00" />
        </Form.Item>
        <Form.Item
          name="entryDate"
          label="日期"
          rules={[{ required: true }]}
          extra="只能记入尚未编制报表的期间；已报送期间的差错，请在本期记冲正或调整分录。"
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="counterparty" label="对方单位或个人" rules={[{ required: true, whitespace: true, message: '请填写对方' }]}>
          <Input data-testid="entry-counterparty" maxLength={200} />
        </Form.Item>
        <Form.Item name="counterpartyKind" label="对方类型" extra="个人的姓名不公示，公示页只显示「个人」">
          <Radio.Group
            options={[
              { value: 'organisation', label: '单位' },
              { value: 'person', label: '个人' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="evidenceRef"
          label="凭证号（发票、合同或银行流水号）"
          rules={[{ required: true, whitespace: true, message: '每笔收支都须有凭证' }]}
        >
          <Input data-testid="entry-evidence" maxLength={100} />
        </Form.Item>
        {kind === 'cost' && (
          <Form.Item name="decisionItemId" label="依据的议题" extra="超过议事规则支出限额的支出，须引用已形成业委会决议的议题">
            <Select
              allowClear
              loading={items.loading}
              placeholder="不超过限额可不选"
              options={(items.data ?? []).map((i) => ({ value: i.id, label: `第 ${i.seq} 号 ${i.title}` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="note" label="说明">
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
