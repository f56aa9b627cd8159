import { servicesApi } from '../../api/services';
import { useLoad } from '../../hooks/useLoad';
import { Card, Tag } from '../../lite/ui';

const perMille = (v: number | null) => (v === null ? '—' : `${(v / 10).toFixed(1)}%`);
const stars = (h: number | null) => (h === null ? '—' : `${(h / 100).toFixed(2)} 星`);

/** 红黑榜 and the sealed 四方联席工作简报 on the community's public page (light markup; nothing until loaded). */
export function ServicesSection({ communityId }: { communityId: string }) {
  const board = useLoad(() => servicesApi.publicBoard(communityId), [communityId]);
  const bulletins = useLoad(() => servicesApi.publicBulletins(communityId), [communityId]);
  const entries = board.data?.entries ?? [];
  const items = bulletins.data?.items ?? [];
  return (
    <>
      {entries.length > 0 && (
        <Card title="物业服务红黑榜" data-testid="public-service-board">
          {entries.map((e) => (
            <div key={e.id} className="gy-l-list-item" data-testid="public-board-entry">
              <div className="gy-l-row gy-l-between" style={{ gap: 8 }}>
                <strong>
                  {e.quarterLabel} · {e.companyName}
                </strong>
                <Tag color={e.board === 'red' ? 'orange' : e.board === 'black' ? 'default' : 'blue'}>{e.boardLabel}</Tag>
              </div>
              <p className="gy-l-muted" style={{ margin: '4px 0' }}>
                {e.starLevel ? `${'★'.repeat(e.starLevel)}（${e.starLevel} 星）` : '未评星'} · 平均满意度 {stars(e.averageHundredths)} ·
                按时办结率 {perMille(e.compliancePerMille)} · 参评 {e.households} 户
              </p>
            </div>
          ))}
        </Card>
      )}
      {items.length > 0 && (
        <Card title="四方联席工作简报" data-testid="public-bulletins">
          {items.map((b) => (
            <div key={b.id} className="gy-l-list-item" data-testid="public-bulletin">
              <div className="gy-l-row gy-l-between" style={{ gap: 8 }}>
                <strong>{b.title}</strong>
                <Tag color="green">已盖章</Tag>
              </div>
              <p className="gy-l-muted" style={{ margin: '4px 0' }}>
                召开联席会议 {b.figures.meetings} 次，研究问题 {b.figures.studied} 个，解决 {b.figures.solved} 个，推进中{' '}
                {b.figures.inProgress} 个； 居民诉求 {b.figures.requestsFiled} 件，按时办结率 {perMille(b.figures.compliancePerMille)}
              </p>
              <a href={b.pdfUrl} className="gy-l-btn gy-l-btn-link" download>
                下载盖章简报（{b.documentNumber}）
              </a>
            </div>
          ))}
        </Card>
      )}
    </>
  );
}
