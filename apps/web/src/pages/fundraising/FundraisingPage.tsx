import { Button, Card, Empty, Form, Input, InputNumber, Progress, Radio, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { agendaApi, fundraisingApi, registryApi, type FundraisingProjectSummary } from '../../api';
import { formatYuan, percentOf, yuanToFen } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { PageHeader } from '../../layout/PageHeader';
import { COMMITTEE, hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';

interface CreateForm {
  title: string;
  description?: string;
  agendaItemId: string;
  shareBasis: 'area' | 'fixed';
  scope: 'building' | 'stairwell';
  /** Keyed by building id, or by `${buildingId}/${stairwell}` when the targets are per 单元. */
  targets: Record<string, string | undefined>;
}

const buildingLabel = (name: string) => (/^\d+$/.test(name) ? `${name} 幢` : name);
/** A roster names the 单元 「1」 or 「1单元」; the API labels progress the same way. */
const stairwellLabel = (s: string) => (/单元$/.test(s) ? s : `${s} 单元`);

/** 集资项目: the list with progress, and the form that creates a project from an approved art278_6 item. */
export default function FundraisingPage() {
  const { communityId, roles } = useCommunity();
  const navigate = useNavigate();
  const projects = useLoad(() => fundraisingApi.list(communityId), [communityId]);
  const canCreate = hasAny(roles, COMMITTEE);
  const items = useLoad(() => (canCreate ? agendaApi.list(communityId) : Promise.resolve([])), [communityId, canCreate]);
  const buildings = useLoad(() => (canCreate ? registryApi.buildings(communityId) : Promise.resolve([])), [communityId, canCreate]);
  const [form] = Form.useForm<CreateForm>();
  const basis = Form.useWatch('shareBasis', form) ?? 'area';
  const scope = Form.useWatch('scope', form) ?? 'building';
  // One field per building, or per 单元 of each building (a building without 单元 keeps one field).
  const fields = (buildings.data ?? []).flatMap((b) =>
    scope === 'stairwell' && b.stairwells.length
      ? b.stairwells.map((s) => ({
          key: `${b.id}/${s}`,
          buildingId: b.id,
          stairwell: s as string | undefined,
          label: `${buildingLabel(b.name)} ${stairwellLabel(s)}`,
          testId: `target-${b.name}-${s}`,
        }))
      : scope === 'stairwell'
        ? []
        : [{ key: b.id, buildingId: b.id, stairwell: undefined, label: buildingLabel(b.name), testId: `target-${b.name}` }],
  );
  const [saving, setSaving] = useState(false);

  const create = async (values: CreateForm) => {
    const targets = fields
      .map((f) => ({ ...f, fen: values.targets?.[f.key] ? yuanToFen(String(values.targets[f.key])) : null }))
      .filter((t) => t.fen)
      .map((t) => ({
        buildingId: t.buildingId,
        ...(t.stairwell !== undefined ? { stairwell: t.stairwell } : {}),
        ...(basis === 'area' ? { targetFen: t.fen! } : { shareFen: t.fen! }),
      }));
    setSaving(true);
    try {
      const created = await fundraisingApi.create(communityId, {
        title: values.title,
        description: values.description,
        agendaItemId: values.agendaItemId,
        shareBasis: values.shareBasis,
        scope: values.scope,
        targets,
      });
      navigate(`/c/${communityId}/fundraising/${created.id}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader title="集资项目" />
      <Card style={{ marginBottom: 16 }}>
        {projects.data?.length === 0 && <Empty description="尚无集资项目" />}
        {(projects.data ?? []).length > 0 && (
          <Table<FundraisingProjectSummary>
            rowKey="id"
            dataSource={projects.data}
            pagination={false}
            columns={[
              { title: '编号', dataIndex: 'seq', render: (n: number) => `集资第 ${n} 号` },
              {
                title: '项目',
                dataIndex: 'title',
                render: (t: string, p) => <Link to={`/c/${communityId}/fundraising/${p.id}`}>{t}</Link>,
              },
              { title: '目标', key: 'target', align: 'right', render: (_, p) => formatYuan(p.totals.targetFen) },
              { title: '已缴', key: 'paid', align: 'right', render: (_, p) => formatYuan(p.totals.paidFen) },
              {
                title: '进度',
                key: 'progress',
                render: (_, p) => <Progress percent={percentOf(p.totals.paidFen, p.totals.targetFen)} size="small" />,
              },
            ]}
          />
        )}
      </Card>
      {canCreate && (
        <Card title="新建集资项目">
          <Typography.Paragraph type="secondary">
            筹集维修资金属于民法典第二百七十八条第一款第（六）项，须由业主大会表决通过（参与表决面积和人数各四分之三以上同意）。请选择已通过表决的议题。
          </Typography.Paragraph>
          <Form
            form={form}
            layout="vertical"
            onFinish={create}
            initialValues={{ shareBasis: 'area', scope: 'building' }}
            data-testid="fundraising-form"
          >
            <Form.Item name="title" label="项目名称" rules={[{ required: true, min: 2, message: '请填写项目名称' }]}>
              <Input placeholder="如：1–9 幢电梯更新集资" />
            </Form.Item>
            <Form.Item name="description" label="说明">
              <Input.TextArea rows={2} />
            </Form.Item>
            <Form.Item name="agendaItemId" label="批准集资的议题" rules={[{ required: true, message: '请选择议题' }]}>
              <Select
                data-testid="fundraising-item"
                options={(items.data ?? [])
                  .filter((i) => i.category === 'art278_6')
                  .map((i) => ({ value: i.id, label: `议题第 ${i.seq} 号 ${i.title}` }))}
                notFoundContent="没有「筹集维修资金」类议题"
              />
            </Form.Item>
            <Form.Item name="scope" label="目标按">
              <Radio.Group
                data-testid="fundraising-scope"
                options={[
                  { value: 'building', label: '楼栋' },
                  { value: 'stairwell', label: '单元（如每个单元各自加装电梯）' },
                ]}
              />
            </Form.Item>
            <Form.Item name="shareBasis" label="分摊方式">
              <Radio.Group
                options={[
                  {
                    value: 'area',
                    label: scope === 'stairwell' ? '按专有部分面积分摊（填每个单元的目标）' : '按专有部分面积分摊（填每栋目标）',
                  },
                  { value: 'fixed', label: '每户固定金额（填每户金额）' },
                ]}
              />
            </Form.Item>
            <Typography.Paragraph type="secondary" style={{ fontSize: 14 }}>
              按面积分摊时每户金额精确到分，余下的分按余数从大到小逐户补 1 分，各户合计正好等于目标。不填的
              {scope === 'stairwell' ? '单元' : '楼栋'}不参加。
            </Typography.Paragraph>
            <Space wrap>
              {fields.map((f) => (
                <Form.Item key={f.key} name={['targets', f.key]} label={`${f.label}（元）`}>
                  <InputNumber min={0} precision={2} style={{ width: 160 }} stringMode data-testid={f.testId} />
                </Form.Item>
              ))}
            </Space>
            <Form.Item>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="create-fundraising">
                创建并分摊到户
              </Button>
            </Form.Item>
          </Form>
        </Card>
      )}
    </>
  );
}
