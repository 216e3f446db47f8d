import { useTranslation } from 'react-i18next';
import type { MetricRowDto } from '../../../shared/api/evaluationApi';
import { useApiClient } from '../../api/ApiContext';
import { ScoreWithReasonModal } from './ScoreWithReasonModal';

interface Props {
  month: string;
  managerCode: string;
  /** The 手工评分 metric being scored, or null when the dialog is closed. */
  metric: MetricRowDto | null;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * Scores a metric whose rule is 手工评分 (0–100, reason mandatory, audited). The month's result is
 * then out of date until it is evaluated again, which the stale banner says.
 */
export function ManualScoreModal({ month, managerCode, metric, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const client = useApiClient();
  const label = metric ? t(`measures.metrics.${metric.metric}`, { defaultValue: metric.label }) : '';
  return (
    <ScoreWithReasonModal
      open={metric !== null}
      title={t('scorecard.manualTitle', { metric: label })}
      hint={t('scorecard.manualHint')}
      initialScore={metric?.score ?? null}
      testId="manual"
      submit={(value, reason) => client.call('evaluation.setManualScore', { month, managerCode, metric: metric?.metric ?? '', value, reason })}
      savedMessage={(score) => t('scorecard.manualSaved', { metric: label, score })}
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}
