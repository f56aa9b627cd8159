import { useCallback, useEffect, useId, useMemo, useState, type FormEvent, type HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { activationApi, ApiError } from '../../api';
import { useSession } from '../../session/session';
import { formatDateTime } from '../../format';
import { AuthShell } from '../../lite/LiteShell';
import { leaveTo } from '../../lite/routes';
import { Alert, Button } from '../../lite/ui';

interface ActivateForm {
  code: string;
  fact: string;
  loginName: string;
  password: string;
  confirm: string;
}

/** The code may arrive in the link's fragment (#code=…), which the browser never sends to a server. */
function codeFromLink(): string {
  const match = /(?:^|[#&])code=([^&]+)/.exec(window.location.hash);
  return match ? decodeURIComponent(match[1]) : '';
}

/** The same rules the form always had, in order; the first that fails is shown under the field. */
function problems(v: ActivateForm, linking: boolean): Partial<Record<keyof ActivateForm, string>> {
  const out: Partial<Record<keyof ActivateForm, string>> = {};
  if (!v.code.trim()) out.code = '请输入激活码';
  else if (!/^[A-Za-z0-9\s-]{12,20}$/.test(v.code)) out.code = '激活码为 12 位字母和数字，例如 ACDE-FGHJ-KMNP';
  if (!v.fact.trim()) out.fact = '请输入核验信息';
  else if (!/^(\d{4}|\d{5}[\dXx])$/.test(v.fact)) out.fact = '请输入手机号后 4 位或身份证号后 6 位';
  if (linking) return out;
  if (v.loginName && !/^[a-zA-Z][a-zA-Z0-9._-]{2,31}$/.test(v.loginName)) out.loginName = '3–32 位字母、数字或 ._-，以字母开头';
  if (!v.password) out.password = '请设置密码';
  else if (v.password.length < 10) out.password = '密码至少 10 位，含字母和数字';
  else if (!/(?=.*[A-Za-z])(?=.*\d)/.test(v.password)) out.password = '密码须同时含字母和数字';
  if (!v.confirm) out.confirm = '请再次输入密码';
  else if (v.confirm !== v.password) out.confirm = '两次输入的密码不一致';
  return out;
}

function Field({
  label,
  extra,
  error,
  value,
  onChange,
  type = 'text',
  inputProps,
}: {
  label: string;
  extra?: string;
  error?: string;
  value: string;
  onChange: (v: string) => void;
  type?: string;
  inputProps: HTMLAttributes<HTMLInputElement> & Record<string, unknown>;
}) {
  const id = useId();
  const describedBy = [extra && `${id}-extra`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="gy-l-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="gy-l-input"
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...inputProps}
      />
      {extra && (
        <div id={`${id}-extra`} className="gy-l-muted" style={{ marginTop: 4 }}>
          {extra}
        </div>
      )}
      {error && (
        <div id={`${id}-error`} className="gy-l-error-text">
          {error}
        </div>
      )}
    </div>
  );
}

/**
 * 业主账号激活 (public, phone first): the code from the letter plus a fact only the register and the owner know;
 * the owner sets their own password. Signed in already, the code links the owner to that account instead.
 * A light page (no Ant Design): owners open it from the letter's QR code on a phone.
 */
export default function ActivatePage() {
  const { me, signIn, refresh } = useSession();
  const navigate = useNavigate();
  const initialCode = useMemo(codeFromLink, []);
  const [values, setValues] = useState<ActivateForm>({ code: initialCode, fact: '', loginName: '', password: '', confirm: '' });
  const [shown, setShown] = useState<Partial<Record<keyof ActivateForm, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const linking = me !== null && !me.mustChangePassword;
  const set = (key: keyof ActivateForm) => (v: string) => setValues((old) => ({ ...old, [key]: v }));
  // The code is checked as soon as it is typed (POST /activation/check): an expired or revoked letter is said before
  // the owner chooses a password. The check does not count as a failed attempt; the fact is still asked on submit.
  const [checked, setChecked] = useState<{ code: string; note?: string; error?: string } | null>(null);
  const checkCode = useCallback(async (typed: string) => {
    const code = typed.trim();
    if (problems({ code, fact: '0000', loginName: '', password: '', confirm: '' }, true).code) return;
    try {
      const { expiresAt } = await activationApi.check(code);
      setChecked({ code, note: `激活码有效，${formatDateTime(expiresAt)} 前可用` });
    } catch (e) {
      setChecked({ code, error: e instanceof ApiError ? e.message : '暂时无法核对激活码，可直接提交' });
    }
  }, []);
  // A code from the letter's QR link is checked at once; a typed one when the owner leaves the field.
  useEffect(() => {
    if (initialCode) void checkCode(initialCode);
  }, [initialCode, checkCode]);
  const codeCheck = checked?.code === values.code.trim() ? checked : null;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const found = problems(values, linking);
    setShown(found);
    if (Object.keys(found).length > 0) return;
    setError(null);
    setSaving(true);
    try {
      const code = values.code.trim();
      const fact = values.fact.trim();
      if (linking) {
        const linked = await activationApi.link({ code, fact });
        await refresh();
        leaveTo(`/c/${linked.communityId}/my-votes`, navigate);
      } else {
        const result = await activationApi.activate({
          code,
          fact,
          password: values.password,
          loginName: values.loginName.trim() || undefined,
        });
        await signIn(result);
        leaveTo('/', navigate);
      }
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : '激活失败，请稍后再试');
    } finally {
      setSaving(false);
    }
  };

  return (
    <AuthShell title="激活业主账号">
      <p>
        请输入《业主网上账号激活通知书》上的激活码，以及花名册登记手机号的<strong>后 4 位</strong>（或身份证号的<strong>后 6 位</strong>）。
        {linking ? `激活后房屋将关联到当前账号（${me?.displayName}）。` : '然后设置您自己的登录密码，任何工作人员都不会知道它。'}
      </p>
      {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} data-testid="activation-error" />}
      <form onSubmit={onSubmit} noValidate>
        <Field
          label="激活码"
          value={values.code}
          onChange={set('code')}
          extra={codeCheck?.note}
          error={shown.code ?? codeCheck?.error}
          inputProps={{
            onBlur: () => void (checked?.code === values.code.trim() || checkCode(values.code)),
            autoCapitalize: 'characters',
            autoComplete: 'one-time-code',
            placeholder: 'XXXX-XXXX-XXXX',
            'data-testid': 'activation-code',
          }}
        />
        <Field
          label="核验信息"
          extra="登记手机号后 4 位，或身份证号后 6 位"
          value={values.fact}
          onChange={set('fact')}
          error={shown.fact}
          inputProps={{ inputMode: 'numeric', maxLength: 6, 'data-testid': 'activation-fact' }}
        />
        {!linking && (
          <>
            <Field
              label="登录名（可不填）"
              extra="不填则以登记的手机号登录"
              value={values.loginName}
              onChange={set('loginName')}
              error={shown.loginName}
              inputProps={{ autoCapitalize: 'off', autoComplete: 'username', 'data-testid': 'activation-login' }}
            />
            <Field
              label="设置密码"
              type="password"
              value={values.password}
              onChange={set('password')}
              error={shown.password}
              inputProps={{ autoComplete: 'new-password', 'data-testid': 'activation-password' }}
            />
            <Field
              label="再次输入密码"
              type="password"
              value={values.confirm}
              onChange={set('confirm')}
              error={shown.confirm}
              inputProps={{ autoComplete: 'new-password', 'data-testid': 'activation-confirm' }}
            />
          </>
        )}
        <Button kind="primary" type="submit" block loading={saving} data-testid="activation-submit">
          {linking ? '关联房屋' : '激活账号'}
        </Button>
      </form>
      <p className="gy-l-muted" style={{ marginTop: 16 }}>
        激活码过期、遗失或输错 5 次作废时，请向业委会申请补发。{' '}
        {!me && (
          <>
            已有账号？<Link to="/login">先登录</Link>，再回到本页关联房屋。
          </>
        )}
      </p>
    </AuthShell>
  );
}
