import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Input, Progress, Result, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { publicApi, type FundraisingGroup } from '../../api';
import { formatDate, formatYuan, percentOf } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { PublicShell } from './PublicShell';

function GroupProgress({ groups }: { groups: FundraisingGroup[] }) {
  return (
    <>
      {groups.map((g) => (
        <div key={g.targetId} style={{ marginBottom: 12 }} data-testid="fundraising-group">
          <Flex justify="space-between" wrap gap={8}>
            <strong style={{ fontSize: 18 }}>{/^\d+$/.test(g.label) ? `${g.label} 幢` : g.label}</strong>
            <span className="gy-amount">
              {formatYuan(g.paidFen)} / {formatYuan(g.targetFen)}（{g.paidUnits}/{g.units} 户缴清）
            </span>
          </Flex>
          <Progress percent={percentOf(g.paidFen, g.targetFen)} />
        </div>
      ))}
    </>
  );
}

/** One project's public page: progress per building, every unit by number (never a name), sealed disclosures. */
export default function PublicFundraisingPage() {
  const { communityId = '', projectId = '' } = useParams();
  const page = useLoad(() => publicApi.fundraisingProject(communityId, projectId), [communityId, projectId]);
  const [filter, setFilter] = useState('');
  if (page.failed) {
    return (
      <PublicShell title="集资公示">
        <Result status="404" title="找不到这个集资项目" />
      </PublicShell>
    );
  }
  if (!page.data)
    return (
      <PublicShell title="集资公示">
        <Skeleton active paragraph={{ rows: 8 }} />
      </PublicShell>
    );
  const { community, project, approvedBy, groups, units, totals, disclosures } = page.data;
  const shown = units.filter((u) => u.unitNumber.includes(filter.trim()));
  return (
    <PublicShell title={community.name}>
      <Link to={`/p/${communityId}`}>返回小区公示</Link>
      <Typography.Title level={2} style={{ marginTop: 8 }} data-testid="fundraising-title">
        {project.title}
      </Typography.Title>
      {approvedBy && <Typography.Paragraph type="secondary">依据：{approvedBy}</Typography.Paragraph>}
      <Card title="总进度" style={{ marginBottom: 16 }}>
        <Typography.Paragraph style={{ fontSize: 19 }} data-testid="fundraising-total">
          已缴 {formatYuan(totals.paidFen)} / 目标 {formatYuan(totals.targetFen)}
        </Typography.Paragraph>
        <GroupProgress groups={groups} />
      </Card>
      <Card title="各户缴款（按房号，不公示姓名）" style={{ marginBottom: 16 }}>
        <Input
          placeholder="输入房号查找，如 1-1-101"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          style={{ marginBottom: 12 }}
        />
        <Table
          size="small"
          rowKey="unitNumber"
          dataSource={shown}
          pagination={shown.length > 30 ? { pageSize: 30 } : false}
          columns={[
            { title: '房号', dataIndex: 'unitNumber' },
            { title: '应缴', dataIndex: 'shareFen', align: 'right', render: formatYuan },
            { title: '已缴', dataIndex: 'paidFen', align: 'right', render: formatYuan },
            {
              title: '状态',
              key: 'state',
              render: (_, u) =>
                BigInt(u.paidFen) >= BigInt(u.shareFen) ? (
                  <Tag color="green">已缴清</Tag>
                ) : BigInt(u.paidFen) > 0n ? (
                  <Tag color="blue">部分</Tag>
                ) : (
                  <Tag>未缴</Tag>
                ),
            },
          ]}
        />
      </Card>
      <Card title="盖章公示" style={{ marginBottom: 16 }}>
        {disclosures.length === 0 && <Empty description="尚无盖章公示" />}
        {disclosures.map((d) => (
          <Flex key={d.id} wrap gap={12} align="center" style={{ marginBottom: 8 }}>
            <span>
              {d.periodStart} 至 {d.periodEnd}（公示于 {formatDate(d.publishedAt)}）
            </span>
            <Button
              icon={<FilePdfOutlined />}
              href={publicApi.disclosurePdfUrl(communityId, projectId, d.id)}
              download
              data-testid="disclosure-pdf"
            >
              下载盖章 PDF
            </Button>
          </Flex>
        ))}
      </Card>
    </PublicShell>
  );
}
