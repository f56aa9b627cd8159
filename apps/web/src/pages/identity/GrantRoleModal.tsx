import { Alert, DatePicker, Form, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { identityApi, type CommunityRole, type User } from '../../api';
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
  confirmationRequired,
  onClose,
  onGranted,
}: {
  communityId: string;
  open: boolean;
  /** A residents'-committee holder is in office: the grant is a request they confirm (issue 10 §6). */
  confirmationRequired: boolean;
  onClose: () => void;
  onGranted: (done: string) => void;
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
      const body = {
        userId: values.userId!,
        role: values.role,
        startsOn: values.startsOn?.format('YYYY-MM-DD'),
        endsOn: values.endsOn?.format('YYYY-MM-DD'),
      };
      let done: string;
      if (confirmationRequired) {
        const asked = await identityApi.requestRole(communityId, body);
        done = `已提交：授予 ${asked.displayName}「${ROLE_LABELS[asked.role] ?? asked.role}」，待居委会确认后生效`;
      } else {
        const assignment = await identityApi.grantRole(communityId, body);
        done = `已授予 ${assignment.displayName}「${ROLE_LABELS[assignment.role] ?? assignment.role}」角色`;
      }
      form.resetFields();
      onGranted(done);
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
      okText={confirmationRequired ? '提交居委会确认' : '授予'}
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
        {confirmationRequired ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="grant-needs-confirmation"
            title="本小区已有在任居委会人员：提交后须经居委会确认，角色才生效。"
          />
        ) : (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="本小区尚无在任居委会人员：这是首批任命，授予后立即生效，并告知日后在任的居委会。"
          />
        )}
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
