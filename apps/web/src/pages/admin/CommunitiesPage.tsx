import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Modal, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { registryApi, type Community, type CommunityRole } from '../../api';
import { formatDate } from '../../format';
import { ROLE_LABELS } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../../session/session';
import { validated } from '../../hooks/validated';

interface CreateForm {
  name: string;
  district?: string;
  address?: string;
}

export default function CommunitiesPage() {
  const { me, communities, refreshCommunities } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<CreateForm>();
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const isAdmin = me?.isPlatformAdmin === true;

  useEffect(() => {
    void refreshCommunities().catch(() => undefined);
  }, [refreshCommunities]);

  const create = async () => {
    const values = await validated(form);
    if (!values) return;
    setSaving(true);
    try {
      const community = await registryApi.createCommunity({
        name: values.name.trim(),
        district: values.district?.trim() || undefined,
        address: values.address?.trim() || undefined,
      });
      await refreshCommunities();
      message.success(`已创建小区「${community.name}」`);
      setCreating(false);
      form.resetFields();
      navigate(`/c/${community.id}/overview`);
    } catch {
      // shown by the fetch wrapper
    } finally {
      setSaving(false);
    }
  };

  const columns: TableColumnsType<Community> = [
    {
      title: '小区名称',
      dataIndex: 'name',
      render: (name: string, c) => <Link to={`/c/${c.id}/overview`}>{name}</Link>,
    },
    { title: '区县', dataIndex: 'district', responsive: ['md'], render: (v: string | null) => v || '—' },
    { title: '地址', dataIndex: 'address', responsive: ['lg'], render: (v: string | null) => v || '—' },
    {
      title: '我的角色',
      dataIndex: 'roles',
      responsive: ['sm'],
      render: (roles: CommunityRole[] | undefined) =>
        roles?.length ? (
          <Space wrap size={4}>
            {roles.map((r) => (
              <Tag key={r}>{ROLE_LABELS[r] ?? r}</Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    { title: '创建日期', dataIndex: 'createdAt', responsive: ['lg'], render: (v: string) => formatDate(v) },
  ];

  return (
    <>
      <PageHeader
        title={isAdmin ? '小区管理' : '我的小区'}
        extra={
          isAdmin && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-community-button">
              新建小区
            </Button>
          )
        }
      />
      <Card>
        <Table<Community>
          data-testid="communities-table"
          rowKey="id"
          columns={columns}
          dataSource={communities}
          locale={{ emptyText: isAdmin ? '还没有小区，请点击「新建小区」' : '您目前在任何小区都没有角色' }}
          pagination={communities.length > 20 ? { pageSize: 20 } : false}
        />
      </Card>
      <Modal
        open={creating}
        title="新建小区"
        okText="创建"
        cancelText="取消"
        confirmLoading={saving}
        onOk={create}
        onCancel={() => setCreating(false)}
        okButtonProps={{ 'data-testid': 'create-community-submit' } as Record<string, string>}
      >
        <Form<CreateForm> form={form} layout="vertical" requiredMark={false}>
          <Form.Item name="name" label="小区名称" rules={[{ required: true, whitespace: true, message: '请输入小区名称' }]}>
            <Input maxLength={100} placeholder="例如 太平洋花园" data-testid="community-name" />
          </Form.Item>
          <Form.Item name="district" label="所在区县">
            <Input maxLength={100} placeholder="例如 杭州市西湖区" data-testid="community-district" />
          </Form.Item>
          <Form.Item name="address" label="地址">
            <Input maxLength={200} data-testid="community-address" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
