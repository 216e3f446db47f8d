import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';

// AG Grid 36 does nothing without registered modules (error #200 for filters); register once.
ModuleRegistry.registerModules([AllCommunityModule]);

/** One look for every grid: compact rows for 1366×768 screens, CJK-capable fonts. */
export const gridTheme = themeQuartz.withParams({
  fontFamily: ['"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans CJK SC"', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 13,
  spacing: 6,
  rowHeight: 32,
  headerHeight: 34,
  headerBackgroundColor: '#f5f7fa',
  accentColor: '#1677ff',
  borderRadius: 4,
  wrapperBorderRadius: 6,
});
