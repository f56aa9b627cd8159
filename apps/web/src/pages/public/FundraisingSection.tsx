import { Link } from 'react-router-dom';
import { publicApi } from '../../api';
import { formatYuan, percentOf } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { Card, Progress } from '../../lite/ui';

/** 集资情况 on the community's public page: each project's total progress, linking to its page (light markup). */
export function FundraisingSection({ communityId }: { communityId: string }) {
  const list = useLoad(() => publicApi.fundraising(communityId), [communityId]);
  const projects = list.data?.projects ?? [];
  // Nothing until loaded: an empty list shows no card at all, and a placeholder that vanished would move the page.
  if (!list.data || projects.length === 0) return null;
  return (
    <Card title="集资情况" data-testid="public-fundraising">
      {projects.map((p) => (
        <div key={p.id} className="gy-l-list-item">
          <Link to={`/p/${communityId}/fundraising/${p.id}`} style={{ fontSize: '1.05em' }} data-testid="public-fundraising-link">
            {p.title}
          </Link>
          <Progress percent={percentOf(p.totals.paidFen, p.totals.targetFen)} label={`${p.title} 缴款进度`} />
          <span className="gy-l-muted">
            已缴 {formatYuan(p.totals.paidFen)} / 目标 {formatYuan(p.totals.targetFen)}
          </span>
        </div>
      ))}
    </Card>
  );
}
