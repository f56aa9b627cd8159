import { formatDateTime } from '../../format';
import { CHANNEL_LABELS } from '../../labels';

/** The receipt code, large: the owner keeps it to check later that the ballot was counted. */
export function ReceiptCard({ code, castAt, channel, title }: { code: string; castAt: string; channel: string; title: string }) {
  return (
    <section
      className="gy-l-card gy-l-card-body"
      style={{ borderColor: '#389e0d', background: '#f6ffed' }}
      data-testid="receipt"
      role="status"
    >
      <h2 style={{ marginTop: 0 }}>
        <span aria-hidden="true" style={{ color: '#237804' }}>
          ✔
        </span>{' '}
        {title}
      </h2>
      <p style={{ marginBottom: 4 }}>回执码（请抄下或截图保存）：</p>
      <div
        className="gy-l-mono"
        data-testid="receipt-code"
        style={{ fontSize: 34, fontWeight: 700, letterSpacing: 2, margin: '4px 0 8px' }}
      >
        {code}
      </div>
      <span className="gy-l-muted">
        {CHANNEL_LABELS[channel as keyof typeof CHANNEL_LABELS] ?? channel} · {formatDateTime(castAt)} ·
        凭回执码可核对是否计入，但不显示您的选择。
      </span>
    </section>
  );
}
