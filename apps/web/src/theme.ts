import type { ThemeConfig } from 'antd';

/**
 * Large type and large touch targets: many committee members and owners are elderly and use a phone.
 * 18px body text, 48px controls, strong contrast.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1f5fa8',
    colorText: 'rgba(0, 0, 0, 0.9)',
    colorTextSecondary: 'rgba(0, 0, 0, 0.7)',
    // Secondary text (Typography type="secondary", descriptions, placeholders) at ≥ 4.5:1 on the page background
    // (antd's default 0.45 gave about 3.3:1).
    colorTextTertiary: 'rgba(0, 0, 0, 0.66)',
    colorTextDescription: 'rgba(0, 0, 0, 0.66)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
    // Links in the primary blue (antd's default #1677ff is 4.1:1 on white, under AA).
    colorLink: '#1f5fa8',
    colorLinkHover: '#174a85',
    colorLinkActive: '#123a69',
    // Danger text and buttons readable at 4.5:1 (antd's #ff4d4f is 3.3:1 on white).
    colorError: '#cf1322',
    fontSize: 18,
    fontSizeLG: 20,
    fontSizeHeading1: 34,
    fontSizeHeading2: 28,
    fontSizeHeading3: 24,
    fontSizeHeading4: 21,
    controlHeight: 44,
    controlHeightLG: 50,
    borderRadius: 8,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif",
  },
  components: {
    Layout: { headerBg: '#1f5fa8', headerPadding: '0 16px', headerHeight: 64, siderBg: '#fff' },
    Menu: { itemHeight: 52, iconSize: 20, fontSize: 18 },
    Table: { cellPaddingBlock: 14, cellPaddingInline: 12 },
    Statistic: { contentFontSize: 34, titleFontSize: 18 },
    // Tags carry meaning here (已售, 在任, 投票人): keep them as readable as body text.
    Tag: { fontSizeSM: 16, lineHeightSM: 1.6 },
  },
};
