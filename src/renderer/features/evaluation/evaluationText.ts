import type { Shape } from '../../i18n/shape';

/** The evaluation screen's text (Chinese); merged into the app's resources under 'evaluation'. */
export const evaluationTextZh = {
  title: '考评',
};

export const evaluationTextEn: Shape<typeof evaluationTextZh> = {
  title: 'Evaluation',
};
