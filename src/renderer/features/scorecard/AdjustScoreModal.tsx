import { useTranslation } from 'react-i18next';
import { useApiClient } from '../../api/ApiContext';
import { formatScore } from './formatMetricValue';
import { ScoreWithReasonModal } from './ScoreWithReasonModal';

interface Props {
  month: string;
  managerCode: string;
  /** The dimension being adjusted, or null when the dialog is closed. */
  dimension: string | null;
  currentScore: number | null;
  onClose: () => void;
  onSaved: () => void;
}

/** Sets a dimension score by hand, with a mandatory reason. */
export function AdjustScoreModal({ month, managerCode, dimension, currentScore, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useApiClient();
  const label = dimension ? t(`measures.dimensions.${dimension}`) : '';
  return (
    <ScoreWithReasonModal
      open={dimension !== null}
      title={t('scorecard.adjustTitle', { dimension: label })}
      hint={t('scorecard.adjustCurrent', { score: formatScore(currentScore, t) })}
      initialScore={currentScore}
      testId="adjust"
      reasonPlaceholder={t('scorecard.adjustReasonPlaceholder')}
      submit={(score, reason) => client.call('evaluation.adjust', { month, managerCode, dimension: dimension ?? '', score, reason })}
      savedMessage={(score) => t('scorecard.adjustSaved', { dimension: label, score })}
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}
