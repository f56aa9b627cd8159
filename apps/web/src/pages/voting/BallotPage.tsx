import { ReceiptCheck } from './ReceiptCheck';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, votingApi, type Choice, type Receipt } from '../../api';
import { formatDateTime, formatHundredths } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { useCommunity } from '../../session/useCommunity';
import { Alert, Button, Card, Loading, Pairs, Tag } from '../../lite/ui';
import { BallotForm } from './BallotForm';
import { ReceiptCard } from './ReceiptCard';
import { MyProxyCard } from './MyProxyCard';

/**
 * The owner's voting page, made for a phone: their units and area, one choice per motion, then the receipt. Light
 * markup (no Ant Design), so it opens fast on a phone in the light shell and the same inside the full app.
 */
export default function BallotPage() {
  const { voteId = '' } = useParams();
  const { communityId } = useCommunity();
  const sheet = useLoad(() => votingApi.myBallot(communityId, voteId), [communityId, voteId]);
  const [proxyFor, setProxyFor] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<(Receipt & { forWhom: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (!sheet.data) return <Loading />;
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
      style={{ marginBottom: 16 }}
      title={
        vote.status === 'closed' || new Date(vote.closesAt) <= new Date()
          ? '投票已截止。'
          : `投票尚未开始，开始时间 ${formatDateTime(vote.opensAt)}。`
      }
    />
  );

  return (
    <div className="gy-l-page" style={{ maxWidth: 720, margin: '0 auto' }}>
      <Link to={`/c/${communityId}/my-votes`} className="gy-l-btn gy-l-btn-link">
        返回我的表决
      </Link>
      <h1 style={{ marginTop: 8, fontSize: '1.55em' }}>{vote.title}</h1>
      <p className="gy-l-muted">
        投票时间：{formatDateTime(vote.opensAt)} 至 {formatDateTime(vote.closesAt)}
      </p>
      {receipt && (
        <ReceiptCard
          code={receipt.receiptCode}
          castAt={receipt.castAt}
          channel={receipt.channel}
          title={`投票成功（${receipt.forWhom}）`}
        />
      )}
      {error && <Alert type="error" style={{ marginBottom: 16 }} title={error} data-testid="cast-error" />}
      {elector ? (
        <Card data-testid="my-units">
          <Pairs
            items={[
              ['我的房屋', <strong style={{ fontSize: '1.2em' }}>{elector.unitNumbers.join('、')}</strong>],
              [
                '专有部分面积合计',
                <strong style={{ fontSize: '1.2em' }} data-testid="my-area">
                  {formatHundredths(elector.areaHundredths)} 平方米
                </strong>,
              ],
            ]}
          />
          <span className="gy-l-muted">多套房屋合并为一票，按面积合计计算。</span>
        </Card>
      ) : (
        <Alert type="info" style={{ marginBottom: 16 }} title="您不在本次表决的业主名册中，或账号尚未关联房屋。如有疑问请联系业委会。" />
      )}
      {notOpen}
      {voted && !receipt && (
        <Card data-testid="already-voted">
          <h2 style={{ marginTop: 0, fontSize: '1.15em' }}>您已投票，投票后不可更改</h2>
          <p style={{ marginBottom: 0 }}>
            回执码：
            <span className="gy-l-mono" style={{ fontSize: 24, fontWeight: 700 }}>
              {ballots[0].receiptCode}
            </span>{' '}
            <Tag color={ballots[0].status === 'counted' ? 'green' : 'orange'}>{ballots[0].status === 'counted' ? '已计入' : '待核对'}</Tag>
          </p>
        </Card>
      )}
      {(voted || receipt) && (
        <Card title="核对我的回执" data-testid="my-receipt-check">
          <ReceiptCheck communityId={communityId} voteId={voteId} initialCode={receipt?.receiptCode ?? ballots[0]?.receiptCode ?? ''} />
        </Card>
      )}
      {elector && !voted && vote.isOpen && !proxy && <BallotForm motions={vote.motions} forWhom="本人" onCast={(c) => cast(c)} />}
      {sheet.data.proxyGiven && (
        <MyProxyCard communityId={communityId} voteId={voteId} proxy={sheet.data.proxyGiven} open={vote.isOpen} onChanged={sheet.reload} />
      )}
      {proxies.length > 0 && (
        <Card title="我受托代投的业主" style={{ marginTop: 16 }} data-testid="my-proxies">
          {proxies.map((p) => (
            <div key={p.electorId} className="gy-l-row gy-l-between gy-l-list-item" style={{ gap: 8 }}>
              <div>
                <strong>{p.name}</strong>
                <span className="gy-l-muted" style={{ marginLeft: 8 }}>
                  {p.unitNumbers.join('、')} · {formatHundredths(p.areaHundredths)} 平方米
                </span>
              </div>
              {p.voted ? (
                <Tag color="green">已投票</Tag>
              ) : (
                vote.isOpen && (
                  <Button kind={proxyFor === p.electorId ? 'primary' : 'default'} onClick={() => setProxyFor(p.electorId)}>
                    代为投票
                  </Button>
                )
              )}
            </div>
          ))}
        </Card>
      )}
      {proxy && (
        <div style={{ marginTop: 16 }}>
          <Alert
            type="info"
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
