import { DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { identityApi, type CommunityRole, type RoleAssignment, type User } from '../../api';
import { ROLE_LABELS, ROLE_ORDER } from '../../labels';

interface GrantForm {
  who: 'existing' | 'new';
  userId?: string;
  displayName?: string;
  loginName?: string;
  mobile?: string;
  role: CommunityRole;
  startsOn?: Dayjs;
  endsOn?: Dayjs;
}

export interface NewAccount {
  displayName: string;
  login: string;
  password: string;
}

function userLabel(u: User): string {
  const login = [u.loginName, u.mobile].filter(Boolean).join(' / ');
  return login ? `${u.displayName}（${login}）` : u.displayName;
}

/** Grants a role to an existing account, or creates the account first (platform admin). */
export function GrantRoleModal({
  communityId,
  open,
  onClose,
  onGranted,
  onAccountCreated,
}: {
  communityId: string;
  open: boolean;
  onClose: () => void;
  onGranted: (assignment: RoleAssignment) => void;
  /** Called as soon as the account exists, so its one-time password is never lost if the grant fails. */
  onAccountCreated: (account: NewAccount) => void;
}) {
  const [form] = Form.useForm<GrantForm>();
  const who = Form.useWatch('who', form) ?? 'existing';
  const [users, setUsers] = useState<User[]>([]);
  const [searching, setSearching] = useState(false);
  const [query, setQuery] = useState('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!open || who !== 'existing') return;
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
  }, [open, who, query]);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      let userId = values.userId;
      if (values.who === 'new') {
        const created = await identityApi.createUser({
          displayName: values.displayName!.trim(),
          loginName: values.loginName?.trim() || undefined,
          mobile: values.mobile?.trim() || undefined,
        });
        userId = created.user.id;
        if (created.oneTimePassword) {
          onAccountCreated({
            displayName: created.user.displayName,
            login: created.user.loginName ?? created.user.mobile ?? '',
            password: created.oneTimePassword,
          });
        }
        // From here on it is an existing account: a retry after a failed grant must not create it twice.
        setUsers((list) => [created.user, ...list.filter((u) => u.id !== created.user.id)]);
        form.setFieldsValue({ who: 'existing', userId });
      }
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
      <Form<GrantForm> form={form} layout="vertical" initialValues={{ who: 'existing' }} requiredMark={false} preserve={false}>
        <Form.Item name="who" label="授予给">
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'existing', label: '已有账号' },
              { value: 'new', label: '新建账号' },
            ]}
          />
        </Form.Item>
        {who === 'existing' ? (
          <Form.Item name="userId" label="账号" rules={[{ required: true, message: '请选择账号' }]}>
            <Select
              data-testid="grant-user"
              placeholder="输入姓名、登录名或手机号查找"
              showSearch={{ filterOption: false, onSearch: setQuery }}
              loading={searching}
              notFoundContent={searching ? '正在查找…' : '没有找到，可改为「新建账号」'}
              options={users.map((u) => ({ value: u.id, label: userLabel(u) }))}
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
              <Input data-testid="new-user-name" maxLength={64} />
            </Form.Item>
            <Form.Item
              name="loginName"
              label="登录名"
              extra="3–32 位字母、数字或 ._-，以字母开头；也可只填手机号"
              rules={[{ pattern: /^[a-zA-Z][a-zA-Z0-9._-]{2,31}$/, message: '登录名格式不正确' }]}
            >
              <Input data-testid="new-user-login" autoCapitalize="off" />
            </Form.Item>
            <Form.Item
              name="mobile"
              label="手机号"
              dependencies={['loginName']}
              rules={[
                { pattern: /^1\d{10}$/, message: '请输入 11 位手机号' },
                ({ getFieldValue }) => ({
                  validator: (_, value?: string) =>
                    value || getFieldValue('loginName') ? Promise.resolve() : Promise.reject(new Error('登录名和手机号至少填一项')),
                }),
              ]}
            >
              <Input data-testid="new-user-mobile" inputMode="numeric" maxLength={11} />
            </Form.Item>
            <Typography.Paragraph type="secondary">创建后会显示一次性密码，本人首次登录时须修改。</Typography.Paragraph>
          </>
        )}
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
