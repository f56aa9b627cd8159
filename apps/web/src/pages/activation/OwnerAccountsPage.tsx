import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  activationApi,
  saveFile,
  type ActivationStatus,
  type BuildingActivation,
  type IssueLetters,
  type OwnerActivation,
} from '../../api';
import { useLoad } from '../../hooks/useLoad';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../../session/session';
import { RegisterFactsCard } from './RegisterFactsCard';

const STATUS_COLORS: Record<ActivationStatus, string> = {
  not_issued: 'default',
  issued: 'blue',
  activated: 'green',
  expired: 'orange',
};

const STATUS_OPTIONS: { value: ActivationStatus; label: string }[] = [
  { value: 'not_issued', label: '未发放' },
  { value: 'issued', label: '已发放' },
  { value: 'activated', label: '已激活' },
  { value: 'expired', label: '已过期' },
];

/**
 * 业主账号 (committee): print activation letters per building or for everyone, reissue or revoke one owner's
 * code, and see per building who has activated (for canvassing). Passwords never appear here.
 */
export default function OwnerAccountsPage() {
  const { communityId = '' } = useParams();
  const { message } = App.useApp();
  const { communities } = useSession();
  const roles = communities.find((c) => c.id === communityId)?.roles ?? [];
  const canIssue = roles.includes('committee_director') || roles.includes('committee_member');
  const canUnlock = roles.includes('residents_committee');
  const [buildingId, setBuildingId] = useState<string>();
  const [status, setStatus] = useState<ActivationStatus>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [busy, setBusy] = useState<string | null>(null);
  const buildings = useLoad(() => activationApi.buildings(communityId), [communityId]);
  const owners = useLoad(
    () => activationApi.owners(communityId, { buildingId, status, q: q.trim() || undefined, page, pageSize: 20 }),
    [communityId, buildingId, status, q, page],
  );
  const reload = () => {
    buildings.reload();
    owners.reload();
  };

  const issue = async (key: string, body: IssueLetters, filename: string) => {
    setBusy(key);
    try {
      const { blob, issued } = await activationApi.issuePdf(communityId, body);
      if (issued === 0) message.info('没有需要发放的业主（已发放且未过期的不重复发放）');
      else {
        saveFile({ blob, filename });
        message.success(`已生成 ${issued} 份激活通知书，请打印后当面送达`);
      }
      reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : '发放失败');
    } finally {
      setBusy(null);
    }
  };

  const revoke = async (owner: OwnerActivation) => {
    setBusy(`revoke-${owner.ownerId}`);
    try {
      await activationApi.revoke(communityId, owner.ownerId);
      message.success(`${owner.name} 的激活码已作废`);
      reload();
    } catch {
      // shown by the fetch wrapper
    } finally {
      setBusy(null);
    }
  };

  const unlock = async (owner: OwnerActivation) => {
    setBusy(`unlock-${owner.ownerId}`);
    try {
      await activationApi.unlock(communityId, owner.ownerId);
      message.success(`已解除 ${owner.name} 的激活锁定，业委会可重新发放通知书`);
      reload();
    } catch {
      // shown by the fetch wrapper
    } finally {
      setBusy(null);
    }
  };

  const buildingColumns: TableColumnsType<BuildingActivation> = [
    { title: '楼栋', dataIndex: 'name' },
    { title: '业主', dataIndex: 'total' },
    { title: '未发放', dataIndex: 'not_issued' },
    { title: '已发放', dataIndex: 'issued' },
    { title: '已激活', dataIndex: 'activated' },
    { title: '已过期', dataIndex: 'expired' },
    ...(canIssue
      ? [
          {
            title: '通知书',
            key: 'print',
            render: (_: unknown, b: BuildingActivation) => (
              <Button
                size="middle"
                loading={busy === `b-${b.buildingId}`}
                disabled={b.not_issued + b.expired === 0}
                onClick={() => issue(`b-${b.buildingId}`, { buildingId: b.buildingId }, `激活通知书-${b.name}.pdf`)}
                data-testid={`issue-building-${b.name}`}
              >
                打印本楼未发放/过期
              </Button>
            ),
          },
        ]
      : []),
  ];

  const ownerColumns: TableColumnsType<OwnerActivation> = [
    { title: '业主', dataIndex: 'name' },
    { title: '房屋', dataIndex: 'units', render: (units: string[]) => units.join('、') },
    {
      title: '状态',
      dataIndex: 'status',
      render: (s: ActivationStatus, o) => (
        <Space size={4} wrap>
          <Tag color={STATUS_COLORS[s]} data-testid="activation-status">
            {o.statusLabel}
          </Tag>
          {o.locked && <Tag color="red">核验输错过多，待居委会核实</Tag>}
          {!o.registerFact && s !== 'activated' && (
            <Tag color="gold" data-testid="no-register-fact">
              待居委会导入核验信息
            </Tag>
          )}
          {o.locked && canUnlock && (
            <Popconfirm title="已当面核实业主身份，解除锁定？" okText="解除" cancelText="取消" onConfirm={() => unlock(o)}>
              <Button size="small" loading={busy === `unlock-${o.ownerId}`}>
                解除锁定
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
    {
      title: '有效期至',
      dataIndex: 'expiresAt',
      render: (at: string | null, o) =>
        at && o.status !== 'activated' && o.status !== 'not_issued' ? new Date(at).toLocaleDateString('zh-CN') : '—',
    },
    ...(canIssue
      ? [
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, o: OwnerActivation) =>
              o.status === 'activated' || !o.registerFact ? null : (
                <Space wrap>
                  <Popconfirm
                    title={o.status === 'issued' ? '补发后旧激活码立即作废，确定补发？' : '发放激活通知书？'}
                    okText="确定"
                    cancelText="取消"
                    onConfirm={() => issue(`o-${o.ownerId}`, { ownerIds: [o.ownerId] }, `激活通知书-${o.name}.pdf`)}
                  >
                    <Button size="middle" loading={busy === `o-${o.ownerId}`} data-testid="issue-owner">
                      {o.status === 'not_issued' ? '发放' : '补发'}
                    </Button>
                  </Popconfirm>
                  {o.status === 'issued' && (
                    <Popconfirm title="作废后该激活码不能再使用，确定作废？" okText="作废" cancelText="取消" onConfirm={() => revoke(o)}>
                      <Button size="middle" danger loading={busy === `revoke-${o.ownerId}`} data-testid="revoke-owner">
                        作废
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title="业主账号"
        extra={
          canIssue && (
            <Button
              type="primary"
              loading={busy === 'all'}
              onClick={() => issue('all', {}, '激活通知书-全小区.pdf')}
              data-testid="issue-all"
            >
              打印全小区未发放/过期的通知书
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary">
        业主账号只能由业主本人用激活通知书上的激活码、加上居委会导入的登记手机号后 4 位或身份证号后 6 位激活，并自行设置密码。
        业委会只打印和送达通知书，看不到核验信息，也不能设置业主的密码；没有核验信息的业主暂不发放通知书。
      </Typography.Paragraph>
      {canUnlock && <RegisterFactsCard communityId={communityId} onImported={reload} />}
      <Card title="各楼栋激活情况" size="small" style={{ marginBottom: 16 }}>
        <Table<BuildingActivation>
          rowKey="buildingId"
          size="small"
          pagination={false}
          loading={buildings.loading}
          dataSource={buildings.data ?? []}
          columns={buildingColumns}
          scroll={{ x: true }}
          data-testid="building-counts"
        />
      </Card>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          aria-label="按楼栋筛选"
          placeholder="全部楼栋"
          style={{ minWidth: 140 }}
          value={buildingId}
          onChange={(v) => {
            setBuildingId(v);
            setPage(1);
          }}
          options={(buildings.data ?? []).map((b) => ({ value: b.buildingId, label: b.name }))}
        />
        <Select
          allowClear
          aria-label="按状态筛选"
          placeholder="全部状态"
          style={{ minWidth: 120 }}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={STATUS_OPTIONS}
        />
        <Input.Search
          allowClear
          aria-label="按姓名或房号搜索"
          placeholder="姓名或房号"
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
          style={{ width: 200 }}
        />
      </Space>
      <Table<OwnerActivation>
        rowKey="ownerId"
        loading={owners.loading}
        dataSource={owners.data?.items ?? []}
        columns={ownerColumns}
        scroll={{ x: true }}
        pagination={{ current: page, pageSize: 20, total: owners.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        data-testid="owner-accounts-table"
      />
    </>
  );
}
