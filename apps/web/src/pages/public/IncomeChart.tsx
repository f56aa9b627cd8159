import type { PublicStatement } from '../../api';
import { formatYuan, percentOf } from '../../format';

/** "2026-04-01".."2026-06-30" → "2026年第2季度"; other periods → "2026年4–6月". */
export function periodLabel(start: string, end: string): string {
  const year = start.slice(0, 4);
  const from = Number(start.slice(5, 7));
  const to = Number(end.slice(5, 7));
  if (end.slice(0, 4) === year && to - from === 2 && from % 3 === 1) return `${year}年第${(from + 2) / 3}季度`;
  return from === to ? `${year}年${from}月` : `${year}年${from}–${to}月`;
}

const SERIES = [
  { key: 'incomeFen', label: '收入', color: '#389e0d' },
  { key: 'costFen', label: '支出', color: '#d46b08' },
  { key: 'transferFen', label: '转入维修资金', color: '#1f5fa8' },
] as const;

/** Income, costs and transfers per period as plain SVG bars (heights from integer fen; figures listed below). */
export function IncomeChart({ statements }: { statements: PublicStatement[] }) {
  const periods = [...statements].sort((a, b) => a.periodStart.localeCompare(b.periodStart)).slice(-8);
  const max = periods.reduce((m, s) => SERIES.reduce((mm, k) => (BigInt(s[k.key]) > BigInt(mm) ? s[k.key] : mm), m), '1');
  const groupWidth = 100;
  const barWidth = 24;
  const height = 160;
  const width = Math.max(periods.length, 1) * groupWidth;
  return (
    <div data-testid="income-chart">
      <div className="gy-l-row" style={{ gap: 16, marginBottom: 8 }}>
        {SERIES.map((s) => (
          <span key={s.key}>
            <span style={{ display: 'inline-block', width: 14, height: 14, background: s.color, marginRight: 6, verticalAlign: -1 }} />
            {s.label}
          </span>
        ))}
      </div>
      <svg
        viewBox={`0 0 ${width} ${height + 30}`}
        width="100%"
        style={{ maxWidth: width * 2.2, display: 'block' }}
        role="img"
        aria-label="各期收入与支出"
      >
        <line x1={0} y1={height} x2={width} y2={height} stroke="#bfbfbf" />
        {periods.map((p, i) => (
          <g key={p.id} transform={`translate(${i * groupWidth + 12}, 0)`}>
            {SERIES.map((s, j) => {
              const h = (percentOf(p[s.key], max) / 100) * (height - 8);
              return (
                <rect key={s.key} x={j * barWidth} y={height - h} width={barWidth - 4} height={h} fill={s.color} rx={2}>
                  <title>{`${periodLabel(p.periodStart, p.periodEnd)} ${s.label} ${formatYuan(p[s.key])}`}</title>
                </rect>
              );
            })}
            <text x={(barWidth * 3) / 2 - 2} y={height + 20} textAnchor="middle" fontSize={13} fill="#595959">
              {periodLabel(p.periodStart, p.periodEnd).replace('第', '').replace('季度', '季')}
            </text>
          </g>
        ))}
      </svg>
      <p className="gy-l-muted" style={{ fontSize: 16, margin: 0 }}>
        柱高按金额比例绘制；准确金额见下方各期报表。
      </p>
    </div>
  );
}
