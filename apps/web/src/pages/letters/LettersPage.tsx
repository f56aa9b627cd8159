import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { documentsApi, lettersApi, type OwnerLetter } from '../../api';
import { useLoad } from '../../hooks/useLoad';
import { PageHeader } from '../../layout/PageHeader';
import { useCommunity } from '../../session/useCommunity';
import { PdfDownloadButton, PdfPreviewButton } from '../documents/PdfPreview';

function LetterCard({ letter, communityId, onRead }: { letter: OwnerLetter; communityId: string; onRead: () => void }) {
  const path = documentsApi.filePath(communityId, letter.id);
  const opened = () => {
    if (!letter.readAt) void lettersApi.read(communityId, letter.id).then(onRead, () => undefined);
  };
  return (
    <Card style={{ marginBottom: 12 }} data-testid="letter">
      <Space size={8} wrap style={{ marginBottom: 8 }}>
        {letter.readAt ? <Tag>已读</Tag> : <Tag color="red">未读</Tag>}
        <Tag color="blue">{letter.kindLabel}</Tag>
      </Space>
      <Typography.Title level={4} style={{ margin: '0 0 8px', overflowWrap: 'anywhere' }}>
        {letter.title}
      </Typography.Title>
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        文书编号 <Typography.Text style={{ overflowWrap: 'anywhere' }}>{letter.number}</Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        公布于 {letter.finalisedAtText}
        {letter.readAtText && ` · 您于 ${letter.readAtText} 阅读`}
      </Typography.Paragraph>
      <Flex wrap gap={8}>
        <PdfPreviewButton path={path} label="阅读" testId="letter-read" onOpened={opened} />
        <PdfDownloadButton path={path} label="下载盖章文件" onOpened={opened} />
        <Link to={`/verify/${encodeURIComponent(letter.number)}`}>
          <Button icon={<SafetyCertificateOutlined />}>核验真伪</Button>
        </Link>
      </Flex>
    </Card>
  );
}

/** 公告信件: the sealed notices, results, reports and 公示 addressed to all owners; unread ones are on 我的待办. */
export default function LettersPage() {
  const { communityId } = useCommunity();
  const list = useLoad(() => lettersApi.list(communityId), [communityId]);
  if (list.failed) return <Empty description="公告信件暂时无法加载，请稍后刷新" />;
  if (!list.data) return <Skeleton active paragraph={{ rows: 5 }} />;
  const { letters, unread } = list.data;
  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <PageHeader title={unread ? `公告信件（${unread} 封未读）` : '公告信件'} />
      <Typography.Paragraph type="secondary">
        业主大会和业委会致全体业主的公告、表决结果、报告与公示，均已盖章。点「阅读」打开盖章文件；每份文件都可核验真伪。
      </Typography.Paragraph>
      {letters.length === 0 && (
        <Card>
          <Empty description="目前没有公告信件。" />
        </Card>
      )}
      {letters.map((l) => (
        <LetterCard key={l.id} letter={l} communityId={communityId} onRead={list.reload} />
      ))}
    </div>
  );
}
