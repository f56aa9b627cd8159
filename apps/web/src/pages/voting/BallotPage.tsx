import { Alert, Button, Card, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, votingApi, type Choice, type Receipt } from '../../api';
import { formatDateTime, formatHundredths } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { useCommunity } from '../../session/useCommunity';
import { BallotForm } from './BallotForm';
import { ReceiptCard } from './ReceiptCard';

/** The owner's voting page, made for a phone: their units and area, one choice per motion, then the receipt. */
export default function BallotPage() {
  const { voteId = '' } = useParams();
  const { communityId } = useCommunity();
  const sheet = useLoad(() => votingApi.myBallot(communityId, voteId), [communityId, voteId]);
  const [proxyFor, setProxyFor] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<(Receipt & { forWhom: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (!sheet.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const { vote, elector, ballots, proxies } = sheet.data;
  // Own ballot cast just now: hide the form at once, before the sheet reloads.
  const voted = ballots.length > 0 || receipt?.forWhom === '本人';
  const proxy = proxies.find((p) => p.electorId === proxyFor);

  const cast = async (choices: Choice[], onBehalfOf?: string, forWhom = '本人') => {
    setError(null);
    try {
      const r = await votingApi.cast(communityId, voteId, choices, onBehalfOf);
      setReceipt({ ...r, forWhom });
      setProxyFor(null);
      sheet.reload();
      window.scrollTo({ top: 0 });
      return r;
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '投票失败，请重试');
      throw e;
    }
  };

  const notOpen = !vote.isOpen && (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={
        vote.status === 'closed' || new Date(vote.closesAt) <= new Date()
          ? '投票已截止。'
          : `投票尚未开始，开始时间 ${formatDateTime(vote.opensAt)}。`
      }
    />
  );

  return (
    <div style={{ maxWidth: 720, margin: '0 auto' }}>
      <Link to={`/c/${communityId}/my-votes`}>返回我的表决</Link>
      <Typography.Title level={2} style={{ marginTop: 8 }}>
        {vote.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        投票时间：{formatDateTime(vote.opensAt)} 至 {formatDateTime(vote.closesAt)}
      </Typography.Paragraph>
      {receipt && (
        <ReceiptCard
          code={receipt.receiptCode}
          castAt={receipt.castAt}
          channel={receipt.channel}
          title={`投票成功（${receipt.forWhom}）`}
        />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} data-testid="cast-error" />}
      {elector ? (
        <Card style={{ marginBottom: 16 }} data-testid="my-units">
          <Descriptions
            column={1}
            items={[
              { key: 'units', label: '我的房屋', children: <strong style={{ fontSize: 22 }}>{elector.unitNumbers.join('、')}</strong> },
              {
                key: 'area',
                label: '专有部分面积合计',
                children: (
                  <strong style={{ fontSize: 22 }} data-testid="my-area">
                    {formatHundredths(elector.areaHundredths)} 平方米
                  </strong>
                ),
              },
            ]}
          />
          <Typography.Text type="secondary">多套房屋合并为一票，按面积合计计算。</Typography.Text>
        </Card>
      ) : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="您不在本次表决的业主名册中，或账号尚未关联房屋。如有疑问请联系业委会。"
        />
      )}
      {notOpen}
      {voted && !receipt && (
        <Card style={{ marginBottom: 16 }} data-testid="already-voted">
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            您已投票，投票后不可更改
          </Typography.Title>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            回执码：
            <span className="gy-mono" style={{ fontSize: 24, fontWeight: 700 }}>
              {ballots[0].receiptCode}
            </span>
            <Tag style={{ marginLeft: 8 }} color={ballots[0].status === 'counted' ? 'green' : 'orange'}>
              {ballots[0].status === 'counted' ? '已计入' : '待核对'}
            </Tag>
          </Typography.Paragraph>
        </Card>
      )}
      {elector && !voted && vote.isOpen && !proxy && <BallotForm motions={vote.motions} forWhom="本人" onCast={(c) => cast(c)} />}
      {proxies.length > 0 && (
        <Card title="我受托代投的业主" style={{ marginTop: 16 }} data-testid="my-proxies">
          {proxies.map((p) => (
            <Flex
              key={p.electorId}
              wrap
              justify="space-between"
              align="center"
              gap={8}
              style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
            >
              <div>
                <strong>{p.name}</strong>
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {p.unitNumbers.join('、')} · {formatHundredths(p.areaHundredths)} 平方米
                </Typography.Text>
              </div>
              {p.voted ? (
                <Tag color="green">已投票</Tag>
              ) : (
                vote.isOpen && (
                  <Button type={proxyFor === p.electorId ? 'primary' : 'default'} onClick={() => setProxyFor(p.electorId)}>
                    代为投票
                  </Button>
                )
              )}
            </Flex>
          ))}
        </Card>
      )}
      {proxy && (
        <div style={{ marginTop: 16 }}>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`您正在凭书面委托代 ${proxy.name}（${proxy.unitNumbers.join('、')}）投票`}
            action={<Button onClick={() => setProxyFor(null)}>取消</Button>}
          />
          <BallotForm
            key={proxy.electorId}
            motions={vote.motions}
            forWhom={`代 ${proxy.name}`}
            onCast={(c) => cast(c, proxy.electorId, `代 ${proxy.name}`)}
          />
        </div>
      )}
    </div>
  );
}
