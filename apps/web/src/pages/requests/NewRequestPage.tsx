import { CameraOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { requestsApi, type FileRequestBody } from '../../api/requests';
import { useLoad } from '../../hooks/useLoad';
import { useSubmit } from '../../hooks/useSubmit';
import { PageHeader } from '../../layout/PageHeader';
import { hasAny } from '../../session/permissions';
import { useCommunity } from '../../session/useCommunity';

interface Values {
  category: string;
  title: string;
  description?: string;
  placeKind: 'unit' | 'building' | 'common';
  unitId?: string;
  buildingId?: string;
  placeText?: string;
  filerName?: string;
  filerMobile?: string;
}

/** 我要反映问题: category, place and photos; staff entering it for a resident add the resident's name. */
export default function NewRequestPage() {
  const { communityId, roles } = useCommunity();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const form = useLoad(() => requestsApi.form(communityId), [communityId]);
  const [files, setFiles] = useState<File[]>([]);
  const [f] = Form.useForm<Values>();
  const placeKind = Form.useWatch('placeKind', f);
  const forResident = !hasAny(roles, ['owner', 'tenant']);
  const submit = useSubmit(async (v: Values) => {
    const body: FileRequestBody = { ...v };
    const created = await requestsApi.file(communityId, body);
    for (const file of files) await requestsApi.photo(communityId, created.id, file, 'filing');
    message.success('已提交，等待派单');
    navigate(`/c/${communityId}/requests/${created.id}`);
  });
  const categories = form.data?.categories ?? [];
  return (
    <>
      <PageHeader title={forResident ? '代居民登记诉求' : '我要反映问题'} />
      <Card style={{ maxWidth: 640 }}>
        <Form
          form={f}
          layout="vertical"
          onFinish={submit.run}
          initialValues={{ placeKind: form.data?.myUnits.length ? 'unit' : 'common' }}
          requiredMark={false}
        >
          <Form.Item name="category" label="问题类别" rules={[{ required: true, message: '请选择问题类别' }]}>
            <Select
              size="large"
              placeholder="请选择"
              options={categories.map((c) => ({ value: c.category, label: `${c.label}（${c.ruleText}）` }))}
              data-testid="request-category"
            />
          </Form.Item>
          <Form.Item name="title" label="一句话说明问题" rules={[{ required: true, min: 2, message: '至少 2 个字' }]}>
            <Input size="large" maxLength={100} placeholder="如：3号楼2单元楼道灯不亮" data-testid="request-title" />
          </Form.Item>
          <Form.Item name="description" label="详细情况（可不填）">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Form.Item name="placeKind" label="地点">
            <Radio.Group
              optionType="button"
              options={[
                ...(form.data?.myUnits.length ? [{ value: 'unit', label: '我家' }] : []),
                { value: 'building', label: '楼栋' },
                { value: 'common', label: '公共区域' },
              ]}
            />
          </Form.Item>
          {placeKind === 'unit' && (
            <Form.Item name="unitId" label="房屋" rules={[{ required: true, message: '请选择房屋' }]}>
              <Select size="large" options={(form.data?.myUnits ?? []).map((u) => ({ value: u.id, label: u.name }))} />
            </Form.Item>
          )}
          {placeKind === 'building' && (
            <Form.Item name="buildingId" label="楼栋" rules={[{ required: true, message: '请选择楼栋' }]}>
              <Select
                size="large"
                options={(form.data?.buildings ?? []).map((b) => ({ value: b.id, label: b.name }))}
                data-testid="request-building"
              />
            </Form.Item>
          )}
          <Form.Item
            name="placeText"
            label={placeKind === 'common' ? '具体位置' : '补充位置（可不填）'}
            rules={placeKind === 'common' ? [{ required: true, message: '请写明位置' }] : []}
          >
            <Input
              size="large"
              maxLength={200}
              placeholder={placeKind === 'common' ? '如：东门车棚' : '如：2单元3楼'}
              data-testid="request-place"
            />
          </Form.Item>
          {forResident && (
            <>
              <Form.Item name="filerName" label="居民姓名" rules={[{ required: true, message: '请填写居民姓名' }]}>
                <Input size="large" maxLength={40} />
              </Form.Item>
              <Form.Item name="filerMobile" label="居民手机（可不填）">
                <Input size="large" inputMode="tel" maxLength={11} />
              </Form.Item>
            </>
          )}
          <Form.Item label="现场照片（可多张）">
            <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8, cursor: 'pointer' }}>
              <Button
                icon={<CameraOutlined />}
                size="large"
                onClick={(e) => (e.currentTarget.nextElementSibling as HTMLInputElement | null)?.click()}
              >
                拍照或选择照片
              </Button>
              <input
                type="file"
                accept="image/jpeg,image/png,image/webp"
                multiple
                capture="environment"
                hidden
                data-testid="request-photo"
                onChange={(e) => setFiles([...files, ...Array.from(e.target.files ?? [])])}
              />
            </label>
            {files.length > 0 && (
              <Typography.Paragraph style={{ marginTop: 8 }}>
                已选 {files.length} 张：{files.map((x) => x.name).join('、')}
              </Typography.Paragraph>
            )}
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={submit.busy} data-testid="request-submit">
            提交
          </Button>
        </Form>
      </Card>
    </>
  );
}
