import { Alert, Card, Empty, Flex, Form, Input, Select, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { votingApi, type ResultStage, type VoteObjectionsStatus } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatDateTime } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { PageHeader } from '../../layout/PageHeader';
import { DocumentSealState } from '../documents/DocumentSealState';
import { COMMITTEE, hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';

export const RESULT_STAGE_LABELS: Record<ResultStage, string> = {
  preliminary: '初步统计结果公示中（询异期内）',
  awaiting_final: '询异期已结束，待发布表决结果公告',
  final_issued: '表决结果公告已发布，待加盖双章',
  final: '表决结果公告已用章，结果确定',
};

const names = (text: string) =>
  text
    .split(/[，,、\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** An owner's objection, filed during the objection period (text, optionally the unit it concerns). */
function ObjectionForm({ status, onFiled }: { status: VoteObjectionsStatus; onFiled: () => void }) {
  const { communityId } = useCommunity();
  const [text, setText] = useState('');
  const [unit, setUnit] = useState<string | undefined>();
  return (
    <Card title="对初步统计结果提出异议" style={{ marginBottom: 16 }} data-testid="objection-form">
      <Typography.Paragraph>
        询异期至 {formatDateTime(status.objectionEndsAt)}。业主委员会将逐件答复，并在表决结果公告中列明。
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="异议内容与理由" required>
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="objection-text"
            aria-label="异议内容与理由"
          />
        </Form.Item>
        {status.myUnits.length > 0 && (
          <Form.Item label="所涉房屋（可不选）">
            <Select
              allowClear
              value={unit}
              onChange={setUnit}
              options={status.myUnits.map((u) => ({ value: u, label: u }))}
              data-testid="objection-unit"
              aria-label="所涉房屋"
            />
          </Form.Item>
        )}
        <ConfirmButton
          type="primary"
          disabled={!text.trim()}
          data-testid="objection-submit"
          confirmTitle="提交异议？"
          consequence="异议提交后记入决策记录，业主委员会须答复；提交后不能修改或撤回。"
          okText="提交"
          onConfirm={async () => {
            await votingApi.fileObjection(communityId, status.voteId, { text: text.trim(), ...(unit ? { unitNumber: unit } : {}) });
            setText('');
            setUnit(undefined);
            onFiled();
          }}
        >
          提交异议
        </ConfirmButton>
      </Form>
    </Card>
  );
}

function AnswerForm({ voteId, objectionId, onAnswered }: { voteId: string; objectionId: string; onAnswered: () => void }) {
  const { communityId } = useCommunity();
  const [answer, setAnswer] = useState('');
  return (
    <Flex vertical gap={8} style={{ marginTop: 8 }}>
      <Input.TextArea
        rows={3}
        maxLength={2000}
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
        placeholder="处理意见（复核情况与结论）"
        aria-label="处理意见"
        data-testid="answer-text"
      />
      <div>
        <ConfirmButton
          disabled={!answer.trim()}
          data-testid="answer-submit"
          confirmTitle="答复这件异议？"
          consequence="答复记入决策记录并通知提出异议的业主，将原文列入表决结果公告；答复后不能修改。"
          okText="答复"
          onConfirm={async () => {
            await votingApi.answerObjection(communityId, voteId, objectionId, answer.trim());
            onAnswered();
          }}
        >
          答复
        </ConfirmButton>
      </div>
    </Flex>
  );
}

/** The committee's last step: the final 表决结果公告 with scrutineers and counters, sent for both seals. */
function FinalResultCard({ status, onIssued }: { status: VoteObjectionsStatus; onIssued: () => void }) {
  const { communityId } = useCommunity();
  const [scrutineers, setScrutineers] = useState('');
  const [counters, setCounters] = useState('');
  const open = status.objections.filter((o) => !o.answer).length;
  if (status.finalDocument) {
    return (
      <Alert
        type={status.stage === 'final' ? 'success' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="final-issued"
        title={`表决结果公告 ${status.finalDocument.number} 已发布${status.stage === 'final' ? '并加盖双章，结果确定' : '，已申请加盖业主大会章与业委会章'}`}
        description={
          <Link to={`/c/${communityId}/documents`} data-testid="final-document-link">
            在文书库查看
          </Link>
        }
      />
    );
  }
  return (
    <Card title="发布表决结果公告" style={{ marginBottom: 16 }} data-testid="final-card">
      {status.stage === 'preliminary' && (
        <Typography.Paragraph>询异期至 {formatDateTime(status.objectionEndsAt)}，届满后才能发布。</Typography.Paragraph>
      )}
      {open > 0 && <Typography.Paragraph type="danger">尚有 {open} 件异议未答复，须全部答复后才能发布。</Typography.Paragraph>}
      <Form layout="vertical">
        <Form.Item label="监票人（可留空，默认取会议公告所列；多人用顿号分隔）">
          <Input value={scrutineers} onChange={(e) => setScrutineers(e.target.value)} data-testid="final-scrutineers" aria-label="监票人" />
        </Form.Item>
        <Form.Item label="计票人（可留空，默认取会议公告所列）">
          <Input value={counters} onChange={(e) => setCounters(e.target.value)} data-testid="final-counters" aria-label="计票人" />
        </Form.Item>
        <ConfirmButton
          type="primary"
          disabled={!status.canIssueFinal}
          data-testid="final-issue"
          confirmTitle="发布表决结果公告？"
          consequence="将生成表决结果公告（列明各项异议及处理情况），并申请加盖业主大会章与业委会章；用章完毕后表决结果确定，起算民法典第二百八十条的一年撤销期。"
          okText="发布"
          onConfirm={async () => {
            await votingApi.issueFinalResult(communityId, status.voteId, {
              ...(names(scrutineers).length ? { scrutineers: names(scrutineers) } : {}),
              ...(names(counters).length ? { counters: names(counters) } : {}),
            });
            onIssued();
          }}
        >
          发布表决结果公告
        </ConfirmButton>
      </Form>
    </Card>
  );
}

/** 询异: the preliminary result's objection period — owners object, the committee answers, then publishes the final result. */
export default function VoteObjectionsPage() {
  const { voteId = '' } = useParams();
  const { communityId, roles } = useCommunity();
  const status = useLoad(() => votingApi.objections(communityId, voteId), [communityId, voteId]);
  const committee = hasAny(roles, COMMITTEE);
  if (!status.data) return <Skeleton active paragraph={{ rows: 6 }} />;
  const s = status.data;
  return (
    <>
      <Link to={`/c/${communityId}/votes/${voteId}/results`}>查看表决结果</Link>
      <PageHeader title={`表决结果询异：${s.title}`} />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Tag color={s.stage === 'final' ? 'green' : 'orange'} data-testid="result-stage">
          {RESULT_STAGE_LABELS[s.stage]}
        </Tag>
        <Typography.Text>
          询异期：{formatDateTime(s.closedAt)} 至 {formatDateTime(s.objectionEndsAt)}
        </Typography.Text>
      </Flex>
      {s.preliminaryDocument && (
        <Typography.Paragraph type="secondary">初步统计结果公示文书：{s.preliminaryDocument.number}</Typography.Paragraph>
      )}
      {committee && (s.preliminaryDocument || s.finalDocument) && (
        <Card title="用章情况" size="small" style={{ marginBottom: 16 }} data-testid="result-seals">
          {s.preliminaryDocument && (
            <DocumentSealState communityId={communityId} documentId={s.preliminaryDocument.id} label="初步统计结果公示" />
          )}
          {s.finalDocument && <DocumentSealState communityId={communityId} documentId={s.finalDocument.id} label="表决结果公告" />}
        </Card>
      )}
      {s.canObject && <ObjectionForm status={s} onFiled={status.reload} />}
      {committee && <FinalResultCard status={s} onIssued={status.reload} />}
      <Card title={`异议及处理情况（${s.objections.length} 件）`}>
        {s.objections.length === 0 && <Empty description="尚未收到异议" />}
        {s.objections.map((o, i) => (
          <Card key={o.id} type="inner" style={{ marginBottom: 12 }} data-testid="objection" title={`异议 ${i + 1}`}>
            <Typography.Paragraph type="secondary">
              {formatDateTime(o.filedAt)}
              {o.unitNumber ? ` · ${o.unitNumber}` : ''}
              {o.filedByName ? ` · ${o.filedByName}` : ''}
              {o.mine ? ' · 我提出的' : ''}
            </Typography.Paragraph>
            <Typography.Paragraph data-testid="objection-body">{o.text}</Typography.Paragraph>
            {o.answer ? (
              <Alert
                type="success"
                data-testid="objection-answer"
                title={`业主委员会答复（${formatDateTime(o.answeredAt)}）`}
                description={o.answer}
              />
            ) : committee && !s.finalIssuedAt ? (
              <AnswerForm voteId={voteId} objectionId={o.id} onAnswered={status.reload} />
            ) : (
              <Tag>待业主委员会答复</Tag>
            )}
          </Card>
        ))}
      </Card>
    </>
  );
}
