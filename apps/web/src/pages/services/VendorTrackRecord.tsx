import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { servicesApi } from '../../api/services';
import { useLoad } from '../../hooks/useLoad';

const perMille = (v: number | null) => (v === null ? '—' : `${(v / 10).toFixed(1)}%`);

/** 供应商履约记录 on a hearing (read-only): each invited company's published quarters, in any community. */
export function VendorTrackRecord({ communityId, hearingId }: { communityId: string; hearingId: string }) {
  const record = useLoad(() => servicesApi.trackRecord(communityId, hearingId), [communityId, hearingId]);
  if (!record.data || record.data.vendors.length === 0) return null;
  return (
    <Card title="供应商物业服务履约记录（红黑榜）" style={{ marginBottom: 16 }} data-testid="vendor-track-record">
      {record.data.vendors.map((v) => (
        <div key={v.vendorName} style={{ marginBottom: 12 }}>
          <Typography.Text strong>{v.vendorName}</Typography.Text>
          {v.entries.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无公布的服务评价" />}
          {v.entries.map((e) => (
            <Flex key={e.id} justify="space-between" wrap gap={8} style={{ padding: '4px 0' }}>
              <span>
                {e.communityName} · {e.quarterLabel}
              </span>
              <span>
                {e.starLevel ? `${e.starLevel} 星` : '未评星'} · 按时 {perMille(e.compliancePerMille)}{' '}
                <Tag color={e.board === 'red' ? 'red' : e.board === 'black' ? 'default' : 'blue'}>{e.boardLabel}</Tag>
              </span>
            </Flex>
          ))}
        </div>
      ))}
    </Card>
  );
}
