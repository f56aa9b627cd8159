import { useEffect, useId, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import './lite.css';

/**
 * The few building blocks of the light pages, plain elements styled by lite.css (no Ant Design: these pages are
 * opened on phones over slow networks, issue 15). Test ids are passed through so browser tests keep their hooks.
 */

type TestId = { 'data-testid'?: string };

export function Card({
  title,
  extra,
  children,
  style,
  'data-testid': testId,
}: { title?: ReactNode; extra?: ReactNode; children: ReactNode; style?: CSSProperties } & TestId) {
  return (
    <section className="gy-l-card" style={style} data-testid={testId}>
      {(title || extra) && (
        <div className="gy-l-card-head">
          {title && <h2>{title}</h2>}
          {extra}
        </div>
      )}
      <div className="gy-l-card-body">{children}</div>
    </section>
  );
}

interface ButtonProps extends TestId {
  kind?: 'primary' | 'default' | 'link';
  block?: boolean;
  href?: string;
  download?: boolean;
  disabled?: boolean;
  loading?: boolean;
  type?: 'button' | 'submit';
  onClick?: () => void;
  style?: CSSProperties;
  'aria-label'?: string;
  'aria-pressed'?: boolean;
  children: ReactNode;
}

/** A button, or a link that looks like one when it has an `href` (downloads). */
export function Button({ kind = 'default', block, href, download, disabled, loading, type = 'button', children, ...rest }: ButtonProps) {
  const className = `gy-l-btn gy-l-btn-${kind}${block ? ' gy-l-btn-block' : ''}`;
  if (href !== undefined) {
    return disabled ? (
      <a className={className} aria-disabled="true" style={rest.style} data-testid={rest['data-testid']}>
        {children}
      </a>
    ) : (
      <a className={className} href={href} download={download} style={rest.style} data-testid={rest['data-testid']}>
        {children}
      </a>
    );
  }
  return (
    <button
      type={type}
      className={className}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      onClick={rest.onClick}
      style={rest.style}
      data-testid={rest['data-testid']}
      aria-label={rest['aria-label']}
      aria-pressed={rest['aria-pressed']}
    >
      {loading ? '请稍候…' : children}
    </button>
  );
}

/** A file picker shown as a button; the input itself stays in the page (tests set files on it). */
export function FileButton({
  accept,
  onFile,
  disabled,
  children,
  'data-testid': testId,
}: { accept: string; onFile: (file: File) => void; disabled?: boolean; children: ReactNode } & TestId) {
  return (
    <label className="gy-l-btn" data-testid={testId} aria-disabled={disabled || undefined}>
      <input
        type="file"
        accept={accept}
        className="gy-l-visually-hidden"
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      {children}
    </label>
  );
}

export function Alert({
  type,
  title,
  description,
  action,
  style,
  'data-testid': testId,
  'data-verdict': verdict,
}: {
  type: 'error' | 'success' | 'info' | 'warning';
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  style?: CSSProperties;
  'data-verdict'?: string;
} & TestId) {
  return (
    <div
      className={`gy-l-alert gy-l-alert-${type}`}
      role={type === 'error' ? 'alert' : 'status'}
      style={style}
      data-testid={testId}
      data-verdict={verdict}
    >
      <div className="gy-l-alert-title">{title}</div>
      {description && <div>{description}</div>}
      {action && <div style={{ marginTop: 8 }}>{action}</div>}
    </div>
  );
}

export function Tag({ color, children }: { color?: 'green' | 'orange' | 'blue' | 'default'; children: ReactNode }) {
  return <span className={`gy-l-tag${color && color !== 'default' ? ` gy-l-tag-${color}` : ''}`}>{children}</span>;
}

export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <p className="gy-l-skeleton" role="status">
      {text}
    </p>
  );
}

export function Empty({ description }: { description: string }) {
  return <p className="gy-l-muted gy-l-center">{description}</p>;
}

/** Label/value pairs (the light form of antd's Descriptions). */
export function Pairs({ items, style }: { items: [ReactNode, ReactNode][]; style?: CSSProperties }) {
  return (
    <dl className="gy-l-dl" style={style}>
      {items.map(([label, value], i) => (
        <div key={i} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Progress({ percent, label }: { percent: number; label: string }) {
  const value = Math.max(0, Math.min(100, Math.round(percent)));
  return (
    <div className="gy-l-row" style={{ flexWrap: 'nowrap' }}>
      <progress className="gy-l-progress" max={100} value={value} aria-label={label} />
      <span style={{ whiteSpace: 'nowrap' }}>{value}%</span>
    </div>
  );
}

/**
 * A modal question (native <dialog>: focus kept inside, Esc closes), in the page only while open so its text is not
 * found twice. `confirmTestId` marks the confirm button for browser tests; `onConfirm` may be async.
 */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  children: ReactNode;
  okText: string;
  cancelText?: string;
  danger?: boolean;
  onConfirm: () => Promise<unknown> | void;
  onCancel: () => void;
  confirmTestId?: string;
}) {
  return props.open ? <OpenDialog {...props} /> : null;
}

function OpenDialog({
  title,
  children,
  okText,
  cancelText = '取消',
  danger,
  onConfirm,
  onCancel,
  confirmTestId,
}: {
  title: string;
  children: ReactNode;
  okText: string;
  cancelText?: string;
  danger?: boolean;
  onConfirm: () => Promise<unknown> | void;
  onCancel: () => void;
  confirmTestId?: string;
}) {
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const titleId = useId();
  return (
    <dialog ref={ref} className="gy-l gy-l-dialog" aria-labelledby={titleId} onCancel={(e) => (e.preventDefault(), onCancel())}>
      <h2 id={titleId} style={{ marginTop: 0 }}>
        {title}
      </h2>
      {children}
      <div className="gy-l-row" style={{ justifyContent: 'flex-end', marginTop: 16 }}>
        <Button onClick={onCancel} disabled={busy}>
          {cancelText}
        </Button>
        <Button
          kind="primary"
          loading={busy}
          data-testid={confirmTestId}
          style={danger ? { background: '#a8071a', borderColor: '#a8071a' } : undefined}
          onClick={async () => {
            setBusy(true);
            try {
              await onConfirm();
            } finally {
              setBusy(false);
            }
          }}
        >
          {okText}
        </Button>
      </div>
    </dialog>
  );
}
