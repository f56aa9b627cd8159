import type { ThemeConfig } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type TextSize = 'normal' | 'large';
const KEY = 'gongyi.textSize';

function stored(): TextSize {
  try {
    return localStorage.getItem(KEY) === 'large' ? 'large' : 'normal';
  } catch {
    return 'normal';
  }
}

const Ctx = createContext<{ size: TextSize; toggle: () => void }>({ size: 'normal', toggle: () => undefined });

/** 大字模式: every font and control scaled up by about a quarter; the choice is kept on this device. */
export function scaleTheme(theme: ThemeConfig, size: TextSize): ThemeConfig {
  if (size === 'normal') return theme;
  const t = theme.token ?? {};
  const k = 1.25;
  const px = (v: number | string | undefined, d: number) => Math.round((typeof v === 'number' ? v : d) * k);
  return {
    ...theme,
    token: {
      ...t,
      fontSize: px(t.fontSize, 18),
      fontSizeLG: px(t.fontSizeLG, 20),
      fontSizeHeading1: px(t.fontSizeHeading1, 34),
      fontSizeHeading2: px(t.fontSizeHeading2, 28),
      fontSizeHeading3: px(t.fontSizeHeading3, 24),
      fontSizeHeading4: px(t.fontSizeHeading4, 21),
      controlHeight: px(t.controlHeight, 44),
      controlHeightLG: px(t.controlHeightLG, 50),
    },
    components: {
      ...theme.components,
      Menu: { ...theme.components?.Menu, itemHeight: 60, fontSize: 22 },
      Tag: { ...theme.components?.Tag, fontSizeSM: 20 },
    },
  };
}

export function TextSizeProvider({ children }: { children: ReactNode }) {
  const [size, setSize] = useState<TextSize>(stored);
  useEffect(() => {
    document.documentElement.dataset.textSize = size;
  }, [size]);
  const toggle = useCallback(() => {
    setSize((s) => {
      const next = s === 'large' ? 'normal' : 'large';
      try {
        localStorage.setItem(KEY, next);
      } catch {
        // private mode: the choice lasts for this visit only
      }
      document.documentElement.dataset.textSize = next;
      return next;
    });
  }, []);
  const value = useMemo(() => ({ size, toggle }), [size, toggle]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useTextSize() {
  return useContext(Ctx);
}
