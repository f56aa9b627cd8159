import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, Skeleton } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { agendaApi, hearingsApi, identityApi, type Criterion, type PanelKind } from '../../api';
import { useLoad } from '../../hooks/useLoad';
import { PANEL_KIND_LABELS, ROLE_LABELS } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { useCommunity } from '../../session/useCommunity';

interface Values {
  agendaItemId: string;
  title: string;
  description: string;
  place: string;
  criteria: Criterion[];
  panel: { userId: string; kind: PanelKind }[];
  vendors: { userId: string; vendorName: string }[];
  bidDeadline: Dayjs;
  openingAt: Dayjs;
}

const DEFAULT_CRITERIA: Criterion[] = [
  { key: 'price', label: '报价', weight: 40 },
  { key: 'quality', label: '方案质量', weight: 30 },
  { key: 'warranty', label: '质保与售后', weight: 20 },
  { key: 'schedule', label: '工期', weight: 10 },
];

/** 发布听证会 (committee): panel, invited vendors, weighted criteria, bid deadline and opening time. */
export default function HearingSetupPage() {
  const { communityId } = useCommunity();
  const navigate = useNavigate();
  const items = useLoad(() => agendaApi.list(communityId), [communityId]);
  const people = useLoad(() => identityApi.roles(communityId), [communityId]);
  const [saving, setSaving] = useState(false);
  if (!items.data || !people.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const active = people.data.filter((r) => r.active);
  const members = [...new Map(active.filter((r) => r.role !== 'vendor').map((r) => [r.userId, r])).values()].map((r) => ({
    value: r.userId,
    label: `${r.displayName}（${ROLE_LABELS[r.role]}）`,
  }));
  const vendors = active.filter((r) => r.role === 'vendor').map((r) => ({ value: r.userId, label: r.displayName }));

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const created = await hearingsApi.create(communityId, {
        ...v,
        criteria: criterionKeys(v.criteria),
        bidDeadline: v.bidDeadline.toISOString(),
        openingAt: v.openingAt.toISOString(),
      });
      navigate(`/c/${communityId}/hearings/${created.id}`);
    } catch {
      // shown by the wrapper
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title="发布听证会" />
      <Card>
        <Form<Values>
          layout="vertical"
          initialValues={{ criteria: DEFAULT_CRITERIA, panel: [{}], vendors: [{}] }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item name="agendaItemId" label="议题" rules={[{ required: true, message: '请选择议题' }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={items.data.map((i) => ({ value: i.id, label: `第 ${i.seq} 号 ${i.title}` }))}
            />
          </Form.Item>
          <Form.Item name="title" label="听证会名称" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label="说明（采购内容与要求）" rules={[{ required: true }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="place" label="地点" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Flex wrap gap={12}>
            <Form.Item name="bidDeadline" label="投标截止" rules={[{ required: true }]}>
              <DatePicker showTime />
            </Form.Item>
            <Form.Item name="openingAt" label="开标时间（不早于截止）" rules={[{ required: true }]}>
              <DatePicker showTime />
            </Form.Item>
          </Flex>
          <Form.List name="criteria">
            {(fields, { add, remove }) => (
              <Card size="small" title="评分标准与权重" style={{ marginBottom: 16 }}>
                {fields.map((f) => (
                  <Flex key={f.key} wrap gap={8} align="baseline">
                    {/* The machine key of a criterion is generated on saving; people only name and weigh it. */}
                    <Form.Item name={[f.name, 'key']} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item name={[f.name, 'label']} rules={[{ required: true, whitespace: true, message: '请填写评分项名称' }]}>
                      <Input aria-label="评分项名称" placeholder="名称，如 报价" style={{ width: 200, maxWidth: '100%' }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'weight']} rules={[{ required: true, message: '请填写权重' }]}>
                      <InputNumber aria-label="权重" min={1} max={100} precision={0} placeholder="权重" />
                    </Form.Item>
                    <Button type="text" danger aria-label="删除评分项" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add()}>
                  添加评分项
                </Button>
              </Card>
            )}
          </Form.List>
          <Form.List name="panel">
            {(fields, { add, remove }) => (
              <Card size="small" title="评审组" style={{ marginBottom: 16 }}>
                {fields.map((f) => (
                  <Flex key={f.key} wrap gap={8} align="baseline">
                    <Form.Item name={[f.name, 'userId']} rules={[{ required: true, message: '请选择' }]}>
                      <Select style={{ width: 260 }} options={members} placeholder="成员" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'kind']} rules={[{ required: true, message: '请选择' }]}>
                      <Select
                        style={{ width: 160 }}
                        options={Object.entries(PANEL_KIND_LABELS).map(([value, label]) => ({ value, label }))}
                        placeholder="席位"
                      />
                    </Form.Item>
                    <MinusCircleOutlined aria-label="删除" onClick={() => remove(f.name)} />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add()}>
                  添加评审
                </Button>
              </Card>
            )}
          </Form.List>
          <Form.List name="vendors">
            {(fields, { add, remove }) => (
              <Card size="small" title="受邀供应商（至少 3 家方可开标）" style={{ marginBottom: 16 }}>
                {fields.map((f) => (
                  <Flex key={f.key} wrap gap={8} align="baseline">
                    <Form.Item name={[f.name, 'userId']} rules={[{ required: true, message: '请选择' }]}>
                      <Select style={{ width: 220 }} options={vendors} placeholder="供应商账号" />
                    </Form.Item>
                    <Form.Item name={[f.name, 'vendorName']} rules={[{ required: true, message: '请填写' }]}>
                      <Input style={{ width: 220 }} placeholder="单位名称" />
                    </Form.Item>
                    <MinusCircleOutlined aria-label="删除" onClick={() => remove(f.name)} />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add()}>
                  邀请供应商
                </Button>
              </Card>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" loading={saving} block>
            发布听证会
          </Button>
        </Form>
      </Card>
    </>
  );
}

/** Keys for the criteria (a–z, digits, _; unique): kept when given (the defaults), else c1, c2, … */
function criterionKeys<T extends { key?: string }>(criteria: T[]): (T & { key: string })[] {
  const used = new Set(criteria.map((c) => c.key).filter((k): k is string => !!k && /^[a-z][a-z0-9_]{0,31}$/.test(k)));
  let n = 0;
  return criteria.map((c) => {
    if (c.key && /^[a-z][a-z0-9_]{0,31}$/.test(c.key)) return { ...c, key: c.key };
    let key: string;
    do key = `c${++n}`;
    while (used.has(key));
    used.add(key);
    return { ...c, key };
  });
}
