import { Card, Empty, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { hearingsApi, type HearingDetail } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { formatDateTime } from '../../format';
import { COMMITTEE, hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';

/**
 * 异议期: once the result is published anyone of the community may object until objectionEndsAt (我的待办 sends owners
 * here: "听证结果公示中，可提出异议"); the objections filed so far are listed (without who filed them), each with the
 * committee's answer once given (POST …/objections/:objectionId/answer, committee only, once).
 */
/** The committee's answer to one objection: written once, in Chinese; recorded and sent to the objector. */
function AnswerForm({
  communityId,
  hearingId,
  objectionId,
  onAnswered,
}: {
  communityId: string;
  hearingId: string;
  objectionId: string;
  onAnswered: () => void;
}) {
  const [answer, setAnswer] = useState('');
  return (
    <Form layout="vertical" style={{ marginTop: 8 }} data-testid="hearing-answer-form">
      <Form.Item label="业主委员会答复（中文）" required style={{ marginBottom: 8 }}>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          showCount
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
          aria-label="业主委员会答复"
          data-testid="hearing-answer-text"
        />
      </Form.Item>
      <ConfirmButton
        type="primary"
        disabled={!/\p{Script=Han}/u.test(answer)}
        data-testid="hearing-answer-submit"
        confirmTitle="答复该异议？"
        consequence="答复记入决策记录并通知提出异议的人；答复后不能修改。"
        okText="答复"
        onConfirm={async () => {
          await hearingsApi.answerObjection(communityId, hearingId, objectionId, answer.trim());
          onAnswered();
        }}
      >
        答复异议
      </ConfirmButton>
    </Form>
  );
}

export function HearingObjections({ communityId, hearing, onFiled }: { communityId: string; hearing: HearingDetail; onFiled: () => void }) {
  const { roles } = useCommunity();
  const committee = hasAny(roles, COMMITTEE);
  const [text, setText] = useState('');
  if (hearing.status !== 'result_published' || !hearing.objectionEndsAt) return null;
  const open = Date.now() < new Date(hearing.objectionEndsAt).getTime();
  const filed = hearing.objections;
  return (
    <Card title="对评审结果的异议" style={{ marginBottom: 16 }} data-testid="hearing-objections">
      <Typography.Paragraph>
        {open
          ? `异议期至 ${formatDateTime(hearing.objectionEndsAt)}。对评审排名、评分或程序有异议的，请写明内容与理由。`
          : `异议期已于 ${formatDateTime(hearing.objectionEndsAt)} 届满。`}
      </Typography.Paragraph>
      {open && (
        <Form layout="vertical" data-testid="hearing-objection-form">
          <Form.Item label="异议内容与理由" required>
            <Input.TextArea
              rows={4}
              maxLength={10000}
              showCount
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-label="异议内容与理由"
              data-testid="hearing-objection-text"
            />
          </Form.Item>
          <ConfirmButton
            type="primary"
            disabled={text.trim().length < 2}
            data-testid="hearing-objection-submit"
            confirmTitle="提交异议？"
            consequence="异议提交后记入决策记录；提交后不能修改或撤回。"
            okText="提交"
            onConfirm={async () => {
              await hearingsApi.object(communityId, hearing.id, text.trim());
              setText('');
              onFiled();
            }}
          >
            提交异议
          </ConfirmButton>
        </Form>
      )}
      {filed &&
        (filed.length === 0 ? (
          <Empty description="尚无异议" style={{ marginTop: 12 }} />
        ) : (
          <div style={{ marginTop: 12 }}>
            <Typography.Title level={5}>已提出的异议（{filed.length} 件）</Typography.Title>
            {filed.map((o) => (
              <Card key={o.id} size="small" style={{ marginBottom: 8 }} data-testid="hearing-objection">
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{o.text}</Typography.Paragraph>
                <Typography.Text type="secondary">提出于 {formatDateTime(o.filedAt)}</Typography.Text>
                {o.answer ? (
                  <div data-testid="hearing-objection-answer" style={{ marginTop: 8 }}>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                      <strong>业主委员会答复：</strong>
                      {o.answer}
                    </Typography.Paragraph>
                    <Typography.Text type="secondary">答复于 {formatDateTime(o.answeredAt)}</Typography.Text>
                  </div>
                ) : committee ? (
                  <AnswerForm communityId={communityId} hearingId={hearing.id} objectionId={o.id} onAnswered={onFiled} />
                ) : (
                  <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                    待业主委员会答复
                  </Typography.Paragraph>
                )}
              </Card>
            ))}
          </div>
        ))}
    </Card>
  );
}
