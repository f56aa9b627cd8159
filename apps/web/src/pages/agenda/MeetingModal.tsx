import { Alert, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { agendaApi, type Attendee, type MeetingInput, type Outcome, type StageName } from '../../api';
import { STAGE_LABELS } from '../../labels';
import type { CommitteeMember } from './chain-plan';
import { AttendeeFields, CommitteeVoteFields, JointMeetingFields, OpinionFields } from './MeetingStageFields';

const FOUR_PARTIES = ['党支部', '居委会', '业委会', '物业'];

interface MeetingForm {
  heldAt: Dayjs;
  place: string;
  chair?: string;
  minutes: string;
  outcome?: Outcome;
  reason?: string;
  attendees?: Attendee[];
  parties?: Attendee[];
  plan?: string;
  options?: { text: string }[];
  opinions?: { representative: string; for: number; against: number; concerns?: string }[];
  memberVotes?: { userId: string; name: string; present: boolean; vote?: 'yes' | 'no' | 'abstain'; signed?: boolean }[];
}

function initialValues(stage: StageName, members: CommitteeMember[]): Partial<MeetingForm> {
  const base = { heldAt: dayjs().startOf('minute'), outcome: 'advance' as Outcome };
  switch (stage) {
    case 'party_prediscussion':
      return { ...base, attendees: [{ name: '', party: '党支部', present: true }] };
    case 'joint_meeting':
      return { ...base, parties: FOUR_PARTIES.map((party) => ({ party, name: '', present: true })), attendees: [], options: [] };
    case 'representatives_meeting':
      return { ...base, attendees: [], opinions: [{ representative: '', for: 0, against: 0 }] };
    case 'committee_resolution':
      return {
        ...base,
        outcome: 'reject',
        memberVotes: members.map((m) => ({ userId: m.userId, name: m.name, present: true, signed: false })),
      };
    default:
      return {
        ...base,
        attendees: [
          { name: '', party: '业委会', present: true },
          { name: '', party: '物业', present: true },
        ],
      };
  }
}

function toInput(stage: StageName, v: MeetingForm): MeetingInput {
  const input: MeetingInput = {
    heldAt: v.heldAt.format(),
    place: v.place.trim(),
    chair: v.chair?.trim() || undefined,
    minutes: v.minutes.trim(),
    attendees: (v.attendees ?? []).map((a) => ({
      name: a.name.trim(),
      party: a.party.trim(),
      present: a.present === true,
      ...(a.userId ? { userId: a.userId } : {}),
    })),
    outcome: v.outcome,
    reason: v.reason?.trim() || undefined,
  };
  if (stage === 'joint_meeting') {
    input.attendees = [
      ...(v.parties ?? []).map((p) => ({
        name: p.name.trim(),
        party: p.party,
        present: p.present === true,
        ...(p.userId ? { userId: p.userId } : {}),
      })),
      ...input.attendees,
    ];
    input.details = { plan: v.plan?.trim(), options: (v.options ?? []).map((o) => o.text.trim()).filter(Boolean) };
  }
  if (stage === 'representatives_meeting') input.details = { opinions: v.opinions ?? [] };
  if (stage === 'committee_resolution') {
    const votes = v.memberVotes ?? [];
    input.attendees = votes.map((m) => ({ name: m.name, party: '业委会', userId: m.userId, present: m.present }));
    input.details = {
      memberVotes: votes.map((m) => ({
        userId: m.userId,
        present: m.present,
        vote: m.present ? m.vote : undefined,
        signed: m.present && m.signed === true,
      })),
    };
  }
  if (stage === 'execution') input.outcome = 'advance';
  return input;
}

/** Records one stage's meeting (mount it with key={stage} so each opening starts afresh): when, where, who, the minutes, what the stage needs, and the outcome. */
export function MeetingModal({
  communityId,
  itemId,
  stage,
  members,
  onClose,
  onRecorded,
}: {
  communityId: string;
  itemId: string;
  stage: StageName;
  members: CommitteeMember[];
  onClose: () => void;
  onRecorded: () => void;
}) {
  const [form] = Form.useForm<MeetingForm>();
  const [saving, setSaving] = useState(false);
  const outcome = Form.useWatch('outcome', form);
  const [initial] = useState(() => initialValues(stage, members));

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return; // the form shows what is wrong (e.g. a meeting dated in the future); nothing is sent
    }
    // All values, including the member ids that have no input of their own.
    const values = form.getFieldsValue(true) as MeetingForm;
    setSaving(true);
    try {
      await agendaApi.recordMeeting(communityId, itemId, stage, toInput(stage, values));
      onRecorded();
    } catch {
      // the fetch wrapper has shown the server's message
    } finally {
      setSaving(false);
    }
  };

  const isCommittee = stage === 'committee_resolution';
  const isExecution = stage === 'execution';
  return (
    <Modal
      open
      title={isExecution ? '业委会验收' : `记录「${STAGE_LABELS[stage]}」`}
      okText="保存记录"
      cancelText="取消"
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      width={800}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'meeting-submit' } as Record<string, string>}
    >
      <Form<MeetingForm> form={form} layout="vertical" requiredMark={false} initialValues={initial}>
        <Form.Item
          name="heldAt"
          label="会议时间"
          rules={[
            { required: true, message: '请选择时间' },
            {
              // The server refuses a meeting dated in the future: say so here, before any request.
              validator: async (_rule, value?: Dayjs) => {
                if (value && value.isAfter(dayjs())) throw new Error('会议时间不能晚于现在');
              },
            },
          ]}
        >
          <DatePicker
            data-testid="meeting-held-at"
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item name="place" label="地点" rules={[{ required: true, whitespace: true, message: '请填写地点' }]}>
          <Input data-testid="meeting-place" placeholder="例如 社区党群服务中心 2 楼会议室" />
        </Form.Item>
        <Form.Item name="chair" label="主持人">
          <Input data-testid="meeting-chair" />
        </Form.Item>
        {stage === 'joint_meeting' && <JointMeetingFields />}
        {stage === 'representatives_meeting' && (
          <>
            <AttendeeFields label="出席的居民代表" defaultParty="居民代表" />
            <OpinionFields />
          </>
        )}
        {isCommittee && <CommitteeVoteFields />}
        {(stage === 'party_prediscussion' || isExecution) && <AttendeeFields />}
        <Form.Item name="minutes" label="会议纪要" rules={[{ required: true, whitespace: true, message: '请填写会议纪要' }]}>
          <Input.TextArea data-testid="meeting-minutes" autoSize={{ minRows: 4, maxRows: 12 }} />
        </Form.Item>
        {isCommittee && (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title="决议结果由委员表决自动得出：出席过半数方可开会，赞成须过全体委员半数。"
            />
            <Form.Item name="outcome" label="如未通过">
              <Select
                options={[
                  { value: 'reject', label: '否决' },
                  { value: 'return', label: '退回修改' },
                ]}
              />
            </Form.Item>
          </>
        )}
        {isExecution && (
          <Alert type="success" showIcon style={{ marginBottom: 16 }} title="验收通过后议题办结；尚未完成请由物业继续报告进度。" />
        )}
        {!isCommittee && !isExecution && (
          <Form.Item name="outcome" label="会议结果" rules={[{ required: true }]}>
            <Radio.Group
              data-testid="meeting-outcome"
              options={[
                { value: 'advance', label: '通过，进入下一环节' },
                { value: 'return', label: '退回修改' },
                { value: 'reject', label: '否决' },
              ]}
            />
          </Form.Item>
        )}
        {(isCommittee || (outcome && outcome !== 'advance' && !isExecution)) && (
          <Form.Item
            name="reason"
            label={isCommittee ? '未通过时的说明（可不填，默认写明表决情况）' : '理由'}
            rules={isCommittee ? [] : [{ required: true, whitespace: true, message: '退回或否决须说明理由' }]}
          >
            <Input.TextArea data-testid="meeting-reason" autoSize={{ minRows: 2 }} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
