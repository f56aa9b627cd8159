import { Button, Collapse, Empty, Flex, Space, Tag, Typography } from 'antd';
import type { Canvassing, CanvassElector } from '../../api';
import { formatArea } from '../../format';

/** 扫楼: owners who have not voted yet, by building, with what is still missing to the two-thirds lines. */
export function CanvassingPanel({
  data,
  motionCount,
  onPaper,
  onProxy,
}: {
  data: Canvassing;
  motionCount: number;
  onPaper?: (elector: CanvassElector) => void;
  onProxy?: (elector: CanvassElector) => void;
}) {
  return (
    <div data-testid="canvassing">
      <Space orientation="vertical" style={{ marginBottom: 12 }}>
        {data.motions.map((m) => (
          <span key={m.motionId}>
            议案 {m.seq}：
            {m.met ? (
              <Tag color="green">已达三分之二</Tag>
            ) : (
              <span>
                还差 <strong>{m.headsMissing}</strong> 人、<strong>{formatArea(m.areaMissing)}</strong> 平方米
              </span>
            )}
          </span>
        ))}
      </Space>
      {data.buildings.length === 0 ? (
        <Empty description="所有业主均已投票" />
      ) : (
        <Collapse
          items={data.buildings.map((b) => ({
            key: b.building,
            label: (
              <Flex wrap gap={8} justify="space-between" style={{ width: '100%' }}>
                <strong>{b.building || '未分楼栋'}</strong>
                <span>
                  未投 {b.notVotedHeads} 人 · {formatArea(b.notVotedArea)} 平方米
                </span>
              </Flex>
            ),
            children: b.electors.map((e) => (
              <Flex
                key={e.electorId}
                wrap
                gap={8}
                justify="space-between"
                align="center"
                style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
                data-testid="canvass-row"
              >
                <div>
                  <strong>{e.name}</strong>
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {e.unitNumbers.join('、')} · {formatArea(e.area)} 平方米
                  </Typography.Text>
                  {e.motionsVoted > 0 && (
                    <Tag style={{ marginLeft: 8 }}>
                      已投 {e.motionsVoted}/{motionCount} 项
                    </Tag>
                  )}
                </div>
                <Space wrap>
                  {onPaper && <Button onClick={() => onPaper(e)}>录入纸质票</Button>}
                  {onProxy && <Button onClick={() => onProxy(e)}>登记委托</Button>}
                </Space>
              </Flex>
            )),
          }))}
        />
      )}
    </div>
  );
}
