import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { publicApi, type PublicNotice } from '../../api';
import { formatDate, formatDateTime } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { StatementTotals } from '../finance/StatementTotals';
import { IncomeChart, periodLabel } from './IncomeChart';
import { PublicShell } from './PublicShell';

function noticeState(n: PublicNotice): { text: string; color: string } {
  const now = Date.now();
  if (n.status === 'closed') return { text: '已结束，结果已公布', color: 'default' };
  if (Date.parse(n.opensAt) > now) return { text: '公告中', color: 'orange' };
  if (Date.parse(n.closesAt) > now) return { text: '投票中', color: 'green' };
  return { text: '正在计票', color: 'blue' };
}

/**
 * 小区公示: published statements of public income with downloads, and the assembly notices. Open to everyone,
 * without logging in; nothing on it names a private person.
 */
export default function PublicCommunityPage() {
  const { communityId = '' } = useParams();
  const overview = useLoad(() => publicApi.overview(communityId), [communityId]);

  if (overview.failed) {
    return (
      <PublicShell title="小区公示">
        <Result status="404" title="找不到这个小区" subTitle="请检查公示页地址是否正确。" />
      </PublicShell>
    );
  }
  if (!overview.data)
    return (
      <PublicShell title="小区公示">
        <Skeleton active paragraph={{ rows: 8 }} />
      </PublicShell>
    );
  const { community, statements, notices } = overview.data;

  return (
    <PublicShell title={community.name}>
      <Typography.Title level={2} style={{ marginTop: 0 }} data-testid="public-community-name">
        {community.name} 公示
      </Typography.Title>
      {community.district && <Typography.Paragraph type="secondary">{community.district}</Typography.Paragraph>}

      <Card title="公共收益收支" style={{ marginBottom: 16 }}>
        {statements.length === 0 ? <Empty description="尚无已公示的报表" /> : <IncomeChart statements={statements} />}
      </Card>

      {statements.map((s) => (
        <Card
          key={s.id}
          style={{ marginBottom: 16 }}
          data-testid="public-statement"
          title={<span style={{ whiteSpace: 'normal' }}>{periodLabel(s.periodStart, s.periodEnd)}公共收益报表</span>}
          extra={<Tag color="green">第 {s.version} 版</Tag>}
        >
          <Typography.Paragraph type="secondary">
            {s.periodStart} 至 {s.periodEnd} · 经居委会、银行、审计机构三方审核 · 公示于 {s.publishedAt ? formatDate(s.publishedAt) : '—'}
            {s.postedUntil ? `，公示至 ${s.postedUntil}` : ''}
          </Typography.Paragraph>
          <StatementTotals totals={s} compact />
          <Flex wrap gap={12} style={{ marginTop: 16 }}>
            <Button
              type="primary"
              href={publicApi.csvUrl(communityId, s.id)}
              download
              icon={<DownloadOutlined />}
              style={{ height: 50, fontSize: 19 }}
              data-testid="download-csv"
            >
              下载明细（表格 CSV）
            </Button>
            <Button
              icon={<FilePdfOutlined />}
              href={publicApi.pdfUrl(communityId, s.id)}
              download
              disabled={!s.documentId}
              style={{ height: 50, fontSize: 19 }}
              data-testid="download-pdf"
            >
              下载盖章 PDF
            </Button>
          </Flex>
        </Card>
      ))}

      <Card title="业主大会公告" style={{ marginBottom: 16 }}>
        {notices.length === 0 && <Empty description="暂无公告" />}
        {notices.map((n) => {
          const st = noticeState(n);
          return (
            <div key={n.id} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="public-notice">
              <Flex wrap justify="space-between" gap={8} align="center">
                <strong style={{ fontSize: 19 }}>{n.title}</strong>
                <Tag color={st.color}>{st.text}</Tag>
              </Flex>
              <Typography.Text type="secondary">
                投票 {formatDateTime(n.opensAt)} 至 {formatDateTime(n.closesAt)}
              </Typography.Text>
              {n.status === 'closed' && (
                <div>
                  <Link to={`/p/${communityId}/votes/${n.id}`}>查看表决结果</Link>
                </div>
              )}
            </div>
          );
        })}
      </Card>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
        业主登录后可在「我的表决」中投票。
      </Typography.Paragraph>
    </PublicShell>
  );
}
