import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Segmented, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { identityApi, type CommunityRole, type RoleAssignment } from '../../api';
import { formatDate } from '../../format';
import { useLoad } from '../../hooks/useLoad';
import { ROLE_LABELS } from '../../labels';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../../session/session';
import { GrantRoleModal } from './GrantRoleModal';
import { RoleRequestsCard } from './RoleRequestsCard';

export default function RolesPage() {
  const { communityId = '' } = useParams();
  const { me } = useSession();
  const { message } = App.useApp();
  const isAdmin = me?.isPlatformAdmin === true;
  const roles = useLoad(() => identityApi.roles(communityId), [communityId]);
  const requests = useLoad(() => identityApi.roleRequests(communityId), [communityId]);
  const isResidentsCommittee =
    me?.communities.some((c) => c.communityId === communityId && c.roles.includes('residents_committee')) ?? false;
  const [show, setShow] = useState<'active' | 'all'>('active');
  const [granting, setGranting] = useState(false);
  const [ending, setEnding] = useState<string | null>(null);

  const rows = useMemo(() => {
    const list = roles.data ?? [];
    const shown = show === 'active' ? list.filter((r) => r.active) : list;
    return [...shown].sort((a, b) => Number(b.active) - Number(a.active) || a.displayName.localeCompare(b.displayName, 'zh-CN'));
  }, [roles.data, show]);

  const endRole = async (assignment: RoleAssignment) => {
    setEnding(assignment.id);
    try {
      await identityApi.endRole(communityId, assignment.id);
      message.success(`已结束 ${assignment.displayName} 的「${ROLE_LABELS[assignment.role] ?? assignment.role}」角色`);
      roles.reload();
    } catch {
      // message shown by the fetch wrapper
    } finally {
      setEnding(null);
    }
  };

  const columns: TableColumnsType<RoleAssignment> = [
    {
      title: '姓名',
      dataIndex: 'displayName',
      render: (name: string, r) => (
        <span>
          {name}
          {r.loginName && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 16 }}>
              {r.loginName}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: '角色', dataIndex: 'role', render: (role: CommunityRole) => ROLE_LABELS[role] ?? role },
    {
      title: '任期',
      key: 'term',
      responsive: ['md'],
      render: (_, r) => `${formatDate(r.startsOn)} 至 ${r.endsOn ? formatDate(r.endsOn) : '长期'}`,
    },
    {
      title: '状态',
      dataIndex: 'active',
      render: (active: boolean) => (active ? <Tag color="green">在任</Tag> : <Tag>已结束</Tag>),
    },
  ];
  if (isAdmin) {
    columns.push({
      title: '操作',
      key: 'actions',
      render: (_, r) =>
        r.active ? (
          <Popconfirm
            title="结束这个角色？"
            description="从今天起不再拥有此角色，历史记录会保留。"
            okText="结束角色"
            cancelText="取消"
            okButtonProps={{ danger: true }}
            onConfirm={() => endRole(r)}
          >
            <Button danger loading={ending === r.id}>
              结束
            </Button>
          </Popconfirm>
        ) : null,
    });
  }

  return (
    <>
      <PageHeader
        title="角色管理"
        extra={
          isAdmin && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setGranting(true)} data-testid="grant-role-button">
              授予角色
            </Button>
          )
        }
      />
      {requests.data && (
        <RoleRequestsCard
          communityId={communityId}
          requests={requests.data.requests}
          canDecide={isResidentsCommittee}
          myUserId={me?.id}
          onDecided={() => {
            requests.reload();
            roles.reload();
          }}
        />
      )}
      <Card>
        <Space style={{ marginBottom: 16 }} wrap>
          <Segmented
            value={show}
            onChange={(v) => setShow(v as 'active' | 'all')}
            options={[
              { value: 'active', label: '在任' },
              { value: 'all', label: '全部（含已结束）' },
            ]}
          />
        </Space>
        <Table<RoleAssignment>
          data-testid="roles-table"
          rowKey="id"
          loading={roles.loading}
          columns={columns}
          dataSource={rows}
          locale={{ emptyText: '还没有人担任角色' }}
          pagination={rows.length > 50 ? { pageSize: 50 } : false}
        />
      </Card>
      {isAdmin && (
        <GrantRoleModal
          communityId={communityId}
          open={granting}
          confirmationRequired={requests.data?.confirmationRequired ?? true}
          onClose={() => setGranting(false)}
          onGranted={(done) => {
            setGranting(false);
            message.success(done);
            roles.reload();
            requests.reload();
          }}
        />
      )}
    </>
  );
}
