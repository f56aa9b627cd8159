import { Card, DatePicker, Empty, Skeleton, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { requestsApi, type RequestStats } from '../../api/requests';
import { formatDate } from '../../format';
import { useLoad } from '../../hooks/useLoad';

type Row = RequestStats['rows'][number];

/** 按时办结率 of the solved requests; "—" when none was solved yet. */
export function onTimeRate(r: Pick<Row, 'onTime' | 'solved'>): string {
  return r.solved === 0 ? '—' : `${Math.round((r.onTime / r.solved) * 1000) / 10}%`;
}

/**
 * 某月各类诉求 for those who dispatch or handle them (GET …/requests/stats): filed, solved, open, solved in time,
 * overdue (escalated, or open past its due time), per category of the rulebook, with a 合计 row.
 */
export function RequestStatsCard({ communityId }: { communityId: string }) {
  const [month, setMonth] = useState(dayjs());
  const key = month.format('YYYY-MM');
  const stats = useLoad(() => requestsApi.stats(communityId, key), [communityId, key]);
  const rows = stats.data?.rows ?? [];
  const total: Row = rows.reduce<Row>(
    (sum, r) => ({
      ...sum,
      filed: sum.filed + r.filed,
      solved: sum.solved + r.solved,
      inProgress: sum.inProgress + r.inProgress,
      onTime: sum.onTime + r.onTime,
      overdue: sum.overdue + r.overdue,
    }),
    { category: '', categoryLabel: '合计', filed: 0, solved: 0, inProgress: 0, onTime: 0, overdue: 0 },
  );
  return (
    <Card
      title="诉求月度统计"
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="request-stats"
      extra={<DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} aria-label="统计月份" />}
    >
      {!stats.data ? (
        stats.failed ? (
          <Empty description="统计暂时无法读取" />
        ) : (
          <Skeleton active paragraph={{ rows: 2 }} />
        )
      ) : rows.length === 0 ? (
        <Empty description={`${month.format('YYYY年M月')}没有受理诉求`} />
      ) : (
        <>
          <Table<Row>
            size="small"
            pagination={false}
            rowKey={(r) => r.category || 'total'}
            dataSource={[...rows, total]}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: '类别', dataIndex: 'categoryLabel' },
              { title: '受理', dataIndex: 'filed', align: 'right' },
              { title: '办结', dataIndex: 'solved', align: 'right' },
              { title: '办理中', dataIndex: 'inProgress', align: 'right' },
              { title: '按时办结', dataIndex: 'onTime', align: 'right' },
              { title: '超时', dataIndex: 'overdue', align: 'right' },
              { title: '按时办结率', key: 'rate', align: 'right', render: (_, r) => onTimeRate(r) },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            按 {formatDate(stats.data.from)} 至 {formatDate(stats.data.to)} 提出的诉求统计（社区时区）；超时含已升级和逾期未办结的诉求。
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
