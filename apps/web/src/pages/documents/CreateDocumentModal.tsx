import { Form, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { agendaApi, documentsApi, type SourceDocumentType } from '../../api';
import { formatDate } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { STAGE_LABELS, VOTE_STATUS_LABELS } from '../../labels';

const TYPES: { value: SourceDocumentType; label: string }[] = [
  { value: 'assembly_notice', label: '业主大会会议公告（依据已发布公告的表决）' },
  { value: 'meeting_minutes', label: '会议纪要（依据议题的一次会议）' },
];

/** 生成文书: the committee picks an agenda item, then one of its votes or meetings as the source. */
export function CreateDocumentModal({
  communityId,
  onClose,
  onCreated,
}: {
  communityId: string;
  onClose: () => void;
  onCreated: () => void;
}) {
  const [type, setType] = useState<SourceDocumentType>('assembly_notice');
  const [itemId, setItemId] = useState<string>();
  const [sourceId, setSourceId] = useState<string>();
  const [saving, setSaving] = useState(false);
  const items = useLoad(() => agendaApi.list(communityId), [communityId]);
  const item = useLoad(() => (itemId ? agendaApi.get(communityId, itemId) : Promise.resolve(undefined)), [communityId, itemId]);

  const sources =
    type === 'meeting_minutes'
      ? (item.data?.meetings ?? []).map((m) => ({ value: m.id, label: `${STAGE_LABELS[m.stage]} · ${formatDate(m.heldAt)} · ${m.place}` }))
      : (item.data?.votes ?? [])
          .filter((v) => (type === 'assembly_notice' ? v.status !== 'draft' : v.status === 'closed'))
          .map((v) => ({ value: v.id, label: `${v.title}（${VOTE_STATUS_LABELS[v.status]}）` }));

  const create = async () => {
    if (!sourceId) return;
    setSaving(true);
    try {
      await documentsApi.create(communityId, type, sourceId);
      onCreated();
    } catch {
      // shown by the wrapper (e.g. a document already exists for this source)
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title="生成文书"
      okText="生成并编号"
      cancelText="取消"
      onOk={() => void create()}
      okButtonProps={{ disabled: !sourceId, loading: saving }}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">文书生成后为草稿并登记编号；申请用章、保管人用章后成为定稿。</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="文书类型">
          <Select
            value={type}
            options={TYPES}
            onChange={(v) => {
              setType(v);
              setSourceId(undefined);
            }}
            data-testid="document-type"
          />
        </Form.Item>
        <Form.Item label="议题">
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择议题"
            value={itemId}
            loading={items.loading}
            options={(items.data ?? []).map((i) => ({ value: i.id, label: `第 ${i.seq} 号 ${i.title}` }))}
            onChange={(v) => {
              setItemId(v);
              setSourceId(undefined);
            }}
            data-testid="document-item"
          />
        </Form.Item>
        <Form.Item
          label={type === 'meeting_minutes' ? '会议' : '表决'}
          help={itemId && sources.length === 0 && !item.loading ? '该议题暂无可用的来源' : undefined}
        >
          <Select
            placeholder="选择来源"
            value={sourceId}
            options={sources}
            onChange={setSourceId}
            disabled={!itemId}
            data-testid="document-source"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
