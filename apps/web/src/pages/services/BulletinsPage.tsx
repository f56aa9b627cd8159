import { Button, Card, DatePicker, Descriptions, Empty, Flex, Input, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { servicesApi } from '../../api/services';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useLoad } from '../../hooks/useLoad';
import { useSubmit } from '../../hooks/useSubmit';
import { PageHeader } from '../../layout/PageHeader';
import { COMMITTEE, hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';

const perMille = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v / 10).toFixed(1)}%`);
const stars = (h: number | null | undefined) => (h === null || h === undefined ? '—' : `${(h / 100).toFixed(2)} 星`);
const quarterOf = (d: dayjs.Dayjs) => `${d.year()}Q${Math.floor(d.month() / 3) + 1}`;

/** 四方联席工作简报 (compose → request the committee seal → published) and the quarter's 星级 / 红黑榜 publication. */
export default function BulletinsPage() {
  const { communityId, roles } = useCommunity();
  const committee = hasAny(roles, COMMITTEE);
  const list = useLoad(() => servicesApi.bulletins(communityId), [communityId]);
  const [month, setMonth] = useState(dayjs());
  const compose = useSubmit(async () => {
    await servicesApi.compose(communityId, month.format('YYYY-MM'));
    list.reload();
  });
  const [quarter, setQuarter] = useState(quarterOf(dayjs()));
  const summary = useLoad(() => servicesApi.quarter(communityId, quarter), [communityId, quarter]);
  const [company, setCompany] = useState('');
  if (!list.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <>
      <PageHeader title="四方联席简报与物业评价" />
      {committee && (
        <Card title="编制月度简报" style={{ marginBottom: 16 }}>
          <Flex gap={8} wrap align="center">
            <DatePicker picker="month" value={month} onChange={(v) => v && setMonth(v)} allowClear={false} aria-label="简报月份" />
            <ConfirmButton
              type="primary"
              confirmTitle={`编制 ${month.format('YYYY年M月')}四方联席工作简报？`}
              consequence="将汇总本月四方联席会议、整改事项和居民诉求，登记为待盖章文书；每月只出一份。"
              okText="编制"
              onConfirm={() => compose.run()}
            >
              编制简报
            </ConfirmButton>
          </Flex>
        </Card>
      )}
      {list.data.items.length === 0 && (
        <Card style={{ marginBottom: 16 }}>
          <Empty description="尚未编制简报" />
        </Card>
      )}
      {list.data.items.map((b) => (
        <Card key={b.id} style={{ marginBottom: 12 }} data-testid="bulletin-row">
          <Flex justify="space-between" wrap gap={8}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {b.title}
            </Typography.Title>
            <Tag color={b.documentStatus === 'final' ? 'green' : b.sealRequested ? 'gold' : 'blue'} data-testid="bulletin-status">
              {b.statusLabel}
            </Tag>
          </Flex>
          <Typography.Paragraph type="secondary" style={{ margin: '6px 0' }}>
            文书 {b.documentNumber} · 编制于 {b.createdAtText}
          </Typography.Paragraph>
          <Descriptions size="small" column={{ xs: 2, sm: 4 }}>
            <Descriptions.Item label="联席会议">{b.figures.meetings} 次</Descriptions.Item>
            <Descriptions.Item label="研究问题">{b.figures.studied}</Descriptions.Item>
            <Descriptions.Item label="已解决">{b.figures.solved}</Descriptions.Item>
            <Descriptions.Item label="推进中">{b.figures.inProgress}</Descriptions.Item>
            <Descriptions.Item label="居民诉求">{b.figures.requestsFiled}</Descriptions.Item>
            <Descriptions.Item label="按时办结率">{perMille(b.figures.compliancePerMille)}</Descriptions.Item>
          </Descriptions>
          <Flex gap={8} wrap>
            {committee && b.documentStatus !== 'final' && !b.sealRequested && (
              <ConfirmButton
                type="primary"
                confirmTitle="申请加盖业委会章？"
                consequence="用章申请发给业委会章的保管人（申请人本人不能为自己的申请用章）；盖章后简报在小区公示页发布。"
                okText="申请盖章"
                onConfirm={async () => {
                  await servicesApi.requestSeal(communityId, b.id);
                  list.reload();
                }}
              >
                申请盖章
              </ConfirmButton>
            )}
            {b.sealRequested && (
              <Link to={`/c/${communityId}/seal-inbox`}>
                <Button>用章待办</Button>
              </Link>
            )}
            {b.documentStatus === 'final' && (
              <Link to={`/p/${communityId}`}>
                <Button>在小区公示页查看</Button>
              </Link>
            )}
          </Flex>
        </Card>
      ))}
      <Card title="物业服务季度星级与红黑榜" style={{ marginTop: 16 }}>
        <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
          <DatePicker
            picker="quarter"
            value={dayjs(`${quarter.slice(0, 4)}-${(Number(quarter.slice(5)) - 1) * 3 + 1}-01`)}
            onChange={(v) => v && setQuarter(quarterOf(v))}
            allowClear={false}
            aria-label="季度"
          />
        </Flex>
        {summary.data && (
          <>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label="参评住户">{summary.data.figures.households} 户</Descriptions.Item>
              <Descriptions.Item label="平均满意度">{stars(summary.data.averageHundredths)}</Descriptions.Item>
              <Descriptions.Item label="按时办结率">{perMille(summary.data.compliancePerMille)}</Descriptions.Item>
              <Descriptions.Item label="星级">{summary.data.starLevel ? `${summary.data.starLevel} 星` : '—'}</Descriptions.Item>
              <Descriptions.Item label="红黑榜">{summary.data.boardLabel}</Descriptions.Item>
              <Descriptions.Item label="说明">{summary.data.reasons.join('；') || '—'}</Descriptions.Item>
            </Descriptions>
            {summary.data.criteria.map((c) => (
              <Tag key={c.criterion}>
                {c.criterion} {stars(c.averageHundredths)}
              </Tag>
            ))}
            {committee && !summary.data.published && (
              <Flex gap={8} wrap style={{ marginTop: 12 }}>
                <Input
                  style={{ maxWidth: 320 }}
                  placeholder="物业服务企业名称"
                  value={company}
                  onChange={(e) => setCompany(e.target.value)}
                  maxLength={60}
                />
                <ConfirmButton
                  type="primary"
                  disabled={company.trim().length < 2}
                  confirmTitle={`公布${summary.data.quarterLabel}物业服务评价？`}
                  consequence="星级与红黑榜将在小区公示页公开，本季度评价随即截止，不能重复公布。"
                  okText="公布"
                  onConfirm={async () => {
                    await servicesApi.publishQuarter(communityId, quarter, company.trim());
                    summary.reload();
                  }}
                >
                  公布本季度结果
                </ConfirmButton>
              </Flex>
            )}
            {summary.data.published && (
              <Tag color="green" style={{ marginTop: 12 }}>
                已公布
              </Tag>
            )}
          </>
        )}
      </Card>
    </>
  );
}
