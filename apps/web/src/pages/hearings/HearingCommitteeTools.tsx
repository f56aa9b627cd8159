import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import { identityApi, hearingsApi, type HearingDetail, type PanelKind } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatDateTime } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { PANEL_KIND_LABELS, ROLE_LABELS } from '../../labels';
import { validated } from '../../hooks/validated';

/** The community's people for the panel (anyone but a vendor) and its vendor accounts, as select options. */
function usePeople(communityId: string) {
  const people = useLoad(() => identityApi.roles(communityId, true), [communityId]);
  const active = (people.data ?? []).filter((r) => r.active);
  const members = [...new Map(active.filter((r) => r.role !== 'vendor').map((r) => [r.userId, r])).values()].map((r) => ({
    value: r.userId,
    label: `${r.displayName}（${ROLE_LABELS[r.role]}）`,
  }));
  const vendors = active.filter((r) => r.role === 'vendor').map((r) => ({ value: r.userId, label: r.displayName }));
  return { members, vendors };
}

/**
 * 调整评审组 (committee, before the result is published: PUT …/panel): a member who cannot attend is replaced; the
 * replaced member's scores are void. Recused members stay on the list (the server refuses to drop them).
 */
export function PanelEditor({ communityId, hearing, onChanged }: { communityId: string; hearing: HearingDetail; onChanged: () => void }) {
  const { members } = usePeople(communityId);
  const [form] = Form.useForm<{ panel: { userId: string; kind: PanelKind }[] }>();
  if (!['bidding', 'opened'].includes(hearing.status) || !hearing.panel) return null;
  const initial = hearing.panel.map((m) => ({ userId: m.userId, kind: m.kind }));
  return (
    <Card title="调整评审组" size="small" style={{ marginBottom: 16 }} data-testid="panel-editor">
      <Typography.Paragraph type="secondary">
        评审结果公示前可替换评审；被替换者已提交的评分作废。已申报回避的评审须保留在名单中。
      </Typography.Paragraph>
      <Form form={form} initialValues={{ panel: initial }}>
        <Form.List name="panel">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} wrap gap={8} align="baseline">
                  <Form.Item name={[f.name, 'userId']} rules={[{ required: true, message: '请选择' }]}>
                    <Select style={{ width: 260, maxWidth: '100%' }} options={members} placeholder="成员" aria-label="评审" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: '请选择' }]}>
                    <Select
                      style={{ width: 160 }}
                      aria-label="席位"
                      options={Object.entries(PANEL_KIND_LABELS).map(([value, label]) => ({ value, label }))}
                      placeholder="席位"
                    />
                  </Form.Item>
                  <Button type="text" danger aria-label="删除评审" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Flex gap={8} wrap>
                <Button icon={<PlusOutlined />} onClick={() => add()}>
                  添加评审
                </Button>
                <ConfirmButton
                  type="primary"
                  data-testid="panel-save"
                  confirmTitle="保存新的评审组？"
                  consequence="被替换的评审已提交的评分将作废，变更记入决策记录。"
                  okText="保存"
                  precheck={async () => (await validated(form)) !== undefined}
                  onConfirm={async () => {
                    const values = await validated(form);
                    if (!values) return;
                    await hearingsApi.replacePanel(communityId, hearing.id, values.panel);
                    onChanged();
                  }}
                >
                  保存评审组
                </ConfirmButton>
              </Flex>
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}

/** 邀请供应商 (committee, until the bid deadline: POST …/invitations). */
export function InviteVendor({ communityId, hearing, onChanged }: { communityId: string; hearing: HearingDetail; onChanged: () => void }) {
  const { vendors } = usePeople(communityId);
  const [form] = Form.useForm<{ userId: string; vendorName: string }>();
  if (hearing.status !== 'bidding' || Date.now() >= new Date(hearing.bidDeadline).getTime() || !hearing.vendors) return null;
  const invited = new Set(hearing.vendors.map((v) => v.userId));
  return (
    <Card title="邀请供应商" size="small" style={{ marginBottom: 16 }} data-testid="invite-vendor">
      <Typography.Paragraph type="secondary">投标截止（{formatDateTime(hearing.bidDeadline)}）前可追加邀请。</Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        onFinish={(v) =>
          void hearingsApi.invite(communityId, hearing.id, v.userId, v.vendorName.trim()).then(
            () => {
              form.resetFields();
              onChanged();
            },
            () => undefined, // shown by the wrapper
          )
        }
      >
        <Form.Item name="userId" rules={[{ required: true, message: '请选择' }]}>
          <Select
            style={{ width: 220, maxWidth: '100%' }}
            options={vendors.filter((v) => !invited.has(v.value))}
            placeholder="供应商账号"
            aria-label="供应商账号"
          />
        </Form.Item>
        <Form.Item name="vendorName" rules={[{ required: true, whitespace: true, message: '请填写' }]}>
          <Input style={{ width: 220, maxWidth: '100%' }} placeholder="单位名称" aria-label="单位名称" />
        </Form.Item>
        <Button htmlType="submit" icon={<PlusOutlined />}>
          邀请
        </Button>
      </Form>
    </Card>
  );
}
