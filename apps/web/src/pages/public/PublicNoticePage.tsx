import { FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Result, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { publicApi } from '../../api';
import { formatDateTime } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { CHANNEL_LABELS, CHOICE_LABELS } from '../../labels';
import { PublicShell } from './PublicShell';

/** A published assembly notice, readable as text by anyone, with the sealed PDF once it is sealed. */
export default function PublicNoticePage() {
  const { communityId = '', voteId = '' } = useParams();
  const notice = useLoad(() => publicApi.notice(communityId, voteId), [communityId, voteId]);
  if (notice.failed) {
    return (
      <PublicShell title="业主大会公告">
        <Result status="404" title="找不到这份公告" extra={<Link to={`/p/${communityId}`}>返回小区公示</Link>} />
      </PublicShell>
    );
  }
  if (!notice.data) return <Skeleton active style={{ padding: 24 }} />;
  const n = notice.data;
  return (
    <PublicShell title="业主大会公告">
      <Card title={<span style={{ whiteSpace: 'normal' }}>{n.title}</span>} style={{ marginBottom: 16 }} data-testid="public-notice-text">
        <Descriptions column={1}>
          <Descriptions.Item label="公告发布">{formatDateTime(n.noticedAt)}</Descriptions.Item>
          <Descriptions.Item label="投票时间">
            {formatDateTime(n.opensAt)} 至 {formatDateTime(n.closesAt)}
          </Descriptions.Item>
          <Descriptions.Item label="表决方式">{n.method}</Descriptions.Item>
          <Descriptions.Item label="投票渠道">
            {n.channels.map((c) => CHANNEL_LABELS[c as keyof typeof CHANNEL_LABELS] ?? c).join('、')}
          </Descriptions.Item>
        </Descriptions>
        {n.motions.map((m) => (
          <section key={m.seq} style={{ marginTop: 16 }}>
            <Typography.Title level={4}>
              议案 {m.seq}：{m.title}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.fullText}</Typography.Paragraph>
            <Typography.Text type="secondary">
              表决选项：
              {m.kind === 'options'
                ? m.options.map((o) => `${o.id}. ${o.label}`).join('；')
                : ['yes', 'no', 'abstain'].map((c) => CHOICE_LABELS[c]).join('、')}
            </Typography.Text>
          </section>
        ))}
      </Card>
      <Card title="盖章文件">
        {n.document ? (
          <Flex wrap gap={12} align="center">
            <Typography.Text>文书编号 {n.document.number}</Typography.Text>
            <a href={publicApi.noticePdfUrl(communityId, voteId)} download data-testid="public-notice-pdf">
              <Button type="primary" icon={<FilePdfOutlined />}>
                下载盖章 PDF
              </Button>
            </a>
            <Link to={`/verify/${encodeURIComponent(n.document.number)}`}>
              <Button icon={<SafetyCertificateOutlined />}>核验这份文件</Button>
            </Link>
          </Flex>
        ) : (
          <Alert type="info" showIcon title="盖章的公告文件尚未生成；以上为公告全文。" />
        )}
      </Card>
      {n.status === 'closed' && (
        <Typography.Paragraph style={{ marginTop: 16 }}>
          <Link to={`/p/${communityId}/votes/${voteId}`}>查看表决结果</Link>
        </Typography.Paragraph>
      )}
    </PublicShell>
  );
}
