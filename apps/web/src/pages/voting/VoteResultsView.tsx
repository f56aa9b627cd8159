import { Alert, Card, Collapse, Descriptions, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { VoteResults } from '../../api';
import { formatArea, formatDateTime, formatHundredths } from '../../format';
import { CHANNEL_LABELS, TALLY_OUTCOME_LABELS } from '../../labels';
import { choiceLabel } from './choices';

type MotionResult = VoteResults['motions'][number];

function ChoiceTable({ m }: { m: MotionResult }) {
  const quorum = m.tally.participation.quorum.heads && m.tally.participation.quorum.area;
  const motion = { kind: m.tally.motionKind, options: m.options };
  const rows = [
    ...m.tally.choices.map((c) => ({
      key: c.choice,
      label: choiceLabel(motion, c.choice),
      heads: c.heads,
      area: c.areaHundredths,
      passing: c.passing,
    })),
    { key: 'abstain', label: '弃权', heads: m.tally.abstain.heads, area: m.tally.abstain.areaHundredths, passing: null },
  ];
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      columns={[
        { title: '意见', dataIndex: 'label' },
        { title: '人数', dataIndex: 'heads', align: 'right' },
        { title: '面积（㎡）', dataIndex: 'area', align: 'right', render: (a: string) => formatHundredths(a) },
        {
          title: '达到门槛',
          key: 'passing',
          // Without a quorum no choice can pass, whatever its share of the participants.
          render: (_, r) => (r.passing && quorum ? r.passing.heads && r.passing.area ? <Tag color="green">是</Tag> : <Tag>否</Tag> : '—'),
        },
      ]}
    />
  );
}

/**
 * Where the result stands: a preliminary count with its objection period, or final once the announcement is sealed
 * — and the objections with the committee's answers (units and texts, never names).
 */
function StageBanner({ results, objectionsLink }: { results: VoteResults; objectionsLink?: ReactNode }) {
  if (results.final && !results.objectionEndsAt) return null;
  const preliminary = results.stage === 'preliminary';
  return (
    <Alert
      style={{ marginBottom: 16 }}
      type={results.final ? 'success' : 'warning'}
      showIcon
      data-testid="result-stage-banner"
      title={
        results.final
          ? `表决结果已确定（表决结果公告 ${results.finalDocument?.number ?? ''} 已加盖双章）`
          : preliminary
            ? `初步统计结果公示：询异期至 ${formatDateTime(results.objectionEndsAt)}，期内本次表决的业主可提出异议`
            : '初步统计结果：询异期已结束，表决结果以业主委员会发布并用章的表决结果公告为准'
      }
      description={
        <>
          {results.objections.length > 0 && (
            <ol style={{ paddingLeft: 20, margin: '8px 0' }}>
              {results.objections.map((o, i) => (
                <li key={i}>
                  {o.unitNumber ? `（${o.unitNumber}）` : ''}
                  {o.text}
                  <br />
                  <Typography.Text type="secondary">{o.answer ? `答复：${o.answer}` : '待业主委员会答复'}</Typography.Text>
                </li>
              ))}
            </ol>
          )}
          {[results.preliminaryDocument, results.finalDocument]
            .filter((d) => d?.sealed)
            .map((d) => (
              <div key={d!.number}>
                <a href={`/verify/${d!.number}`} data-testid="result-document-link">
                  {d!.title}（{d!.number}，核验并下载盖章文件）
                </a>
              </div>
            ))}
          {objectionsLink}
        </>
      }
    />
  );
}

/** Published results: outcome, threshold, counts by heads and area, and the participating units (never names). */
export function VoteResultsView({ results, objectionsLink }: { results: VoteResults; objectionsLink?: ReactNode }) {
  return (
    <div data-testid="vote-results">
      <StageBanner results={results} objectionsLink={objectionsLink} />
      <Typography.Paragraph type="secondary">表决结束时间：{formatDateTime(results.closedAt)}</Typography.Paragraph>
      {results.motions.map((m) => {
        const t = m.tally;
        const p = t.participation;
        return (
          <Card
            key={m.motionId}
            title={`议案 ${m.seq}：${m.title}`}
            extra={<Tag color={m.outcome === 'passed' ? 'green' : 'red'}>{TALLY_OUTCOME_LABELS[m.outcome] ?? m.outcome}</Tag>}
            style={{ marginBottom: 16 }}
            data-testid="motion-result"
          >
            <Typography.Paragraph strong>{t.reasonZh}</Typography.Paragraph>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              style={{ marginBottom: 12 }}
              items={[
                { key: 'threshold', label: '通过门槛', children: t.threshold.descriptionZh },
                {
                  key: 'heads',
                  label: '参与人数',
                  children: `${p.heads} / ${t.totals.heads} 人（须 ≥ ${p.requiredHeads}）${p.quorum.heads ? '' : '，未达到'}`,
                },
                {
                  key: 'area',
                  label: '参与面积',
                  children: `${formatHundredths(p.areaHundredths)} / ${formatHundredths(t.totals.areaHundredths)} ㎡（须 ≥ ${formatHundredths(p.requiredAreaHundredths)}）${p.quorum.area ? '' : '，未达到'}`,
                },
                ...(t.threshold.requiredHeads !== null
                  ? [
                      {
                        key: 'need',
                        label: '同意至少',
                        children: `${t.threshold.requiredHeads} 人且 ${t.threshold.requiredAreaHundredths ? formatHundredths(t.threshold.requiredAreaHundredths) : '—'} ㎡`,
                      },
                    ]
                  : []),
              ]}
            />
            <ChoiceTable m={m} />
            <Collapse
              style={{ marginTop: 12 }}
              items={[
                {
                  key: 'units',
                  label: `参与表决的房屋（${m.participants.length} 户，只列房号与面积）`,
                  children: (
                    <Table
                      size="small"
                      rowKey={(r) => r.unitNumbers.join(',')}
                      dataSource={m.participants}
                      pagination={m.participants.length > 50 ? { pageSize: 50 } : false}
                      columns={[
                        { title: '房号', key: 'units', render: (_, r) => r.unitNumbers.join('、') },
                        { title: '面积（㎡）', dataIndex: 'area', align: 'right', render: (a: string) => formatArea(a) },
                        {
                          title: '方式',
                          dataIndex: 'channel',
                          render: (c: string) => CHANNEL_LABELS[c as keyof typeof CHANNEL_LABELS] ?? c,
                        },
                      ]}
                    />
                  ),
                },
              ]}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 16 }}>
              结果摘要 <span className="gy-mono">{m.resultDigest}</span>
            </Typography.Paragraph>
          </Card>
        );
      })}
    </div>
  );
}
