import { Card, Col, Row, Statistic } from 'antd';
import type { StatementTotals as Totals } from '../../api';
import { formatYuan } from '../../format';

const FIELDS: { key: keyof Totals; label: string }[] = [
  { key: 'openingFen', label: '期初余额' },
  { key: 'incomeFen', label: '本期收入' },
  { key: 'costFen', label: '本期支出' },
  { key: 'transferFen', label: '转入维修资金' },
  { key: 'closingFen', label: '期末余额' },
];

/** Opening + income − costs − transfers = closing, each in yuan from integer fen. */
export function StatementTotals({ totals, compact = false }: { totals: Totals; compact?: boolean }) {
  return (
    <Row gutter={[12, 12]}>
      {FIELDS.map((f) => (
        <Col key={f.key} xs={12} sm={8} lg={compact ? 8 : 4} flex={compact ? undefined : 'auto'}>
          <Card size="small" variant={compact ? 'borderless' : 'outlined'} styles={{ body: { padding: compact ? 4 : 12 } }}>
            <Statistic
              title={f.label}
              value={totals[f.key]}
              formatter={() => (
                <span data-testid={`total-${f.key}`} style={{ fontSize: compact ? 22 : 26 }}>
                  {formatYuan(totals[f.key])}
                </span>
              )}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
