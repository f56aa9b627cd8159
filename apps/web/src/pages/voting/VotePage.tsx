import { ExportButtons, PrintButton } from '../../components/ExportButtons';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Alert, Button, Card, Flex, Skeleton, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError, rulebookApi, votingApi, type CanvassElector } from '../../api';
import { useLoad } from '../../hooks/useLoad';
import { VOTE_STATUS_LABELS } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { COMMITTEE, hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';
import { CanvassingPanel } from './CanvassingPanel';
import { NoticeCard } from './NoticeCard';
import { NoticeSealingCard } from './NoticeSealingCard';
import { PaperBallotForm } from './PaperBallotForm';
import { ParticipationBars } from './ParticipationBars';
import { PendingPaperList } from './PendingPaperList';
import { ProxyForm } from './ProxyForm';
import { PendingProxyList } from './PendingProxyList';
import { ReceiptCheck } from './ReceiptCheck';

const REFRESH_MS = 15_000;

/** The committee's view of one assembly vote: notice, publication, live participation and the clerks' tools. */
export default function VotePage() {
  const { voteId = '' } = useParams();
  const { communityId, roles, userId } = useCommunity();
  const committee = hasAny(roles, COMMITTEE);
  const canCanvass = committee || roles.includes('representative');
  const vote = useLoad(() => votingApi.get(communityId, voteId), [communityId, voteId]);
  const published = vote.data !== undefined && vote.data.status !== 'draft';
  const open = vote.data?.status === 'noticed';
  const participation = useLoad(
    async () => (published ? votingApi.participation(communityId, voteId) : null),
    [communityId, voteId, published],
  );
  const canvassing = useLoad(
    async () => (published && canCanvass ? votingApi.canvassing(communityId, voteId) : null),
    [communityId, voteId, published, canCanvass],
  );
  const pending = useLoad(
    async () => (open && committee ? votingApi.pendingPaper(communityId, voteId) : []),
    [communityId, voteId, open, committee],
  );
  const proxies = useLoad(
    async () => (published && committee && vote.data?.channels.includes('proxy') ? votingApi.proxies(communityId, voteId) : []),
    [communityId, voteId, published, committee],
  );
  const sealing = vote.data?.status === 'noticed' && !vote.data.noticeSealedAt;
  const rules = useLoad(async () => (sealing && committee ? rulebookApi.current(communityId) : null), [communityId, sealing, committee]);
  const navigate = useNavigate();
  const [publishError, setPublishError] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [tab, setTab] = useState('canvass');
  const [picked, setPicked] = useState<string>();

  const refresh = () => {
    participation.reload();
    canvassing.reload();
    pending.reload();
    proxies.reload();
  };
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => participation.reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [open, participation.reload]);

  if (!vote.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const v = vote.data;
  const electors = (canvassing.data?.buildings ?? []).flatMap((b) => b.electors);
  const pick = (next: string) => (e: CanvassElector) => {
    setPicked(e.electorId);
    setTab(next);
  };

  const publish = async () => {
    setPublishing(true);
    setPublishError(null);
    try {
      // Publishing is the sealing: the server registers the notice and asks for its seals in the same step.
      await votingApi.publish(communityId, voteId);
      vote.reload();
    } catch (e) {
      setPublishError(e instanceof ApiError ? e.message : '发布失败');
    } finally {
      setPublishing(false);
    }
  };

  return (
    <>
      <Link to={`/c/${communityId}/agenda/${v.agendaItemId}`}>返回议题</Link>
      <PageHeader
        title={v.title}
        extra={
          <Flex gap={8} wrap>
            {sealing ? (
              <Tag color="orange">已发布 · 待用章</Tag>
            ) : (
              <Tag color={v.status === 'closed' ? 'default' : v.status === 'noticed' ? 'green' : 'orange'}>
                {VOTE_STATUS_LABELS[v.status]}
              </Tag>
            )}
            {v.isOpen && <Tag color="blue">投票进行中</Tag>}
          </Flex>
        }
      />
      {v.status === 'draft' && committee && (
        <Card style={{ marginBottom: 16 }}>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title="发布后议案和表决名册即冻结，并通知居委会；发布须早于投票开始至少公告期天数。"
          />
          <Flex wrap gap={12} style={{ marginBottom: 12 }}>
            <Link to={`/c/${communityId}/votes/${v.id}/edit`}>
              <Button data-testid="edit-vote-draft">修改草稿</Button>
            </Link>
            <ConfirmButton
              danger
              data-testid="delete-vote-draft"
              confirmTitle="删除这份表决草稿？"
              okText="确认删除"
              consequence={<p>草稿「{v.title}」及其议案将被删除（决策记录中保留“删除草稿”一条）；之后可以为该议题重新起草。</p>}
              onConfirm={async () => {
                await votingApi.deleteDraft(communityId, v.id);
                navigate(`/c/${communityId}/agenda/${v.agendaItemId}`);
              }}
            >
              删除草稿
            </ConfirmButton>
          </Flex>
          {publishError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={publishError} data-testid="publish-error" />}
          <ConfirmButton
            type="primary"
            data-testid="publish-notice"
            confirmTitle="发布业主大会表决公告？"
            okText="确认发布"
            consequence={
              <p>
                公告「{v.title}
                」发布后，议案和表决名册即冻结、不能再修改或删除，并随即申请加盖业主大会章和业主委员会章：用章之日即公告之日，须在投票开始前公告期天数以前完成；居委会和名册上的业主会收到通知，投票按公告的时间开始和结束。
              </p>
            }
            disabled={publishing}
            onConfirm={publish}
          >
            发布公告
          </ConfirmButton>
        </Card>
      )}
      {sealing && committee && rules.data && (
        <NoticeSealingCard
          communityId={communityId}
          vote={v}
          noticeDays={v.interim ? rules.data.settings.interimNoticeDays : rules.data.settings.noticeDays}
          onChanged={vote.reload}
        />
      )}
      {v.status === 'closed' && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 16 }}
          title="表决已结束，结果已公布。"
          action={
            <Link to={`/c/${communityId}/votes/${voteId}/results`}>
              <Button type="primary">查看表决结果</Button>
            </Link>
          }
        />
      )}
      {roles.includes('owner') && v.isOpen && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="您是业主，可以在「我的表决」中投票。"
          action={
            <Link to={`/c/${communityId}/my-votes/${voteId}`}>
              <Button>去投票</Button>
            </Link>
          }
        />
      )}
      {participation.data && <ParticipationBars data={participation.data} />}
      {published && canCanvass && (
        <Card style={{ marginBottom: 16 }}>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'canvass',
                label: '扫楼名单',
                children: canvassing.data && (
                  <CanvassingPanel
                    data={canvassing.data}
                    motionCount={v.motions.length}
                    onPaper={open && committee && v.channels.includes('paper') ? pick('paper') : undefined}
                    onProxy={open && committee && v.channels.includes('proxy') ? pick('proxy') : undefined}
                  />
                ),
              },
              ...(open && committee && v.channels.includes('paper')
                ? [
                    {
                      key: 'paper',
                      label: '录入纸质票',
                      children: (
                        <PaperBallotForm
                          communityId={communityId}
                          voteId={voteId}
                          motions={v.motions}
                          electors={electors}
                          electorId={picked}
                          onEntered={refresh}
                        />
                      ),
                    },
                    {
                      key: 'pending',
                      label: `待核对（${pending.data?.length ?? 0}）`,
                      children: (
                        <PendingPaperList
                          communityId={communityId}
                          voteId={voteId}
                          motions={v.motions}
                          pending={pending.data ?? []}
                          userId={userId}
                          onChanged={refresh}
                        />
                      ),
                    },
                  ]
                : []),
              ...(open && committee && v.channels.includes('proxy')
                ? [
                    {
                      key: 'proxy',
                      label: '登记委托',
                      children: (
                        <ProxyForm
                          communityId={communityId}
                          voteId={voteId}
                          electors={electors}
                          electorId={picked}
                          userId={userId}
                          onAdded={refresh}
                        />
                      ),
                    },
                    {
                      key: 'proxies',
                      label: `书面委托（${(proxies.data ?? []).filter((p) => p.status === 'pending').length} 份未核对）`,
                      children: (
                        <PendingProxyList
                          communityId={communityId}
                          voteId={voteId}
                          proxies={proxies.data ?? []}
                          userId={userId}
                          onChanged={refresh}
                        />
                      ),
                    },
                  ]
                : []),
              { key: 'receipt', label: '核对回执', children: <ReceiptCheck communityId={communityId} voteId={voteId} /> },
            ]}
          />
        </Card>
      )}
      {published && canCanvass && (
        <Flex wrap gap={8} style={{ marginBottom: 16 }} className="gy-no-print">
          <ExportButtons path={`/communities/${communityId}/votes/${voteId}/canvassing/export`} label="导出扫楼名单" />
          <PrintButton />
        </Flex>
      )}
      <NoticeCard vote={v} />
    </>
  );
}
