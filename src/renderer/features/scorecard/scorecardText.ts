import type { Shape } from '../../i18n/shape';

/** The scorecard screen's text (Chinese); merged into the app's resources under 'scorecard'. */
export const scorecardTextZh = {
  title: '考评卡',
};

export const scorecardTextEn: Shape<typeof scorecardTextZh> = {
  title: 'Scorecard',
};
