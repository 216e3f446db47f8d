import type { Shape } from '../../i18n/shape';

/** The schemes screen's text (Chinese); merged into the app's resources under 'schemes'. */
export const schemesTextZh = {
  title: '考核方案',
};

export const schemesTextEn: Shape<typeof schemesTextZh> = {
  title: 'Scoring scheme',
};
