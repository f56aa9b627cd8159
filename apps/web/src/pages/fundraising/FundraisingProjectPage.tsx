import { Button, Card, DatePicker, Descriptions, Flex, Form, Input, Modal, Progress, Radio, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { fetchFile, fundraisingApi, saveFile, type FundraisingContribution } from '../../api';
import { formatYuan, percentOf, yuanToFen } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { PageHeader } from '../../layout/PageHeader';
import { COMMITTEE, hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';

const KIND_LABELS = { pledge: '认缴', payment: '缴款', refund: '退款' } as const;
const KIND_COLORS = { pledge: 'default', payment: 'green', refund: 'red' } as const;

/** 「1」 → 「1 幢」, 「1 2 单元」 → 「1 幢 2 单元」 (the API labels a 单元 target `${building} ${stairwell} 单元`). */
const groupLabel = (label: string) => label.replace(/^(\d+)(?=$| )/, '$1 幢');

/** One 集资 project: progress per building, each unit's share and payments, receipts, refunds, disclosures. */
export default function FundraisingProjectPage() {
  const { projectId = '' } = useParams();
  const { communityId, roles } = useCommunity();
  const project = useLoad(() => fundraisingApi.get(communityId, projectId), [communityId, projectId]);
  const [form] = Form.useForm<{ unitNumber: string; kind: 'pledge' | 'payment'; amount: string; paidOn: Dayjs; method?: string }>();
  const [saving, setSaving] = useState(false);
  const [period, setPeriod] = useState<Dayjs | null>(null);
  const [last, setLast] = useState<FundraisingContribution | null>(null);
  const [refunding, setRefunding] = useState<FundraisingContribution | null>(null);
  const [refundForm] = Form.useForm<{ amount: string; reason: string }>();
  const canCash = hasAny(roles, [...COMMITTEE, 'property_company']);
  const isCommittee = hasAny(roles, COMMITTEE);
  const p = project.data;
  if (!p) return null;

  const receipt = async (c: FundraisingContribution) => saveFile(await fetchFile(fundraisingApi.receiptPath(communityId, p.id, c.id)));
  const record = async (v: { unitNumber: string; kind: 'pledge' | 'payment'; amount: string; paidOn: Dayjs; method?: string }) => {
    const amountFen = yuanToFen(String(v.amount));
    if (!amountFen || amountFen === '0') return form.setFields([{ name: 'amount', errors: ['请输入金额（元，最多两位小数）'] }]);
    setSaving(true);
    try {
      const saved = await fundraisingApi.contribute(communityId, p.id, {
        unitNumber: v.unitNumber.trim(),
        kind: v.kind,
        amountFen,
        paidOn: v.paidOn.format('YYYY-MM-DD'),
        method: v.method,
      });
      setLast(saved);
      form.resetFields(['unitNumber', 'amount']);
      project.reload();
    } finally {
      setSaving(false);
    }
  };
  const refunded = (c: FundraisingContribution) =>
    p.contributions.filter((r) => r.reversesId === c.id).reduce((sum, r) => sum + BigInt(r.amountFen), 0n);
  const refund = async (v: { amount: string; reason: string }) => {
    const amountFen = yuanToFen(String(v.amount));
    if (!refunding) return;
    if (!amountFen || amountFen === '0') return refundForm.setFields([{ name: 'amount', errors: ['请输入金额（元，最多两位小数）'] }]);
    await fundraisingApi.refund(communityId, p.id, refunding.id, { amountFen, reason: v.reason, paidOn: dayjs().format('YYYY-MM-DD') });
    setRefunding(null);
    refundForm.resetFields();
    project.reload();
  };
  const requestSeal = async (c: FundraisingContribution) => {
    await fundraisingApi.requestReceiptSeal(communityId, p.id, c.id);
    project.reload();
  };
  const disclose = async () => {
    if (!period) return;
    await fundraisingApi.disclose(communityId, p.id, period.format('YYYY-MM-DD'));
    project.reload();
  };

  return (
    <>
      <Link to={`/c/${communityId}/fundraising`}>返回集资项目</Link>
      <PageHeader title={`集资第 ${p.seq} 号 ${p.title}`} extra={<Link to={`/p/${communityId}/fundraising/${p.id}`}>公示页</Link>} />
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          {
            key: 'item',
            label: '依据',
            children: p.agendaItem ? `议题第 ${p.agendaItem.seq} 号「${p.agendaItem.title}」（业主大会表决通过）` : '—',
          },
          { key: 'basis', label: '分摊', children: p.shareBasis === 'area' ? '按专有部分面积' : '每户固定金额' },
          { key: 'target', label: '目标', children: formatYuan(p.totals.targetFen) },
          { key: 'paid', label: '已缴', children: <span data-testid="fundraising-paid">{formatYuan(p.totals.paidFen)}</span> },
        ]}
      />
      <Card title={p.scope === 'stairwell' ? '各单元进度' : '各楼栋进度'} style={{ margin: '16px 0' }}>
        {p.groups.map((g) => (
          <div key={g.targetId} style={{ marginBottom: 8 }} data-testid="fundraising-group">
            <Flex justify="space-between" wrap>
              <strong>{groupLabel(g.label)}</strong>
              <span>
                {formatYuan(g.paidFen)} / {formatYuan(g.targetFen)}（{g.paidUnits}/{g.units} 户缴清）
              </span>
            </Flex>
            <Progress percent={percentOf(g.paidFen, g.targetFen)} />
          </div>
        ))}
      </Card>
      {canCash && (
        <Card title="登记认缴或缴款" style={{ marginBottom: 16 }}>
          <Form
            form={form}
            layout="inline"
            onFinish={record}
            initialValues={{ kind: 'payment', paidOn: dayjs() }}
            data-testid="contribution-form"
          >
            <Form.Item name="unitNumber" label="房号" rules={[{ required: true, message: '请输入房号' }]}>
              <Input placeholder="1-1-101" style={{ width: 140 }} data-testid="contribution-unit" />
            </Form.Item>
            <Form.Item name="kind">
              <Radio.Group
                options={[
                  { value: 'payment', label: '缴款' },
                  { value: 'pledge', label: '认缴' },
                ]}
              />
            </Form.Item>
            <Form.Item name="amount" label="金额（元）" rules={[{ required: true, message: '请输入金额' }]}>
              <Input style={{ width: 140 }} data-testid="contribution-amount" />
            </Form.Item>
            <Form.Item name="paidOn" label="日期" rules={[{ required: true }]}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="method" label="方式">
              <Input placeholder="银行转账" style={{ width: 120 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="record-contribution">
              登记
            </Button>
          </Form>
          {last?.receiptCode && (
            <Typography.Paragraph style={{ marginTop: 12 }} data-testid="last-receipt">
              已登记，收据号 <strong>{last.receiptCode}</strong>
              {last.receiptNumber && <>（文书编号 {last.receiptNumber}，盖业委会章后可在验章页查验）</>}{' '}
              <Button onClick={() => receipt(last)} data-testid="download-receipt">
                下载收据 PDF
              </Button>
            </Typography.Paragraph>
          )}
        </Card>
      )}
      <Card title="每户应缴与已缴" style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="unitNumber"
          dataSource={p.units}
          pagination={p.units.length > 30 ? { pageSize: 30 } : false}
          columns={[
            { title: '房号', dataIndex: 'unitNumber' },
            { title: '应缴', dataIndex: 'shareFen', align: 'right', render: formatYuan },
            { title: '认缴', dataIndex: 'pledgedFen', align: 'right', render: (f?: string) => formatYuan(f ?? '0') },
            { title: '已缴', dataIndex: 'paidFen', align: 'right', render: formatYuan },
          ]}
        />
      </Card>
      <Card title="登记记录（不可修改，退款以反向记录）" style={{ marginBottom: 16 }}>
        <Table<FundraisingContribution>
          size="small"
          rowKey="id"
          dataSource={p.contributions}
          pagination={p.contributions.length > 30 ? { pageSize: 30 } : false}
          columns={[
            { title: '序号', dataIndex: 'seq' },
            { title: '房号', dataIndex: 'unitNumber' },
            {
              title: '类型',
              dataIndex: 'kind',
              render: (k: FundraisingContribution['kind']) => <Tag color={KIND_COLORS[k]}>{KIND_LABELS[k]}</Tag>,
            },
            { title: '金额', dataIndex: 'amountFen', align: 'right', render: formatYuan },
            { title: '日期', dataIndex: 'paidOn' },
            { title: '收据号', dataIndex: 'receiptCode', responsive: ['md'] },
            {
              title: '收据',
              key: 'receiptStatus',
              render: (_, c) =>
                !c.receiptCode ? null : c.receiptStatus === 'final' ? (
                  <Tag color="green" data-testid="receipt-status">
                    已盖章 · {c.receiptNumber}
                  </Tag>
                ) : c.receiptSealPending ? (
                  <Tag color="orange" data-testid="receipt-status">
                    待保管人盖章（用章待办）
                  </Tag>
                ) : (
                  <Tag data-testid="receipt-status">未盖章</Tag>
                ),
            },
            {
              title: '操作',
              key: 'actions',
              render: (_, c) => (
                <Space wrap>
                  {c.receiptCode && (
                    <Button size="small" onClick={() => receipt(c)}>
                      收据
                    </Button>
                  )}
                  {canCash && c.receiptCode && c.receiptStatus !== 'final' && !c.receiptSealPending && (
                    <Button size="small" onClick={() => requestSeal(c)} data-testid="request-receipt-seal">
                      申请盖章
                    </Button>
                  )}
                  {canCash && c.kind === 'payment' && refunded(c) < BigInt(c.amountFen) && (
                    <Button size="small" danger onClick={() => setRefunding(c)} data-testid="refund">
                      退款
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={!!refunding}
        title={`退款：收据 ${refunding?.receiptCode ?? ''}`}
        okText="确认退款"
        cancelText="取消"
        onCancel={() => setRefunding(null)}
        onOk={() => refundForm.submit()}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          以反向记录退款，原缴款记录保留；最多可退{' '}
          {refunding ? formatYuan((BigInt(refunding.amountFen) - refunded(refunding)).toString()) : ''}。
        </Typography.Paragraph>
        <Form form={refundForm} layout="vertical" onFinish={refund}>
          <Form.Item name="amount" label="退款金额（元）" rules={[{ required: true, message: '请输入金额' }]}>
            <Input data-testid="refund-amount" />
          </Form.Item>
          <Form.Item name="reason" label="退款原因" rules={[{ required: true, min: 2, message: '请写明原因' }]}>
            <Input.TextArea rows={2} data-testid="refund-reason" />
          </Form.Item>
        </Form>
      </Modal>
      <Card title="盖章公示（每期）">
        {p.disclosures.map((d) => (
          <div key={d.id} style={{ marginBottom: 6 }}>
            {d.periodStart} 至 {d.periodEnd} · {d.documentNumber} ·{' '}
            {d.publishedAt ? <Tag color="green">已盖章公示</Tag> : <Tag color="orange">待保管人盖章（用章待办）</Tag>}
          </div>
        ))}
        {isCommittee && (
          <Flex wrap gap={12} style={{ marginTop: 12 }}>
            <DatePicker value={period} onChange={setPeriod} placeholder="已结束期间内任一日期" />
            <Button disabled={!period} onClick={disclose}>
              申请盖章公示该期集资情况
            </Button>
          </Flex>
        )}
      </Card>
    </>
  );
}
