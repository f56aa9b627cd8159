import { FontSizeOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTextSize } from './textSize';

/** The 大字 switch in the header and on the login page. */
export function TextSizeSwitch({ dark = true }: { dark?: boolean }) {
  const { size, toggle } = useTextSize();
  const large = size === 'large';
  return (
    <Button
      type="text"
      aria-pressed={large}
      aria-label={large ? '恢复标准字号' : '切换为大字'}
      data-testid="text-size-switch"
      style={{ color: dark ? '#fff' : undefined, minWidth: 44 }}
      icon={<FontSizeOutlined style={{ fontSize: 20 }} />}
      onClick={toggle}
    >
      {large ? '标准字' : '大字'}
    </Button>
  );
}
