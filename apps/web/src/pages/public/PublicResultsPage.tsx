import { Result, Skeleton, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { votingApi } from '../../api';
import { useLoad } from '../../hooks/useLoad';
import { VoteResultsView } from '../voting/VoteResultsView';
import { PublicShell } from './PublicShell';

/** Public results of a closed assembly vote: unit numbers and areas, never names. */
export default function PublicResultsPage() {
  const { communityId = '', voteId = '' } = useParams();
  const results = useLoad(() => votingApi.results(communityId, voteId), [communityId, voteId]);
  return (
    <PublicShell title="表决结果">
      <Link to={`/p/${communityId}`}>返回小区公示</Link>
      {results.failed && <Result status="info" title="暂无结果" subTitle="表决结束后自动计票并公布结果。" />}
      {!results.failed && !results.data && <Skeleton active paragraph={{ rows: 8 }} />}
      {results.data && (
        <>
          <Typography.Title level={2}>{results.data.title}</Typography.Title>
          <VoteResultsView results={results.data} />
        </>
      )}
    </PublicShell>
  );
}
