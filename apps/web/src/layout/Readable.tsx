import { ConfigProvider, type ThemeConfig } from 'antd';
import type { ComponentType, ReactNode } from 'react';

/**
 * Ant Design's defaults that fall below WCAG AA (4.5:1) on the pages owners and visitors open on their phones, as
 * Lighthouse's color-contrast audit found them: description and label grey (45 % black, 4.0:1), the default link
 * blue on the grey page background, green and orange tag text on their tints (3.6:1, 3.3:1).
 */
const READABLE: ThemeConfig = {
  token: {
    colorTextDescription: 'rgba(0, 0, 0, 0.7)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.7)',
    colorLink: '#1f5fa8',
    // Seeds, so the whole green/orange palette (tag text = its 7th shade) and the success text shift darker.
    green: '#237804',
    orange: '#ad4e00',
    colorSuccess: '#237804',
  },
};

/** Nested ConfigProvider: only these pages change; the rest of the theme is inherited. */
export function Readable({ children }: { children: ReactNode }) {
  return <ConfigProvider theme={READABLE}>{children}</ConfigProvider>;
}

/** For React.lazy: `lazy(() => import('./Page').then(readable))` shows the page inside <Readable>. */
export function readable<P extends object>(module: { default: ComponentType<P> }): { default: ComponentType<P> } {
  const Page = module.default;
  const ReadablePage = (props: P) => (
    <Readable>
      <Page {...props} />
    </Readable>
  );
  return { default: ReadablePage };
}
