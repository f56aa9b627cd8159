import { Card, Collapse, Descriptions, Tag, Typography } from 'antd';
import type { AssemblyVote } from '../../api';
import { formatDateTime, formatHundredths } from '../../format';
import { CHANNEL_LABELS } from '../../labels';
import { optionId } from './choices';
import { VoteTotalsCard } from './VoteTotalsCard';

/** The notice as published: method, channels, window, roll totals and the full text of every motion. */
export function NoticeCard({ vote }: { vote: AssemblyVote }) {
  return (
    <Card title="表决公告" style={{ marginBottom: 16 }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'method', label: '表决方式', children: vote.method },
          { key: 'channels', label: '投票渠道', children: vote.channels.map((c) => <Tag key={c}>{CHANNEL_LABELS[c]}</Tag>) },
          { key: 'opens', label: '投票开始', children: formatDateTime(vote.opensAt) },
          { key: 'closes', label: '投票截止', children: formatDateTime(vote.closesAt) },
          {
            key: 'noticed',
            label: '公告日期（用章）',
            // Publishing is the sealing: the notice's date is the day its seals went on.
            children: vote.noticeSealedAt
              ? formatDateTime(vote.noticeSealedAt)
              : vote.noticedAt
                ? `待用章（${formatDateTime(vote.noticedAt)} 提交发布）`
                : '尚未发布',
          },
          ...(vote.totalHeadcount !== null && vote.totalAreaHundredths !== null
            ? [
                {
                  key: 'roll',
                  label: '表决名册',
                  children: `${vote.totalHeadcount} 人，${formatHundredths(vote.totalAreaHundredths)} 平方米`,
                },
              ]
            : []),
          ...(vote.interim ? [{ key: 'interim', label: '会议类型', children: '临时会议' }] : []),
          // 监票人/计票人 as the committee named them on the notice (printed on the notice and both result documents).
          {
            key: 'scrutineers',
            label: '监票人',
            children: <span data-testid="vote-scrutineers">{vote.noticeDetails?.scrutineers?.join('、') || '（公告未指定）'}</span>,
          },
          {
            key: 'tellers',
            label: '计票人',
            children: <span data-testid="vote-tellers">{vote.noticeDetails?.tellers?.join('、') || '（公告未指定）'}</span>,
          },
        ]}
      />
      <VoteTotalsCard voteId={vote.id} />
      <Collapse
        style={{ marginTop: 12 }}
        items={vote.motions.map((m) => ({
          key: m.id,
          label: `议案 ${m.seq}：${m.title}`,
          children: (
            <>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{m.fullText}</Typography.Paragraph>
              {m.kind === 'options' && (
                <ol style={{ paddingInlineStart: 24 }} type="A">
                  {m.options.map((o, i) => (
                    <li key={o.id} value={i + 1} title={optionId(i)}>
                      {o.label}
                    </li>
                  ))}
                </ol>
              )}
            </>
          ),
        }))}
      />
    </Card>
  );
}
