import { Button, Card, Descriptions, Empty, Flex, Form, Input, Skeleton, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { servicesApi, type RectificationActionBody } from '../../api/services';
import { AuthPhoto } from '../../components/AuthPhoto';
import { ConfirmButton } from '../../components/ConfirmButton';
import { useLoad } from '../../hooks/useLoad';
import { useSubmit } from '../../hooks/useSubmit';
import { PageHeader } from '../../layout/PageHeader';
import { useCommunity } from '../../session/useCommunity';
import { RectificationTags } from './RectificationsPage';

/** 整改事项详情: the property company reports and submits with evidence; the committee accepts (验收) or sends it back. */
export default function RectificationPage() {
  const { communityId } = useCommunity();
  const { id = '' } = useParams();
  const item = useLoad(() => servicesApi.rectification(communityId, id), [communityId, id]);
  const [form] = Form.useForm<{ text?: string; evidence?: string }>();
  const act = useSubmit(async (action: RectificationActionBody['action']) => {
    const { text, evidence } = form.getFieldsValue();
    const body: RectificationActionBody = { action, text: text?.trim() || undefined };
    if (action === 'submit' && evidence?.trim()) {
      body.evidence = evidence
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((name) => ({ name }));
    }
    await servicesApi.act(communityId, id, body);
    form.resetFields();
    item.reload();
  });
  const [caption, setCaption] = useState('');
  const photo = useSubmit(async (file: File) => {
    await servicesApi.addPhoto(communityId, id, file, caption.trim());
    setCaption('');
    item.reload();
  });
  if (!item.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  const d = item.data;
  const allowed = new Set(d.allowedActions);
  return (
    <>
      <PageHeader title={`第 ${d.seq} 号整改事项：${d.title}`} extra={<RectificationTags item={d} />} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, sm: 1, md: 2 }} size="small">
          <Descriptions.Item label="状态">{d.statusLabel}</Descriptions.Item>
          <Descriptions.Item label="整改期限">{d.dueOn}</Descriptions.Item>
          <Descriptions.Item label="来源">
            {d.sourceLabel}
            {d.meetingText && `（${d.meetingText}）`}
            {d.sourceNote && `：${d.sourceNote}`}
          </Descriptions.Item>
          <Descriptions.Item label="位置">{d.location || '—'}</Descriptions.Item>
          <Descriptions.Item label="类别">{d.category || '—'}</Descriptions.Item>
          <Descriptions.Item label="负责人">{d.assigneeName ?? '物业'}</Descriptions.Item>
          <Descriptions.Item label="整改要求">{d.description || '—'}</Descriptions.Item>
          {d.acceptedAtText && <Descriptions.Item label="验收时间">{d.acceptedAtText}</Descriptions.Item>}
        </Descriptions>
      </Card>
      {allowed.size > 0 && (
        <Card title="办理" style={{ marginBottom: 16 }}>
          <Form form={form} layout="vertical">
            <Form.Item name="text" label={allowed.has('accept') ? '验收意见（退回时必填理由）' : '进展或完成说明'}>
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
            {allowed.has('submit') && (
              <Form.Item name="evidence" label="证据（每行一项，如：整改后照片、维修单号）">
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            )}
          </Form>
          <Space wrap>
            {allowed.has('start') && (
              <Button onClick={() => void act.run('start')} loading={act.busy}>
                开始整改
              </Button>
            )}
            {allowed.has('progress') && (
              <Button onClick={() => void act.run('progress')} loading={act.busy}>
                报告进展
              </Button>
            )}
            {allowed.has('submit') && (
              <ConfirmButton
                type="primary"
                confirmTitle="提交整改完成？"
                consequence="提交后由业委会验收；验收前不能再报告进展。"
                okText="提交"
                onConfirm={() => act.run('submit')}
              >
                提交完成
              </ConfirmButton>
            )}
            {allowed.has('accept') && (
              <ConfirmButton
                type="primary"
                confirmTitle="验收通过？"
                consequence="验收通过后该整改事项办结，记入决策记录。"
                okText="验收通过"
                onConfirm={() => act.run('accept')}
              >
                验收通过
              </ConfirmButton>
            )}
            {allowed.has('reject') && (
              <Button danger onClick={() => void act.run('reject')} loading={act.busy}>
                退回整改
              </Button>
            )}
          </Space>
        </Card>
      )}
      <Card title={`整改照片（${d.photos.length}）`} style={{ marginBottom: 16 }} data-testid="rectification-photos">
        {d.photos.length === 0 ? (
          <Empty description="尚无照片" image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <Flex gap={12} wrap>
            {d.photos.map((p) => (
              <Flex key={p.id} vertical align="center" data-testid="rectification-photo">
                <AuthPhoto url={p.url} label={p.caption || '现场'} />
                <Typography.Text type="secondary" style={{ fontSize: 14 }}>
                  {p.uploadedByName} · {p.atText}
                </Typography.Text>
              </Flex>
            ))}
          </Flex>
        )}
        {d.mayAddPhoto && (
          <Flex gap={8} wrap align="center" style={{ marginTop: 12 }}>
            <Input
              value={caption}
              onChange={(e) => setCaption(e.target.value)}
              maxLength={200}
              placeholder="照片说明，如：整改前、整改后"
              aria-label="照片说明"
              style={{ maxWidth: 280 }}
              data-testid="photo-caption"
            />
            <label>
              <Button
                size="large"
                loading={photo.busy}
                onClick={(e) => (e.currentTarget.nextElementSibling as HTMLInputElement | null)?.click()}
              >
                上传照片
              </Button>
              <input
                type="file"
                accept="image/jpeg,image/png,image/webp"
                capture="environment"
                hidden
                data-testid="rectification-photo-input"
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) void photo.run(file);
                }}
              />
            </label>
          </Flex>
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          整改中由物业上传，提交后由业委会验收时补充；照片只增不改，验收后不能再加。
        </Typography.Paragraph>
      </Card>
      <Card title="办理记录">
        <Timeline
          items={d.events.map((e) => ({
            children: (
              <Flex vertical gap={2}>
                <Typography.Text strong>
                  {e.actionLabel}
                  {e.actorName && ` · ${e.actorName}`}
                </Typography.Text>
                <Typography.Text type="secondary">{e.atText}</Typography.Text>
                {e.text && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{e.text}</Typography.Text>}
                {e.evidence.length > 0 && <Typography.Text>证据：{e.evidence.map((v) => v.name).join('、')}</Typography.Text>}
              </Flex>
            ),
          }))}
        />
      </Card>
    </>
  );
}
