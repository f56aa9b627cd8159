import { App, Button, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { useSubmit } from '../hooks/useSubmit';

export interface ConfirmButtonProps extends Omit<ButtonProps, 'onClick' | 'loading'> {
  /** The question, e.g. "确认发布公告？" */
  confirmTitle: string;
  /** What will happen, in plain words, including that it cannot be undone. */
  consequence: ReactNode;
  /** Label of the confirming button in the dialog (default 确认). */
  okText?: string;
  onConfirm: () => Promise<unknown>;
  /** Checked before asking (e.g. the form's fields): false shows nothing more, the form shows what is wrong. */
  precheck?: () => Promise<boolean>;
}

/**
 * The button of an irreversible action: it first says what will happen and asks, then runs the action once
 * (disabled while the request is in flight, so no double submit).
 */
export function ConfirmButton({
  confirmTitle,
  consequence,
  okText = '确认',
  onConfirm,
  precheck,
  disabled,
  danger,
  ...button
}: ConfirmButtonProps) {
  const { modal } = App.useApp();
  const action = useSubmit(onConfirm);
  const ask = async () => {
    if (action.busy) return;
    if (precheck && !(await precheck())) return;
    modal.confirm({
      title: confirmTitle,
      content: (
        <div data-testid="confirm-consequence">
          {consequence}
          <p style={{ marginTop: 8, fontWeight: 600 }}>此操作不能撤销。</p>
        </div>
      ),
      okText,
      cancelText: '取消',
      okButtonProps: { danger },
      onOk: () => action.run(),
    });
  };
  return <Button {...button} danger={danger} loading={action.busy} disabled={disabled || action.busy} onClick={() => void ask()} />;
}
