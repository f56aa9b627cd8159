import { App, Button, Card, Descriptions, Flex, Input, Radio, Rate, Select, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { requestsApi, type RequestDetail } from '../../api/requests';
import { AuthPhoto } from '../../components/AuthPhoto';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useLoad } from '../../hooks/useLoad';
import { useSubmit } from '../../hooks/useSubmit';
import { MATTER_LABELS } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { useCommunity } from '../../session/useCommunity';
import { statusColor } from './RequestsPage';

const PURPOSE = { filing: '现场', progress: '进展', evidence: '办结' } as const;

/** One request: its timeline, photos, and the buttons of the steps the reader may take now. */
export default function RequestPage() {
  const { communityId } = useCommunity();
  const { requestId = '' } = useParams();
  const { message } = App.useApp();
  const load = useLoad(() => requestsApi.get(communityId, requestId), [communityId, requestId]);
  const [shown, setShown] = useState<RequestDetail>();
  const r = shown?.id === requestId ? shown : load.data;
  const form = useLoad(
    () => (r?.actions.includes('dispatch') ? requestsApi.form(communityId) : Promise.resolve(undefined)),
    [communityId, r?.actions.join()],
  );
  const [note, setNote] = useState('');
  const [rating, setRating] = useState(0);
  const [assignee, setAssignee] = useState<string>();
  const [department, setDepartment] = useState('');
  const [kind, setKind] = useState<'person' | 'department'>('person');
  const [matter, setMatter] = useState<string>('committee_only');
  const act = useSubmit(async (run: () => Promise<RequestDetail>, done: string) => {
    const next = await run();
    setShown(next);
    setNote('');
    message.success(done);
  });
  if (!r) return <Skeleton active />;
  const can = (a: string) => r.actions.includes(a);
  const upload = (purpose: 'progress' | 'evidence') => (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) void act.run(() => requestsApi.photo(communityId, r.id, file, purpose), '照片已上传');
    e.target.value = '';
  };
  const assignees = form.data?.assignees ?? [];
  return (
    <>
      <PageHeader title={`诉求 #${r.seq}`} extra={<Link to={`/c/${communityId}/requests`}>返回列表</Link>} />
      <Card style={{ marginBottom: 12 }}>
        <Flex justify="space-between" wrap gap={8}>
          <Typography.Title level={3} style={{ margin: 0, wordBreak: 'break-all' }}>
            {r.title}
          </Typography.Title>
          <Space wrap>
            {r.overdue && <Tag color="red">超时</Tag>}
            <Tag color={statusColor(r)} data-testid="request-status">
              {r.statusLabel}
            </Tag>
          </Space>
        </Flex>
        {r.description && <Typography.Paragraph style={{ marginTop: 8, whiteSpace: 'pre-wrap' }}>{r.description}</Typography.Paragraph>}
        <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
          <Descriptions.Item label="类别">{r.categoryLabel}</Descriptions.Item>
          <Descriptions.Item label="地点">{r.placeLabel}</Descriptions.Item>
          <Descriptions.Item label="提出">
            {r.filerName}（{r.filedAtText}
            {r.channel === 'reception' ? '，接待日登记' : ''}）
          </Descriptions.Item>
          {r.assigneeLabel && <Descriptions.Item label="接单">{r.assigneeLabel}</Descriptions.Item>}
          {r.dueText && <Descriptions.Item label="时限">{r.dueText}</Descriptions.Item>}
          {r.rating && (
            <Descriptions.Item label="评价">
              <Rate disabled value={r.rating} /> {r.ratingComment}
            </Descriptions.Item>
          )}
          {r.reopenUntilText && <Descriptions.Item label="可重新打开至">{r.reopenUntilText}</Descriptions.Item>}
          {r.writeOffText && <Descriptions.Item label="销号">{r.writeOffText}</Descriptions.Item>}
          {r.agendaItemId && (
            <Descriptions.Item label="议题">
              <Link to={`/c/${communityId}/agenda/${r.agendaItemId}`}>已转为议题，查看议事进程</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
        {r.photos.length > 0 && (
          <Flex gap={8} wrap style={{ marginTop: 8 }} data-testid="request-photos">
            {r.photos.map((p) => (
              <AuthPhoto key={p.id} url={p.url} label={PURPOSE[p.purpose as keyof typeof PURPOSE] ?? ''} />
            ))}
          </Flex>
        )}
      </Card>

      {r.actions.length > 0 && (
        <Card title="办理" style={{ marginBottom: 12 }}>
          <Flex vertical gap={12}>
            {can('dispatch') && (
              <Flex vertical gap={8} data-testid="dispatch-panel">
                <Radio.Group
                  value={kind}
                  onChange={(e) => setKind(e.target.value)}
                  optionType="button"
                  options={[
                    { value: 'person', label: '楼栋长或物业' },
                    { value: 'department', label: '职能部门' },
                  ]}
                />
                {kind === 'person' ? (
                  <Select
                    size="large"
                    placeholder="选择接单人"
                    value={assignee}
                    onChange={setAssignee}
                    options={assignees.map((a) => ({ value: `${a.kind}|${a.userId}`, label: `${a.kindLabel} ${a.name}` }))}
                    data-testid="dispatch-assignee"
                  />
                ) : (
                  <Input
                    size="large"
                    placeholder="部门名称，如：街道城管科"
                    value={department}
                    onChange={(e) => setDepartment(e.target.value)}
                    maxLength={60}
                  />
                )}
                <Button
                  type="primary"
                  size="large"
                  loading={act.busy}
                  data-testid="dispatch-submit"
                  onClick={() => {
                    const [assigneeKind, assigneeUserId] = (assignee ?? '').split('|') as ['building_leader' | 'property_company', string];
                    void act.run(
                      () =>
                        requestsApi.dispatch(
                          communityId,
                          r.id,
                          kind === 'department' ? { assigneeKind: 'department', department } : { assigneeKind, assigneeUserId },
                        ),
                      '已派单',
                    );
                  }}
                >
                  派单
                </Button>
              </Flex>
            )}
            {can('accept') && (
              <Button
                type="primary"
                size="large"
                block
                loading={act.busy}
                data-testid="request-accept"
                onClick={() => void act.run(() => requestsApi.step(communityId, r.id, 'accept'), '已接单')}
              >
                接单
              </Button>
            )}
            {(can('progress') || can('close') || can('reopen') || can('cancel')) && (
              <Input.TextArea
                rows={2}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                maxLength={2000}
                placeholder={can('reopen') ? '未解决的原因' : '办理情况说明'}
                data-testid="request-note"
              />
            )}
            {can('progress') && (
              <Flex gap={8} wrap>
                <Button
                  size="large"
                  loading={act.busy}
                  onClick={() => void act.run(() => requestsApi.step(communityId, r.id, 'progress', note), '已报告进展')}
                >
                  报告进展
                </Button>
                <label>
                  <Button size="large" onClick={(e) => (e.currentTarget.nextElementSibling as HTMLInputElement | null)?.click()}>
                    上传办结照片
                  </Button>
                  <input
                    type="file"
                    accept="image/jpeg,image/png,image/webp"
                    capture="environment"
                    hidden
                    onChange={upload('evidence')}
                    data-testid="evidence-photo"
                  />
                </label>
              </Flex>
            )}
            {can('close') && (
              <ConfirmButton
                type="primary"
                size="large"
                block
                data-testid="request-close"
                confirmTitle="确认办结？"
                consequence="办结后由居民评价；居民可在规定期限内重新打开。"
                onConfirm={() => act.run(() => requestsApi.step(communityId, r.id, 'close', note), '已办结')}
              >
                办结
              </ConfirmButton>
            )}
            {can('rate') && (
              <Flex vertical gap={8} data-testid="rate-panel">
                <Typography.Text>请为办理情况打分：</Typography.Text>
                <Rate value={rating} onChange={setRating} style={{ fontSize: 32 }} />
                <Input.TextArea
                  rows={2}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  maxLength={500}
                  placeholder="评价（可不填）"
                  data-testid="rate-comment"
                />
                <Button
                  type="primary"
                  size="large"
                  disabled={!rating}
                  loading={act.busy}
                  data-testid="rate-submit"
                  onClick={() => void act.run(() => requestsApi.rate(communityId, r.id, rating, note), '感谢您的评价')}
                >
                  提交评价
                </Button>
              </Flex>
            )}
            {can('reopen') && (
              <ConfirmButton
                size="large"
                danger
                confirmTitle="重新打开这件诉求？"
                consequence="诉求将回到待派单，由党支部重新派单。"
                onConfirm={() => act.run(() => requestsApi.step(communityId, r.id, 'reopen', note), '已重新打开')}
              >
                问题未解决，重新打开
              </ConfirmButton>
            )}
            {can('cancel') && (
              <ConfirmButton
                size="large"
                confirmTitle="撤销这件诉求？"
                consequence="撤销后不再办理。"
                onConfirm={() => act.run(() => requestsApi.step(communityId, r.id, 'cancel', note), '已撤销')}
              >
                撤销
              </ConfirmButton>
            )}
            {can('confirm') && (
              <ConfirmButton
                size="large"
                confirmTitle="确认问题已解决？"
                consequence="确认后该诉求销号。"
                onConfirm={() => act.run(() => requestsApi.writeOff(communityId, r.id, { kind: 'resident' }), '已确认销号')}
              >
                确认已解决（销号）
              </ConfirmButton>
            )}
            {can('return_visit') && (
              <Flex vertical gap={8}>
                <Input.TextArea
                  rows={2}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  maxLength={1000}
                  placeholder="回访记录：时间、方式、居民意见"
                />
                <ConfirmButton
                  size="large"
                  confirmTitle="记录回访并销号？"
                  consequence="回访记录将随诉求存档。"
                  onConfirm={() => act.run(() => requestsApi.writeOff(communityId, r.id, { kind: 'return_visit', note }), '已销号')}
                >
                  记录回访并销号
                </ConfirmButton>
              </Flex>
            )}
            {can('promote') && (
              <Flex gap={8} wrap>
                <Select
                  style={{ minWidth: 0, flex: '1 1 200px' }}
                  value={matter}
                  onChange={setMatter}
                  options={Object.entries(MATTER_LABELS).map(([value, label]) => ({ value, label }))}
                />
                <ConfirmButton
                  size="large"
                  confirmTitle="转为议题？"
                  consequence="将按议事规则进入议事链（支部先议起），诉求与议题互相关联。"
                  onConfirm={() => act.run(() => requestsApi.promote(communityId, r.id, { matterCategory: matter as never }), '已转为议题')}
                >
                  转为议题
                </ConfirmButton>
              </Flex>
            )}
          </Flex>
        </Card>
      )}

      <Card title="办理经过">
        <Timeline
          items={r.events.map((e) => ({
            children: (
              <>
                <Typography.Text strong>{e.kindLabel}</Typography.Text> {e.actorName ?? ''}
                <br />
                <Typography.Text type="secondary">{e.atText}</Typography.Text>
                {e.note && <Typography.Paragraph style={{ margin: 0 }}>{e.note}</Typography.Paragraph>}
              </>
            ),
          }))}
        />
      </Card>
    </>
  );
}
