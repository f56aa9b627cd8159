import { PrintButton } from '../../components/ExportButtons';
import { Alert, App, Button, Flex, Result, Skeleton } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { votingApi, type Recount } from '../../api';
import { useLoad } from '../../hooks/useLoad';
import { PageHeader } from '../../layout/PageHeader';
import { COMMITTEE, hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';
import { VoteResultsView } from './VoteResultsView';

/** 表决结果 with the recount (committee, 居委会, party secretary, street office). */
export default function ResultsPage() {
  const { voteId = '' } = useParams();
  const { communityId, roles, isAdmin } = useCommunity();
  const { message } = App.useApp();
  const results = useLoad(() => votingApi.results(communityId, voteId), [communityId, voteId]);
  const [recount, setRecount] = useState<Recount | null>(null);
  const [counting, setCounting] = useState(false);
  const canRecount = isAdmin || hasAny(roles, [...COMMITTEE, 'residents_committee', 'party_secretary']);

  const runRecount = async () => {
    setCounting(true);
    try {
      const r = await votingApi.recount(communityId, voteId);
      setRecount(r);
      if (r.matches) message.success('重新计票结果与封存结果一致');
    } catch {
      // shown by the fetch wrapper
    } finally {
      setCounting(false);
    }
  };

  if (results.failed) {
    return (
      <Result
        status="info"
        title="表决尚未结束"
        subTitle="结果在投票截止后自动计票并公布。"
        extra={
          <Link to={`/c/${communityId}/votes/${voteId}`}>
            <Button>返回表决</Button>
          </Link>
        }
      />
    );
  }
  if (!results.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  return (
    <>
      <Flex justify="space-between" wrap gap={8} className="gy-no-print">
        <Link to={`/c/${communityId}/votes/${voteId}`}>返回表决</Link>
        <PrintButton />
      </Flex>
      <PageHeader
        title={`表决结果：${results.data.title}`}
        extra={
          canRecount && (
            <Button onClick={runRecount} loading={counting} disabled={counting} data-testid="recount" className="gy-no-print">
              重新计票
            </Button>
          )
        }
      />
      {recount && (
        <Alert
          type={recount.matches ? 'success' : 'error'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="recount-result"
          title={recount.matches ? '按选票重新计票，结果与封存结果一致。' : '重新计票结果与封存结果不一致，请立即报告街道。'}
        />
      )}
      <VoteResultsView
        results={results.data}
        objectionsLink={
          results.data.objectionEndsAt && (
            <Link to={`/c/${communityId}/votes/${voteId}/objections`} data-testid="objections-link">
              {results.data.stage === 'preliminary' ? '提出异议 / 查看询异情况' : '查看询异情况与表决结果公告'}
            </Link>
          )
        }
      />
    </>
  );
}
