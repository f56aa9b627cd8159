import { Link, useParams } from 'react-router-dom';
import { publicApi, type PublicNotice, type StatementTotals } from '../../api';
import { formatDate, formatDateTime, formatYuan } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { PublicShell } from '../../lite/LiteShell';
import { Button, Card, Empty, Loading, Tag } from '../../lite/ui';
import { FundraisingSection } from './FundraisingSection';
import { IncomeChart, periodLabel } from './IncomeChart';
import { RecordCheckpointsCard } from './RecordCheckpointsCard';
import { ServicesSection } from './ServicesSection';

function noticeState(n: PublicNotice): { text: string; color: 'default' | 'orange' | 'green' | 'blue' } {
  const now = Date.now();
  if (n.status === 'closed') return { text: '已结束，结果已公布', color: 'default' };
  if (Date.parse(n.opensAt) > now) return { text: '公告中', color: 'orange' };
  if (Date.parse(n.closesAt) > now) return { text: '投票中', color: 'green' };
  return { text: '正在计票', color: 'blue' };
}

const TOTALS: { key: keyof StatementTotals; label: string }[] = [
  { key: 'openingFen', label: '期初余额' },
  { key: 'incomeFen', label: '本期收入' },
  { key: 'costFen', label: '本期支出' },
  { key: 'transferFen', label: '转入维修资金' },
  { key: 'closingFen', label: '期末余额' },
];

/** Opening + income − costs − transfers = closing, each in yuan from integer fen. */
function Totals({ totals }: { totals: StatementTotals }) {
  return (
    <dl className="gy-l-totals">
      {TOTALS.map((f) => (
        <div key={f.key}>
          <dt>{f.label}</dt>
          <dd data-testid={`total-${f.key}`}>{formatYuan(totals[f.key])}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * 小区公示: published statements of public income with downloads, and the assembly notices. Open to everyone,
 * without logging in; nothing on it names a private person. A light page (no Ant Design): residents open it on phones.
 */
export default function PublicCommunityPage() {
  const { communityId = '' } = useParams();
  const overview = useLoad(() => publicApi.overview(communityId), [communityId]);

  if (overview.failed) {
    return (
      <PublicShell title="小区公示">
        <h1>找不到这个小区</h1>
        <p>请检查公示页地址是否正确。</p>
      </PublicShell>
    );
  }
  if (!overview.data)
    return (
      <PublicShell title="小区公示">
        <Loading />
      </PublicShell>
    );
  const { community, statements, notices } = overview.data;

  return (
    <PublicShell title={community.name}>
      <h1 style={{ marginTop: 0, fontSize: '1.55em' }} data-testid="public-community-name">
        {community.name} 公示
      </h1>
      {community.district && <p className="gy-l-muted">{community.district}</p>}

      <Card title="公共收益收支">
        {statements.length === 0 ? <Empty description="尚无已公示的报表" /> : <IncomeChart statements={statements} />}
      </Card>

      {statements.map((s) => (
        <Card
          key={s.id}
          data-testid="public-statement"
          title={`${s.periodLabel ?? periodLabel(s.periodStart, s.periodEnd)}公共收益报表`}
          extra={<Tag color="green">第 {s.version} 版</Tag>}
        >
          <p className="gy-l-muted">
            {s.periodStart} 至 {s.periodEnd} · 经居委会、银行、审计机构三方审核
          </p>
          <p data-testid="posting-period">
            公示期：{s.publishedAt ? formatDate(s.publishedAt) : '—'} 至 {formatDate(s.postedUntil)}
          </p>
          <Totals totals={s} />
          <div className="gy-l-row" style={{ marginTop: 16 }}>
            <Button kind="primary" href={publicApi.csvUrl(communityId, s.id)} download data-testid="download-csv">
              下载明细（表格 CSV）
            </Button>
            <Button href={publicApi.pdfUrl(communityId, s.id)} download disabled={!s.documentId} data-testid="download-pdf">
              下载盖章 PDF
            </Button>
            <Button href={publicApi.xlsxUrl(communityId, s.id)} download data-testid="download-xlsx">
              下载 Excel 表格
            </Button>
          </div>
        </Card>
      ))}

      <Card title="业主大会公告">
        {notices.length === 0 && <Empty description="暂无公告" />}
        {notices.map((n) => {
          const st = noticeState(n);
          return (
            <div key={n.id} className="gy-l-list-item" data-testid="public-notice">
              <div className="gy-l-row gy-l-between" style={{ gap: 8 }}>
                <strong style={{ fontSize: '1.05em' }}>{n.title}</strong>
                <Tag color={st.color}>{st.text}</Tag>
              </div>
              <p className="gy-l-muted" style={{ margin: '4px 0' }}>
                投票 {formatDateTime(n.opensAt)} 至 {formatDateTime(n.closesAt)}
              </p>
              <div className="gy-l-row" style={{ gap: 16 }}>
                <Link to={`/p/${communityId}/notices/${n.id}`} data-testid="open-public-notice" className="gy-l-btn gy-l-btn-link">
                  阅读公告全文
                </Link>
                {n.status === 'closed' && (
                  <Link to={`/p/${communityId}/votes/${n.id}`} className="gy-l-btn gy-l-btn-link">
                    查看表决结果
                  </Link>
                )}
              </div>
            </div>
          );
        })}
      </Card>
      <p className="gy-l-muted gy-l-center">业主登录后可在「我的表决」中投票。</p>
      {/* Sections that load on their own come last, so nothing above them moves when they arrive. */}
      <FundraisingSection communityId={communityId} />
      <ServicesSection communityId={communityId} />
      <RecordCheckpointsCard communityId={communityId} />
    </PublicShell>
  );
}
