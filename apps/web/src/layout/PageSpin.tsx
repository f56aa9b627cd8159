import { Flex, Spin } from 'antd';

export function PageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '50vh' }}>
      <Spin size="large" description="正在加载…" />
    </Flex>
  );
}
