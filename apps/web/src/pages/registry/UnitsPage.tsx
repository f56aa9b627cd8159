import { ExportButtons } from '../../components/ExportButtons';
import {
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Grid,
  Input,
  Pagination,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { registryApi, type Unit, type UnitKind, type UnitStatus } from '../../api';
import { formatArea } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { AREA_SOURCE_LABELS, UNIT_KIND_LABELS, UNIT_STATUS_COLORS, UNIT_STATUS_LABELS } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { COMMITTEE, hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';

const DEFAULT_PAGE_SIZE = 20;

function Owners({ unit }: { unit: Unit }) {
  const developerHeld = unit.status !== 'sold';
  return (
    <Space orientation="vertical" size={2}>
      {unit.owners.map((o) => (
        <span key={`${o.name}-${o.mobile ?? ''}`}>
          {o.name}
          {o.mobile && (
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {o.mobile}
            </Typography.Text>
          )}
          {unit.owners.length > 1 && o.designated && (
            <Tag color="blue" style={{ marginLeft: 8 }}>
              投票人
            </Tag>
          )}
        </span>
      ))}
      {developerHeld && <Tag color="orange">开发商持有</Tag>}
      {unit.owners.length === 0 && !developerHeld && <Typography.Text type="secondary">—</Typography.Text>}
    </Space>
  );
}

/** On a phone a table of six columns is unreadable: one card per unit instead. */
function UnitCard({ unit }: { unit: Unit }) {
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="unit-card">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text strong style={{ fontSize: 20 }}>
          {unit.number}
        </Typography.Text>
        <Tag color={UNIT_STATUS_COLORS[unit.status]}>{UNIT_STATUS_LABELS[unit.status] ?? unit.status}</Tag>
      </Flex>
      <div style={{ margin: '6px 0' }}>
        {formatArea(unit.area)} 平方米
        <Typography.Text type="secondary">
          （{AREA_SOURCE_LABELS[unit.areaSource] ?? unit.areaSource}）· {UNIT_KIND_LABELS[unit.kind] ?? unit.kind}
        </Typography.Text>
      </div>
      <Owners unit={unit} />
    </Card>
  );
}

export default function UnitsPage() {
  const { communityId = '' } = useParams();
  const { roles, isAdmin } = useCommunity();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const buildingId = params.get('buildingId') ?? undefined;
  const status = (params.get('status') as UnitStatus | null) ?? undefined;
  const kind = (params.get('kind') as UnitKind | null) ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Number(params.get('pageSize') ?? DEFAULT_PAGE_SIZE) || DEFAULT_PAGE_SIZE;
  const [search, setSearch] = useState(q);
  const phone = Grid.useBreakpoint().md === false;
  useEffect(() => setSearch(q), [q]);

  const buildings = useLoad(() => registryApi.buildings(communityId), [communityId]);
  const units = useLoad(
    () => registryApi.units(communityId, { q: q || undefined, buildingId, status, kind, page, pageSize }),
    [communityId, q, buildingId, status, kind, page, pageSize],
  );

  /** Changes filters in the address, so "back" and a shared link show the same list. */
  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const columns: TableColumnsType<Unit> = [
    { title: '房号', dataIndex: 'number', render: (n: string) => <strong>{n}</strong> },
    { title: '楼栋', dataIndex: 'building', responsive: ['lg'] },
    { title: '类型', dataIndex: 'kind', responsive: ['md'], render: (k: UnitKind) => UNIT_KIND_LABELS[k] ?? k },
    {
      title: '面积（㎡）',
      dataIndex: 'area',
      align: 'right',
      render: (area: string, u) => (
        <span>
          {formatArea(area)}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 16 }}>
            {AREA_SOURCE_LABELS[u.areaSource] ?? u.areaSource}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      responsive: ['sm'],
      render: (s: UnitStatus) => <Tag color={UNIT_STATUS_COLORS[s]}>{UNIT_STATUS_LABELS[s] ?? s}</Tag>,
    },
    { title: '业主', key: 'owners', render: (_, u) => <Owners unit={u} /> },
  ];

  const filtered = Boolean(q || buildingId || status || kind);

  return (
    <>
      <PageHeader
        title="房屋列表"
        extra={
          <Space wrap>
            <ExportButtons path={`/communities/${communityId}/exports/units`} label="导出房屋" />
            {(isAdmin || hasAny(roles, COMMITTEE)) && (
              <ExportButtons path={`/communities/${communityId}/exports/owners`} label="导出业主（脱敏）" />
            )}
            <Link to={`/c/${communityId}/roster`}>
              <Button>导入花名册</Button>
            </Link>
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={10}>
            <Input.Search
              data-testid="unit-search"
              placeholder="搜索房号、楼栋或业主姓名"
              allowClear
              enterButton="搜索"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              onSearch={(value) => update({ q: value.trim() })}
            />
          </Col>
          <Col xs={12} md={5}>
            <Select
              data-testid="building-filter"
              style={{ width: '100%' }}
              placeholder="全部楼栋"
              allowClear
              value={buildingId}
              loading={buildings.loading}
              options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
              onChange={(value?: string) => update({ buildingId: value })}
            />
          </Col>
          <Col xs={12} md={4}>
            <Select
              data-testid="status-filter"
              style={{ width: '100%' }}
              placeholder="全部状态"
              allowClear
              value={status}
              options={Object.entries(UNIT_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
              onChange={(value?: string) => update({ status: value })}
            />
          </Col>
          <Col xs={24} md={5}>
            <Select
              data-testid="kind-filter"
              style={{ width: '100%' }}
              placeholder="全部类型"
              allowClear
              value={kind}
              options={Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
              onChange={(value?: string) => update({ kind: value })}
            />
          </Col>
        </Row>
        {filtered && (
          <Button type="link" style={{ paddingInline: 0, marginTop: 8 }} onClick={() => setParams(new URLSearchParams())}>
            清除全部筛选
          </Button>
        )}
      </Card>
      {phone ? (
        <Spin spinning={units.loading}>
          {(units.data?.items ?? []).map((unit) => (
            <UnitCard key={unit.id} unit={unit} />
          ))}
          {units.data?.items.length === 0 && (
            <Card>
              <Empty description={filtered ? '没有符合条件的房屋' : '尚未导入房屋'} />
            </Card>
          )}
          <Flex justify="center" style={{ marginTop: 8 }}>
            <Pagination
              simple
              current={page}
              pageSize={pageSize}
              total={units.data?.total ?? 0}
              showTotal={(total) => `共 ${total} 套`}
              onChange={(nextPage) => update({ page: nextPage })}
            />
          </Flex>
        </Spin>
      ) : (
        <Card>
          <Table<Unit>
            data-testid="units-table"
            rowKey="id"
            loading={units.loading}
            columns={columns}
            dataSource={units.data?.items ?? []}
            locale={{ emptyText: filtered ? '没有符合条件的房屋' : '尚未导入房屋' }}
            pagination={{
              current: page,
              pageSize,
              total: units.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (total) => `共 ${total} 套`,
              onChange: (nextPage, nextSize) => update({ page: nextPage, pageSize: nextSize }),
            }}
          />
        </Card>
      )}
    </>
  );
}
