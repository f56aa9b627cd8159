import { Descriptions, Flex, Progress, Table, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { AgendaItem, Meeting, StageName } from '../../api';
import { useCommunity } from '../../session/useCommunity';
import { formatDateTime, formatYuan } from '../../format';
import { CHOICE_LABELS, STAGE_LABELS, TRANSITION_LABELS } from '../../labels';

const KIND_COLORS: Record<string, string> = {
  submitted: 'blue',
  advance: 'green',
  done: 'green',
  return: 'orange',
  reject: 'red',
  skip: 'gray',
  resubmit: 'blue',
};

/** Stages whose minutes the attendees confirm (seal policy: the meetings' own records). */
const MINUTES_CONFIRMED_BY_ATTENDEES: StageName[] = ['party_prediscussion', 'joint_meeting', 'representatives_meeting'];

function MeetingDetails({ meeting, names }: { meeting: Meeting; names: Map<string, string> }) {
  const { communityId } = useCommunity();
  const d = meeting.details ?? {};
  return (
    <div data-testid="timeline-meeting" style={{ marginTop: 6 }}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'at', label: '会议时间', children: formatDateTime(meeting.heldAt) },
          { key: 'place', label: '地点', children: meeting.place },
          ...(meeting.chair ? [{ key: 'chair', label: '主持', children: meeting.chair }] : []),
        ]}
      />
      {meeting.attendees.length > 0 && (
        <Flex wrap gap={6} style={{ margin: '6px 0' }}>
          {meeting.attendees.map((a, i) => (
            <Tag key={`${a.name}-${i}`} color={a.present ? 'blue' : 'default'}>
              {a.party} · {a.name}
              {a.present ? '' : '（缺席）'}
            </Tag>
          ))}
        </Flex>
      )}
      {d.plan && (
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          <strong>议定方案：</strong>
          {d.plan}
        </Typography.Paragraph>
      )}
      {d.options && d.options.length > 0 && (
        <Typography.Paragraph style={{ marginBottom: 4 }}>备选方案：{d.options.join('；')}</Typography.Paragraph>
      )}
      {d.opinions && (
        <Table
          size="small"
          rowKey={(o) => o.representative}
          pagination={false}
          dataSource={d.opinions}
          style={{ margin: '6px 0' }}
          columns={[
            { title: '居民代表', dataIndex: 'representative' },
            { title: '赞成', dataIndex: 'for', align: 'right' },
            { title: '反对', dataIndex: 'against', align: 'right' },
            { title: '顾虑', dataIndex: 'concerns', responsive: ['sm'] },
          ]}
        />
      )}
      {d.memberVotes && (
        <Flex wrap gap={6} style={{ margin: '6px 0' }}>
          {d.memberVotes.map((v) => (
            <Tag key={v.userId} color={!v.present ? 'default' : v.vote === 'yes' ? 'green' : v.vote === 'no' ? 'red' : 'gold'}>
              {names.get(v.userId) ?? '委员'}：{v.present ? `${CHOICE_LABELS[v.vote ?? 'abstain']}${v.signed ? '，已签字' : ''}` : '缺席'}
            </Tag>
          ))}
        </Flex>
      )}
      {d.decision?.reasonZh && <Typography.Paragraph type="secondary">{d.decision.reasonZh}</Typography.Paragraph>}
      <Typography.Paragraph
        ellipsis={{ rows: 3, expandable: 'collapsible', symbol: (open) => (open ? '收起' : '展开纪要') }}
        style={{ whiteSpace: 'pre-wrap', background: '#fafafa', padding: 8, borderRadius: 6 }}
      >
        {meeting.minutes}
      </Typography.Paragraph>
      {MINUTES_CONFIRMED_BY_ATTENDEES.includes(meeting.stage) && (
        <Link to={`/c/${communityId}/meetings/${meeting.id}/minutes`} data-testid="minutes-confirmations-link">
          {meeting.minutesFinalAt ? '纪要已全体确认（查看确认情况）' : '纪要确认情况（与会人员确认后定稿）'}
        </Link>
      )}
    </div>
  );
}

/** The item's chain as one timeline: submissions, each stage's meeting and outcome, skips, progress reports. */
export function ChainTimeline({ item, names }: { item: AgendaItem; names: Map<string, string> }) {
  const meetings = new Map(item.meetings.map((m) => [m.id, m]));
  const entries = [
    ...item.transitions.map((t) => ({ at: t.occurredAt, key: `t-${t.id}`, transition: t, report: undefined })),
    ...item.executionReports.map((r) => ({ at: r.reportedAt, key: `r-${r.id}`, transition: undefined, report: r })),
  ].sort((a, b) => a.at.localeCompare(b.at));

  return (
    <Timeline
      data-testid="chain-timeline"
      items={entries.map((e) => {
        if (e.report) {
          const r = e.report;
          return {
            key: e.key,
            color: 'blue',
            content: (
              <div data-testid="timeline-progress">
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 16 }}>
                  {formatDateTime(r.reportedAt)}
                </Typography.Text>
                <strong>物业执行进度</strong>
                {names.get(r.reportedBy) && <Typography.Text type="secondary">（{names.get(r.reportedBy)}）</Typography.Text>}
                <Progress percent={r.progressPercent} style={{ maxWidth: 420 }} aria-label={`执行进度 ${r.progressPercent}%`} />
                <div style={{ whiteSpace: 'pre-wrap' }}>{r.text}</div>
                {r.amountFen && <div data-testid="progress-amount-shown">本次支出：{formatYuan(r.amountFen)}</div>}
              </div>
            ),
          };
        }
        const t = e.transition!;
        // The done step cites the acceptance meeting shown just above it.
        const meeting = t.meetingId && t.kind !== 'done' ? meetings.get(t.meetingId) : undefined;
        const stage = t.stage ? STAGE_LABELS[t.stage as StageName] : '';
        return {
          key: e.key,
          color: KIND_COLORS[t.kind] ?? 'gray',
          content: (
            <div>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 16 }}>
                {formatDateTime(t.occurredAt)}
              </Typography.Text>
              <Flex wrap gap={8} align="center">
                <strong>
                  {t.kind === 'done'
                    ? '议题办结'
                    : t.kind === 'submitted' || t.kind === 'resubmit'
                      ? `${TRANSITION_LABELS[t.kind]}${stage ? `（进入${stage}）` : ''}`
                      : `${stage}${stage ? ' · ' : ''}${TRANSITION_LABELS[t.kind] ?? t.kind}`}
                </strong>
                {t.actorId && names.get(t.actorId) && <Typography.Text type="secondary">{names.get(t.actorId)}</Typography.Text>}
                {!t.actorId && t.kind !== 'done' && <Typography.Text type="secondary">由表决结果决定</Typography.Text>}
              </Flex>
              {t.reason && (
                <Typography.Paragraph style={{ marginBottom: 4, whiteSpace: 'pre-wrap' }}>
                  {t.kind === 'skip' ? '跳过理由：' : t.kind === 'resubmit' ? '修改说明：' : '理由：'}
                  {t.reason}
                </Typography.Paragraph>
              )}
              {meeting && <MeetingDetails meeting={meeting} names={names} />}
            </div>
          ),
        };
      })}
    />
  );
}
