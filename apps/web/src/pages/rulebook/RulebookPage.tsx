import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { rulebookApi, type AssemblySealOptionalKind, type RulebookDraft, type RulebookVersion } from '../../api';
import { ASSEMBLY_SEAL_OPTIONAL_KIND_LABELS } from '../../labels';
import { formatDateTime, formatYuan, yuanToFen } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { PageHeader } from '../../layout/PageHeader';
import { COMMITTEE, hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';
import { RequestRulesFields, RequestRulesTable, ruleSentence, type RequestRule } from './RequestRulesFields';

const BASIS_LABELS: Record<string, string> = {
  assembly_vote: '业主大会表决通过',
  residents_committee: '居委会确认（首版）',
};
const DRAFT_STATUS: Record<RulebookDraft['status'], { label: string; color: string }> = {
  draft: { label: '草案，未生效', color: 'orange' },
  adopted: { label: '已生效', color: 'green' },
  withdrawn: { label: '已撤回', color: 'default' },
};
const SETTING_LABELS: Record<string, string> = {
  proxyCap: '每人受托上限',
  spendingLimitFen: '须引用决定的支出限额',
  noticeDays: '公告期（天）',
  interimNoticeDays: '临时会议公告期（天）',
  votingWindowMinDays: '投票期最短（天）',
  votingWindowMaxDays: '投票期最长（天）',
  objectionDays: '异议期（天）',
  postingDays: '公示期（天）',
  statementPeriod: '报表周期',
  requestRules: '接诉即办时限',
  assemblySealKinds: '另加盖业主大会章的文书',
};
const PERIODS: Record<string, string> = { monthly: '每月', quarterly: '每季度', half_yearly: '每半年' };
const kindNames = (kinds: readonly string[]) =>
  kinds.length === 0
    ? '无（仅业主大会自己的文书）'
    : kinds.map((k) => ASSEMBLY_SEAL_OPTIONAL_KIND_LABELS[k as AssemblySealOptionalKind] ?? k).join('、');
const describe = (key: string, value: unknown) =>
  key === 'assemblySealKinds'
    ? kindNames(value as string[])
    : key === 'requestRules'
      ? (value as RequestRule[]).map((r) => `${r.label}：${ruleSentence(r)}`).join('；')
      : key === 'spendingLimitFen'
        ? formatYuan(String(value))
        : key === 'statementPeriod'
          ? (PERIODS[String(value)] ?? String(value))
          : String(value);

interface DraftForm {
  proxyCap?: number;
  spendingLimitYuan?: string;
  noticeDays?: number;
  objectionDays?: number;
  postingDays?: number;
  requestRules?: RequestRule[];
  assemblySealKinds?: AssemblySealOptionalKind[];
  note: string;
}

/**
 * 议事规则: the version in force, its history with the decision each version rests on, and drafts. A committee
 * member drafts; a draft takes effect only by citing a passed owners' assembly vote on 「制定和修改议事规则」, or —
 * the first rulebook — by the residents' committee confirming it. Nobody changes the rulebook alone.
 */
export default function RulebookPage() {
  const { message } = App.useApp();
  const { communityId, roles } = useCommunity();
  const committee = hasAny(roles, COMMITTEE);
  const residents = roles.includes('residents_committee');
  const current = useLoad(() => rulebookApi.current(communityId), [communityId]);
  const versions = useLoad(() => rulebookApi.versions(communityId), [communityId]);
  const drafts = useLoad(() => rulebookApi.drafts(communityId), [communityId]);
  const votes = useLoad(async () => (committee ? rulebookApi.citableVotes(communityId) : []), [communityId, committee]);
  const [form] = Form.useForm<DraftForm>();
  const [adopting, setAdopting] = useState<RulebookDraft>();
  // Only votes whose motions name this draft's number can adopt it (the server checks the same).
  const citable = (votes.data ?? []).filter((v) => adopting && v.draftReferences.includes(adopting.reference));
  const [voteId, setVoteId] = useState<string>();
  const [busy, setBusy] = useState(false);

  if (!current.data || !versions.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const firstRulebook = versions.data.every((v) => !v.basis);
  const reload = () => {
    current.reload();
    versions.reload();
    drafts.reload();
    votes.reload();
  };
  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      message.success(done);
      setAdopting(undefined);
      setVoteId(undefined);
      reload();
      return true;
    } catch {
      return false; // the wrapper shows the server's reason
    } finally {
      setBusy(false);
    }
  };
  const submit = async (values: DraftForm) => {
    const change: Record<string, unknown> = {};
    for (const key of ['proxyCap', 'noticeDays', 'objectionDays', 'postingDays'] as const)
      if (values[key] != null) change[key] = values[key];
    if (values.spendingLimitYuan?.trim()) {
      const fen = yuanToFen(values.spendingLimitYuan);
      if (fen === null) {
        message.error('支出限额须为金额（元，最多两位小数）');
        return;
      }
      change.spendingLimitFen = fen;
    }
    // The form holds only the editable parts of each rule; category and label come from the rules in force.
    const rulesInForce = current.data?.settings.requestRules ?? [];
    const edited = rulesInForce.map((rule, i) => ({ ...rule, ...values.requestRules?.[i] }));
    if (JSON.stringify(edited) !== JSON.stringify(rulesInForce)) change.requestRules = edited;
    const sealKindsInForce = current.data?.settings.assemblySealKinds ?? [];
    const sealKinds = [...(values.assemblySealKinds ?? [])].sort();
    if (JSON.stringify(sealKinds) !== JSON.stringify([...sealKindsInForce].sort())) change.assemblySealKinds = sealKinds;
    if (Object.keys(change).length === 0) {
      message.error('请至少修改一项设置');
      return;
    }
    if (
      await run(
        () => rulebookApi.draft(communityId, change, values.note.trim()),
        '草案已保存，须经业主大会表决通过（首版须居委会确认）后生效',
      )
    )
      form.resetFields();
  };

  return (
    <>
      <PageHeader title="议事规则" />
      <Typography.Paragraph type="secondary">
        议事规则由业委会委员起草，经业主大会表决通过（民法典第二百七十八条第一款第一项）后生效；本小区首版议事规则可由居委会确认生效。任何一人都不能单独修改议事规则。
      </Typography.Paragraph>
      <CurrentCard version={current.data} />
      {committee && (
        <Card title="起草修订" style={{ marginBottom: 16 }} data-testid="draft-form">
          <Form<DraftForm>
            form={form}
            layout="vertical"
            requiredMark={false}
            initialValues={{
              requestRules: current.data.settings.requestRules ?? [],
              assemblySealKinds: current.data.settings.assemblySealKinds ?? [],
            }}
            onFinish={(v) => void submit(v)}
          >
            <Flex wrap gap={16}>
              <Form.Item name="proxyCap" label="每人受托上限">
                <InputNumber min={1} max={50} aria-label="每人受托上限" />
              </Form.Item>
              <Form.Item name="spendingLimitYuan" label="须引用决定的支出限额（元）">
                <Input style={{ width: 180 }} placeholder="如 50000" aria-label="支出限额" />
              </Form.Item>
              <Form.Item name="noticeDays" label="公告期（天，≥ 15）">
                <InputNumber min={15} max={90} aria-label="公告期" />
              </Form.Item>
              <Form.Item name="objectionDays" label="异议期（天）">
                <InputNumber min={1} max={90} aria-label="异议期" />
              </Form.Item>
              <Form.Item name="postingDays" label="公示期（天）">
                <InputNumber min={1} max={365} aria-label="公示期" />
              </Form.Item>
            </Flex>
            <Form.Item
              name="assemblySealKinds"
              label="另加盖业主大会章的文书"
              extra="业主大会章用于业主大会自己的文书（会议公告、表决结果公告）；议事规则可另列以下文书加盖。党支部先议、联席会议、业主代表会议的纪要由与会人员确认，不加盖印章。"
            >
              <Checkbox.Group
                aria-label="另加盖业主大会章的文书"
                data-testid="assembly-seal-kinds"
                options={Object.entries(ASSEMBLY_SEAL_OPTIONAL_KIND_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            {(current.data.settings.requestRules ?? []).length > 0 && (
              <RequestRulesFields rules={current.data.settings.requestRules ?? []} />
            )}
            <Form.Item
              name="note"
              label="修订说明"
              rules={[{ required: true, whitespace: true, min: 2, message: '请写明修订说明（至少 2 个字）' }]}
            >
              <Input maxLength={500} placeholder="如 提高每人受托上限，以便高龄业主委托" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="save-draft">
              保存草案
            </Button>
          </Form>
        </Card>
      )}
      <Card title="修订草案" style={{ marginBottom: 16 }} data-testid="drafts">
        {(drafts.data ?? []).length === 0 && <Empty description="没有修订草案" />}
        {(drafts.data ?? []).map((d) => (
          <Card key={d.id} size="small" style={{ marginBottom: 12 }} data-testid="draft">
            <Flex wrap justify="space-between" gap={8}>
              <div>
                <Tag color={DRAFT_STATUS[d.status].color}>{DRAFT_STATUS[d.status].label}</Tag> {d.note}
                <div>
                  草案编号{' '}
                  <Typography.Text strong copyable data-testid="draft-reference">
                    {d.reference}
                  </Typography.Text>
                  {d.status === 'draft' && (
                    <Typography.Text type="secondary">（业主大会表决的议案全文须写明此编号，本草案才能据以生效）</Typography.Text>
                  )}
                </div>
                <div style={{ margin: '6px 0' }}>
                  {Object.entries(d.change).map(([k, v]) => (
                    <Tag key={k}>
                      {SETTING_LABELS[k] ?? k}：{describe(k, v)}
                    </Tag>
                  ))}
                </div>
                <Typography.Text type="secondary">
                  {d.draftedByName} 起草于 {formatDateTime(d.draftedAt)}
                  {d.status === 'adopted' &&
                    d.decidedAt &&
                    `；第 ${d.version} 版，${BASIS_LABELS[d.basis ?? ''] ?? ''}${d.voteTitle ? `（${d.voteTitle}）` : ''}，${d.decidedByName ?? ''} 登记于 ${formatDateTime(d.decidedAt)}`}
                </Typography.Text>
              </div>
              {d.status === 'draft' && (
                <Flex wrap gap={8}>
                  {committee && (
                    <Button type="primary" onClick={() => setAdopting(d)} data-testid="adopt-draft">
                      依据业主大会表决生效
                    </Button>
                  )}
                  {residents && firstRulebook && (
                    <Button
                      type="primary"
                      loading={busy}
                      onClick={() => void run(() => rulebookApi.confirmFirst(communityId, d.id), '首版议事规则已确认生效')}
                      data-testid="confirm-first"
                    >
                      确认为首版议事规则
                    </Button>
                  )}
                  {committee && <Button onClick={() => void run(() => rulebookApi.withdraw(communityId, d.id), '草案已撤回')}>撤回</Button>}
                </Flex>
              )}
            </Flex>
          </Card>
        ))}
      </Card>
      <Card title="历次版本" data-testid="versions">
        {versions.data.map((v) => (
          <Flex key={v.version} wrap justify="space-between" gap={8} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
            <span>
              第 {v.version} 版 · {v.note}
            </span>
            <span>
              <Tag>{v.basis ? BASIS_LABELS[v.basis] : '全国默认规则'}</Tag>
              {formatDateTime(v.createdAt)}
            </span>
          </Flex>
        ))}
      </Card>
      <Modal
        open={!!adopting}
        title="依据业主大会表决生效"
        okText="生效"
        cancelText="取消"
        okButtonProps={{ disabled: !voteId, loading: busy }}
        onOk={() => adopting && voteId && void run(() => rulebookApi.adopt(communityId, adopting.id, voteId), '新版议事规则已生效')}
        onCancel={() => setAdopting(undefined)}
      >
        <Typography.Paragraph>
          请选择通过本次修订的业主大会表决（本小区、「制定和修改议事规则」事项，议案写明草案编号 {adopting?.reference}
          ）。未通过的表决不能作为依据。
        </Typography.Paragraph>
        {citable.length === 0 ? (
          <Empty
            description={`还没有可引用的表决：请先就「制定和修改议事规则」议题召开业主大会表决，议案全文写明草案编号 ${adopting?.reference ?? ''}`}
          />
        ) : (
          <Select
            style={{ width: '100%' }}
            value={voteId}
            onChange={setVoteId}
            aria-label="依据的表决"
            options={citable.map((v) => ({
              value: v.id,
              label: `${v.title}（${v.itemTitle}，${v.passed ? '已通过' : '未通过'}）`,
              disabled: !v.passed,
            }))}
          />
        )}
      </Modal>
    </>
  );
}

function CurrentCard({ version }: { version: RulebookVersion }) {
  const s = version.settings as unknown as Record<string, unknown>;
  return (
    <Card title={`现行议事规则：第 ${version.version} 版`} style={{ marginBottom: 16 }} data-testid="current-rulebook">
      <Descriptions column={{ xs: 1, sm: 2 }} size="small">
        {Object.keys(SETTING_LABELS)
          .filter((k) => s[k] !== undefined && k !== 'requestRules')
          .map((k) => (
            <Descriptions.Item key={k} label={SETTING_LABELS[k]}>
              <span data-testid={`setting-${k}`}>{describe(k, s[k])}</span>
            </Descriptions.Item>
          ))}
        <Descriptions.Item label="生效依据">{version.basis ? BASIS_LABELS[version.basis] : '全国默认规则'}</Descriptions.Item>
      </Descriptions>
      {version.settings.requestRules && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            接诉即办时限
          </Typography.Title>
          <RequestRulesTable rules={version.settings.requestRules} />
        </>
      )}
    </Card>
  );
}
