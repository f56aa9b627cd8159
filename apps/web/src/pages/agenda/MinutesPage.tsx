import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Input, List, Modal, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { fetchFile, minutesApi, saveFile, type MinutesAttendee, type MinutesConfirmations } from '../../api';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useLoad } from '../../hooks/useLoad';
import { useSubmit } from '../../hooks/useSubmit';
import { PageHeader } from '../../layout/PageHeader';
import { COMMITTEE, hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';

const STATE_COLORS: Record<MinutesAttendee['state'], string> = {
  absent: 'default',
  waiting: 'orange',
  confirmed: 'green',
  objected: 'red',
  paper_entered: 'blue',
};

/** A text asked for in a dialog (objection, amendment). */
function TextDialog({
  title,
  label,
  initial = '',
  extraLabel,
  onSubmit,
  onClose,
}: {
  title: string;
  label: string;
  initial?: string;
  extraLabel?: string;
  onSubmit: (text: string, extra: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const [text, setText] = useState(initial);
  const [extra, setExtra] = useState('');
  const submit = useSubmit(async () => {
    await onSubmit(text.trim(), extra.trim());
    onClose();
  });
  const ready = text.trim().length > 0 && (!extraLabel || extra.trim().length >= 2);
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText="提交"
      cancelText="取消"
      onOk={submit.run}
      okButtonProps={{ disabled: !ready || submit.busy, loading: submit.busy }}
    >
      <label>
        {label}
        <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} autoSize={{ minRows: 4 }} aria-label={label} />
      </label>
      {extraLabel && (
        <label style={{ display: 'block', marginTop: 12 }}>
          {extraLabel}
          <Input value={extra} onChange={(e) => setExtra(e.target.value)} aria-label={extraLabel} />
        </label>
      )}
    </Modal>
  );
}

/** 会议纪要确认: the attendee confirms or objects; the recorder and a second member handle paper signatures. */
export default function MinutesPage() {
  const { meetingId = '' } = useParams();
  const { communityId, userId, roles } = useCommunity();
  const { message } = App.useApp();
  const view = useLoad(() => minutesApi.view(communityId, meetingId), [communityId, meetingId]);
  const [dialog, setDialog] = useState<'object' | 'amend' | null>(null);
  const download = useSubmit(async (id: string) => saveFile(await fetchFile(`/communities/${communityId}/documents/${id}/file`)));
  const data = view.data;
  if (view.failed) return <Alert type="error" message="纪要暂时无法加载，请稍后刷新" />;
  if (!data) return <Skeleton active paragraph={{ rows: 8 }} />;

  const done = (text: string) => (next: MinutesConfirmations) => {
    message.success(text);
    view.reload();
    return next;
  };
  const mine = data.attendees.find((a) => a.userId === userId && a.present);
  const isRecorder = data.recordedBy === userId;
  const isCommittee = hasAny(roles, COMMITTEE);

  const actions = (a: MinutesAttendee) => {
    if (data.final || !a.present) return null;
    if (!a.hasAccount && a.state === 'waiting' && isRecorder)
      return (
        <ConfirmButton
          size="small"
          data-testid={`paper-enter-${a.index}`}
          confirmTitle={`登记${a.name}的纸面签字？`}
          consequence={`请确认${a.name}已在纸质纪要上签字。登记后还须另一位业委会委员核对原件，才算确认。`}
          onConfirm={async () => done('已登记，待另一位委员核对')(await minutesApi.enterPaper(communityId, meetingId, a.index))}
        >
          登记纸面签字
        </ConfirmButton>
      );
    if (a.state === 'paper_entered' && isCommittee && !isRecorder)
      return (
        <ConfirmButton
          size="small"
          data-testid={`paper-countersign-${a.index}`}
          confirmTitle={`核对${a.name}的纸面签字？`}
          consequence={`您确认已看过${a.name}签字的纸质纪要原件（${a.enteredBy ?? '记录人'}登记）。核对后即算${a.name}已确认。`}
          onConfirm={async () => done('已核对')(await minutesApi.countersign(communityId, meetingId, a.index))}
        >
          核对签字
        </ConfirmButton>
      );
    return null;
  };

  return (
    <>
      <Link to={`/c/${communityId}/agenda/${data.itemId}`}>
        <ArrowLeftOutlined /> 返回第 {data.itemSeq} 号议题
      </Link>
      <PageHeader
        title={`${data.stageLabel}会议纪要：${data.itemTitle}`}
        extra={
          data.final ? (
            <Tag color="green" data-testid="minutes-status">
              已全体确认，定稿
            </Tag>
          ) : (
            <Tag color="orange" data-testid="minutes-status">
              待确认（还差 {data.outstanding} 人）
            </Tag>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          column={{ xs: 1, sm: 2 }}
          items={[
            { key: 'at', label: '会议时间', children: data.heldAtText },
            { key: 'place', label: '地点', children: data.place },
            { key: 'round', label: '纪要版本', children: `第 ${data.round} 稿` },
            ...(data.finalAtText ? [{ key: 'final', label: '定稿时间', children: data.finalAtText }] : []),
          ]}
        />
        <Typography.Title level={4}>纪要</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="minutes-text">
          {data.minutes}
        </Typography.Paragraph>
        {data.final && data.document?.status === 'final' && (
          <Button
            icon={<DownloadOutlined />}
            onClick={() => download.run(data.document!.id)}
            loading={download.busy}
            data-testid="minutes-download"
            style={{ whiteSpace: 'normal', height: 'auto', textAlign: 'left' }}
          >
            下载定稿纪要（{data.document.number}）
          </Button>
        )}
      </Card>

      {mine && mine.state === 'waiting' && !data.final && (
        <Card style={{ marginBottom: 16 }} data-testid="my-confirmation">
          <Typography.Paragraph>
            您出席了这次会议。请核对上面的纪要，无误请确认；有不符之处请提出意见，记录人修改后大家重新确认。
          </Typography.Paragraph>
          <Flex gap={8} wrap>
            <ConfirmButton
              type="primary"
              data-testid="confirm-minutes"
              confirmTitle="确认纪要无误？"
              consequence="您的确认（姓名、时间）将记录在案，并印在纪要的签字栏中。"
              okText="确认无误"
              onConfirm={async () => done('已确认纪要')(await minutesApi.respond(communityId, meetingId, 'confirm'))}
            >
              确认纪要无误
            </ConfirmButton>
            <Button danger onClick={() => setDialog('object')} data-testid="object-minutes">
              提出意见
            </Button>
          </Flex>
        </Card>
      )}
      {mine && mine.state !== 'waiting' && (
        <Alert
          style={{ marginBottom: 16 }}
          type={mine.state === 'objected' ? 'warning' : 'success'}
          data-testid="my-state"
          message={mine.state === 'objected' ? `您已提出意见：${mine.comment ?? ''}` : `您已于 ${mine.atText} 确认本纪要`}
        />
      )}
      {isRecorder && !data.final && (
        <Card style={{ marginBottom: 16 }}>
          {data.objections > 0 && (
            <Alert type="warning" style={{ marginBottom: 12 }} message={`有 ${data.objections} 位与会人员提出意见，请修改纪要。`} />
          )}
          <Button onClick={() => setDialog('amend')} data-testid="amend-minutes">
            修改纪要（修改后全体重新确认）
          </Button>
        </Card>
      )}

      <Card title="与会人员确认情况">
        {/* A list, not a table: it reads on a 360 px phone without sideways scrolling. */}
        <List<MinutesAttendee>
          dataSource={data.attendees}
          rowKey="index"
          renderItem={(a) => (
            <List.Item actions={[actions(a)].filter(Boolean)} data-testid={`attendee-${a.index}`}>
              <div style={{ minWidth: 0 }} data-testid={`attendee-state-${a.index}`}>
                <Typography.Text strong>{a.name}</Typography.Text>
                <Typography.Text type="secondary">
                  （{a.party}
                  {a.present ? (a.hasAccount ? '，本人在平台确认' : '，无账号：纸面签字') : ''}）
                </Typography.Text>
                <div>
                  <Tag color={STATE_COLORS[a.state]}>{a.stateLabel}</Tag>
                  {a.atText && a.state !== 'objected' && <Typography.Text type="secondary">{a.atText}</Typography.Text>}
                  {a.channel === 'paper' && a.countersignedBy && (
                    <Typography.Text type="secondary">
                      （{a.enteredBy}登记、{a.countersignedBy}核对）
                    </Typography.Text>
                  )}
                </div>
                {a.state === 'objected' && a.comment && <div style={{ overflowWrap: 'anywhere' }}>意见：{a.comment}</div>}
              </div>
            </List.Item>
          )}
        />
      </Card>

      {dialog === 'object' && (
        <TextDialog
          title="对纪要提出意见"
          label="哪里与会议情况不符"
          onClose={() => setDialog(null)}
          onSubmit={async (comment) => done('意见已提交给记录人')(await minutesApi.respond(communityId, meetingId, 'object', comment))}
        />
      )}
      {dialog === 'amend' && (
        <TextDialog
          title="修改纪要"
          label="修改后的纪要全文"
          initial={data.minutes}
          extraLabel="修改说明"
          onClose={() => setDialog(null)}
          onSubmit={async (text, reason) =>
            done('纪要已修改，请与会人员重新确认')(await minutesApi.amend(communityId, meetingId, text, reason))
          }
        />
      )}
    </>
  );
}
