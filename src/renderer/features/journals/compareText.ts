import type { Shape } from '../../i18n/shape';

/** The compare screen's text (Chinese); merged into the app's resources under 'compare'. */
export const compareTextZh = {
  title: '日志对照',
};

export const compareTextEn: Shape<typeof compareTextZh> = {
  title: 'Journals side by side',
};
