import { App, Button, Form, Input, Select, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { identityApi, votingApi, type CanvassElector } from '../../api';
import { formatArea } from '../../format';
import { useLoad } from '../../hooks/useLoad';

interface ProxyFormValues {
  electorId: string;
  holderUserId: string;
  authorisation: string;
}

/** 录入书面委托: who gives the proxy, who holds it (an account here; not property staff; not the clerk), the form and its scan. */
export function ProxyForm({
  communityId,
  voteId,
  electors,
  electorId,
  userId,
  onAdded,
}: {
  userId: string;
  communityId: string;
  voteId: string;
  electors: CanvassElector[];
  electorId?: string;
  onAdded: () => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ProxyFormValues>();
  const [saving, setSaving] = useState(false);
  const [scan, setScan] = useState<File | null>(null);
  const people = useLoad(() => identityApi.roles(communityId, true), [communityId]);
  useEffect(() => {
    if (electorId) form.setFieldValue('electorId', electorId);
  }, [electorId, form]);

  const holders = new Map<string, string>();
  // Whoever enters a proxy may not hold it (the server refuses it too), so the signed-in member is not offered.
  for (const r of people.data ?? [])
    if (r.active && r.role !== 'property_company' && r.userId !== userId) holders.set(r.userId, r.displayName);

  const submit = async (values: ProxyFormValues) => {
    setSaving(true);
    try {
      await votingApi.addProxy(communityId, voteId, { ...values, authorisation: values.authorisation.trim() }, scan ?? undefined);
      message.success('委托已录入，须由另一位委员核对委托书后生效');
      form.resetFields();
      setScan(null);
      onAdded();
    } catch {
      // the fetch wrapper has shown the server's message (e.g. the proxy cap)
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<ProxyFormValues> form={form} layout="vertical" requiredMark={false} onFinish={submit}>
      <Form.Item name="electorId" label="委托人（业主）" rules={[{ required: true, message: '请选择委托人' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="输入房号或姓名查找"
          options={electors.map((e) => ({
            value: e.electorId,
            label: `${e.unitNumbers.join('、')} ${e.name}（${formatArea(e.area)} 平方米）`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="holderUserId"
        label="受托人"
        extra="须为本小区有账号的人；物业人员不得受托"
        rules={[{ required: true, message: '请选择受托人' }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={people.loading}
          placeholder="输入姓名查找"
          options={[...holders].map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      <Form.Item name="authorisation" label="书面委托书编号或存档位置" rules={[{ required: true, whitespace: true }]}>
        <Input placeholder="例如 委托书 2026-015" maxLength={200} />
      </Form.Item>
      <Form.Item label="委托书扫描件（可选，PDF 或照片，5 MB 以内）">
        <Upload
          accept="application/pdf,image/jpeg,image/png"
          maxCount={1}
          beforeUpload={(file) => {
            setScan(file);
            return false;
          }}
          onRemove={() => setScan(null)}
          fileList={scan ? [{ uid: 'scan', name: scan.name, status: 'done' }] : []}
        >
          <Button>选择文件</Button>
        </Upload>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="submit-proxy">
        录入委托（待另一位委员核对）
      </Button>
    </Form>
  );
}
