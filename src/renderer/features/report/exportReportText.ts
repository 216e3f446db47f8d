import type { Shape } from '../../i18n/shape';

/** The exportReport screen's text (Chinese); merged into the app's resources under 'exportReport'. */
export const exportReportTextZh = {
  button: '导出考评报表',
};

export const exportReportTextEn: Shape<typeof exportReportTextZh> = {
  button: 'Export evaluation report',
};
