import { Alert, App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { agendaApi, type AgendaItem, type CommunityRole, type StageName } from '../../api';
import { formatDateTime } from '../../format';
import { ROLE_LABELS, STAGE_LABELS, VOTE_STATUS_LABELS } from '../../labels';
import { COMMITTEE, hasAny } from '../../session/permissions';
import { recordableStages, STAGE_RECORDERS, type CommitteeMember, type Plan } from './chain-plan';
import { ProgressModal, TextModal } from './ItemActionModals';
import { MeetingModal } from './MeetingModal';

type Dialog = { kind: 'meeting' | 'skip'; stage: StageName } | { kind: 'resubmit' } | { kind: 'progress' } | null;

/** What the reader may do with the item now, given the stage it waits on and their roles. */
export function StageActions({
  communityId,
  item,
  plan,
  roles,
  members,
  onChanged,
}: {
  communityId: string;
  item: AgendaItem;
  plan: Plan | undefined;
  roles: CommunityRole[];
  members: CommitteeMember[];
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const committee = hasAny(roles, COMMITTEE);
  const director = roles.includes('committee_director');
  const done = (text: string) => {
    setDialog(null);
    message.success(text);
    onChanged();
  };

  const stages = recordableStages(item, plan);
  const lastReturn = [...item.transitions].reverse().find((t) => t.kind === 'return' || t.kind === 'reject');
  const buttons: React.ReactNode[] = [];
  for (const stage of stages) {
    const label = STAGE_LABELS[stage];
    if (stage === 'assembly_vote') {
      // A new vote may be drafted once no vote of the item is in progress (a failed vote returns the item here).
      const inProgress = item.votes.filter((v) => v.status === 'draft' || v.status === 'noticed');
      // A closed vote decides the item only with its 表决结果公告, issued after the objection period (the server
      // refuses a new draft until then: final_result_pending).
      const undecided = item.votes.find((v) => v.finalResultPending);
      if (inProgress.length === 0 && committee && undecided) {
        buttons.push(
          <Flex key="draft-vote-waiting" vertical gap={4} data-testid="draft-vote-waiting">
            <Button type="primary" disabled data-testid="draft-vote">
              起草新一次业主大会表决公告
            </Button>
            <Typography.Text type="secondary">
              上一次表决「{undecided.title}」的结果尚未确定
              {undecided.objectionEndsAt ? `（询异期至 ${formatDateTime(undecided.objectionEndsAt)}）` : ''}
              ，表决结果公告发布后才能再次起草表决。
              <Link to={`/c/${communityId}/votes/${undecided.id}/objections`}>查看询异情况</Link>
            </Typography.Text>
          </Flex>,
        );
      } else if (inProgress.length === 0 && committee) {
        buttons.push(
          <Link key="draft-vote" to={`/c/${communityId}/agenda/${item.id}/vote`}>
            <Button type="primary" data-testid="draft-vote">
              {item.votes.length === 0 ? '起草业主大会表决公告' : '起草新一次业主大会表决公告'}
            </Button>
          </Link>,
        );
      }
      for (const v of inProgress) {
        buttons.push(
          <Link key={v.id} to={`/c/${communityId}/votes/${v.id}`}>
            <Button type="primary">
              查看表决：{v.title}（{VOTE_STATUS_LABELS[v.status]}）
            </Button>
          </Link>,
        );
      }
    } else if (stage === 'execution') {
      if (roles.includes('property_company')) {
        buttons.push(
          <Button key="progress" type="primary" onClick={() => setDialog({ kind: 'progress' })} data-testid="report-progress">
            报告执行进度
          </Button>,
        );
      }
      if (committee) {
        buttons.push(
          <Button key="accept" onClick={() => setDialog({ kind: 'meeting', stage })} data-testid="accept-execution">
            业委会验收
          </Button>,
        );
      }
    } else if (hasAny(roles, STAGE_RECORDERS[stage])) {
      buttons.push(
        <Button key={stage} type="primary" onClick={() => setDialog({ kind: 'meeting', stage })} data-testid={`record-${stage}`}>
          记录{label}
        </Button>,
      );
    }
    if (director && plan && (plan[stage] === 'optional' || plan[stage] === 'skippable')) {
      buttons.push(
        <Button key={`skip-${stage}`} onClick={() => setDialog({ kind: 'skip', stage })} data-testid={`skip-${stage}`}>
          跳过{label}
        </Button>,
      );
    }
  }
  if (item.status === 'returned' && committee) {
    buttons.push(
      <Button key="resubmit" type="primary" onClick={() => setDialog({ kind: 'resubmit' })} data-testid="resubmit">
        修改后重新提交
      </Button>,
    );
  }

  const waiting = item.currentStage ? STAGE_RECORDERS[item.currentStage].map((r) => ROLE_LABELS[r]).join('、') || '业主大会表决结果' : '';
  return (
    <Card title="办理" style={{ marginBottom: 16 }} data-testid="stage-actions">
      {item.status === 'in_stage' && item.currentStage && (
        <Typography.Paragraph>
          当前环节：<strong>{STAGE_LABELS[item.currentStage]}</strong>
          {buttons.length === 0 && `，等待${waiting}办理。`}
        </Typography.Paragraph>
      )}
      {(item.status === 'returned' || item.status === 'rejected') && lastReturn && (
        <Alert
          type={item.status === 'returned' ? 'warning' : 'error'}
          showIcon
          style={{ marginBottom: 12 }}
          title={`${item.status === 'returned' ? '已退回' : '已否决'}（${lastReturn.stage ? STAGE_LABELS[lastReturn.stage as StageName] : ''}）`}
          description={lastReturn.reason}
        />
      )}
      {item.status === 'done' && <Alert type="success" showIcon title="议题已办结。" />}
      <Flex wrap gap={12}>
        {buttons}
      </Flex>
      {dialog?.kind === 'meeting' && (
        <MeetingModal
          key={dialog.stage}
          communityId={communityId}
          itemId={item.id}
          stage={dialog.stage}
          members={members}
          onClose={() => setDialog(null)}
          onRecorded={() => done('会议记录已保存')}
        />
      )}
      {dialog?.kind === 'skip' && (
        <TextModal
          title={`跳过「${STAGE_LABELS[dialog.stage]}」`}
          label="跳过理由（记入决策记录）"
          okText="确认跳过"
          testId="skip-reason"
          onClose={() => setDialog(null)}
          onSubmit={async (reason) => {
            await agendaApi.skip(communityId, item.id, dialog.stage, reason);
            done('已跳过该环节');
          }}
        />
      )}
      {dialog?.kind === 'resubmit' && (
        <TextModal
          title="修改后重新提交"
          label="修改说明"
          okText="重新提交"
          minLength={1}
          testId="resubmit-note"
          onClose={() => setDialog(null)}
          onSubmit={async (note) => {
            await agendaApi.resubmit(communityId, item.id, note);
            done('已重新提交');
          }}
        />
      )}
      {dialog?.kind === 'progress' && (
        <ProgressModal
          onClose={() => setDialog(null)}
          onSubmit={async (percent, text, amountFen) => {
            await agendaApi.reportProgress(communityId, item.id, percent, text, amountFen);
            done('进度已报告');
          }}
        />
      )}
    </Card>
  );
}
