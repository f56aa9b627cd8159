import { CheckSquareOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Statistic, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { registryApi, type Building } from '../../api';
import { formatArea } from '../../format';
import { timeZoneLabel } from '../../labels';
import { useLoad } from '../../hooks/useLoad';
import { PageHeader } from '../../layout/PageHeader';
import { can } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';

function StatCard({
  title,
  value,
  suffix,
  testId,
  note,
}: {
  title: string;
  value: string;
  suffix?: string;
  testId: string;
  note?: string;
}) {
  return (
    <Card variant="borderless" style={{ height: '100%' }}>
      <Statistic title={title} value={value} suffix={suffix} formatter={() => <span data-testid={testId}>{value}</span>} />
      {note && (
        <Typography.Text type="secondary" style={{ fontSize: 16 }}>
          {note}
        </Typography.Text>
      )}
    </Card>
  );
}

export default function OverviewPage() {
  const { communityId, roles, isAdmin } = useCommunity();
  // Owners and representatives read the totals but not the building list (staff only).
  const staff = can('units', roles, isAdmin);
  const { data, loading } = useLoad(async () => {
    const [community, totals, buildings] = await Promise.all([
      registryApi.community(communityId),
      registryApi.totals(communityId),
      staff ? registryApi.buildings(communityId) : Promise.resolve<Building[]>([]),
    ]);
    return { community, totals, buildings };
  }, [communityId, staff]);

  if (loading || !data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const { community, totals, buildings } = data;
  const empty = totals.unitCount === 0 && buildings.length === 0;

  return (
    <>
      <PageHeader title={community.name} />
      {roles.includes('owner') && (
        <Card style={{ marginBottom: 16, borderColor: '#1f5fa8' }} data-testid="owner-entry">
          <Flex wrap gap={12} align="center" justify="space-between">
            <Typography.Text style={{ fontSize: 20 }}>业主大会表决在这里参加，手机上即可投票。</Typography.Text>
            <Link to={`/c/${communityId}/my-votes`}>
              <Button type="primary" size="large" icon={<CheckSquareOutlined />}>
                我的表决
              </Button>
            </Link>
          </Flex>
        </Card>
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'district', label: '所在区县', children: community.district || '—' },
          { key: 'address', label: '地址', children: community.address || '—' },
          { key: 'tz', label: '时区', children: timeZoneLabel(community.timeZone) },
        ]}
      />
      {empty ? (
        <Card>
          <Empty description="尚未导入房屋花名册，导入后这里会显示总面积和总人数。">
            <Link to={`/c/${communityId}/roster`}>
              <Button type="primary" icon={<UploadOutlined />}>
                导入花名册
              </Button>
            </Link>
          </Empty>
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]}>
            <Col xs={24} sm={12} lg={8}>
              <StatCard title="专有部分总面积" value={formatArea(totals.totalArea)} suffix="平方米" testId="total-area" />
            </Col>
            <Col xs={12} sm={12} lg={8}>
              <StatCard
                title="业主总人数"
                value={String(totals.totalHeadcount)}
                suffix="人"
                testId="total-headcount"
                note="同一业主多套房按一人计；开发商未售房屋合计一人"
              />
            </Col>
            <Col xs={12} sm={12} lg={8}>
              <StatCard title="房屋套数" value={String(totals.unitCount)} suffix="套" testId="unit-count" />
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <StatCard
                title="开发商持有（未售/未交付）"
                value={String(totals.developerUnitCount)}
                suffix="套"
                testId="developer-unit-count"
              />
            </Col>
            <Col xs={12} sm={12} lg={8}>
              <StatCard title="拥有多套房的业主" value={String(totals.multiUnitOwnerCount)} suffix="人" testId="multi-unit-owner-count" />
            </Col>
          </Row>
          <Card title="表决门槛（三分之二以上）" style={{ marginTop: 16 }}>
            <Typography.Paragraph type="secondary">
              依照《民法典》第二百七十八条，业主共同决定事项须由专有部分面积占比三分之二以上、且人数占比三分之二以上的业主参与表决：
            </Typography.Paragraph>
            <Row gutter={[16, 16]}>
              <Col xs={24} md={12}>
                <Statistic
                  title="参与面积不少于"
                  value={totals.twoThirdsArea}
                  suffix="平方米"
                  formatter={() => <span data-testid="two-thirds-area">{formatArea(totals.twoThirdsArea)}</span>}
                />
              </Col>
              <Col xs={24} md={12}>
                <Statistic
                  title="参与人数不少于"
                  value={totals.twoThirdsHeadcount}
                  suffix="人"
                  formatter={() => <span data-testid="two-thirds-headcount">{totals.twoThirdsHeadcount}</span>}
                />
              </Col>
            </Row>
            {!totals.countParkingAsArea && (
              <Alert style={{ marginTop: 16 }} type="info" showIcon title="车位不计入专有部分面积和人数（本小区议事规则）。" />
            )}
          </Card>
          {staff && (
            <Card title={`楼栋（${buildings.length}）`} style={{ marginTop: 16 }}>
              <Table<Building>
                rowKey="id"
                dataSource={buildings}
                pagination={buildings.length > 20 ? { pageSize: 20 } : false}
                columns={[
                  {
                    title: '楼栋',
                    dataIndex: 'name',
                    render: (name: string, b) => <Link to={`/c/${communityId}/units?buildingId=${b.id}`}>{name}</Link>,
                  },
                  { title: '房屋套数', dataIndex: 'unitCount', align: 'right' },
                  { title: '面积（平方米）', dataIndex: 'totalArea', align: 'right', render: (a: string) => formatArea(a) },
                ]}
              />
            </Card>
          )}
        </>
      )}
    </>
  );
}
