import { ArrowLeftOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Flex, List, Row, Skeleton, Steps, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { agendaApi, identityApi, rulebookApi, type StageName, type StageStatus } from '../../api';
import { formatDateTime, formatYuan } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import {
  ITEM_STATUS_COLORS,
  ITEM_STATUS_LABELS,
  MATTER_LABELS,
  ROLE_LABELS,
  SPECIAL_MATTERS,
  STAGE_LABELS,
  STAGE_ORDER,
  VOTE_STATUS_LABELS,
} from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { COMMITTEE, hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';
import { committeeMembers, namesOf, REQUIREMENT_LABELS, type Plan } from './chain-plan';
import { ChainTimeline } from './ChainTimeline';
import { StageActions } from './StageActions';
import { AccountsContext } from './accounts-context';

const STEP_STATUS: Record<StageStatus, 'finish' | 'wait'> = {
  advanced: 'finish',
  skipped: 'finish',
  passed_over: 'finish',
  pending: 'wait',
};
const STAGE_STATUS_TEXT: Record<StageStatus, string> = {
  advanced: '已通过',
  skipped: '已跳过',
  passed_over: '未召开（可选）',
  pending: '',
};

export default function AgendaItemPage() {
  const { itemId = '' } = useParams();
  const { communityId, roles, isAdmin } = useCommunity();
  const item = useLoad(() => agendaApi.get(communityId, itemId), [communityId, itemId]);
  const rulebooks = useLoad(() => rulebookApi.versions(communityId), [communityId]);
  const canSeeRoles = isAdmin || hasAny(roles, [...COMMITTEE, 'residents_committee']);
  const people = useLoad(async () => (canSeeRoles ? identityApi.roles(communityId, true) : []), [communityId, canSeeRoles]);

  const data = item.data;
  const plan = useMemo<Plan | undefined>(() => {
    if (!data) return undefined;
    const version = rulebooks.data?.find((r) => r.version === data.rulebookVersion) ?? rulebooks.data?.[0];
    return version?.settings.stages[data.category];
  }, [data, rulebooks.data]);
  const names = useMemo(() => namesOf(people.data), [people.data]);
  const members = useMemo(() => committeeMembers(people.data ?? []), [people.data]);
  const accounts = useMemo(() => {
    const byUser = new Map<string, { name: string; roles: string[] }>();
    for (const r of people.data ?? []) {
      if (!r.active || r.role === 'owner' || r.role === 'vendor') continue;
      const entry = byUser.get(r.userId) ?? { name: r.displayName, roles: [] };
      entry.roles.push(ROLE_LABELS[r.role]);
      byUser.set(r.userId, entry);
    }
    return [...byUser].map(([userId, e]) => ({ userId, label: `${e.name}（${e.roles.join('、')}）` }));
  }, [people.data]);

  if (!data) return <Skeleton active paragraph={{ rows: 10 }} />;
  const stages = STAGE_ORDER.filter((s) => plan?.[s] !== 'not_applicable');
  const currentIndex = data.currentStage ? stages.indexOf(data.currentStage) : -1;

  return (
    <>
      <Link to={`/c/${communityId}/agenda`}>
        <ArrowLeftOutlined /> 返回议题看板
      </Link>
      <PageHeader
        title={`第 ${data.seq} 号议题：${data.title}`}
        extra={<Tag color={ITEM_STATUS_COLORS[data.status]}>{ITEM_STATUS_LABELS[data.status]}</Tag>}
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          data-testid="chain-steps"
          size="small"
          current={currentIndex}
          status={data.status === 'rejected' ? 'error' : data.status === 'returned' ? 'error' : 'process'}
          responsive
          items={stages.map((s: StageName) => {
            const status = data.chainState.stages[s];
            const isCurrent = s === data.currentStage && data.status !== 'done';
            return {
              title: STAGE_LABELS[s],
              status: isCurrent ? (data.status === 'in_stage' ? 'process' : 'error') : STEP_STATUS[status],
              content: isCurrent ? ITEM_STATUS_LABELS[data.status] : STAGE_STATUS_TEXT[status] || (plan ? REQUIREMENT_LABELS[plan[s]] : ''),
            };
          })}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <AccountsContext.Provider value={accounts}>
            <StageActions communityId={communityId} item={data} plan={plan} roles={roles} members={members} onChanged={item.reload} />
          </AccountsContext.Provider>
          {data.votes.length > 0 && (
            <Card title="业主大会表决" style={{ marginBottom: 16 }} data-testid="item-votes">
              <List
                size="small"
                dataSource={data.votes}
                renderItem={(v, i) => (
                  <List.Item key={v.id} data-testid="item-vote">
                    <Flex vertical gap={2} style={{ minWidth: 0 }}>
                      <Link to={`/c/${communityId}/votes/${v.id}`}>
                        第 {i + 1} 次：{v.title}
                      </Link>
                      <Typography.Text type="secondary">
                        {formatDateTime(v.opensAt)} 至 {formatDateTime(v.closesAt)}
                      </Typography.Text>
                    </Flex>
                    <Tag color={v.status === 'closed' ? 'default' : v.status === 'noticed' ? 'processing' : 'warning'}>
                      {VOTE_STATUS_LABELS[v.status]}
                    </Tag>
                  </List.Item>
                )}
              />
            </Card>
          )}
          <Card title="议题内容">
            <Descriptions
              column={1}
              size="small"
              items={[
                {
                  key: 'category',
                  label: '事项类别',
                  children: (
                    <span>
                      {MATTER_LABELS[data.category]}
                      {SPECIAL_MATTERS.includes(data.category) && (
                        <Tag color="red" style={{ marginLeft: 6 }}>
                          须四分之三以上
                        </Tag>
                      )}
                    </span>
                  ),
                },
                { key: 'budget', label: '预算', children: data.budgetFen ? formatYuan(data.budgetFen) : '—' },
                { key: 'funding', label: '资金来源', children: data.fundingSource || '—' },
                { key: 'created', label: '提出时间', children: formatDateTime(data.createdAt) },
                { key: 'proposer', label: '提出人', children: names.get(data.proposerId) ?? '业委会' },
                { key: 'rules', label: '议事规则', children: `第 ${data.rulebookVersion} 版` },
                ...(data.chosenOption
                  ? [{ key: 'chosen', label: '业主选定方案', children: data.chosenOption.label ?? data.chosenOption.optionId }]
                  : []),
                ...(data.fromRequest
                  ? [
                      {
                        key: 'from-request',
                        label: '来源',
                        children: (
                          <Link to={`/c/${communityId}/requests/${data.fromRequest.id}`} data-testid="item-from-request">
                            居民诉求第 {data.fromRequest.seq} 号：{data.fromRequest.title}
                          </Link>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12, marginBottom: 0 }}>
              {data.description}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="议事过程">
            <ChainTimeline item={data} names={names} />
            <Flex justify="flex-end">
              <Link to={`/c/${communityId}/record`}>在决策记录中核验</Link>
            </Flex>
          </Card>
        </Col>
      </Row>
    </>
  );
}
