import { RightOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { publicApi, type PublicNotice } from '../../api';
import { formatDateTime } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { PageHeader } from '../../layout/PageHeader';
import { useCommunity } from '../../session/useCommunity';

function state(n: PublicNotice, now: number): { text: string; color: string; open: boolean } {
  if (n.status === 'closed' || Date.parse(n.closesAt) <= now) return { text: '已结束', color: 'default', open: false };
  if (Date.parse(n.opensAt) > now) return { text: '未开始', color: 'orange', open: false };
  return { text: '投票中', color: 'green', open: true };
}

/** 我的表决: every published assembly notice of the community; open ones first. */
export default function MyVotesPage() {
  const { communityId } = useCommunity();
  const overview = useLoad(() => publicApi.overview(communityId), [communityId]);
  if (!overview.data) return <Skeleton active paragraph={{ rows: 5 }} />;
  const now = Date.now();
  const notices = [...overview.data.notices].sort((a, b) => Number(state(b, now).open) - Number(state(a, now).open));
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <PageHeader title="我的表决" />
      {notices.length === 0 && (
        <Card>
          <Empty description="目前没有业主大会表决。" />
        </Card>
      )}
      {notices.map((n) => {
        const s = state(n, now);
        const target = n.status === 'closed' ? `/c/${communityId}/votes/${n.id}/results` : `/c/${communityId}/my-votes/${n.id}`;
        return (
          <Link key={n.id} to={target} data-testid="my-vote-link">
            <Card hoverable style={{ marginBottom: 12 }}>
              <Flex justify="space-between" align="center" gap={12}>
                <div>
                  <Tag color={s.color} style={{ marginBottom: 6 }}>
                    {s.text}
                  </Tag>
                  <div style={{ fontSize: 21, fontWeight: 600 }}>{n.title}</div>
                  <Typography.Text type="secondary">
                    {formatDateTime(n.opensAt)} 至 {formatDateTime(n.closesAt)}
                  </Typography.Text>
                </div>
                <RightOutlined style={{ fontSize: 22 }} />
              </Flex>
            </Card>
          </Link>
        );
      })}
    </div>
  );
}
