import { Alert, Descriptions } from 'antd';
import { votingApi } from '../../api';
import { useLoad } from '../../hooks/useLoad';
import { useCommunity } from '../../session/useCommunity';

/** 表决范围与基数: who decides, and the totals and 2/3 lines every figure of this vote is measured against. */
export function VoteTotalsCard({ voteId }: { voteId: string }) {
  const { communityId } = useCommunity();
  const { data } = useLoad(() => votingApi.totals(communityId, voteId), [communityId, voteId]);
  if (!data) return null;
  return (
    <div data-testid="vote-totals" style={{ marginTop: 12 }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        title={data.frozen ? '表决范围与基数（公告时冻结）' : '表决范围与基数（按当前房屋登记）'}
        items={[
          { key: 'electorate', label: '表决范围', children: <span data-testid="vote-electorate">{data.electorateText}</span> },
          {
            key: 'area',
            label: '总面积',
            children: <span data-testid="vote-total-area">{`${data.totalArea} 平方米${data.countParkingAsArea ? '（含车位）' : ''}`}</span>,
          },
          { key: 'heads', label: '总人数', children: <span data-testid="vote-total-heads">{`${data.totalHeadcount} 人`}</span> },
          { key: 'lines', label: '参与表决线', children: `面积 ${data.twoThirdsArea} 平方米以上且 ${data.twoThirdsHeadcount} 人以上` },
        ]}
      />
      {data.electorate.scope === 'part' && (
        <Alert type="info" showIcon title="本次表决只由上述楼栋/单元的业主参加，总面积、总人数及通过线均按该范围计算。" />
      )}
    </div>
  );
}
