import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { hearingsApi } from '../../api';
import { formatDateTime } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { HEARING_STATUS_COLORS, HEARING_STATUS_LABELS } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { COMMITTEE, hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';

/** 听证会: the tenders of the community; a vendor sees only those it is invited to. */
export default function HearingsPage() {
  const { communityId, roles } = useCommunity();
  const list = useLoad(() => hearingsApi.list(communityId), [communityId]);
  if (!list.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <>
      <PageHeader
        title="听证会"
        extra={
          hasAny(roles, COMMITTEE) && (
            <Link to={`/c/${communityId}/hearings/new`}>
              <Button type="primary" icon={<PlusOutlined />} data-testid="new-hearing">
                发布听证会
              </Button>
            </Link>
          )
        }
      />
      {list.data.length === 0 && (
        <Card>
          <Empty description="暂无听证会" />
        </Card>
      )}
      {list.data.map((h) => (
        <Card
          key={h.id}
          style={{ marginBottom: 16 }}
          data-testid="hearing"
          title={<span style={{ whiteSpace: 'normal' }}>{h.title}</span>}
          extra={<Tag color={HEARING_STATUS_COLORS[h.status]}>{HEARING_STATUS_LABELS[h.status]}</Tag>}
        >
          <Typography.Paragraph>
            投标截止 {formatDateTime(h.bidDeadline)} · 开标 {formatDateTime(h.openingAt)} · 地点 {h.place}
          </Typography.Paragraph>
          <Flex justify="flex-end">
            <Link to={`/c/${communityId}/hearings/${h.id}`}>
              <Button type="primary">进入</Button>
            </Link>
          </Flex>
        </Card>
      ))}
    </>
  );
}
