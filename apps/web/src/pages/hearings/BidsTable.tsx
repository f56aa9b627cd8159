import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Tag, Typography } from 'antd';
import { fetchFile, hearingsApi, saveFile, type HearingDetail } from '../../api';
import { useSubmit } from '../../hooks/useSubmit';
import { formatDateTime, formatYuan } from '../../format';

/** The bids: before the opening only how many arrived (a vendor sees its own); after it every bid's content together. */
export function BidsList({ communityId, hearing }: { communityId: string; hearing: HearingDetail }) {
  return (
    <Card title={`投标（${hearing.bidCount ?? hearing.bids.length} 份）`} style={{ marginBottom: 16 }} data-testid="bids">
      {hearing.sealed && (
        <Typography.Paragraph type="secondary">
          开标前投标密封保存：只显示已收到的投标份数；投标方、提交时间、报价与方案在开标时一次性全部公开。
        </Typography.Paragraph>
      )}
      {hearing.bids.length === 0 && (hearing.bidCount ?? 0) === 0 && <Empty description="尚无投标" />}
      {hearing.bids.map((b) => (
        <Card key={b.id} size="small" style={{ marginBottom: 12 }} data-testid="bid" title={b.vendorName}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            首次提交 {formatDateTime(b.firstSubmittedAt)} · 最后修改 {formatDateTime(b.lastSubmittedAt)} · 共 {b.versions} 版
          </Typography.Paragraph>
          {'amountFen' in b && b.amountFen != null ? (
            <Descriptions column={1} size="small">
              <Descriptions.Item label="报价">
                <Typography.Text strong data-testid="bid-amount-revealed">
                  {formatYuan(b.amountFen)}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="质保">{b.warrantyMonths} 个月</Descriptions.Item>
              <Descriptions.Item label="工期">{b.deliveryDays} 天</Descriptions.Item>
              <Descriptions.Item label="方案">
                <span style={{ whiteSpace: 'pre-wrap' }}>{b.proposal}</span>
              </Descriptions.Item>
              <Descriptions.Item label="附件">
                {b.attachment ? (
                  <AttachmentButton
                    communityId={communityId}
                    hearingId={hearing.id}
                    bidId={b.id}
                    label={`${b.attachment.name}（${b.attachment.size} 字节）`}
                  />
                ) : (
                  '无'
                )}
              </Descriptions.Item>
            </Descriptions>
          ) : (
            <Tag>密封中</Tag>
          )}
        </Card>
      ))}
    </Card>
  );
}

/** The bid's attachment (after the opening): always downloaded, never shown in the app — it came from a bidder. */
function AttachmentButton({
  communityId,
  hearingId,
  bidId,
  label,
}: {
  communityId: string;
  hearingId: string;
  bidId: string;
  label: string;
}) {
  const download = useSubmit(async () => saveFile(await fetchFile(hearingsApi.attachmentPath(communityId, hearingId, bidId))));
  return (
    <Button
      type="link"
      icon={<DownloadOutlined />}
      loading={download.busy}
      onClick={() => void download.run()}
      style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
      data-testid="bid-attachment"
    >
      {label}
    </Button>
  );
}
