import { BellOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { notificationsApi, todoApi, type Notification } from '../../api';
import { useEffect } from 'react';
import { formatDateTime } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { ROLE_LABELS } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { useCommunity } from '../../session/useCommunity';

function target(communityId: string, n: Notification): string | null {
  if (n.subjectType === 'assembly_vote' && n.subjectId) return `/c/${communityId}/votes/${n.subjectId}`;
  if (n.subjectType === 'statement' && n.subjectId) return `/c/${communityId}/statements/${n.subjectId}`;
  if (n.subjectType === 'rectification_item' && n.subjectId) return `/c/${communityId}/rectifications/${n.subjectId}`;
  if (n.subjectType === 'agenda_item' && n.subjectId) return `/c/${communityId}/agenda/${n.subjectId}`;
  if (n.subjectType === 'service_request' && n.subjectId) return `/c/${communityId}/requests/${n.subjectId}`;
  return null;
}

/** Messages addressed to the roles the reader holds here (e.g. the 居委会 is told of every assembly notice). */
export default function NotificationsPage() {
  const { communityId } = useCommunity();
  const list = useLoad(() => notificationsApi.list(communityId), [communityId]);
  // Opening the page reads the messages: they leave the unread part of 我的待办 (the tags below still show which were new).
  const hasUnread = list.data?.some((n) => n.read === false) ?? false;
  useEffect(() => {
    if (hasUnread) void todoApi.markNotificationsRead(communityId).catch(() => undefined);
  }, [hasUnread, communityId]);
  if (!list.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <>
      <PageHeader
        title="通知"
        extra={
          <Link to="/notification-settings">
            <Button>通知方式（邮件、短信）</Button>
          </Link>
        }
      />
      {list.data.length === 0 && (
        <Card>
          <Empty image={<BellOutlined style={{ fontSize: 48, color: '#bfbfbf' }} />} description="暂无通知" />
        </Card>
      )}
      {list.data.map((n) => {
        const link = target(communityId, n);
        return (
          <Card key={n.id} style={{ marginBottom: 12 }} data-testid="notification">
            <Flex justify="space-between" wrap gap={8}>
              <Typography.Title level={4} style={{ margin: 0 }}>
                {n.subject}
              </Typography.Title>
              <Flex gap={4} wrap>
                {n.read === false && <Tag color="red">新</Tag>}
                <Tag>发给：{ROLE_LABELS[n.recipientRole as keyof typeof ROLE_LABELS] ?? n.recipientRole}</Tag>
              </Flex>
            </Flex>
            <Typography.Paragraph style={{ margin: '8px 0', whiteSpace: 'pre-wrap' }}>{n.body}</Typography.Paragraph>
            <Flex justify="space-between" align="center" wrap gap={8}>
              <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
              {link && (
                <Link to={link}>
                  <Button>查看详情</Button>
                </Link>
              )}
            </Flex>
          </Card>
        );
      })}
    </>
  );
}
