import { Alert, DatePicker, Form, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { identityApi, type CommunityRole, type RoleAssignment, type User } from '../../api';
import { ROLE_LABELS, ROLE_ORDER } from '../../labels';
import { validated } from '../../hooks/validated';

interface GrantForm {
  userId?: string;
  role: CommunityRole;
  startsOn?: Dayjs;
  endsOn?: Dayjs;
}

function userLabel(u: User): string {
  const login = [u.loginName, u.mobile].filter(Boolean).join(' / ');
  return login ? `${u.displayName}（${login}）` : u.displayName;
}

/**
 * Grants a role to an account its holder registered (platform admin). Nobody creates an account or a password
 * for someone else, so the admin never holds another person's credential.
 */
export function GrantRoleModal({
  communityId,
  open,
  onClose,
  onGranted,
}: {
  communityId: string;
  open: boolean;
  onClose: () => void;
  onGranted: (assignment: RoleAssignment) => void;
}) {
  const [form] = Form.useForm<GrantForm>();
  const [users, setUsers] = useState<User[]>([]);
  const [searching, setSearching] = useState(false);
  const [query, setQuery] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    const timer = setTimeout(() => {
      setSearching(true);
      identityApi
        .users(query.trim() || undefined)
        .then((found) => live && setUsers(found))
        .catch(() => undefined)
        .finally(() => live && setSearching(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [open, query]);

  const submit = async () => {
    const values = await validated(form);
    if (!values) return;
    setSaving(true);
    try {
      const userId = values.userId;
      const assignment = await identityApi.grantRole(communityId, {
        userId: userId!,
        role: values.role,
        startsOn: values.startsOn?.format('YYYY-MM-DD'),
        endsOn: values.endsOn?.format('YYYY-MM-DD'),
      });
      form.resetFields();
      onGranted(assignment);
    } catch {
      // the fetch wrapper has shown the server's message
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title="授予角色"
      okText="授予"
      cancelText="取消"
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'grant-submit' } as Record<string, string>}
    >
      <Form<GrantForm> form={form} layout="vertical" requiredMark={false} preserve={false}>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="对方须先在登录页「工作人员注册账号」自行注册并设置密码，再在这里按姓名、登录名或手机号查找。"
        />
        <Form.Item name="userId" label="账号" rules={[{ required: true, message: '请选择账号' }]}>
          <Select
            data-testid="grant-user"
            placeholder="输入姓名、登录名或手机号查找"
            showSearch={{ filterOption: false, onSearch: setQuery }}
            loading={searching}
            notFoundContent={searching ? '正在查找…' : '没有找到：请对方先注册账号'}
            options={users.map((u) => ({ value: u.id, label: userLabel(u) }))}
          />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]}>
          <Select data-testid="grant-role" placeholder="选择角色" options={ROLE_ORDER.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        <Form.Item name="startsOn" label="开始日期" extra="不填则从今天开始">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="endsOn" label="结束日期" extra="不填则长期有效（例如业委会任期届满日）">
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
